"""manage.py import_images: files or a folder with a manifest, all or nothing."""

import io
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from archive.models import Image
from archive.tests import factories as f
from archive.tests.image_files import bomb_png, image_bytes, truncated_jpeg

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def records():
    return f.film("Imported Film", 2003), f.person("Imported Person")


def folder_with(tmp_path, files, manifest):
    folder = tmp_path / "batch"
    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_bytes(content)
    (folder / "manifest.csv").write_text(manifest, encoding="utf-8")
    return folder


MANIFEST = """file,film,person,kind,alt,credit,licence,source,main
poster.jpg,imported-film-2003,,poster,Poster of the film,Studio,Fair use,https://example.org/p,yes
still.png,imported-film-2003,,still,A still,,,,
face.webp,,imported-person,portrait,Portrait,Photographer,CC BY 4.0,,
"""


def test_a_folder_with_a_manifest_adds_every_image(tmp_path, records):
    film, person = records
    folder = folder_with(
        tmp_path,
        {
            "poster.jpg": image_bytes("JPEG", color=(1, 2, 3)),
            "still.png": image_bytes("PNG", color=(4, 5, 6)),
            "face.webp": image_bytes("WEBP", color=(7, 8, 9)),
        },
        MANIFEST,
    )
    out = Terminal()
    call_command("import_images", str(folder), stdout=out)
    assert "Imported 3 images." in out.getvalue()
    assert "Storing  [" + "#" * 30 + "] 3/3" in out.getvalue()  # the progress bar
    poster = Image.objects.get(film=film, kind="poster")
    assert (poster.is_main, poster.credit, poster.licence, poster.source_url) == (
        True,
        "Studio",
        "Fair use",
        "https://example.org/p",
    )
    assert poster.renditions and film.images.count() == 2
    assert Image.objects.get(person=person).alt == "Portrait"


def test_one_bad_row_refuses_the_whole_manifest_with_a_line_per_refused_file(tmp_path, records):
    folder = folder_with(
        tmp_path,
        {
            "poster.jpg": image_bytes(color=(10, 20, 30)),
            "still.png": truncated_jpeg(),
            "face.webp": bomb_png(),
        },
        MANIFEST.replace("imported-person,portrait", "nobody,portrait"),
    )
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing was imported: 2 of 3 files refused."):
        call_command("import_images", str(folder), stdout=StringIO(), stderr=err)
    lines = err.getvalue().splitlines()
    assert lines == [
        f"Refused {folder}/manifest.csv, line 3 (still.png): This image is truncated or "
        "damaged: it could not be read to the end.",
        f"Refused {folder}/manifest.csv, line 4 (face.webp): no person with the slug 'nobody'",
    ]
    assert not Image.objects.exists()


def test_files_named_on_the_command_line_take_the_options(tmp_path, records):
    film, _ = records
    paths = []
    for n in range(2):
        path = tmp_path / f"still{n}.jpg"
        path.write_bytes(image_bytes(color=(n * 120, 50, 50)))
        paths.append(str(path))
    call_command(
        "import_images", *paths, film=film.slug, kind="still", alt="A still", stdout=StringIO()
    )
    assert film.images.filter(kind="still", alt="A still").count() == 2


@pytest.mark.parametrize(
    "options, message",
    [
        ({"kind": "portrait", "alt": "x"}, "the kind must be one of poster, still, other"),
        ({"kind": "poster", "alt": ""}, "no alt text"),
        ({"kind": "poster", "alt": "x", "source": "not an address"}, "is not an address"),
    ],
)
def test_a_refused_option_names_the_file(tmp_path, records, options, message):
    path = tmp_path / "p.jpg"
    path.write_bytes(image_bytes())
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_images",
            str(path),
            film=records[0].slug,
            stdout=StringIO(),
            stderr=err,
            **options,
        )
    assert err.getvalue().startswith(f"Refused {path}: ")
    assert message in err.getvalue()


def test_the_same_picture_twice_in_one_batch_is_refused(tmp_path, records):
    content = image_bytes(color=(99, 1, 1))
    paths = [tmp_path / "a.jpg", tmp_path / "b.jpg"]
    for path in paths:
        path.write_bytes(content)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_images",
            *map(str, paths),
            film=records[0].slug,
            kind="still",
            alt="x",
            stdout=StringIO(),
            stderr=err,
        )
    assert f"the same picture as {paths[0]}" in err.getvalue()
    assert not Image.objects.exists()
