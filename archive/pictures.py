"""The pictures the public pages show, read as values in one query per page part.

A page never asks the storage anything: each image row carries its resized copies
(``Image.renditions``), and a copy's address is ``storage.url(name)``, string work for the
file system and for S3 alike. :func:`picture` turns a row into what the template include
``archive/includes/_image.html`` needs: a WebP ``srcset``, a JPEG ``srcset`` and ``src``,
``width``/``height`` (so the page does not move when the file arrives), the alt text.

Which image stands for a record: the one marked main, else its first poster (a film) or
portrait (a person) in the editors' order.
"""

from collections import defaultdict

from django.core.files.storage import default_storage
from django.db.models import Q

from .models import Image

FIELDS = (
    "pk",
    "film_id",
    "person_id",
    "kind",
    "is_main",
    "file",
    "width",
    "height",
    "alt",
    "caption",
    "credit",
    "licence",
    "source_url",
    "renditions",
)
ORDER = ("-is_main", "position", "pk")

#: ``sizes`` for each place a picture shows: how wide it is drawn (site.css).
SIZES = {
    "thumb": "3rem",
    "poster": "(min-width: 48em) 16rem, 60vw",
    "portrait": "(min-width: 48em) 14rem, 50vw",
    "still": "(min-width: 48em) 20rem, 90vw",
}


def picture(row, place):
    """What the template needs to draw image ``row`` (a values dict) at ``place``."""
    copies = row["renditions"] or []
    by_type = defaultdict(list)
    for copy in copies:
        by_type[copy["type"]].append(copy)
    url = default_storage.url
    jpeg = sorted(by_type.get("image/jpeg", []), key=lambda c: c["width"])
    webp = sorted(by_type.get("image/webp", []), key=lambda c: c["width"])
    largest = jpeg[-1] if jpeg else {"width": row["width"], "height": row["height"]}
    src = url(jpeg[0]["name"]) if jpeg else url(row["file"])
    if jpeg and place != "thumb":
        # The middle copy as the fallback for a browser without srcset.
        src = url(jpeg[min(1, len(jpeg) - 1)]["name"])
    return {
        "alt": row["alt"],
        "caption": row.get("caption", ""),
        "credit": row.get("credit", ""),
        "licence": row.get("licence", ""),
        "width": largest["width"],
        "height": largest["height"],
        "src": src,
        "srcset": ", ".join(f"{url(c['name'])} {c['width']}w" for c in jpeg),
        "webp_srcset": ", ".join(f"{url(c['name'])} {c['width']}w" for c in webp),
        "sizes": SIZES[place],
        "share_url": url(largest["name"]) if jpeg else url(row["file"]),
    }


def main_rows(owner, ids, kind):
    """``{owner id: image row}``: the image that stands for each record, one query."""
    if not ids:
        return {}
    found = {}
    rows = (
        Image.objects.filter(**{f"{owner}__in": ids})
        .filter(Q(is_main=True) | Q(kind=kind))
        .order_by(owner, *ORDER)
        .values(*FIELDS)
    )
    for row in rows:
        found.setdefault(row[owner], row)
    return found


def attach_posters(rows, key="pk"):
    """Adds ``poster`` (a :func:`picture` or None) to each film row: one query."""
    posters = main_rows("film_id", [row[key] for row in rows], Image.Kind.POSTER)
    for row in rows:
        image = posters.get(row[key])
        row["poster"] = picture(image, "thumb") if image else None
    return rows


def attach_portraits(rows, key="pk"):
    """Adds ``portrait`` (a :func:`picture` or None) to each person row: one query."""
    found = main_rows("person_id", [row[key] for row in rows], Image.Kind.PORTRAIT)
    for row in rows:
        image = found.get(row[key])
        row["portrait"] = picture(image, "thumb") if image else None
    return rows


def adaptation_posters(rows):
    """Adds ``poster`` to each adaptation row: the adapted film's, one query."""
    return attach_posters(rows, key="adaptation_id")


def portraits(person_ids, place="thumb"):
    """``{person id: picture}`` for a cast list: one query."""
    found = main_rows("person_id", list(person_ids), Image.Kind.PORTRAIT)
    return {pk: picture(row, place) for pk, row in found.items()}


def film_pictures(film_id):
    """The film page's main poster and stills gallery: one query."""
    images = list(Image.objects.filter(film_id=film_id).order_by(*ORDER).values(*FIELDS))
    main = next((row for row in images if row["is_main"]), None) or next(
        (row for row in images if row["kind"] == Image.Kind.POSTER), None
    )
    stills = [row for row in images if row["kind"] == Image.Kind.STILL and row is not main]
    return {
        "main": picture(main, "poster") if main else None,
        "stills": [picture(row, "still") for row in stills],
    }


def person_picture(person_id):
    """The person page's portrait, or None: one query."""
    row = main_rows("person_id", [person_id], Image.Kind.PORTRAIT).get(person_id)
    return picture(row, "portrait") if row else None
