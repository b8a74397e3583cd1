"""Small pictures drawn in code for the demo story: no real photos, nobody's location."""

from __future__ import annotations

import io
from collections.abc import Callable

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFont

Scene = Callable[[ImageDraw.ImageDraw], None]


def picture(scene: Scene, name: str, size: tuple[int, int] = (640, 420)) -> SimpleUploadedFile:
    """A PNG of ``scene`` as if the person had uploaded it."""
    image = Image.new("RGB", size, "#e3eff2")
    scene(ImageDraw.Draw(image))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def harbour(draw: ImageDraw.ImageDraw) -> None:
    """A ship in the harbour on a bright morning."""
    for y in range(260):
        shade = 200 + y // 5
        draw.line([(0, y), (640, y)], fill=(shade - 40, shade - 10, min(shade + 20, 255)))
    draw.rectangle([0, 260, 640, 420], fill="#1d5f73")
    for x in range(0, 640, 40):
        draw.arc([x, 300, x + 40, 320], 200, 340, fill="#e3eff2", width=2)
    draw.polygon([(180, 300), (460, 300), (420, 345), (220, 345)], fill="#7a4a2a")
    draw.line([(320, 120), (320, 300)], fill="#3b2b20", width=6)
    draw.polygon([(326, 130), (326, 280), (430, 280)], fill="#f7f6f2")
    draw.ellipse([520, 40, 590, 110], fill="#f4c95d")


def certificate(draw: ImageDraw.ImageDraw) -> None:
    """A course certificate with a seal."""
    draw.rectangle([0, 0, 640, 420], fill="#fbf7ea")
    draw.rectangle([18, 18, 622, 402], outline="#8a6d1d", width=6)
    draw.rectangle([32, 32, 608, 388], outline="#c9ad5a", width=2)
    large, small = ImageFont.load_default(size=30), ImageFont.load_default(size=20)
    draw.text((320, 110), "Certificate of completion", fill="#3b3020", font=large, anchor="mm")
    draw.text((320, 180), "Sam Rivers", fill="#1f2a30", font=large, anchor="mm")
    draw.text(
        (320, 235), "Object handling and care, level 1", fill="#53616a", font=small, anchor="mm"
    )
    draw.ellipse([280, 280, 360, 360], fill="#a12b2b")
    draw.ellipse([296, 296, 344, 344], outline="#f4c95d", width=3)


def badge(draw: ImageDraw.ImageDraw) -> None:
    """A round volunteer's badge."""
    draw.ellipse([190, 80, 450, 340], fill="#1d5f73", outline="#154756", width=10)
    draw.ellipse([230, 120, 410, 300], fill="#f7f6f2")
    font = ImageFont.load_default(size=28)
    draw.text((320, 195), "VOLUNTEER", fill="#1d5f73", font=font, anchor="mm")
    draw.text((320, 235), "crew", fill="#53616a", font=font, anchor="mm")


def train_ticket(draw: ImageDraw.ImageDraw) -> None:
    """A made-up return train ticket."""
    draw.rectangle([0, 0, 640, 420], fill="#f7f6f2")
    draw.rounded_rectangle(
        [40, 60, 600, 360], radius=18, fill="#fdf3e1", outline="#c25e00", width=4
    )
    large, small = ImageFont.load_default(size=30), ImageFont.load_default(size=22)
    draw.text((70, 90), "STANDARD RETURN", fill="#8a4b00", font=large)
    draw.text((70, 160), "From: Riverside", fill="#1f2a30", font=small)
    draw.text((70, 200), "To:   Calderbrook", fill="#1f2a30", font=small)
    draw.text((70, 260), "Price: GBP 27.90", fill="#1f2a30", font=large)
    draw.text((420, 310), "Ticket 0042", fill="#53616a", font=small)
