"""The demo's happy box: good things kept for a bad day."""

from __future__ import annotations

from nextround.core import demo_pictures
from nextround.core.demo import Story
from nextround.core.uploads import check_file, save_with_file
from nextround.happybox.models import HappyItem, HappyKind


def add_demo_chapter(story: Story) -> None:
    """Good things kept for bad days; yesterday's "no" makes the box offer itself on Today."""
    pictures = {
        "tour": demo_pictures.picture(demo_pictures.harbour, "first-tour.png"),
        "course": demo_pictures.picture(demo_pictures.certificate, "handling-certificate.png"),
        "badge": demo_pictures.picture(demo_pictures.badge, "crew-badge.png"),
    }
    items = [
        (
            HappyKind.ACHIEVEMENT,
            "Offered the archives traineeship",
            -141,
            "Second try at the same scheme, and they said yes. The cataloguing task went well.",
            "",
            None,
        ),
        (
            HappyKind.PHOTO,
            "My first tour on the ship",
            -220,
            "Twelve visitors, one very good question about the anchor, and nobody got lost.",
            "",
            "tour",
        ),
        (HappyKind.CERTIFICATE, "Object handling course", -270, "", "", "course"),
        (
            HappyKind.MEMENTO,
            "Volunteer crew badge",
            -228,
            "Given out after my first month.",
            "",
            "badge",
        ),
        (
            HappyKind.LETTER,
            "Thank-you card from the Year 4 class",
            -200,
            "Thank you for showing us the ship. The best bit was the cannon.",
            "",
            None,
        ),
        (
            HappyKind.POST,
            "Kind words from Morag",
            -150,
            "So proud of Sam: from volunteer guide to archives trainee in a year.",
            "https://social.example.org/@morag/1024",
            None,
        ),
        (
            HappyKind.NOTE,
            "What went well at Calderbrook",
            -12,
            "I answered the loans question step by step and stayed calm when I lost my thread.",
            "",
            None,
        ),
    ]
    for kind, title, offset, text, link, picture in items:
        item = HappyItem(
            owner=story.user,
            kind=kind,
            title=title,
            happened_on=story.day(offset),
            text=text,
            link=link,
        )
        save_with_file(item, check_file(pictures[picture]) if picture else None)
