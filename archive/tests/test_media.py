"""archive/media.py: the image files served by the app from MEDIA_ROOT."""

import pytest

from archive.tests import factories as f
from archive.tests.image_files import add_image

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


def test_an_image_copy_is_served_with_its_type_and_cached_for_good(client):
    image = add_image(film=f.film(), alt="Poster")
    copy = image.renditions[0]
    response = f.get(client, f"/media/{copy['name']}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content)[:4] == b"RIFF"
    assert client.head(f"/media/{image.file.name}", secure=True).status_code == 200


@pytest.mark.parametrize(
    "name",
    [
        "images/ab/0123456789abcdef.jpg",  # the right shape, not stored
        "../config/settings.py",
        "images/ab/../../db.sqlite3",
        "images/ab/0123456789abcdef.html",
        "other/file.jpg",
    ],
)
def test_anything_else_is_not_found(client, name):
    assert f.get(client, f"/media/{name}").status_code == 404


def test_media_answers_only_reads(client):
    image = add_image(film=f.film(), alt="Poster")
    response = client.post(f"/media/{image.file.name}", secure=True)
    assert response.status_code == 405
