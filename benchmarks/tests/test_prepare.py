"""The benchmark's pages (benchmarks/prepare.py): every page in every language, each at its
own address and answering there as it does on the site."""

import pytest

from archive.tests import factories
from benchmarks import bench, prepare

pytestmark = [pytest.mark.django_db, pytest.mark.urls("benchmarks.urls")]


def test_every_page_is_measured_in_every_language_at_its_own_address(client):
    factories.load_archive()
    pages = prepare.pages()
    english = [key for key in pages if bench.english_key(key) == key]
    # Each page with a target, followed by its Korean and Turkish versions.
    assert english == list(bench.TARGETS)
    assert list(pages) == [f"{key}{tail}" for key in english for tail in ("", " (ko)", " (tr)")]
    for key in english:
        path, label = pages[key]
        assert pages[f"{key} (ko)"][0] == f"/ko{path}"
        assert pages[f"{key} (tr)"][0] == f"/tr{path}"
    assert pages["films (ko)"][1] == "`/ko/films/`"
    assert pages["home (tr)"][1] == "home in Turkish"
    assert pages["film page (ko)"][1].endswith(" credits) in Korean")
    # The measurement refuses a page that does not answer 200: every one does, in its
    # language.
    for key, (path, _label) in pages.items():
        response = factories.get(client, path)
        assert response.status_code == 200, key
        language = bench.IN_LANGUAGE.search(key)
        assert response["Content-Language"] == (language["language"] if language else "en"), key
