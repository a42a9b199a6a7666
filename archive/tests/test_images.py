"""archive/images.py: what a file must pass, what is kept of it, the copies made once."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, default_storage
from PIL import Image as PILImage

from archive import images

from .image_files import bomb_png, image_bytes, jpeg_with_metadata, truncated_jpeg


def refusal(content):
    with pytest.raises(ValidationError) as caught:
        images.clean_image(io.BytesIO(content))
    return caught.value.code, caught.value.messages[0]


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name():
    code, message = refusal(b"%PDF-1.4 not a picture at all" * 10)
    assert code == "not_an_image"
    assert "not an image" in message


def test_an_image_of_another_type_is_refused():
    code, message = refusal(image_bytes("BMP"))
    assert code == "wrong_type"
    assert message == "This is a BMP image; the archive takes JPEG, PNG, WebP or GIF."


def test_a_file_over_20_mb_is_refused_before_it_is_read(monkeypatch):
    big = io.BytesIO(image_bytes())
    big.size = images.MAX_BYTES + 1
    monkeypatch.setattr(PILImage, "open", lambda *a, **k: pytest.fail("decoded"))
    with pytest.raises(ValidationError) as caught:
        images.clean_image(big)
    assert caught.value.code == "too_large"
    assert "at most 20 MB" in caught.value.messages[0]


def test_a_decompression_bomb_is_refused_from_its_header_without_decoding(monkeypatch):
    monkeypatch.setattr(PILImage.Image, "load", lambda self: pytest.fail("decoded"))
    code, message = refusal(bomb_png(10_000, 10_000))
    assert code == "too_many_pixels"
    assert "10,000 × 10,000 pixels (100 megapixels)" in message


def test_a_header_beyond_pillows_own_limit_is_refused_the_same_way():
    code, _ = refusal(bomb_png(30_000, 30_000))
    assert code == "too_many_pixels"


def test_a_truncated_file_is_refused():
    code, message = refusal(truncated_jpeg())
    assert code == "truncated"
    assert "truncated or damaged" in message


def test_metadata_is_removed_and_the_orientation_applied():
    clean = images.clean_image(io.BytesIO(jpeg_with_metadata(size=(12, 8), orientation=6)))
    assert (clean.width, clean.height) == (8, 12)  # turned upright
    stored = PILImage.open(io.BytesIO(clean.content))
    assert stored.size == (8, 12)
    assert not stored.getexif()
    assert "comment" not in stored.info and "exif" not in stored.info
    assert b"SecretCam" not in clean.content and b"taken at home" not in clean.content
    for entry, content in images.renditions(clean):
        copy = PILImage.open(io.BytesIO(content))
        assert not copy.getexif() and b"SecretCam" not in content
        assert copy.size == (entry["width"], entry["height"])


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "GIF"])
def test_each_accepted_type_keeps_its_type(fmt):
    clean = images.clean_image(io.BytesIO(image_bytes(fmt, mode="RGBA", color=(1, 2, 3, 0))))
    assert PILImage.open(io.BytesIO(clean.content)).format == fmt
    assert clean.name.endswith("." + images.FORMATS[fmt])


def test_copies_are_three_widths_in_webp_and_jpeg_never_wider_than_the_picture():
    assert images.copy_widths(2000) == [320, 640, 1280]
    assert images.copy_widths(700) == [320, 640, 700]
    assert images.copy_widths(100) == [100]
    clean = images.clean_image(io.BytesIO(image_bytes(size=(700, 350))))
    entries = images.rendition_entries(clean)
    assert [(e["width"], e["height"], e["type"]) for e in entries] == [
        (320, 160, "image/webp"),
        (320, 160, "image/jpeg"),
        (640, 320, "image/webp"),
        (640, 320, "image/jpeg"),
        (700, 350, "image/webp"),
        (700, 350, "image/jpeg"),
    ]


def test_the_copies_are_made_once_and_kept(media, monkeypatch):
    clean = images.clean_image(io.BytesIO(image_bytes(size=(400, 300))))
    saved = []
    original_save = FileSystemStorage.save
    monkeypatch.setattr(
        FileSystemStorage,
        "save",
        lambda self, name, content, **kw: saved.append(name) or original_save(self, name, content),
    )
    fields = images.store_image(clean)
    assert saved == [clean.name, *(e["name"] for e in fields["renditions"])]
    assert all(default_storage.exists(name) for name in saved)
    images.store_image(clean)  # the same file again: nothing is written twice
    assert len(saved) == 1 + len(fields["renditions"])


@pytest.mark.parametrize("mode", ["I;16", "CMYK", "P", "LA"])
def test_other_colour_formats_are_converted_for_the_copies(mode):
    fmt = "JPEG" if mode == "CMYK" else "PNG"
    clean = images.clean_image(io.BytesIO(image_bytes(fmt, mode=mode, color=1)))
    for _, content in images.renditions(clean):
        assert PILImage.open(io.BytesIO(content)).mode in ("RGB", "RGBA")


def test_a_colour_format_that_cannot_be_converted_is_refused_before_it_is_stored(monkeypatch):
    encode = images.encode

    def failing(picture, extension, **kwargs):
        if extension == "webp":
            raise ValueError("cannot write mode I as WEBP")
        return encode(picture, extension, **kwargs)

    monkeypatch.setattr(images, "encode", failing)
    code, message = refusal(image_bytes("PNG"))
    assert code == "unsupported_mode"
    assert "cannot be converted for the web" in message
