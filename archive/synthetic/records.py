"""What generated records share: their slug mark, their years, and the fixed records they
refer to (genres, award ceremonies and their categories, synthetic sources, kinds of
adaptation, box-office qualifiers)."""

from archive.models import Adaptation, BoxOfficeFigure

#: Every generated film and person slug starts with this, so that they never clash with real
#: records and are easy to tell apart.
SLUG_PREFIX = "gen-"

#: The years of released films (and of the ceremonies that honour them).
YEAR_FIRST, YEAR_LAST = 1920, 2026

#: The fixed genres (created when missing), with weights.
GENRES = (
    ("Drama", 30), ("Comedy", 15), ("Romance", 10), ("Thriller", 9), ("Crime", 8),
    ("Action", 8), ("Comedy-drama", 6), ("Horror", 6), ("Adventure", 5), ("Fantasy", 4),
    ("Science fiction", 3), ("War", 3), ("Musical", 3), ("Documentary", 3), ("Animation", 2),
)  # fmt: skip
GENRE_INDEXES = tuple(range(len(GENRES)))
GENRE_WEIGHTS = tuple(weight for _, weight in GENRES)
ANIMATION = next(index for index, (name, _) in enumerate(GENRES) if name == "Animation")

# Who a category honours.
FOR_FILM, DIRECTOR, ACTOR, ACTRESS, SUPPORTING_ACTOR, SUPPORTING_ACTRESS, WRITER = range(7)
NATIONAL_CATEGORIES = (
    ("Best Film", FOR_FILM), ("Best Director", DIRECTOR), ("Best Actor", ACTOR),
    ("Best Actress", ACTRESS), ("Best Supporting Actor", SUPPORTING_ACTOR),
    ("Best Supporting Actress", SUPPORTING_ACTRESS), ("Best Screenplay", WRITER),
)  # fmt: skip

#: (name, country, first year, ceremony year minus film year, culture or None for any film,
#: categories). The edition is the ceremony year - first year + 1 (49th Baeksang in 2013).
CEREMONIES = (
    ("Academy Awards", "US", 1929, 1, "en", (
        ("Best Picture", FOR_FILM), ("Best Director", DIRECTOR), ("Best Actor", ACTOR),
        ("Best Actress", ACTRESS), ("Best Supporting Actor", SUPPORTING_ACTOR),
        ("Best Supporting Actress", SUPPORTING_ACTRESS),
        ("Best Original Screenplay", WRITER))),
    ("Golden Globe Awards", "US", 1944, 1, "en", (
        ("Best Motion Picture – Drama", FOR_FILM), ("Best Director", DIRECTOR),
        ("Best Actor – Motion Picture Drama", ACTOR),
        ("Best Actress – Motion Picture Drama", ACTRESS), ("Best Screenplay", WRITER))),
    ("British Academy Film Awards", "GB", 1949, 1, "en", (
        ("Best Film", FOR_FILM), ("Best Director", DIRECTOR),
        ("Best Actor in a Leading Role", ACTOR), ("Best Actress in a Leading Role", ACTRESS),
        ("Best Original Screenplay", WRITER))),
    ("Cannes Film Festival", "FR", 1946, 0, None, (
        ("Palme d'Or", FOR_FILM), ("Grand Prix", FOR_FILM), ("Best Director", DIRECTOR),
        ("Best Actor", ACTOR), ("Best Actress", ACTRESS), ("Best Screenplay", WRITER))),
    ("Venice Film Festival", "IT", 1932, 0, None, (
        ("Golden Lion", FOR_FILM), ("Silver Lion", DIRECTOR),
        ("Volpi Cup for Best Actor", ACTOR), ("Volpi Cup for Best Actress", ACTRESS),
        ("Best Screenplay", WRITER))),
    ("Berlin International Film Festival", "DE", 1951, 0, None, (
        ("Golden Bear", FOR_FILM), ("Silver Bear for Best Director", DIRECTOR),
        ("Silver Bear for Best Actor", ACTOR), ("Silver Bear for Best Actress", ACTRESS),
        ("Silver Bear for Best Screenplay", WRITER))),
    ("César Awards", "FR", 1976, 1, "fr", NATIONAL_CATEGORIES),
    ("Goya Awards", "ES", 1987, 1, "es", NATIONAL_CATEGORIES),
    ("Baeksang Arts Awards", "KR", 1965, 0, "ko", (
        ("Grand Prize (Film)", FOR_FILM), ("Best Film", FOR_FILM),
        ("Best Director (Film)", DIRECTOR), ("Best Actor (Film)", ACTOR),
        ("Best Actress (Film)", ACTRESS), ("Best New Actress (Film)", SUPPORTING_ACTRESS),
        ("Best Screenplay (Film)", WRITER))),
    ("Grand Bell Awards", "KR", 1964, 0, "ko", NATIONAL_CATEGORIES),
    ("Blue Dragon Film Awards", "KR", 1980, 0, "ko", NATIONAL_CATEGORIES),
    ("Filmfare Awards", "IN", 1954, 1, "hi", NATIONAL_CATEGORIES),
    ("Antalya Golden Orange Film Festival", "TR", 1964, 0, "tr", NATIONAL_CATEGORIES),
    ("Nika Award", "RU", 1988, 1, "ru", NATIONAL_CATEGORIES),
    ("Hellenic Film Academy Awards", "GR", 2010, 1, "el", NATIONAL_CATEGORIES),
    ("Japan Academy Film Prize", "JP", 1978, 1, "ja", NATIONAL_CATEGORIES),
    ("Golden Rooster Awards", "CN", 1981, 0, "zh", NATIONAL_CATEGORIES),
)  # fmt: skip

#: (key, title, publisher): made-up sources, and their note says so.
SOURCES = (
    ("gen-national-film-yearbook", "National Film Yearbook (synthetic)", "Film Yearbook Press"),
    ("gen-trade-press", "Trade press reviews (synthetic)", "The Film Trade Weekly"),
    ("gen-studio-press-kit", "Studio press kit (synthetic)", ""),
    ("gen-box-office-tracker", "Box-office tracker (synthetic)", "Box Office Data"),
    ("gen-festival-archive", "Festival and awards archive (synthetic)", "Awards Database"),
)
YEARBOOK, TRADE_PRESS, PRESS_KIT, BOX_OFFICE, FESTIVALS = range(len(SOURCES))

ADAPTATION_KINDS = (
    Adaptation.Kind.OFFICIAL_REMAKE,
    Adaptation.Kind.UNOFFICIAL_REMAKE,
    Adaptation.Kind.INSPIRED_BY,
    Adaptation.Kind.SERIES,
)
ADAPTATION_WEIGHTS = (55, 20, 20, 5)

QUALIFIERS = (BoxOfficeFigure.Qualifier.EXACT, BoxOfficeFigure.Qualifier.ABOUT)
