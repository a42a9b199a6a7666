"""The public pages, one module a page: home, the four lists (sharing ``lists.py``) and the
film and person pages, and the sourcing report."""

from .adaptations import AdaptationListView
from .awards import AwardListView
from .films import FilmDetailView, FilmListView
from .home import HomeView
from .people import PersonDetailView, PersonListView
from .search import SearchView, SuggestView
from .sources import SourcesReportView

__all__ = [
    "AdaptationListView",
    "AwardListView",
    "FilmDetailView",
    "FilmListView",
    "HomeView",
    "PersonDetailView",
    "PersonListView",
    "SearchView",
    "SuggestView",
    "SourcesReportView",
]
