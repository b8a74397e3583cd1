"""Bar charts drawn on the server as SVG, with every bar labelled in words.

Each bar carries its series name and value as text, so colour is never the
only way to tell bars apart, and every chart on a page is followed by a
table with the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

WIDTH = 400
BAR_HEIGHT = 16
BAR_GAP = 4
GROUP_LABEL = 20
GROUP_GAP = 14
# Room at the right of the longest bar for its label ("interviewed · 12"),
# estimated from the longest label at the chart's 13px type.
CHAR_WIDTH = 7.4
MIN_BAR_ROOM = 140


@dataclass(frozen=True)
class Bar:
    series: str
    series_index: int
    value: float
    display: str
    y: float
    width: float

    @property
    def label_x(self) -> float:
        return self.width + 6

    @property
    def text_y(self) -> float:
        return self.y + BAR_HEIGHT - 4


@dataclass
class Group:
    label: str
    label_y: float
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
    height: float
    width: int = WIDTH
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
    longest = max(
        (
            len(f"{name} · {value:g}{unit}") if len(series) > 1 else len(f"{value:g}{unit}")
            for _, values in rows
            for name, value in values
        ),
        default=0,
    )
    label_room = min(WIDTH - MIN_BAR_ROOM, longest * CHAR_WIDTH + 12)
    scale = (WIDTH - label_room) / largest
    groups: list[Group] = []
    y = 0.0
    for label, values in rows:
        group = Group(label=label, label_y=y + 14)
        y += GROUP_LABEL
        for name, value in values:
            display = f"{value:g}{unit}"
            group.bars.append(
                Bar(
                    series=name,
                    series_index=series.index(name) % 6,
                    value=value,
                    display=display,
                    y=y,
                    width=max(value * scale, 2 if value else 0),
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP
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
        height=max(y, 40),
        unit=unit,
    )
