"""Small images made in memory for the picture tests (no file of the repository needed)."""

import io
import itertools
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from archive.images import clean_image, store_image
from archive.models import Image


def image_bytes(fmt="JPEG", size=(12, 8), color=(180, 40, 40), mode="RGB", noise=False, **save):
    picture = PILImage.new(mode, size, color)
    if noise:
        picture = PILImage.effect_noise(size, 80).convert(mode)
    buffer = io.BytesIO()
    picture.save(buffer, fmt, **save)
    return buffer.getvalue()


def jpeg_with_metadata(size=(12, 8), orientation=6):
    """A JPEG with a camera, a GPS position, a comment and an EXIF orientation."""
    exif = PILImage.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "SecretCam"
    exif.get_ifd(0x8825)[2] = (51.0, 30.0, 0.0)  # GPSLatitude
    return image_bytes("JPEG", size, exif=exif, comment=b"taken at home")


def _chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def bomb_png(width=10_000, height=10_000):
    """A tiny PNG whose header claims ``width`` × ``height`` pixels (the pixels are not
    there: nothing of that size is ever allocated)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + _chunk(b"IEND", b"")
    )


def truncated_jpeg():
    data = image_bytes("JPEG", (64, 64), noise=True, quality=95)
    return data[: len(data) // 2]


_colours = itertools.count(1)


def upload(content, name="poster.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def add_image(*, film=None, person=None, kind=None, content=None, **fields):
    """An ``Image`` record with its file and copies stored, as the admin would add it."""
    content = content or image_bytes(color=(next(_colours) * 7 % 255, 90, 120))
    stored = store_image(clean_image(io.BytesIO(content)))
    kind = kind or (Image.Kind.POSTER if film else Image.Kind.PORTRAIT)
    fields.setdefault("alt", f"{kind} of {film or person}")
    return Image.objects.create(film=film, person=person, kind=kind, **stored, **fields)
