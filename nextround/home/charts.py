"""Bar charts drawn on the server, with every bar labelled in words.

Labels are HTML text beside each bar (only the bar itself is drawn), so they
keep the page's type size at any width instead of shrinking with a picture.

Each bar carries its series name and value as text, so colour is never the
only way to tell bars apart, and every chart on a page is followed by a
table with the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The longest bar fills this share of the row, leaving room for its label.
LONGEST_BAR = 72


@dataclass(frozen=True)
class Bar:
    series: str
    series_index: int
    value: float
    display: str
    # Percent of the chart's width, so bars compare across groups at any size.
    width: float


@dataclass
class Group:
    label: str
    bars: list[Bar] = field(default_factory=list)
    # One cell per series of the chart, for the table alternative.
    cells: list[str] = field(default_factory=list)


@dataclass
class BarChart:
    """A grouped horizontal bar chart ready for ``home/_bar_chart.html``."""

    slug: str
    title: str
    summary: str
    series: list[str]
    groups: list[Group]
    unit: str = ""

    @property
    def has_data(self) -> bool:
        return any(bar.value for group in self.groups for bar in group.bars)


def bar_chart(
    slug: str,
    title: str,
    summary: str,
    rows: list[tuple[str, list[tuple[str, float]]]],
    unit: str = "",
) -> BarChart:
    """Lay out rows of ``(group label, [(series, value), …])`` as horizontal bars.

    All bars share one scale, so lengths compare across groups.
    """
    series: list[str] = []
    for _, values in rows:
        for name, _ in values:
            if name not in series:
                series.append(name)
    largest = max((value for _, values in rows for _, value in values), default=0) or 1
    groups: list[Group] = []
    for label, values in rows:
        group = Group(label=label)
        for name, value in values:
            group.bars.append(
                Bar(
                    series=name,
                    series_index=series.index(name) % 6,
                    value=value,
                    display=f"{value:g}{unit}",
                    # A sliver for a small non-zero value, so it still shows.
                    width=round(max(value / largest * LONGEST_BAR, 0.5 if value else 0), 1),
                )
            )
        groups.append(group)
    for group in groups:
        shown = {bar.series: bar.display for bar in group.bars}
        group.cells = [shown.get(name, f"0{unit}") for name in series]
    return BarChart(
        slug=slug,
        title=title,
        summary=summary,
        series=series,
        groups=groups,
        unit=unit,
    )
