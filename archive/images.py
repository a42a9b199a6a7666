"""Image files: checked, cleaned and resized once, on the way in (a small module over Pillow).

Every file that reaches the archive (the admin's upload, ``import_images``, a restore)
passes :func:`clean_image`, which decides by decoding, never by the name:

1. more than :data:`MAX_BYTES` is refused before a byte is decoded;
2. Pillow opens it (that reads only the header): not an image, or a format other than
   JPEG, PNG, WebP or GIF, is refused;
3. the header's size is checked against :data:`MAX_PIXELS` *before* the pixels are decoded,
   so a decompression bomb (a small file that claims a huge picture) never allocates them;
4. the pixels are decoded whole: a truncated or damaged file is refused;
5. the EXIF orientation is applied, and the picture is written again without its metadata
   (EXIF with GPS, XMP, comments): only the pixels, transparency and the colour profile
   are kept. An animation keeps its first frame.

Each refusal is a ``ValidationError`` with a sentence for an editor and a ``code``.

:func:`store_image` then writes the cleaned file and its resized copies (:data:`WIDTHS`,
each as WebP and JPEG) to the default storage, under names made from the file's SHA-256:
a name never holds two contents, so a copy is written once and can be cached forever, and
the record lists the copies (``Image.renditions``) for the pages to read.
"""

import hashlib
import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext, gettext_noop
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 50_000_000
#: Pillow's format name: the extension the cleaned file is stored under.
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
#: The widths of the resized copies (none wider than the picture itself).
WIDTHS = (320, 640, 1280)
#: The copies' formats: (extension, Pillow format, MIME type), the preferred first.
COPY_FORMATS = (("webp", "WEBP", "image/webp"), ("jpg", "JPEG", "image/jpeg"))
MIME_TYPES = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "gif": "image/gif",
}
QUALITY = 85
#: Info keys that are part of the picture, not metadata about it.
KEPT_INFO = ("transparency", "icc_profile")


@dataclass
class CleanImage:
    content: bytes
    extension: str
    width: int
    height: int
    checksum: str
    picture: PILImage.Image  # decoded, oriented, without metadata

    @property
    def name(self):
        return f"images/{self.checksum[:2]}/{self.checksum[2:18]}.{self.extension}"


def refuse(message, code, **values):
    """Refuses the file with ``message`` (marked for translation, worded in the active
    language: an editor's in the admin, English in a command) and its ``values``."""
    raise ValidationError(gettext(message) % values if values else gettext(message), code=code)


def megabytes(size):
    return f"{size / (1024 * 1024):.1f} MB"


def clean_image(file):
    """The :class:`CleanImage` of an uploaded or opened ``file``, or a ``ValidationError``."""
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, io.SEEK_END)
        size = file.tell()
    if size > MAX_BYTES:
        refuse(
            gettext_noop("This file is %(size)s; an image may be at most 20 MB."),
            "too_large",
            size=megabytes(size),
        )
    if size == 0:
        refuse(gettext_noop("This file is empty."), "empty")
    file.seek(0)
    with warnings.catch_warnings():
        # Pillow warns above its own limit; ours, checked below, is lower.
        warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
        try:
            picture = PILImage.open(file)
        except PILImage.DecompressionBombError:
            refuse(
                gettext_noop(
                    "This image claims more pixels than Pillow will open; an image may have "
                    "at most 50 megapixels."
                ),
                "too_many_pixels",
            )
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            refuse(
                gettext_noop(
                    "This file is not an image (it could not be read as JPEG, PNG, WebP or GIF)."
                ),
                "not_an_image",
            )
    if picture.format not in FORMATS:
        refuse(
            gettext_noop("This is a %(format)s image; the archive takes JPEG, PNG, WebP or GIF."),
            "wrong_type",
            format=picture.format,
        )
    extension = FORMATS[picture.format]
    width, height = picture.size
    if width < 1 or height < 1:
        refuse(gettext_noop("This image has no pixels."), "not_an_image")
    if width * height > MAX_PIXELS:
        refuse(
            gettext_noop(
                "This image is %(width)s × %(height)s pixels (%(megapixels)s megapixels); "
                "an image may have at most 50 megapixels."
            ),
            "too_many_pixels",
            width=f"{width:,}",
            height=f"{height:,}",
            megapixels=f"{width * height / 1_000_000:.0f}",
        )
    try:
        picture.load()
        picture = ImageOps.exif_transpose(picture)
    # A damaged file fails in a decoder with any of several errors (OSError "image file is
    # truncated", SyntaxError, struct.error, ...): each is the same answer to the editor.
    except Exception:  # noqa: BLE001
        refuse(
            gettext_noop("This image is truncated or damaged: it could not be read to the end."),
            "truncated",
        )
    picture = without_metadata(picture)
    try:
        content = encode(picture, extension)
        probe = picture.copy()
        probe.thumbnail((8, 8))
        for copy_extension, _, _ in COPY_FORMATS:
            encode(probe, copy_extension)  # the copies' conversions, tried small now
    # Pillow decodes colour formats it cannot convert or write (16-bit grey, say) and
    # says so with OSError, ValueError or KeyError, depending on the format.
    except Exception:  # noqa: BLE001
        refuse(
            gettext_noop(
                "This image's colour format (%(mode)s) cannot be converted for the web; "
                "save it as 8-bit RGB and try again."
            ),
            "unsupported_mode",
            mode=picture.mode,
        )
    return CleanImage(
        content=content,
        extension=extension,
        width=picture.width,
        height=picture.height,
        checksum=hashlib.sha256(content).hexdigest(),
        picture=picture,
    )


def without_metadata(picture):
    """A copy of ``picture``'s pixels (its first frame) with only :data:`KEPT_INFO`."""
    clean = picture.copy()
    clean.info = {key: picture.info[key] for key in KEPT_INFO if key in picture.info}
    return clean


def encode(picture, extension, quality=QUALITY):
    """``picture`` written as ``extension`` (jpg, png, webp, gif), without metadata."""
    buffer = io.BytesIO()
    options = {}
    if picture.info.get("icc_profile"):
        options["icc_profile"] = picture.info["icc_profile"]
    if extension == "jpg":
        picture = flattened(picture)
        picture.save(buffer, "JPEG", quality=quality, optimize=True, **options)
    elif extension == "webp":
        if picture.mode not in ("RGB", "RGBA"):
            picture = picture.convert("RGBA" if has_alpha(picture) else "RGB")
        picture.save(buffer, "WEBP", quality=quality, method=4, **options)
    elif extension == "png":
        if "transparency" in picture.info:
            options["transparency"] = picture.info["transparency"]
        picture.save(buffer, "PNG", **options)
    else:
        if "transparency" in picture.info:
            options["transparency"] = picture.info["transparency"]
        picture.save(buffer, "GIF", **options)
    return buffer.getvalue()


def has_alpha(picture):
    return picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info


def flattened(picture):
    """RGB for JPEG: transparent parts on white."""
    if picture.mode == "RGB":
        return picture
    if has_alpha(picture):
        rgba = picture.convert("RGBA")
        background = PILImage.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return picture.convert("RGB")


def copy_widths(width):
    """The widths of ``width``'s copies: each of :data:`WIDTHS` below it, and its own
    width (at most the largest) so that the biggest copy is as sharp as the file allows."""
    return sorted({*(w for w in WIDTHS if w < width), min(width, WIDTHS[-1])})


def rendition_entries(clean):
    """The record's list of the resized copies of a :class:`CleanImage`: their names and
    sizes, known before any is made."""
    base = clean.name.rsplit(".", 1)[0]
    return [
        {
            "width": width,
            "height": max(1, round(clean.height * width / clean.width)),
            "type": mime,
            "name": f"{base}-{width}w.{extension}",
        }
        for width in copy_widths(clean.width)
        for extension, _, mime in COPY_FORMATS
    ]


def record_fields(clean):
    """The ``Image`` fields that describe a :class:`CleanImage` and its copies."""
    return {
        "file": clean.name,
        "width": clean.width,
        "height": clean.height,
        "checksum": clean.checksum,
        "renditions": rendition_entries(clean),
    }


def renditions(clean):
    """``[(entry, bytes)]``: each resized copy of a :class:`CleanImage`, encoded."""
    resized = {}
    copies = []
    for entry in rendition_entries(clean):
        size = (entry["width"], entry["height"])
        if size not in resized:
            picture = clean.picture
            if entry["width"] != clean.width:
                picture = picture.resize(size, PILImage.Resampling.LANCZOS, reducing_gap=3.0)
                picture.info = dict(clean.picture.info)
            resized[size] = picture
        extension = entry["name"].rsplit(".", 1)[1]
        copies.append((entry, encode(resized[size], extension)))
    return copies


def save_file(name, content, storage=None):
    """Write ``content`` under ``name``, unless the name already holds it (names are
    made from the content)."""
    storage = storage or default_storage
    if storage.exists(name):
        return name
    saved = storage.save(name, ContentFile(content))
    if saved != name:  # pragma: no cover - a storage that renames would break the links
        raise RuntimeError(f"storage saved {name} as {saved}")
    return name


def store_image(clean, storage=None):
    """Write a :class:`CleanImage` and its copies; return the record's fields for them."""
    save_file(clean.name, clean.content, storage)
    for entry, content in renditions(clean):
        save_file(entry["name"], content, storage)
    return record_fields(clean)
