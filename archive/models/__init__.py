"""The archive's records, one module per part of the domain."""

from .adaptation import Adaptation
from .award import Award, Ceremony
from .citation import FilmFact
from .film import Film
from .film_parts import BoxOfficeFigure, CompanyCredit, ExternalLink, FilmNote, FilmTitle
from .history import FixtureLoad
from .image import Image
from .person import Person, Role
from .reference import Company, Country, Genre, GenreName, Language, Source
from .search import SearchEntry

__all__ = [
    "Adaptation",
    "Award",
    "BoxOfficeFigure",
    "Ceremony",
    "Company",
    "CompanyCredit",
    "Country",
    "ExternalLink",
    "Film",
    "FilmFact",
    "FilmNote",
    "FilmTitle",
    "FixtureLoad",
    "Genre",
    "GenreName",
    "Image",
    "Language",
    "Person",
    "Role",
    "SearchEntry",
    "Source",
]
