"""Where a person lives, for public holidays: every country and region, in words.

Working days skip the public holidays of the person's country, and of their
part of it where that has holidays of its own. The ``holidays`` library knows
which countries and regions it can count; this module names them in words
("United Kingdom — England") and checks a country and region the same way
for setup, Settings, the API and the command line.
"""

from __future__ import annotations

import functools
import re

from django.core.exceptions import ValidationError

# Class names the library uses that do not read well once split into words.
COUNTRY_NAMES = {
    "DRCongo": "Democratic Republic of the Congo",
    "HeardIslandAndMcDonaldIslands": "Heard Island and McDonald Islands",
}
SMALL_WORDS = {"And": "and", "Of": "of", "The": "the", "Da": "da"}
DASH = " — "


def _country_name(class_name: str) -> str:
    if class_name in COUNTRY_NAMES:
        return COUNTRY_NAMES[class_name]
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", class_name).split()
    return " ".join(
        SMALL_WORDS.get(word, word) if position else word for position, word in enumerate(words)
    )


@functools.cache
def known_places() -> dict[str, tuple[str, dict[str, str]]]:
    """Country code → (its name, {region code: region name}), in the library's terms."""
    import holidays
    from holidays.registry import COUNTRIES

    places = {}
    for class_name, code, *_ in COUNTRIES.values():
        calendar = getattr(holidays, class_name)
        # Several spellings may name one region; the longest is usually the full name.
        names: dict[str, str] = {}
        for alias, region in getattr(calendar, "subdivisions_aliases", {}).items():
            if len(alias) > len(names.get(region, "")):
                names[region] = alias
        regions = {region: names.get(region, region) for region in calendar.subdivisions}
        places[code] = (_country_name(class_name), regions)
    return dict(sorted(places.items(), key=lambda item: item[1][0]))


def place_value(country: str, region: str = "") -> str:
    """One value for a country and region, as the select sends it: ``GB-ENG`` or ``GB``."""
    return f"{country}-{region}" if region else country


def place_name(country: str, region: str = "") -> str:
    """A country and region in words: "United Kingdom — England"."""
    name, regions = known_places().get(country, (country, {}))
    if not region:
        return name
    return f"{name}{DASH}{regions.get(region, region)}"


@functools.cache
def place_choices() -> list:
    """Choices for one select: a country, or a group of its regions after the whole country."""
    choices: list = []
    for code, (name, regions) in known_places().items():
        if not regions:
            choices.append((code, name))
            continue
        options = [(code, f"{name}{DASH}national holidays only")]
        options += [
            (place_value(code, region), f"{name}{DASH}{region_name}")
            for region, region_name in sorted(regions.items(), key=lambda item: item[1])
        ]
        choices.append((name, options))
    return choices


def check_place(country: str, region: str = "") -> tuple[str, str]:
    """The country and region, tidied, or a refusal naming ``country`` or ``holiday_region``."""
    country = (country or "").strip().upper()
    region = (region or "").strip().upper()
    places = known_places()
    if country not in places:
        raise ValidationError(
            {"country": "Next Round does not know the public holidays of that country."}
        )
    name, regions = places[country]
    if region and region not in regions:
        raise ValidationError(
            {"holiday_region": f"{name} has no region {region!r} with holidays of its own."}
        )
    return country, region


def split_place(value: str) -> tuple[str, str]:
    """``GB-ENG`` → ``("GB", "ENG")``, checked; a refusal names ``country``."""
    country, _, region = (value or "").partition("-")
    try:
        return check_place(country, region)
    except ValidationError as error:
        raise ValidationError(
            {"country": "Choose your country, or your part of it, from the list."}
        ) from error
