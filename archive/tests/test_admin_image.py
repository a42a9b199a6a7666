"""archive/admin/image.py: pictures added on the person's and the film's page, every refusal
a message on the file field, a preview once saved."""

import pytest
from django.core.files.storage import default_storage
from PIL import Image as PILImage

from archive.models import Image
from archive.tests import factories as f
from archive.tests.admin_helpers import change_url, form_errors, page_data
from archive.tests.image_files import (
    add_image,
    bomb_png,
    image_bytes,
    jpeg_with_metadata,
    truncated_jpeg,
    upload,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


def post_image(client, record, content, name="picture.jpg", **fields):
    """Post the record's admin page with one new picture row."""
    url = change_url(record)
    data = page_data(client.get(url))
    index = int(data["images-TOTAL_FORMS"])
    data["images-TOTAL_FORMS"] = str(index + 1)
    row = {"alt": "A picture", "kind": "portrait", "position": "0", **fields}
    data.update({f"images-{index}-{key}": value for key, value in row.items()})
    data[f"images-{index}-upload"] = upload(content, name)
    return client.post(url, data)


def upload_errors(response):
    formset = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is Image
    )
    return [message for form in formset.forms for message in form.errors.get("upload", [])]


def test_a_portrait_added_on_the_person_page_is_cleaned_stored_and_previewed(admin_client):
    person = f.person("Pictured Person")
    response = post_image(admin_client, person, jpeg_with_metadata(size=(30, 20)))
    assert response.status_code == 302, form_errors(response)
    image = Image.objects.get(person=person)
    assert (image.kind, image.alt, image.width, image.height) == ("portrait", "A picture", 20, 30)
    with default_storage.open(image.file.name) as stored:
        assert not PILImage.open(stored).getexif()
    assert all(default_storage.exists(name) for name in image.stored_names())
    page = admin_client.get(change_url(person)).content.decode()
    preview = image.renditions[1]["name"]  # the smallest JPEG copy
    assert f'<img src="/media/{preview}" width="20" height="30" alt="A picture">' in page
    assert image.history.count() == 1


REFUSALS = {
    "not an image": (b"GIF89a but not really" * 5, "This file is not an image"),
    "wrong type": (
        image_bytes("BMP"),
        "This is a BMP image; the archive takes JPEG, PNG, WebP or GIF.",
    ),
    "too many pixels": (bomb_png(8000, 7000), "This image is 8,000 × 7,000 pixels (56 megapixels)"),
    "truncated": (truncated_jpeg(), "This image is truncated or damaged"),
}


def test_each_refused_file_is_a_message_on_its_own_field_and_nothing_is_saved(admin_client):
    person = f.person()
    url = change_url(person)
    data = page_data(admin_client.get(url))
    data["images-TOTAL_FORMS"] = str(len(REFUSALS))
    for index, (content, _) in enumerate(REFUSALS.values()):
        data.update({f"images-{index}-alt": "A picture", f"images-{index}-kind": "portrait"})
        data[f"images-{index}-position"] = "0"
        data[f"images-{index}-upload"] = upload(content, f"file{index}.jpg")
    response = admin_client.post(url, data)
    assert response.status_code == 200
    formset = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is Image
    )
    for form, (name, (_, message)) in zip(formset.forms, REFUSALS.items(), strict=True):
        (error,) = form.errors["upload"]
        assert error.startswith(message), (name, error)
    assert not Image.objects.filter(person=person).exists()


def test_a_file_over_20_mb_is_a_message_on_the_field(admin_client, monkeypatch):
    monkeypatch.setattr("archive.images.MAX_BYTES", 1000)
    response = post_image(admin_client, f.person(), image_bytes("PNG", (64, 64), noise=True))
    assert upload_errors(response)[0].endswith("an image may be at most 20 MB.")


def test_a_row_without_a_file_or_alt_text_is_refused(admin_client):
    response = post_image(admin_client, f.person(), image_bytes(), alt="")
    assert response.status_code == 200
    assert not Image.objects.exists()


def test_the_same_file_twice_is_refused(admin_client):
    person = f.person()
    content = image_bytes(color=(9, 9, 9))
    add_image(person=person, content=content)
    response = post_image(admin_client, person, content)
    assert upload_errors(response) == [
        "This picture is already in the archive (the same file, on another record or row)."
    ]


def test_a_poster_added_on_the_film_page_shows_on_the_public_page(admin_client, client):
    film = f.film("Pictured Film", 2001)
    response = post_image(
        admin_client, film, image_bytes(size=(40, 60)), kind="poster", is_main="on"
    )
    assert response.status_code == 302, form_errors(response)
    image = Image.objects.get(film=film, is_main=True)
    html = f.body(f.get(client, film.get_absolute_url()))
    assert f'src="/media/{image.renditions[1]["name"]}"' in html


def test_a_film_page_offers_no_portrait_and_a_person_page_no_poster(admin_client):
    response = post_image(admin_client, f.person(), image_bytes(), kind="poster")
    assert response.status_code == 200
    assert not Image.objects.exists()
    film_page = admin_client.get(change_url(f.film())).content.decode()
    kinds = film_page[film_page.index('name="images-__prefix__-kind"') :]
    kinds = kinds[: kinds.index("</select>")]
    assert 'value="portrait"' not in kinds and 'value="poster"' in kinds


def test_editors_may_add_and_change_pictures_but_not_delete_them():
    from django.contrib.auth.models import Group

    codenames = set(
        Group.objects.get(name="Editors")
        .permissions.filter(content_type__model__in=["image", "historicalimage"])
        .values_list("codename", flat=True)
    )
    assert codenames == {"view_image", "add_image", "change_image", "view_historicalimage"}
