"""Images in an S3-compatible bucket (MEDIA_STORAGE_URL, django-storages), against a real
S3 API server: moto's, started on 127.0.0.1 on a free port for this test."""

import hashlib
import urllib.request
from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from archive.storage_url import parse_media_storage_url
from archive.tests import factories as f
from archive.tests.image_files import add_image, image_bytes

boto3 = pytest.importorskip("boto3")
moto_server = pytest.importorskip("moto.server")

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

BUCKET = "film-images"


@pytest.fixture
def s3(settings):
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        client.create_bucket(Bucket=BUCKET)
        storage, origin = parse_media_storage_url(
            f"s3://testing:testing@{BUCKET}/media?endpoint={endpoint}&region=us-east-1&acl=public-read"
        )
        settings.STORAGES = {**settings.STORAGES, "default": storage}
        yield client, endpoint
    finally:
        server.stop()


def objects(client):
    listed = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    return {item["Key"] for item in listed}


def test_images_go_to_the_bucket_and_pages_link_there(s3, client, tmp_path):
    bucket, endpoint = s3
    film = f.film("Bucket Film", 2004)
    image = add_image(film=film, alt="Poster", content=image_bytes(size=(400, 600)))
    assert objects(bucket) == {f"media/{name}" for name in image.stored_names()}
    head = bucket.head_object(Bucket=BUCKET, Key=f"media/{image.file.name}")
    assert head["CacheControl"] == "public, max-age=31536000, immutable"

    html = f.body(f.get(client, film.get_absolute_url()))
    copy = image.renditions[-1]["name"]
    url = f"{endpoint}/{BUCKET}/media/{copy}"
    assert url in html  # a plain, lasting address: no signature
    with urllib.request.urlopen(url) as response:  # noqa: S310 (the local server)
        served = response.read()
    stored = bucket.get_object(Bucket=BUCKET, Key=f"media/{copy}")["Body"].read()
    assert served == stored and served[:2] == b"\xff\xd8"  # the largest JPEG copy

    # A backup reads the files from the bucket.
    path = tmp_path / "backup.jsonl"
    call_command("backup_archive", output=str(path), stdout=StringIO())
    with default_storage.open(image.file.name) as handle:
        checksum = hashlib.sha256(handle.read()).hexdigest()
    assert checksum == image.checksum and checksum in path.read_text()
