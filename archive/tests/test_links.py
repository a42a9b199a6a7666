from django.http import QueryDict
from django.utils.http import urlencode

from archive.links import query_url


def test_a_change_keeps_the_other_parameters_and_drops_the_page():
    params = QueryDict("country=KR&country=TR&page=3&q=miracle")
    assert query_url(params, sort="title") == "?country=KR&country=TR&q=miracle&sort=title"


def test_a_parameter_is_removed_by_an_empty_change():
    params = QueryDict("country=KR&q=miracle")
    assert query_url(params, country=[]) == "?q=miracle"
    assert query_url(params, country=None, q="") == "?"


def test_values_are_percent_encoded():
    assert query_url(QueryDict(""), q="a&b=c") == "?q=a%26b%3Dc"


def test_the_encoding_is_djangos_urlencode():
    params = QueryDict("q=%E7%81%AB+%26+x&country=KR&country=TR&year_min=1990&page=2")
    changes = {"genre": ["drama", "crime/thriller"], "year_max": 2010, "q": "a b+c"}
    expected = {key: params.getlist(key) for key in params if key != "page"}
    expected.update(genre=changes["genre"], year_max=[2010], q=["a b+c"])
    assert query_url(params, **changes) == "?" + urlencode(expected, doseq=True)
