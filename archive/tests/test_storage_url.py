"""archive/storage_url.py: MEDIA_STORAGE_URL read into the default storage's settings."""

import pytest

from archive.storage_url import S3_BACKEND, StorageURLError, parse_media_storage_url


def test_a_bucket_on_an_s3_compatible_server_with_credentials_and_a_folder():
    storage, origin = parse_media_storage_url(
        "s3://KEY:SE%2FCRET@films/media?endpoint=http://127.0.0.1:9000&region=eu-west-1"
    )
    assert storage["BACKEND"] == S3_BACKEND
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "films"
    assert options["location"] == "media"
    assert (options["access_key"], options["secret_key"]) == ("KEY", "SE/CRET")
    assert options["endpoint_url"] == "http://127.0.0.1:9000"
    assert options["region_name"] == "eu-west-1"
    assert options["querystring_auth"] is False
    assert origin == "http://127.0.0.1:9000"


def test_a_public_address_is_where_pages_link_and_what_the_policy_allows():
    storage, origin = parse_media_storage_url("s3://films?public=https://media.example.org/x/")
    assert storage["OPTIONS"]["custom_domain"] == "media.example.org/x"
    assert origin == "https://media.example.org"
    assert "access_key" not in storage["OPTIONS"]  # from the environment, as boto3 reads it


@pytest.mark.parametrize(
    "url", ["http://films", "s3://", "s3://films?endpoint=ftp://x", "s3://b?public=nope"]
)
def test_a_wrong_address_says_what_is_wrong(url):
    with pytest.raises(StorageURLError, match="MEDIA_STORAGE_URL"):
        parse_media_storage_url(url)
