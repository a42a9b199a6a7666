from django.http import QueryDict

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
