"""``MEDIA_STORAGE_URL``: where uploaded images live, as one address (read by settings).

Unset, images are files under ``MEDIA_ROOT``, served by the app (``archive.media``). Set,
they go to an S3-compatible bucket through django-storages, so that every app server
reads and writes the same files::

    s3://bucket                                     AWS, credentials from the environment
    s3://KEY:SECRET@bucket/prefix?region=eu-west-1  credentials and a folder in the URL
    s3://bucket?endpoint=http://127.0.0.1:9000      MinIO, Ceph, moto: any S3 API
    ...&public=https://media.example.org            the address pages link to (a CDN)
    ...&signed=1                                    signed, expiring links (private bucket)
    ...&acl=public-read                             each file readable by anyone (else the
                                                    bucket's policy must allow public reads)

No Django import here: settings reads it before Django is set up.
"""

from urllib.parse import parse_qs, unquote, urlsplit

S3_BACKEND = "storages.backends.s3.S3Storage"


class StorageURLError(ValueError):
    pass


def _truthy(value):
    return value.strip().lower() in {"1", "true", "yes", "on"}


def parse_media_storage_url(url):
    """``(STORAGES["default"] entry, origin the pages load images from or None)``."""
    parts = urlsplit(url)
    if parts.scheme != "s3":
        raise StorageURLError(
            f"MEDIA_STORAGE_URL must start with s3:// (an S3-compatible bucket), not {url!r}"
        )
    bucket = parts.hostname
    if not bucket:
        raise StorageURLError("MEDIA_STORAGE_URL names no bucket: s3://BUCKET/...")
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    options = {
        "bucket_name": bucket,
        "location": parts.path.strip("/"),
        "querystring_auth": _truthy(query.get("signed", "0")),
        # Names are made from the file's content (archive.images): never overwritten with
        # something else, so a copy is stored once and cached forever.
        "file_overwrite": True,
        "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
    }
    if parts.username:
        options["access_key"] = unquote(parts.username)
        options["secret_key"] = unquote(parts.password or "")
    if "acl" in query:
        options["default_acl"] = query["acl"]
    if "region" in query:
        options["region_name"] = query["region"]
    origin = None
    if "endpoint" in query:
        endpoint = urlsplit(query["endpoint"])
        if endpoint.scheme not in ("http", "https") or not endpoint.netloc:
            raise StorageURLError("MEDIA_STORAGE_URL: endpoint must be an http(s) address")
        options["endpoint_url"] = query["endpoint"]
        # Path-style addresses (endpoint/bucket/name) work on every S3-compatible server.
        options["addressing_style"] = "path"
        origin = f"{endpoint.scheme}://{endpoint.netloc}"
    if "public" in query:
        public = urlsplit(query["public"])
        if public.scheme not in ("http", "https") or not public.netloc:
            raise StorageURLError("MEDIA_STORAGE_URL: public must be an http(s) address")
        options["custom_domain"] = public.netloc + public.path.rstrip("/")
        options["url_protocol"] = f"{public.scheme}:"
        origin = f"{public.scheme}://{public.netloc}"
    if origin is None:
        origin = "https://*.amazonaws.com"  # the bucket's address depends on its region
    return {"BACKEND": S3_BACKEND, "OPTIONS": options}, origin
