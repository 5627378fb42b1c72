"""Stand-in images for seed content: a title on a plain background, made once."""

from __future__ import annotations

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model


def placeholder_image(title: str, subtitle: str, file: str):
    """The image titled `title`; if there is none, a cover with the title and subtitle."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    width, height = 600, 840
    canvas = PILImage.new("RGB", (width, height), (11, 59, 96))
    draw = ImageDraw.Draw(canvas)
    font = ImageFont.load_default(size=44)
    small = ImageFont.load_default(size=26)
    y = 120
    for line in _wrap(draw, title, font, width - 100):
        draw.text((50, y), line, fill=(255, 255, 255), font=font)
        y += 56
    y += 30
    for line in _wrap(draw, subtitle, small, width - 100):
        draw.text((50, y), line, fill=(230, 236, 242), font=small)
        y += 36
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    image = Image(title=title)
    image.file = ImageFile(buffer, name=file)
    image.save()
    return image


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    return [*lines, line]
