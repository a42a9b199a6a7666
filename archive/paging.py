"""Pagination that never counts more than a cap: past it a list says "more than N" and
its pages go on, without a total, while there is a next row."""

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property


class CappedPage(Page):
    #: Past the cap, whether a row follows this page (read with the page, see ``page()``).
    next_row_exists = None

    def has_next(self):
        if self.next_row_exists is None:
            return super().has_next()
        return self.next_row_exists


class CappedPaginator(Paginator):
    """Counts at most ``cap`` + 1 rows: past the cap the list says "more than N" and the
    pages go on (Next is shown while there is a next row) without a total."""

    def __init__(self, object_list, per_page, *, cap, found, **kwargs):
        #: How many rows match, counted up to ``cap`` + 1 by the view.
        self.found = found
        self.cap = cap
        super().__init__(object_list, per_page, **kwargs)

    @cached_property
    def count(self):
        return min(self.found, self.cap)

    @property
    def capped(self):
        return self.found > self.cap

    def _get_page(self, *args, **kwargs):
        # Django's documented hook for a Page subclass ("Paginator._get_page").
        return CappedPage(*args, **kwargs)

    def page_exists(self, number):
        if number <= self.num_pages:
            return True
        if not self.capped:
            return False
        start = (number - 1) * self.per_page
        return self.object_list[start : start + 1].exists()

    def validate_number(self, number):
        if self.capped and int(number) >= 1:
            # The total past the cap is unknown; page_exists() decides (a 404 past the end).
            return int(number)
        return super().validate_number(number)

    def page(self, number):
        if not self.capped:
            return super().page(number)
        # Past the cap the total is unknown: the page's rows are read with one more, which
        # says whether a next page exists, in the same query.
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        page = self._get_page(rows[: self.per_page], number, self)
        page.next_row_exists = len(rows) > self.per_page
        return page
