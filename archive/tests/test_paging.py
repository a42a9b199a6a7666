"""Pagination that counts at most a cap."""

from django.core.paginator import Paginator

from archive.paging import CappedPage, CappedPaginator

ROWS = list(range(1, 24))  # 23 rows


class Rows(list):
    """A list that answers ``exists()`` on a slice, as a queryset does."""

    def __getitem__(self, index):
        item = super().__getitem__(index)
        return type(self)(item) if isinstance(index, slice) else item

    def exists(self):
        return bool(self)


def paginator(found, cap, per_page=5):
    return CappedPaginator(Rows(ROWS), per_page, cap=cap, found=found)


def test_under_the_cap_the_count_is_exact():
    pages = paginator(found=23, cap=100)
    assert (pages.count, pages.capped, pages.num_pages) == (23, False, 5)
    assert not pages.page_exists(6)


def test_past_the_cap_the_pages_go_on_while_there_are_rows():
    pages = paginator(found=11, cap=10)  # counted up to cap + 1
    assert (pages.count, pages.capped, pages.num_pages) == (10, True, 2)
    assert pages.page_exists(5)  # rows 21-23
    assert not pages.page_exists(6)
    fifth = pages.page(5)
    assert list(fifth.object_list) == [21, 22, 23]
    assert not fifth.has_next()
    assert pages.page(3).has_next()


def test_django_still_builds_pages_through_get_page():
    """``Paginator._get_page`` is the hook Django's docs give for a Page subclass; if an
    upgrade stopped calling it, capped pages would lose their look-ahead ``has_next``."""
    assert hasattr(Paginator, "_get_page")
    page = paginator(found=11, cap=10).page(1)
    assert isinstance(page, CappedPage)


def test_past_the_cap_a_page_is_read_with_one_more_row_and_nothing_else():
    read = []

    class Counted(Rows):
        def __getitem__(self, index):
            read.append(index)
            return super().__getitem__(index)

        def exists(self):
            raise AssertionError("no separate look-ahead")

    pages = CappedPaginator(Counted(ROWS), 5, cap=10, found=11)
    page = pages.page(2)
    assert list(page.object_list) == [6, 7, 8, 9, 10]
    assert page.has_next() and page.has_other_pages()
    assert read == [slice(5, 11)]
