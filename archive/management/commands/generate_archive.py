"""Fill the database with a synthetic archive, for load tests and for trying the site at scale.

``python manage.py generate_archive --films 100000 --seed 1`` makes 100,000 films with about
210,000 people, 1,000,000 credits, 220,000 titles, 5,000 remakes, 27,000 awards and
64,000 box-office figures, in proportions like those of a real film database:

- every film has a culture (English, French, Spanish, Turkish, Korean, Russian, Greek or
  Hindi) that sets its countries (real ISO codes), its original language, its people's
  names and its titles: an original title in its own script (조용한 강, Тихая река,
  Το σιωπηλό ποτάμι, ख़ामोश नदी, Sessiz Nehir), a romanization for the non-Latin scripts,
  an English release title and sometimes a literal translation or a working title;
- credits: one director, one to three writers (often the director), up to two producers
  and the cast with characters and billing order. People are shared between the films of
  their culture and time: careers last some years, most people have a few credits and a
  few have hundreds (busy people get busier). So the bigger the archive, the more it
  shares: about two people a film at 100,000 films, three at 10,000, five at 300;
- most films are released, with a year from 1920 to 2026 and a release date; some are in
  production or announced, with no year; one in twenty is a remake of an earlier film;
- awards and nominations at 14 real ceremonies, box-office admissions by day of the run
  (keys ``day-1`` ... ``day-30``, ``final``), gross and budget; a few synthetic sources.

The records depend only on ``--seed`` and ``--films``: two runs with the same values make
the same rows (slugs, names, titles, credits, figures) inserted in the same order; only
primary keys and timestamps may differ. ``--batch-size`` changes how many films go into
each transaction, never the records.

Generated films and people have slugs that start with ``gen-`` and end with their number
in the run (``gen-the-silent-river-1987-42``, ``gen-kim-min-jun-17``), so they never clash
with real records such as the seed fixture's, and they are easy to tell apart. Genres and
ceremonies are looked up by slug or name and created only when missing, so a fixture
loaded before or after shares them.

The command refuses to run (it exits with an error and changes nothing) when the database
already holds generated films or people: a second run would mix two archives, and there is
deliberately no option to delete or overwrite. Run it on a fresh database: point
``DATABASE_URL`` at a new one and migrate. (``manage.py flush`` is not enough: it also
empties the countries and languages that a migration created.) Each batch is committed on
its own, so a run stopped half-way keeps its finished batches and a new run needs a fresh
database too.

How: one seeded ``random.Random`` makes the films in the order of their years, batch by
batch, as plain values; each batch goes into the database with ``bulk_create`` in one
transaction (through models' ``bulk_create`` for countries, genres and sources). Where the
system can fork, the values are made in a second process while this one inserts the
previous batch (``--no-parallel`` does both here; the records are the same). Memory stays
flat: the generator keeps only bounded samples of recent people and earlier films, and
this process keeps the primary key of every film and person it made (8 bytes each), never
the rows. ``bulk_create`` sends no ``pre_save`` signal, so the search columns are derived
with :func:`archive.signals.derive_search_fields` before each insert; ``auto_now`` and
``auto_now_add`` do apply to ``bulk_create`` (the fields' ``pre_save`` runs), so the
timestamps are the time of the insert. At the end the archive's version goes up (the cached
pages and counts are stale: no signal told them) and the database's statistics are
refreshed (``ANALYZE``; ``VACUUM ANALYZE`` on PostgreSQL outside a transaction), so that the
planner does not plan for the empty tables it saw before. The search indexes (FTS5 triggers,
trigram indexes) are dropped for the run and built once at its end (``search.deferred``).
"""

import argparse
import datetime
import multiprocessing
import queue
import random
import time
import traceback
import unicodedata
from array import array
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction
from django.db.models import Q
from django.utils.text import slugify

from archive import search
from archive.cache import bump_version
from archive.models import (
    Adaptation,
    Award,
    BoxOfficeFigure,
    Ceremony,
    Country,
    Film,
    FilmTitle,
    Genre,
    Language,
    Person,
    Role,
    Source,
)
from archive.signals import derive_search_fields
from archive.text import fold

#: Every generated film and person slug starts with this.
SLUG_PREFIX = "gen-"

#: Whether generation can run in a forked second process (not on Windows).
CAN_FORK = "fork" in multiprocessing.get_all_start_methods()

#: Rows per INSERT statement (SQLite lowers it to its own limit of 999 parameters).
INSERT_CHUNK = 2000

YEAR_FIRST, YEAR_LAST = 1920, 2026

# --- Titles: the same concepts in each language -------------------------------------------
#
# A title is a concept (noun; adjective + noun; noun and noun), rendered in every language
# with its grammar, so an English release title is the translation of the original and a
# remake in another language carries the same title.

NOUNS_EN = (
    "River", "Night", "City", "Dream", "House", "Sky", "Heart", "Journey", "Rain", "Letter",
    "Song", "Story", "Moon", "Sea", "Sun", "Star", "Road", "Winter", "Summer", "Garden",
    "Mountain", "Island", "Mirror", "Wind", "Bridge", "Father", "Mother", "Daughter", "Son",
    "Friend", "Stranger", "King", "Soldier", "Promise", "Memory", "Miracle", "Gift", "Wedding",
)  # fmt: skip
ADJECTIVES_EN = (
    "Silent", "Last", "Red", "White", "Long", "Little", "Lost", "Secret", "Cold", "Golden",
    "Dark", "First", "Beautiful", "Wild", "Hidden", "Old", "Eternal", "Forgotten",
)  # fmt: skip

# Korean: (Hangul, Revised Romanization).
NOUNS_KO = (
    ("강", "gang"), ("밤", "bam"), ("도시", "dosi"), ("꿈", "kkum"), ("집", "jip"),
    ("하늘", "haneul"), ("마음", "maeum"), ("여행", "yeohaeng"), ("비", "bi"),
    ("편지", "pyeonji"), ("노래", "norae"), ("이야기", "iyagi"), ("달", "dal"),
    ("바다", "bada"), ("태양", "taeyang"), ("별", "byeol"), ("길", "gil"), ("겨울", "gyeoul"),
    ("여름", "yeoreum"), ("정원", "jeongwon"), ("산", "san"), ("섬", "seom"),
    ("거울", "geoul"), ("바람", "baram"), ("다리", "dari"), ("아버지", "abeoji"),
    ("어머니", "eomeoni"), ("딸", "ttal"), ("아들", "adeul"), ("친구", "chingu"),
    ("이방인", "ibangin"), ("왕", "wang"), ("군인", "gunin"), ("약속", "yaksok"),
    ("기억", "gieok"), ("기적", "gijeok"), ("선물", "seonmul"), ("결혼식", "gyeolhonsik"),
)  # fmt: skip
ADJECTIVES_KO = (
    ("조용한", "joyonghan"), ("마지막", "majimak"), ("붉은", "bulgeun"), ("하얀", "hayan"),
    ("긴", "gin"), ("작은", "jageun"), ("잃어버린", "ireobeorin"), ("비밀의", "bimirui"),
    ("차가운", "chagaun"), ("황금", "hwanggeum"), ("어두운", "eoduun"), ("첫", "cheot"),
    ("아름다운", "areumdaun"), ("거친", "geochin"), ("숨겨진", "sumgyeojin"),
    ("오래된", "oraedoen"), ("영원한", "yeongwonhan"), ("잊혀진", "ichyeojin"),
)  # fmt: skip

# Russian: (noun, gender); adjectives (masculine, feminine, neuter).
NOUNS_RU = (
    ("река", "f"), ("ночь", "f"), ("город", "m"), ("мечта", "f"), ("дом", "m"), ("небо", "n"),
    ("сердце", "n"), ("путешествие", "n"), ("дождь", "m"), ("письмо", "n"), ("песня", "f"),
    ("история", "f"), ("луна", "f"), ("море", "n"), ("солнце", "n"), ("звезда", "f"),
    ("дорога", "f"), ("зима", "f"), ("лето", "n"), ("сад", "m"), ("гора", "f"),
    ("остров", "m"), ("зеркало", "n"), ("ветер", "m"), ("мост", "m"), ("отец", "m"),
    ("мать", "f"), ("дочь", "f"), ("сын", "m"), ("друг", "m"), ("незнакомец", "m"),
    ("король", "m"), ("солдат", "m"), ("обещание", "n"), ("память", "f"), ("чудо", "n"),
    ("подарок", "m"), ("свадьба", "f"),
)  # fmt: skip
ADJECTIVES_RU = (
    ("тихий", "тихая", "тихое"), ("последний", "последняя", "последнее"),
    ("красный", "красная", "красное"), ("белый", "белая", "белое"),
    ("долгий", "долгая", "долгое"), ("маленький", "маленькая", "маленькое"),
    ("потерянный", "потерянная", "потерянное"), ("тайный", "тайная", "тайное"),
    ("холодный", "холодная", "холодное"), ("золотой", "золотая", "золотое"),
    ("тёмный", "тёмная", "тёмное"), ("первый", "первая", "первое"),
    ("прекрасный", "прекрасная", "прекрасное"), ("дикий", "дикая", "дикое"),
    ("скрытый", "скрытая", "скрытое"), ("старый", "старая", "старое"),
    ("вечный", "вечная", "вечное"), ("забытый", "забытая", "забытое"),
)  # fmt: skip

# Greek: (noun, gender); adjectives (masculine, feminine, neuter).
NOUNS_EL = (
    ("ποτάμι", "n"), ("νύχτα", "f"), ("πόλη", "f"), ("όνειρο", "n"), ("σπίτι", "n"),
    ("ουρανός", "m"), ("καρδιά", "f"), ("ταξίδι", "n"), ("βροχή", "f"), ("γράμμα", "n"),
    ("τραγούδι", "n"), ("ιστορία", "f"), ("φεγγάρι", "n"), ("θάλασσα", "f"), ("ήλιος", "m"),
    ("αστέρι", "n"), ("δρόμος", "m"), ("χειμώνας", "m"), ("καλοκαίρι", "n"), ("κήπος", "m"),
    ("βουνό", "n"), ("νησί", "n"), ("καθρέφτης", "m"), ("άνεμος", "m"), ("γέφυρα", "f"),
    ("πατέρας", "m"), ("μητέρα", "f"), ("κόρη", "f"), ("γιος", "m"), ("φίλος", "m"),
    ("ξένος", "m"), ("βασιλιάς", "m"), ("στρατιώτης", "m"), ("υπόσχεση", "f"),
    ("μνήμη", "f"), ("θαύμα", "n"), ("δώρο", "n"), ("γάμος", "m"),
)  # fmt: skip
ADJECTIVES_EL = (
    ("σιωπηλός", "σιωπηλή", "σιωπηλό"), ("τελευταίος", "τελευταία", "τελευταίο"),
    ("κόκκινος", "κόκκινη", "κόκκινο"), ("λευκός", "λευκή", "λευκό"),
    ("μακρύς", "μακριά", "μακρύ"), ("μικρός", "μικρή", "μικρό"),
    ("χαμένος", "χαμένη", "χαμένο"), ("μυστικός", "μυστική", "μυστικό"),
    ("κρύος", "κρύα", "κρύο"), ("χρυσός", "χρυσή", "χρυσό"),
    ("σκοτεινός", "σκοτεινή", "σκοτεινό"), ("πρώτος", "πρώτη", "πρώτο"),
    ("όμορφος", "όμορφη", "όμορφο"), ("άγριος", "άγρια", "άγριο"),
    ("κρυμμένος", "κρυμμένη", "κρυμμένο"), ("παλιός", "παλιά", "παλιό"),
    ("αιώνιος", "αιώνια", "αιώνιο"), ("ξεχασμένος", "ξεχασμένη", "ξεχασμένο"),
)  # fmt: skip
ARTICLES_EL = {"m": "ο", "f": "η", "n": "το"}

# Hindi: (noun, gender, romanization); adjectives (masculine, feminine, romanizations).
NOUNS_HI = (
    ("नदी", "f", "Nadi"), ("रात", "f", "Raat"), ("शहर", "m", "Shehar"),
    ("सपना", "m", "Sapna"), ("घर", "m", "Ghar"), ("आसमान", "m", "Aasmaan"),
    ("दिल", "m", "Dil"), ("सफ़र", "m", "Safar"), ("बारिश", "f", "Baarish"),
    ("ख़त", "m", "Khat"), ("गीत", "m", "Geet"), ("कहानी", "f", "Kahaani"),
    ("चाँद", "m", "Chaand"), ("समंदर", "m", "Samandar"), ("सूरज", "m", "Sooraj"),
    ("सितारा", "m", "Sitaara"), ("सड़क", "f", "Sadak"), ("सर्दी", "f", "Sardi"),
    ("गर्मी", "f", "Garmi"), ("बाग़", "m", "Baagh"), ("पहाड़", "m", "Pahaad"),
    ("द्वीप", "m", "Dweep"), ("आईना", "m", "Aaina"), ("हवा", "f", "Hawa"),
    ("पुल", "m", "Pul"), ("पिता", "m", "Pita"), ("माँ", "f", "Maa"), ("बेटी", "f", "Beti"),
    ("बेटा", "m", "Beta"), ("दोस्त", "m", "Dost"), ("अजनबी", "m", "Ajnabi"),
    ("राजा", "m", "Raja"), ("सिपाही", "m", "Sipahi"), ("वादा", "m", "Vaada"),
    ("याद", "f", "Yaad"), ("चमत्कार", "m", "Chamatkaar"), ("तोहफ़ा", "m", "Tohfa"),
    ("शादी", "f", "Shaadi"),
)  # fmt: skip
ADJECTIVES_HI = (
    ("ख़ामोश", "ख़ामोश", "Khamosh", "Khamosh"), ("आख़िरी", "आख़िरी", "Aakhri", "Aakhri"),
    ("लाल", "लाल", "Laal", "Laal"), ("सफ़ेद", "सफ़ेद", "Safed", "Safed"),
    ("लंबा", "लंबी", "Lamba", "Lambi"), ("छोटा", "छोटी", "Chhota", "Chhoti"),
    ("खोया", "खोई", "Khoya", "Khoi"), ("गुप्त", "गुप्त", "Gupt", "Gupt"),
    ("ठंडा", "ठंडी", "Thanda", "Thandi"), ("सुनहरा", "सुनहरी", "Sunehra", "Sunehri"),
    ("अँधेरा", "अँधेरी", "Andhera", "Andheri"), ("पहला", "पहली", "Pehla", "Pehli"),
    ("ख़ूबसूरत", "ख़ूबसूरत", "Khoobsurat", "Khoobsurat"), ("जंगली", "जंगली", "Jangli", "Jangli"),
    ("छिपा", "छिपी", "Chhipa", "Chhipi"), ("पुराना", "पुरानी", "Purana", "Purani"),
    ("अनंत", "अनंत", "Anant", "Anant"), ("भूला", "भूली", "Bhoola", "Bhooli"),
)  # fmt: skip

NOUNS_TR = (
    "Nehir", "Gece", "Şehir", "Rüya", "Ev", "Gökyüzü", "Kalp", "Yolculuk", "Yağmur", "Mektup",
    "Şarkı", "Hikâye", "Ay", "Deniz", "Güneş", "Yıldız", "Yol", "Kış", "Yaz", "Bahçe", "Dağ",
    "Ada", "Ayna", "Rüzgâr", "Köprü", "Baba", "Anne", "Kız", "Oğul", "Arkadaş", "Yabancı",
    "Kral", "Asker", "Söz", "Hatıra", "Mucize", "Hediye", "Düğün",
)  # fmt: skip
ADJECTIVES_TR = (
    "Sessiz", "Son", "Kırmızı", "Beyaz", "Uzun", "Küçük", "Kayıp", "Gizli", "Soğuk", "Altın",
    "Karanlık", "İlk", "Güzel", "Vahşi", "Saklı", "Eski", "Sonsuz", "Unutulmuş",
)  # fmt: skip

# French: (noun, gender); adjectives (masculine, feminine, masculine before a vowel,
# placed before the noun).
NOUNS_FR = (
    ("rivière", "f"), ("nuit", "f"), ("ville", "f"), ("rêve", "m"), ("maison", "f"),
    ("ciel", "m"), ("cœur", "m"), ("voyage", "m"), ("pluie", "f"), ("lettre", "f"),
    ("chanson", "f"), ("histoire", "f"), ("lune", "f"), ("mer", "f"), ("soleil", "m"),
    ("étoile", "f"), ("route", "f"), ("hiver", "m"), ("été", "m"), ("jardin", "m"),
    ("montagne", "f"), ("île", "f"), ("miroir", "m"), ("vent", "m"), ("pont", "m"),
    ("père", "m"), ("mère", "f"), ("fille", "f"), ("fils", "m"), ("ami", "m"),
    ("étranger", "m"), ("roi", "m"), ("soldat", "m"), ("promesse", "f"), ("mémoire", "f"),
    ("miracle", "m"), ("cadeau", "m"), ("mariage", "m"),
)  # fmt: skip
ADJECTIVES_FR = (
    ("silencieux", "silencieuse", None, False), ("dernier", "dernière", None, True),
    ("rouge", "rouge", None, False), ("blanc", "blanche", None, False),
    ("long", "longue", None, True), ("petit", "petite", None, True),
    ("perdu", "perdue", None, False), ("secret", "secrète", None, False),
    ("froid", "froide", None, False), ("doré", "dorée", None, False),
    ("sombre", "sombre", None, False), ("premier", "première", None, True),
    ("beau", "belle", "bel", True), ("sauvage", "sauvage", None, False),
    ("caché", "cachée", None, False), ("vieux", "vieille", "vieil", True),
    ("éternel", "éternelle", None, False), ("oublié", "oubliée", None, False),
)  # fmt: skip

# Spanish: (noun, gender); adjectives (masculine, feminine, placed before the noun).
NOUNS_ES = (
    ("río", "m"), ("noche", "f"), ("ciudad", "f"), ("sueño", "m"), ("casa", "f"),
    ("cielo", "m"), ("corazón", "m"), ("viaje", "m"), ("lluvia", "f"), ("carta", "f"),
    ("canción", "f"), ("historia", "f"), ("luna", "f"), ("mar", "m"), ("sol", "m"),
    ("estrella", "f"), ("camino", "m"), ("invierno", "m"), ("verano", "m"), ("jardín", "m"),
    ("montaña", "f"), ("isla", "f"), ("espejo", "m"), ("viento", "m"), ("puente", "m"),
    ("padre", "m"), ("madre", "f"), ("hija", "f"), ("hijo", "m"), ("amigo", "m"),
    ("forastero", "m"), ("rey", "m"), ("soldado", "m"), ("promesa", "f"), ("recuerdo", "m"),
    ("milagro", "m"), ("regalo", "m"), ("boda", "f"),
)  # fmt: skip
ADJECTIVES_ES = (
    ("silencioso", "silenciosa", False), ("último", "última", True), ("rojo", "roja", False),
    ("blanco", "blanca", False), ("largo", "larga", True), ("pequeño", "pequeña", True),
    ("perdido", "perdida", False), ("secreto", "secreta", False), ("frío", "fría", False),
    ("dorado", "dorada", False), ("oscuro", "oscura", False), ("primer", "primera", True),
    ("hermoso", "hermosa", False), ("salvaje", "salvaje", False),
    ("escondido", "escondida", False), ("viejo", "vieja", False),
    ("eterno", "eterna", False), ("olvidado", "olvidada", False),
)  # fmt: skip

for _table in (NOUNS_KO, NOUNS_RU, NOUNS_EL, NOUNS_HI, NOUNS_TR, NOUNS_FR, NOUNS_ES):
    assert len(_table) == len(NOUNS_EN)
for _table in (ADJECTIVES_KO, ADJECTIVES_RU, ADJECTIVES_EL, ADJECTIVES_HI, ADJECTIVES_TR):
    assert len(_table) == len(ADJECTIVES_EN)
assert len(ADJECTIVES_FR) == len(ADJECTIVES_ES) == len(ADJECTIVES_EN)

# --- Romanization of Cyrillic and Greek (simplified BGN/PCGN and ELOT 743) ----------------

_RU_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_EL_LATIN = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
    "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r",
    "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
}  # fmt: skip
# Pairs of letters read as one sound; the second value is the form at the start of a word.
_EL_PAIRS = {
    "ου": ("ou", "ou"),
    "αι": ("ai", "ai"),
    "ει": ("ei", "ei"),
    "οι": ("oi", "oi"),
    "αυ": ("av", "av"),
    "ευ": ("ev", "ev"),
    "γγ": ("ng", "ng"),
    "γκ": ("ng", "g"),
    "μπ": ("mb", "b"),
    "ντ": ("nt", "d"),
}


def _cased(latin, original):
    return latin[:1].upper() + latin[1:] if original.isupper() else latin


def romanize_ru(text):
    return "".join(_cased(_RU_LATIN.get(ch.lower(), ch), ch) for ch in text)


def romanize_el(text):
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    out, i = [], 0
    while i < len(bare):
        ch = bare[i]
        pair = bare[i : i + 2].lower()
        if pair in _EL_PAIRS:
            inside, initial = _EL_PAIRS[pair]
            latin = initial if i == 0 or not bare[i - 1].isalpha() else inside
            i += 2
        else:
            latin = _EL_LATIN.get(ch.lower(), ch)
            i += 1
        out.append(_cased(latin, ch))
    return "".join(out)


def _capitalize(text):
    return text[:1].upper() + text[1:]


def _title_words(text):
    return " ".join(_capitalize(word) for word in text.split(" "))


# --- Rendering a title concept in each language --------------------------------------------
#
# A concept is (noun, adjective, second noun, sequel number) as indexes, -1 for "none".
# Each function returns (title, romanization or None).


def _title_en(noun, adjective, other):
    if adjective >= 0:
        return f"The {ADJECTIVES_EN[adjective]} {NOUNS_EN[noun]}", None
    if other >= 0:
        return f"The {NOUNS_EN[noun]} and the {NOUNS_EN[other]}", None
    return f"The {NOUNS_EN[noun]}", None


def _has_final_consonant(hangul):
    return (ord(hangul[-1]) - 0xAC00) % 28 != 0


def _title_ko(noun, adjective, other):
    text, latin = NOUNS_KO[noun]
    if adjective >= 0:
        word, word_latin = ADJECTIVES_KO[adjective]
        return f"{word} {text}", _title_words(f"{word_latin} {latin}")
    if other >= 0:
        text2, latin2 = NOUNS_KO[other]
        particle, particle_latin = ("과", "gwa") if _has_final_consonant(text) else ("와", "wa")
        return f"{text}{particle} {text2}", _title_words(f"{latin}-{particle_latin} {latin2}")
    return text, _capitalize(latin)


_GENDER_INDEX = {"m": 0, "f": 1, "n": 2}


def _title_ru(noun, adjective, other):
    text, gender = NOUNS_RU[noun]
    if adjective >= 0:
        text = f"{ADJECTIVES_RU[adjective][_GENDER_INDEX[gender]]} {text}"
    elif other >= 0:
        text = f"{text} и {NOUNS_RU[other][0]}"
    text = _capitalize(text)
    return text, romanize_ru(text)


def _title_el(noun, adjective, other):
    text, gender = NOUNS_EL[noun]
    if adjective >= 0:
        text = f"{ADJECTIVES_EL[adjective][_GENDER_INDEX[gender]]} {text}"
    text = f"{ARTICLES_EL[gender]} {text}"
    if other >= 0:
        text2, gender2 = NOUNS_EL[other]
        text = f"{text} και {ARTICLES_EL[gender2]} {text2}"
    text = _capitalize(text)
    return text, romanize_el(text)


def _title_hi(noun, adjective, other):
    text, gender, latin = NOUNS_HI[noun]
    if adjective >= 0:
        adjective_m, adjective_f, latin_m, latin_f = ADJECTIVES_HI[adjective]
        if gender == "f":
            return f"{adjective_f} {text}", f"{latin_f} {latin}"
        return f"{adjective_m} {text}", f"{latin_m} {latin}"
    if other >= 0:
        text2, _, latin2 = NOUNS_HI[other]
        return f"{text} और {text2}", f"{latin} Aur {latin2}"
    return text, latin


def _title_tr(noun, adjective, other):
    if adjective >= 0:
        return f"{ADJECTIVES_TR[adjective]} {NOUNS_TR[noun]}", None
    if other >= 0:
        return f"{NOUNS_TR[noun]} ve {NOUNS_TR[other]}", None
    return NOUNS_TR[noun], None


def _french_article(gender, next_word):
    if next_word[0] in "aeiouyéèêîôâh":
        return "l'"
    return "la " if gender == "f" else "le "


def _french_phrase(noun, adjective=-1):
    """The noun phrase with its article and French title capitals (La Rivière silencieuse)."""
    text, gender = NOUNS_FR[noun]
    if adjective < 0:
        return _french_article(gender, text) + _capitalize(text)
    masculine, feminine, before_vowel, before = ADJECTIVES_FR[adjective]
    word = feminine if gender == "f" else masculine
    if before:
        if gender == "m" and before_vowel and text[0] in "aeiouyéèêîôâh":
            word = before_vowel
        return f"{_french_article(gender, word)}{_capitalize(word)} {_capitalize(text)}"
    return f"{_french_article(gender, text)}{_capitalize(text)} {word}"


def _title_fr(noun, adjective, other):
    text = _french_phrase(noun, adjective)
    if other >= 0:
        second = _french_phrase(other)
        text = f"{text} et {second[:1].lower()}{second[1:]}"
    return _capitalize(text), None


def _spanish_phrase(noun, adjective=-1):
    text, gender = NOUNS_ES[noun]
    article = "la" if gender == "f" else "el"
    if adjective < 0:
        return f"{article} {text}"
    masculine, feminine, before = ADJECTIVES_ES[adjective]
    word = feminine if gender == "f" else masculine
    return f"{article} {word} {text}" if before else f"{article} {text} {word}"


def _title_es(noun, adjective, other):
    text = _spanish_phrase(noun, adjective)
    if other >= 0:
        text = f"{text} y {_spanish_phrase(other)}"
    return _capitalize(text), None


# --- People's names ------------------------------------------------------------------------
#
# Each culture has given names (Latin, original script) by gender and surnames
# (Latin masculine, original masculine, Latin feminine, original feminine, other spelling).

_EN_MEN = (
    "James John Robert Michael William David Richard Thomas Charles Daniel Matthew Anthony "
    "Mark Paul Steven Andrew Kevin Brian George Edward Peter Henry Samuel Oliver Jack Harry "
    "Frank Walter Arthur Raymond"
)
_EN_WOMEN = (
    "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Emily Emma "
    "Olivia Grace Alice Laura Rachel Hannah Claire Kate Lucy Helen Margaret Dorothy Ruth "
    "Evelyn Joan Anne Julia Charlotte"
)
_EN_SURNAMES = (
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
    "Jackson Martin Lee Thompson White Harris Clark Lewis Robinson Walker Young Allen King "
    "Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips "
    "Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Cooper "
    "Reed Bailey Bell Kelly Howard Ward Cox Hughes O'Brien Fletcher Hayes"
)
_FR_MEN = (
    "Jean Pierre Michel François Luc Étienne Jérôme André Julien Nicolas Sébastien Gaël Noël "
    "Théo Hugo Mathieu"
)
_FR_WOMEN = (
    "Hélène Élodie Chloé Camille Amélie Zoé Océane Léa Manon Inès Juliette Margaux Béatrice "
    "Cécile Agnès Sophie"
)
_FR_SURNAMES = (
    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Lefèvre Moreau Laurent Simon "
    "Michel Rousseau Mercier Fournier Girard Bonnet Leroy Gauthier Chevalier Lévêque Bélanger "
    "Géraud Faure André Blanchard Garnier Barbier Perrin"
)
_ES_MEN = (
    "José Jesús Ángel Raúl Sebastián Andrés Martín Tomás Joaquín Iñaki Javier Álvaro Óscar "
    "Rubén Diego Pablo"
)
_ES_WOMEN = (
    "María Lucía Sofía Inés Begoña Ana Carmen Elena Mónica Verónica Pilar Rocío Marta Paula "
    "Ainhoa Nuria"
)
_ES_SURNAMES = (
    "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Jiménez "
    "Hernández Díaz Muñoz Álvarez Romero Núñez Ibáñez Peña Gutiérrez Ortiz Castillo Vázquez "
    "Ramírez Domínguez"
)
_TR_MEN = (
    "Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Barış "
    "Gökhan Çağan Uğur Şükrü Emre Can Tolga"
)
_TR_WOMEN = (
    "Ayşe Fatma Emine Hatice Zeynep Elif Meryem Şerife Özge Gülşen Çiğdem Işıl Büşra Dilek "
    "Şule İpek Ebru Nur Sıla Derya"
)
_TR_SURNAMES = (
    "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç "
    "Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Erdem Güneş Aksoy Tekin"
)
_KO_SURNAMES = (
    ("김", "Kim", None), ("이", "Lee", "Yi"), ("박", "Park", "Pak"), ("최", "Choi", "Choe"),
    ("정", "Jung", "Jeong"), ("강", "Kang", "Gang"), ("조", "Cho", "Jo"), ("윤", "Yoon", "Yun"),
    ("장", "Jang", "Chang"), ("임", "Lim", "Im"), ("한", "Han", None), ("오", "Oh", "O"),
    ("서", "Seo", "Suh"), ("신", "Shin", "Sin"), ("권", "Kwon", "Gwon"), ("황", "Hwang", None),
    ("안", "Ahn", "An"), ("송", "Song", None), ("류", "Ryu", "Yoo"), ("홍", "Hong", None),
)  # fmt: skip
_KO_MEN = (
    ("민준", "Min-jun"), ("서준", "Seo-jun"), ("도윤", "Do-yoon"), ("예준", "Ye-jun"),
    ("시우", "Si-woo"), ("하준", "Ha-jun"), ("지호", "Ji-ho"), ("주원", "Ju-won"),
    ("준우", "Jun-woo"), ("현우", "Hyun-woo"), ("건우", "Geon-woo"), ("우진", "Woo-jin"),
    ("성민", "Sung-min"), ("동현", "Dong-hyun"), ("재현", "Jae-hyun"), ("상훈", "Sang-hoon"),
    ("영수", "Young-soo"), ("정호", "Jung-ho"),
)  # fmt: skip
_KO_WOMEN = (
    ("서연", "Seo-yeon"), ("서윤", "Seo-yoon"), ("지우", "Ji-woo"), ("서현", "Seo-hyun"),
    ("민서", "Min-seo"), ("하은", "Ha-eun"), ("하윤", "Ha-yoon"), ("윤서", "Yoon-seo"),
    ("지민", "Ji-min"), ("채원", "Chae-won"), ("수아", "Su-a"), ("지아", "Ji-a"),
    ("다은", "Da-eun"), ("은지", "Eun-ji"), ("수진", "Su-jin"), ("혜진", "Hye-jin"),
    ("미영", "Mi-young"), ("예린", "Ye-rin"),
)  # fmt: skip
_RU_MEN = "Александр Алексей Андрей Дмитрий Иван Михаил Николай Сергей Владимир Юрий Павел Фёдор"
_RU_WOMEN = "Анна Мария Елена Ольга Наталья Татьяна Ирина Екатерина Светлана Юлия Ксения Дарья"
_RU_SURNAMES = (
    "Иванов Смирнов Кузнецов Попов Соколов Лебедев Козлов Новиков Морозов Петров Волков "
    "Соловьёв Васильев Зайцев Павлов Семёнов Голубев Виноградов Богданов Никитин"
)
_EL_MEN = (
    "Γιώργος Δημήτρης Κωνσταντίνος Γιάννης Νίκος Παναγιώτης Βασίλης Χρήστος Αθανάσιος "
    "Μιχάλης Σπύρος Άγγελος"
)
_EL_WOMEN = (
    "Μαρία Ελένη Αικατερίνη Βασιλική Σοφία Αγγελική Δήμητρα Γεωργία Ειρήνη Χριστίνα "
    "Αναστασία Ευαγγελία"
)
_EL_SURNAMES = (
    ("Παπαδόπουλος", "Παπαδοπούλου"), ("Βλάχος", "Βλάχου"), ("Αγγελόπουλος", "Αγγελοπούλου"),
    ("Νικολάου", "Νικολάου"), ("Γεωργίου", "Γεωργίου"), ("Οικονόμου", "Οικονόμου"),
    ("Παπαδάκης", "Παπαδάκη"), ("Μακρής", "Μακρή"), ("Αντωνίου", "Αντωνίου"),
    ("Δημητρίου", "Δημητρίου"), ("Ιωάννου", "Ιωάννου"), ("Καραγιάννης", "Καραγιάννη"),
    ("Παππάς", "Παππά"), ("Μαυρίδης", "Μαυρίδου"), ("Κωνσταντίνου", "Κωνσταντίνου"),
    ("Πετρόπουλος", "Πετροπούλου"),
)  # fmt: skip
_HI_MEN = (
    ("राहुल", "Rahul"), ("अमित", "Amit"), ("विजय", "Vijay"), ("सुनील", "Sunil"), ("रवि", "Ravi"),
    ("अर्जुन", "Arjun"), ("संजय", "Sanjay"), ("विक्रम", "Vikram"), ("आदित्य", "Aditya"),
    ("करण", "Karan"), ("रोहित", "Rohit"), ("मनोज", "Manoj"), ("अनिल", "Anil"), ("दीपक", "Deepak"),
)  # fmt: skip
_HI_WOMEN = (
    ("प्रिया", "Priya"), ("अनीता", "Anita"), ("दीपिका", "Deepika"), ("पूजा", "Pooja"),
    ("नेहा", "Neha"), ("कविता", "Kavita"), ("सुनीता", "Sunita"), ("अंजलि", "Anjali"),
    ("रेखा", "Rekha"), ("माधुरी", "Madhuri"), ("श्रेया", "Shreya"), ("सीमा", "Seema"),
    ("रीना", "Reena"), ("स्मिता", "Smita"),
)  # fmt: skip
_HI_SURNAMES = (
    ("शर्मा", "Sharma"), ("वर्मा", "Verma"), ("कपूर", "Kapoor"), ("खन्ना", "Khanna"),
    ("गुप्ता", "Gupta"), ("सिंह", "Singh"), ("मल्होत्रा", "Malhotra"), ("जोशी", "Joshi"),
    ("मेहता", "Mehta"), ("चौधरी", "Chaudhary"), ("पटेल", "Patel"), ("मिश्रा", "Mishra"),
    ("त्रिपाठी", "Tripathi"), ("अग्रवाल", "Agarwal"), ("देशमुख", "Deshmukh"), ("नायर", "Nair"),
    ("कुमार", "Kumar"), ("सक्सेना", "Saxena"),
)  # fmt: skip


def _latin_names(words):
    return tuple((word, "") for word in words.split())


def _latin_surnames(words):
    return tuple((word, "", word, "", None) for word in words.split())


NAMES = {
    "en": (_latin_names(_EN_MEN), _latin_names(_EN_WOMEN), _latin_surnames(_EN_SURNAMES)),
    "fr": (_latin_names(_FR_MEN), _latin_names(_FR_WOMEN), _latin_surnames(_FR_SURNAMES)),
    "es": (_latin_names(_ES_MEN), _latin_names(_ES_WOMEN), _latin_surnames(_ES_SURNAMES)),
    "tr": (_latin_names(_TR_MEN), _latin_names(_TR_WOMEN), _latin_surnames(_TR_SURNAMES)),
    "ko": (
        tuple((latin, hangul) for hangul, latin in _KO_MEN),
        tuple((latin, hangul) for hangul, latin in _KO_WOMEN),
        tuple((latin, hangul, latin, hangul, alt) for hangul, latin, alt in _KO_SURNAMES),
    ),
    "ru": (
        tuple((romanize_ru(name), name) for name in _RU_MEN.split()),
        tuple((romanize_ru(name), name) for name in _RU_WOMEN.split()),
        tuple(
            (romanize_ru(name), name, romanize_ru(name + "а"), name + "а", None)
            for name in _RU_SURNAMES.split()
        ),
    ),
    "el": (
        tuple((romanize_el(name), name) for name in _EL_MEN.split()),
        tuple((romanize_el(name), name) for name in _EL_WOMEN.split()),
        tuple(
            (romanize_el(male), male, romanize_el(female), female, None)
            for male, female in _EL_SURNAMES
        ),
    ),
    "hi": (
        tuple((latin, name) for name, latin in _HI_MEN),
        tuple((latin, name) for name, latin in _HI_WOMEN),
        tuple((latin, name, latin, name, None) for name, latin in _HI_SURNAMES),
    ),
}

#: Characters that are not called by a name, for men and for women; "{}" takes a surname.
_EPITHETS = (
    "The Doctor", "The Stranger", "Detective {}", "Officer {}", "Prisoner", "Lawyer",
    "Teacher", "Taxi driver", "Reporter", "Judge", "Nurse", "Neighbour", "Guard",
    "Shopkeeper", "Professor {}",
)  # fmt: skip
EPITHETS = (
    (*_EPITHETS, "Mr. {}", "Grandfather", "Old man"),
    (*_EPITHETS, "Mrs. {}", "Grandmother", "Old woman"),
)

# --- Cultures, countries, genres, ceremonies, sources ---------------------------------------


class Culture:
    """Where a film comes from: its language, countries, people's names and titles."""

    def __init__(self, code, weight, countries, render, original_note, romanized_note=None):
        self.code = code  # ISO 639-1 code of the original language
        self.weight = weight
        self.countries = countries  # (ISO 3166-1 code, weight, demonym, currency)
        self.country_weights = tuple(weight for _, weight, _, _ in countries)
        self.render = render
        self.original_note = original_note
        self.romanized_note = romanized_note
        # A title in a non-Latin script is shown by its English release title, as the seed
        # fixture shows 7번방의 선물 as "Miracle in Cell No. 7" (and 7. Koğuştaki Mucize as is).
        self.english_display = romanized_note is not None
        self.men, self.women, self.surnames = NAMES[code]


CULTURES = (
    Culture("en", 34, (("US", 60, "American", "USD"), ("GB", 25, "British", "GBP"),
                       ("CA", 6, "Canadian", "CAD"), ("AU", 6, "Australian", "AUD"),
                       ("IE", 2, "Irish", "EUR"), ("NZ", 1, "New Zealand", "NZD")),
            _title_en, "Original title"),
    Culture("fr", 10, (("FR", 80, "French", "EUR"), ("BE", 10, "Belgian", "EUR"),
                       ("CH", 5, "Swiss", "CHF"), ("CA", 5, "Canadian", "CAD")),
            _title_fr, "French title"),
    Culture("es", 10, (("ES", 45, "Spanish", "EUR"), ("MX", 30, "Mexican", "MXN"),
                       ("AR", 15, "Argentine", "ARS"), ("CO", 5, "Colombian", "COP"),
                       ("CL", 5, "Chilean", "CLP")),
            _title_es, "Spanish title"),
    Culture("tr", 8, (("TR", 1, "Turkish", "TRY"),), _title_tr, "Turkish title"),
    Culture("ko", 9, (("KR", 1, "South Korean", "KRW"),), _title_ko, "Hangul",
            "Revised Romanization"),
    Culture("ru", 9, (("RU", 90, "Russian", "RUB"), ("BY", 5, "Belarusian", "BYN"),
                      ("KZ", 5, "Kazakh", "KZT")),
            _title_ru, "Russian title", "Romanization"),
    Culture("el", 4, (("GR", 90, "Greek", "EUR"), ("CY", 10, "Cypriot", "EUR")), _title_el,
            "Greek title", "Romanization"),
    Culture("hi", 13, (("IN", 1, "Indian", "INR"),), _title_hi, "Devanagari", "Romanization"),
)  # fmt: skip
ENGLISH = CULTURES[0]
CULTURE_WEIGHTS = tuple(culture.weight for culture in CULTURES)

#: Second countries of co-productions, with weights.
PARTNER_COUNTRIES = (
    ("US", 20), ("FR", 15), ("DE", 12), ("GB", 10), ("IT", 8), ("JP", 6), ("CN", 5),
    ("ES", 5), ("CA", 5), ("BE", 4), ("SE", 3), ("DK", 3), ("NL", 3), ("HK", 3), ("CH", 2),
    ("AT", 2), ("PL", 2), ("CZ", 2),
)  # fmt: skip

#: Ticket prices, roughly, to turn admissions into a gross in the local currency.
TICKET_PRICES = {
    "USD": 10, "GBP": 8, "CAD": 12, "AUD": 15, "EUR": 9, "NZD": 14, "CHF": 17, "MXN": 70,
    "ARS": 2500, "COP": 12000, "CLP": 5000, "TRY": 120, "KRW": 9000, "RUB": 350, "BYN": 12,
    "KZT": 2000, "INR": 200,
}  # fmt: skip

#: The fixed genres (created when missing), with weights.
GENRES = (
    ("Drama", 30), ("Comedy", 15), ("Romance", 10), ("Thriller", 9), ("Crime", 8),
    ("Action", 8), ("Comedy-drama", 6), ("Horror", 6), ("Adventure", 5), ("Fantasy", 4),
    ("Science fiction", 3), ("War", 3), ("Musical", 3), ("Documentary", 3), ("Animation", 2),
)  # fmt: skip
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

# --- The shape of the archive ----------------------------------------------------------------

RELEASED_SHARE = 0.94  # the rest is in production or announced, with no year yet
P_NEW_PERSON = 0.2  # a credit goes to a newcomer: about 2 new people per film of 10 credits
WARM_UP = 20  # ... more often while a culture's cast or crew has fewer newcomers than this
P_PREFERENTIAL = 0.6  # otherwise it goes to the person of a recent credit (busy people get
CREDIT_MEMORY = 5000  # busier), among the last credits of the culture's cast or crew,
ROSTER_MEMORY = 3000  # or else to one of its recent newcomers
CAREER_YEARS = 15  # the mean career, from the first credit to the last
REMAKE_MEMORY = 5000  # a uniform sample of earlier released films, the sources of remakes
P_REMAKE = 0.05
P_AWARDS = 0.08  # films in the awards season: about 0.3 awards per film in all
P_FIGURES = 0.12  # released films (1970 on) with box-office figures
ADMISSION_DAYS = (1, 3, 7, 14, 30)


class Pool:
    """Recent credits and newcomers of one culture's cast or crew, in bounded rings, so that
    memory stays flat: people are (number, female, name, last year) tuples."""

    def __init__(self):
        self.credits, self.credit_at = [], 0
        self.roster, self.roster_at = [], 0

    def credit(self, person):
        if len(self.credits) < CREDIT_MEMORY:
            self.credits.append(person)
        else:
            self.credits[self.credit_at] = person
            self.credit_at = (self.credit_at + 1) % CREDIT_MEMORY

    def newcomer(self, person):
        if len(self.roster) < ROSTER_MEMORY:
            self.roster.append(person)
        else:
            self.roster[self.roster_at] = person
            self.roster_at = (self.roster_at + 1) % ROSTER_MEMORY

    def pick(self, rng):
        ring = self.credits if rng.random() < P_PREFERENTIAL else self.roster
        return ring[rng.randrange(len(ring))]


def derived(instance):
    """The field values of a new record, in field order, once its search columns are derived.

    Films, titles, people and credits are built and derived where they are generated (in
    the second process when there is one, which spares the inserting process the text
    folding); they cross as these plain values because pickling a model instance costs as
    much as building it. The inserting process sets the foreign keys and rebuilds them with
    ``Model(*values)``, as Django builds the rows it reads.
    """
    derive_search_fields(instance)
    return [getattr(instance, field.attname) for field in instance._meta.concrete_fields]


def insert_rows(model, rows):
    """INSERT ``rows`` (values of :func:`derived`, the primary key first and None) in chunks
    of ``INSERT_CHUNK`` rows a statement.

    ``bulk_create`` builds a model instance and prepares every value of every row through
    its field, which was most of the inserting process's time; these models' values are
    plain text, numbers and None already (no dates, no defaults left to fill, search
    columns derived), so they go to the driver as they are. Rows get no primary key back.
    """
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    assert model._meta.concrete_fields[0].primary_key
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    table = quote(model._meta.db_table)
    if connection.vendor == "postgresql":
        # COPY: the rows stream to the server, adapted by psycopg's C code, not composed
        # into statements (psycopg's client-side binding did that in Python, 14,000
        # parameters a statement).
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            for values in rows:
                copy.write_row(values[1:])
        return
    row_marks = "(" + ", ".join(["%s"] * len(fields)) + ")"
    head = f"INSERT INTO {table} ({columns}) VALUES "
    with connection.cursor() as cursor:
        for start in range(0, len(rows), INSERT_CHUNK):
            chunk = rows[start : start + INSERT_CHUNK]
            # One statement of many rows, as bulk_create writes it: one round trip a chunk.
            sql = head + ", ".join([row_marks] * len(chunk))
            cursor.execute(sql, [value for values in chunk for value in values[1:]])


def position(model, attname):
    """The index of a field in the values of :func:`derived`."""
    return [field.attname for field in model._meta.concrete_fields].index(attname)


class Batch:
    """The rows of a batch of films as plain data: films and people are referred to by
    their number in the run (from 1), since their primary keys come from the database."""

    def __init__(self):
        self.people = []  # derived Person values
        self.films = []  # (derived Film values, language code)
        self.titles = []  # (film, derived FilmTitle values, language code)
        self.roles = []  # (film, person, derived Role values)
        self.countries = []  # (film, country code)
        self.genres = []  # (film, index in GENRES)
        self.sources = []  # (film, index in SOURCES)
        self.adaptations = []  # (source film, film, kind, note)
        self.awards = []  # (film, index in CEREMONIES, year, category, result, person or 0)
        self.figures = []  # (film, BoxOfficeFigure fields, has the box-office source)


class Generator:
    """Makes the films in order from one seeded random generator: same seed, same films.

    Films come in the order of their years (a stratified draw), so the people of a film are
    drawn from those of recent films of its culture and careers stay in their time.
    """

    def __init__(self, seed, films):
        self.rng = random.Random(seed)
        self.total = films
        self.films_made = 0
        self.people_made = 0
        self.year = YEAR_FIRST  # of the film being made, or the last year for unreleased films
        self.pools = {(culture.code, crew): Pool() for culture in CULTURES for crew in (0, 1)}
        self.remake_sources = []
        self.released_seen = 0

    def batches(self, size):
        while self.films_made < self.total:
            batch = Batch()
            for _ in range(min(size, self.total - self.films_made)):
                self.film(batch)
            yield batch

    # People

    def new_person(self, culture, female, batch):
        rng = self.rng
        given, given_original = rng.choice(culture.women if female else culture.men)
        surname = rng.choice(culture.surnames)
        family, family_original = (surname[2], surname[3]) if female else surname[:2]
        other_names = ""
        if culture.code == "ko":
            name, name_original = f"{family} {given}", f"{family_original}{given_original}"
            if surname[4] and rng.random() < 0.3:
                other_names = f"{surname[4]} {given}"
        else:
            name = f"{given} {family}"
            name_original = f"{given_original} {family_original}" if given_original else ""
            if culture.code == "es" and rng.random() < 0.4:
                name = f"{name} {rng.choice(culture.surnames)[0]}"
        self.people_made += 1
        slug = f"{SLUG_PREFIX}{slugify(fold(name))}-{self.people_made}"
        person = Person(name=name, slug=slug, name_original=name_original, other_names=other_names)
        batch.people.append(derived(person))
        # A career of a few years for most, of decades for some: (number, female, name, last year).
        last_year = self.year + min(60, int(rng.expovariate(1 / CAREER_YEARS)))
        return (self.people_made, female, name, last_year)

    def person(self, culture, crew, batch, exclude=()):
        """Someone of the culture for a credit: a newcomer, or a person with earlier credits."""
        rng = self.rng
        pool = self.pools[culture.code, crew]
        chosen = None
        p_new = max(P_NEW_PERSON, 1 - len(pool.roster) / WARM_UP)
        if pool.credits and rng.random() >= p_new:
            for _ in range(4):
                candidate = pool.pick(rng)
                if candidate[3] >= self.year and candidate not in exclude:
                    chosen = candidate
                    break
        if chosen is None:
            female = rng.random() < (0.2 if crew else 0.45)
            chosen = self.new_person(culture, female, batch)
            pool.newcomer(chosen)
        pool.credit(chosen)
        return chosen

    def character(self, culture, female):
        rng = self.rng
        surname = rng.choice(culture.surnames)[2 if female else 0]
        if rng.random() < 0.2:
            return rng.choice(EPITHETS[female]).format(surname)
        given = rng.choice(culture.women if female else culture.men)[0]
        if rng.random() < 0.5:
            return given
        return f"{surname} {given}" if culture.code == "ko" else f"{given} {surname}"

    # Films

    def concept(self):
        """A title, as indexes: (noun, adjective, second noun, sequel number)."""
        rng = self.rng
        noun = rng.randrange(len(NOUNS_EN))
        shape = rng.random()
        adjective = other = -1
        if shape < 0.6:
            adjective = rng.randrange(len(ADJECTIVES_EN))
        elif shape < 0.85:
            other = rng.randrange(len(NOUNS_EN) - 1)
            other += other >= noun  # never "The River and the River"
        sequel = rng.choice((2, 2, 2, 3)) if rng.random() < 0.04 else 0
        return noun, adjective, other, sequel

    @staticmethod
    def render(culture, concept):
        noun, adjective, other, sequel = concept
        text, latin = culture.render(noun, adjective, other)
        if sequel:
            text = f"{text} {sequel}"
            latin = latin and f"{latin} {sequel}"
        return text, latin

    def pick_culture(self, unlike=None):
        while True:
            culture = self.rng.choices(CULTURES, CULTURE_WEIGHTS)[0]
            if culture is not unlike:
                return culture

    def film(self, batch):
        rng = self.rng
        self.films_made += 1
        number = self.films_made
        share = (number - 1 + rng.random()) / self.total
        if share < RELEASED_SHARE:
            status = Film.Status.RELEASED
            span = YEAR_LAST - YEAR_FIRST + 1
            year = YEAR_FIRST + int(span * (share / RELEASED_SHARE) ** 0.55)
        else:
            middle = (1 + RELEASED_SHARE) / 2
            status = Film.Status.IN_PRODUCTION if share < middle else Film.Status.ANNOUNCED
            year = None

        self.year = year or YEAR_LAST
        source = None
        if self.remake_sources and rng.random() < P_REMAKE:
            candidate = rng.choice(self.remake_sources)
            if year is None or candidate[1] < year:
                source = candidate
        if source is None:
            culture = self.pick_culture()
            concept = self.concept()
        else:
            _, _, source_culture, source_concept, _, _, _ = source
            unlike = None if rng.random() < 0.15 else source_culture
            culture = self.pick_culture(unlike)
            concept = source_concept[:3] + (0,)

        country, _, demonym, currency = rng.choices(culture.countries, culture.country_weights)[0]
        countries = [country]
        if rng.random() < 0.15:
            partner = rng.choices(PARTNER_CODES, PARTNER_WEIGHTS)[0]
            if partner != country:
                countries.append(partner)
        genres = []
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            genre = rng.choices(GENRE_INDEXES, GENRE_WEIGHTS)[0]
            if genre not in genres:
                genres.append(genre)

        titles, display, english = self.titles(culture, concept, status, source)
        release_date = runtime = None
        if year:
            days = 366 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 365
            release_date = datetime.date(year, 1, 1) + datetime.timedelta(rng.randrange(days))
            mean = 140 if culture.code == "hi" else (75 if year < 1935 else 102)
            runtime = max(40, min(240, int(rng.gauss(86 if genres[0] == ANIMATION else mean, 18))))

        base = slugify(fold(display)) if display else "untitled"
        slug = f"{SLUG_PREFIX}{base}-{year}-{number}" if year else f"{SLUG_PREFIX}{base}-{number}"
        for kind, text, language, note in titles:
            title = FilmTitle(kind=kind, text=text, note=note)
            batch.titles.append((number, derived(title), language))
        for code in countries:
            batch.countries.append((number, code))
        for genre in genres:
            batch.genres.append((number, genre))

        credits = self.credits(number, culture, status, genres, batch)
        genre_name = GENRES[genres[0]][0].lower()
        director = credits[0][0][2]
        if year:
            summary = f"A {year} {demonym} {genre_name} film directed by {director}."
        else:
            summary = f"An upcoming {demonym} {genre_name} film directed by {director}."
        based_on = ""
        if source is not None:
            source_number, source_year, _, _, _, source_demonym, source_title = source
            kind = rng.choices(ADAPTATION_KINDS, ADAPTATION_WEIGHTS)[0]
            note = ""
            if rng.random() < 0.3:
                note = f"A {demonym} remake of the {source_year} {source_demonym} film."
            batch.adaptations.append((source_number, number, kind, note))
            based_on = f"The {source_year} {source_demonym} film {source_title}."
        film = Film(
            title=display,
            slug=slug,
            year=year,
            release_date=release_date,
            status=status,
            runtime=runtime,
            summary=summary,
            based_on=based_on,
        )
        batch.films.append((derived(film), culture.code))

        if rng.random() < 0.3:
            batch.sources.append((number, rng.choice((YEARBOOK, TRADE_PRESS, PRESS_KIT))))
        if year:
            if year >= 1970 and rng.random() < P_FIGURES:
                self.figures(number, release_date, currency, batch)
                batch.sources.append((number, BOX_OFFICE))
            if rng.random() < P_AWARDS and self.awards(number, year, culture, credits, batch):
                batch.sources.append((number, FESTIVALS))
            self.remember((number, year, culture, concept, english, demonym, display))

    def titles(self, culture, concept, status, source):
        """The film's titles as (kind, text, language, note), its display title and its
        English title."""
        rng = self.rng
        original, latin = self.render(culture, concept)
        if status == Film.Status.ANNOUNCED and source is None and rng.random() < 0.4:
            return [(FilmTitle.Kind.WORKING, original, culture.code, "Working title")], "", ""
        titles = [(FilmTitle.Kind.ORIGINAL, original, culture.code, culture.original_note)]
        if latin:
            titles.append((FilmTitle.Kind.ROMANIZED, latin, culture.code, culture.romanized_note))
        display = english = original
        if culture is not ENGLISH:
            literal = self.render(ENGLISH, concept)[0]
            if source is not None and source[4]:
                english = source[4]  # remakes keep the original's English title
            elif rng.random() < 0.25:
                english = self.render(ENGLISH, self.concept())[0]
            else:
                english = literal
            titles.append((FilmTitle.Kind.RELEASE, english, "en", "English title"))
            if literal != english:
                titles.append(
                    (FilmTitle.Kind.LITERAL, literal, "en", "Literal English translation")
                )
            if culture.english_display:
                display = english
        if len(titles) < 4 and rng.random() < 0.08:
            working = self.render(culture, self.concept())[0]
            if working != original:
                titles.append((FilmTitle.Kind.WORKING, working, culture.code, "Working title"))
        return titles, display, english

    def credits(self, film, culture, status, genres, batch):
        """The credits as (person, kind, character, note, billing), the director first."""
        rng = self.rng
        unreleased = status != Film.Status.RELEASED
        announced = "announced" if unreleased else ""
        director = self.person(culture, 1, batch)
        credits = [(director, Role.Kind.DIRECTOR, "", announced, None)]
        if status != Film.Status.ANNOUNCED:
            writers = [director] if rng.random() < 0.4 else []
            for _ in range(rng.choices((1, 2, 3), (55, 30, 15))[0] - len(writers)):
                writers.append(self.person(culture, 1, batch, writers))
            credits += [
                (writer, Role.Kind.WRITER, "", "", n) for n, writer in enumerate(writers, 1)
            ]
            producers = []
            for _ in range(rng.choices((0, 1, 2), (30, 40, 30))[0]):
                producers.append(self.person(culture, 1, batch, producers))
            credits += [
                (person, Role.Kind.PRODUCER, "", "", n) for n, person in enumerate(producers, 1)
            ]
        count = rng.randint(0, 2) if status == Film.Status.ANNOUNCED else rng.randint(3, 11)
        note = announced or ("voice" if genres[0] == ANIMATION else "")
        actors, characters = [], []
        while len(actors) < count:
            actor = self.person(culture, 0, batch, actors)
            actors.append(actor)
            character = self.character(culture, actor[1])
            if character in characters:
                character = self.character(culture, actor[1])
            characters.append(character)
            if len(actors) == 2 and not unreleased and rng.random() < 0.04:
                # One character at two ages, as Ye-sung in the seed film.
                credits.append((actor, Role.Kind.ACTOR, character, "child", len(actors)))
                adult = self.person(culture, 0, batch, actors)
                actors.append(adult)
                credits.append((adult, Role.Kind.ACTOR, character, "adult", len(actors)))
                continue
            last = len(actors) > 3 and not unreleased and rng.random() < 0.03
            credits.append(
                (actor, Role.Kind.ACTOR, character, "uncredited" if last else note, len(actors))
            )
        for person, kind, character, role_note, billing in credits:
            role = Role(kind=kind, character=character, note=role_note, billing=billing)
            batch.roles.append((film, person[0], derived(role)))
        return credits

    def figures(self, film, release_date, currency, batch):
        """Admissions by day of the run, the final admissions and gross, maybe a budget."""
        rng = self.rng
        total = int(rng.lognormvariate(12.5, 1.4)) + 1000
        share = rng.uniform(0.04, 0.12)
        for day in ADMISSION_DAYS:
            if day > 1:
                share = min(0.98, share * rng.uniform(1.3, 2.4))
            fields = {
                "kind": BoxOfficeFigure.Kind.ADMISSIONS,
                "key": f"day-{day}",
                "value": Decimal(int(total * share)),
                "days_since_release": day,
                "reported_on": release_date + datetime.timedelta(day - 1),
            }
            batch.figures.append((film, fields, False))
        final = release_date + datetime.timedelta(rng.randint(60, 180))
        fields = {
            "kind": BoxOfficeFigure.Kind.ADMISSIONS,
            "key": "final",
            "value": Decimal(total),
            "reported_on": final,
            "note": "Total admissions at the end of the run",
        }
        batch.figures.append((film, fields, True))
        gross = int(total * TICKET_PRICES[currency] * rng.uniform(0.8, 1.2))
        fields = {
            "kind": BoxOfficeFigure.Kind.GROSS,
            "key": "final",
            "value": Decimal(gross),
            "currency": currency,
            "reported_on": final,
        }
        batch.figures.append((film, fields, True))
        if rng.random() < 0.5:
            fields = {
                "kind": BoxOfficeFigure.Kind.BUDGET,
                "key": "production",
                "value": Decimal(int(gross * rng.uniform(0.2, 1.5)) // 1000 * 1000),
                "currency": currency,
                "qualifier": rng.choice(QUALIFIERS),
            }
            batch.figures.append((film, fields, True))

    def awards(self, film, year, culture, credits, batch):
        """Nominations and wins at one to three ceremonies; True if there was any."""
        rng = self.rng
        eligible, weights = [], []  # mostly at home: the festivals are open to all films
        for index, (_, _, first, delay, scope, _) in enumerate(CEREMONIES):
            if first <= year + delay <= YEAR_LAST and scope in (None, culture.code):
                eligible.append(index)
                weights.append(1 if scope is None else 4)
        if not eligible:
            return False
        honoured = {FOR_FILM: None, DIRECTOR: credits[0][0]}
        actors = [person for person, kind, *_ in credits if kind == Role.Kind.ACTOR]
        men = [person for person in actors if not person[1]]
        women = [person for person in actors if person[1]]
        for who, group, rank in (
            (ACTOR, men, 0),
            (SUPPORTING_ACTOR, men, 1),
            (ACTRESS, women, 0),
            (SUPPORTING_ACTRESS, women, 1),
        ):
            if len(group) > rank:
                honoured[who] = group[rank]
        writers = [person for person, kind, *_ in credits if kind == Role.Kind.WRITER]
        if writers:
            honoured[WRITER] = writers[0]
        chosen = []
        for _ in range(rng.choice((1, 1, 2, 3))):
            index = rng.choices(eligible, weights)[0]
            if index not in chosen:
                chosen.append(index)
        for index in chosen:
            name, _, _, delay, _, categories = CEREMONIES[index]
            categories = [item for item in categories if item[1] in honoured]
            for category, who in rng.sample(categories, min(len(categories), rng.randint(1, 4))):
                result = Award.Result.WON if rng.random() < 0.25 else Award.Result.NOMINATED
                person = honoured[who][0] if honoured[who] else 0
                batch.awards.append((film, index, year + delay, category, result, person))
        return True

    def remember(self, film):
        """Keep a uniform sample of the released films so far, the sources of remakes."""
        self.released_seen += 1
        if len(self.remake_sources) < REMAKE_MEMORY:
            self.remake_sources.append(film)
        else:
            slot = self.rng.randrange(self.released_seen)
            if slot < REMAKE_MEMORY:
                self.remake_sources[slot] = film


PARTNER_CODES = tuple(code for code, _ in PARTNER_COUNTRIES)
PARTNER_WEIGHTS = tuple(weight for _, weight in PARTNER_COUNTRIES)
GENRE_INDEXES = tuple(range(len(GENRES)))
GENRE_WEIGHTS = tuple(weight for _, weight in GENRES)
QUALIFIERS = (BoxOfficeFigure.Qualifier.EXACT, BoxOfficeFigure.Qualifier.ABOUT)


def _produce(generator, batch_size, handover):
    """The second process: make the batches and hand them over (a traceback on failure)."""
    try:
        for batch in generator.batches(batch_size):
            handover.put(batch)
        handover.put(None)
    except BaseException:
        handover.put(traceback.format_exc())


def _plain(text):
    """No style: stderr would otherwise show the progress bar in the error colour."""
    return text


class Command(BaseCommand):
    help = (
        "Fill the database with a deterministic synthetic archive for load tests: films, "
        "people, credits, titles in several scripts, remakes, awards and box office. The same "
        "--seed and --films make the same records. Generated slugs start with 'gen-'. Refuses "
        "to run when generated films or people exist already: use a fresh database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--films",
            type=int,
            required=True,
            help="How many films to make (about 10 credits each).",
        )
        parser.add_argument("--seed", type=int, default=1, help="The random seed (default 1).")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=5000,
            help="Films per transaction (default 5000); it does not change the records.",
        )
        parser.add_argument(
            "--parallel",
            action=argparse.BooleanOptionalAction,
            default=CAN_FORK,
            help="Make the records in a second process while this one inserts them (default "
            "where the system can fork); the records are the same either way.",
        )

    def handle(self, *args, films, seed, batch_size, parallel, verbosity, **options):
        if films < 1:
            raise CommandError("--films must be at least 1.")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        if parallel and not CAN_FORK:
            raise CommandError("--parallel needs a system that can fork; use --no-parallel.")
        generated_films = Film.objects.filter(slug__startswith=SLUG_PREFIX).count()
        generated_people = Person.objects.filter(slug__startswith=SLUG_PREFIX).count()
        if generated_films or generated_people:
            raise CommandError(
                f"The database already holds generated data ({generated_films:,} films and "
                f"{generated_people:,} people with slugs starting '{SLUG_PREFIX}'); refusing to "
                "add another archive. Run it on a fresh database (a new DATABASE_URL, migrated)."
            )
        self.verbosity = verbosity
        started = time.monotonic()
        self.lookups = self.reference_data(seed, films)
        # Primary keys by number in the run: 8 bytes a film or person, the only state that
        # grows with the archive (remakes and credits refer to earlier films and people).
        self.film_pks, self.person_pks = array("q"), array("q")
        self.totals = dict.fromkeys(
            ("people", "titles", "roles", "adaptations", "awards", "figures"), 0
        )
        generator = Generator(seed, films)
        # The search indexes are built once at the end, not row by row (archive.search).
        with search.deferred(connection):
            for batch in self.batches(generator, batch_size, parallel):
                with transaction.atomic():
                    self.insert(batch)
                del batch
                reset_queries()  # with DEBUG on, the query log would grow with every batch
                self.progress(len(self.film_pks), films, started)
        # bulk_create sends no signal: make the cached pages and counts stale here.
        bump_version()
        self.refresh_statistics()
        elapsed = time.monotonic() - started
        if verbosity:
            totals = self.totals
            self.stdout.write(
                self.style.SUCCESS(
                    f"Generated {len(self.film_pks):,} films, {totals['people']:,} people, "
                    f"{totals['roles']:,} credits, {totals['titles']:,} titles, "
                    f"{totals['adaptations']:,} adaptations, {totals['awards']:,} awards and "
                    f"{totals['figures']:,} box-office figures in {elapsed:.1f} s "
                    f"(seed {seed})."
                )
            )

    def refresh_statistics(self):
        """Give the query planner the new tables' statistics (and PostgreSQL its visibility
        map, for index-only scans): without them it plans for empty tables."""
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            statement = "VACUUM ANALYZE"
        else:
            statement = "ANALYZE"
        with connection.cursor() as cursor:
            cursor.execute(statement)

    def batches(self, generator, batch_size, parallel):
        """The generator's batches: made here, or in a forked process while this one
        inserts (only plain tuples cross; the child never touches the database)."""
        if not parallel:
            yield from generator.batches(batch_size)
            return
        context = multiprocessing.get_context("fork")
        handover = context.Queue(maxsize=2)
        process = context.Process(
            target=_produce, args=(generator, batch_size, handover), daemon=True
        )
        process.start()
        try:
            while True:
                try:
                    item = handover.get(timeout=1)
                except queue.Empty:
                    if not process.is_alive():
                        raise CommandError(
                            f"The generating process stopped (exit code {process.exitcode})."
                        ) from None
                    continue
                if item is None:
                    break
                if isinstance(item, str):
                    raise CommandError(f"The generating process failed:\n{item}")
                yield item
            process.join()
        finally:
            if process.is_alive():
                process.terminate()
                process.join()

    def reference_data(self, seed, films):
        """Primary keys of the languages, countries, genres, ceremonies and sources used;
        genres, ceremonies and sources are created when missing."""
        codes = {culture.code for culture in CULTURES}
        languages = dict(Language.objects.filter(code__in=codes).values_list("code", "pk"))
        country_codes = {code for culture in CULTURES for code, *_ in culture.countries}
        country_codes |= set(PARTNER_CODES) | {country for _, country, *_ in CEREMONIES}
        countries = dict(Country.objects.filter(code__in=country_codes).values_list("code", "pk"))
        missing = sorted((codes - set(languages)) | (country_codes - set(countries)))
        if missing:
            raise CommandError(
                f"The languages or countries {', '.join(missing)} are missing: run migrate."
            )
        with transaction.atomic():
            genres = [self.named(Genre, name) for name, _ in GENRES]
            ceremonies = [
                self.named(Ceremony, name, country_id=countries[country])
                for name, country, *_ in CEREMONIES
            ]
            note = f"Made up by generate_archive (seed {seed}, {films} films); not a real source."
            sources = [
                Source.objects.get_or_create(
                    key=key, defaults={"title": title, "publisher": publisher, "note": note}
                )[0]
                for key, title, publisher in SOURCES
            ]
        return {
            "languages": languages,
            "countries": countries,
            "genres": [genre.pk for genre in genres],
            "ceremonies": [ceremony.pk for ceremony in ceremonies],
            "sources": [source.pk for source in sources],
        }

    @staticmethod
    def named(model, name, **fields):
        """The record with this name or its slug (as a fixture may have made it), or a new one."""
        slug = slugify(name)
        found = model.objects.filter(Q(slug=slug) | Q(name=name)).order_by("pk").first()
        return found or model.objects.create(name=name, slug=slug, **fields)

    def insert(self, batch):
        lookups, totals = self.lookups, self.totals
        languages, countries = lookups["languages"], lookups["countries"]
        genres, sources, ceremonies = lookups["genres"], lookups["sources"], lookups["ceremonies"]

        people = [Person(*values) for values in batch.people]
        Person.objects.bulk_create(people, batch_size=INSERT_CHUNK)
        self.person_pks.extend(person.pk for person in people)
        films = []
        at = position(Film, "original_language_id")
        for values, language in batch.films:
            values[at] = languages[language]
            films.append(Film(*values))
        Film.objects.bulk_create(films, batch_size=INSERT_CHUNK)
        self.film_pks.extend(film.pk for film in films)
        film_pk, person_pk = self.film_pks, self.person_pks  # by number - 1

        # Titles and credits, most of the rows, need no primary key back: plain INSERTs.
        titles = []
        at_film, at_language = position(FilmTitle, "film_id"), position(FilmTitle, "language_id")
        for film, values, language in batch.titles:
            values[at_film], values[at_language] = film_pk[film - 1], languages[language]
            titles.append(values)
        insert_rows(FilmTitle, titles)
        roles = []
        at_film, at_person = position(Role, "film_id"), position(Role, "person_id")
        for film, person, values in batch.roles:
            values[at_film], values[at_person] = film_pk[film - 1], person_pk[person - 1]
            roles.append(values)
        insert_rows(Role, roles)
        FilmCountry, FilmGenre, FilmSource = (
            Film.countries.through,
            Film.genres.through,
            Film.sources.through,
        )
        FilmCountry.objects.bulk_create(
            [
                FilmCountry(film_id=film_pk[film - 1], country_id=countries[code])
                for film, code in batch.countries
            ],
            batch_size=INSERT_CHUNK,
        )
        FilmGenre.objects.bulk_create(
            [
                FilmGenre(film_id=film_pk[film - 1], genre_id=genres[genre])
                for film, genre in batch.genres
            ],
            batch_size=INSERT_CHUNK,
        )
        FilmSource.objects.bulk_create(
            [
                FilmSource(film_id=film_pk[film - 1], source_id=sources[source])
                for film, source in batch.sources
            ],
            batch_size=INSERT_CHUNK,
        )
        Adaptation.objects.bulk_create(
            [
                Adaptation(
                    source_id=film_pk[source - 1],
                    adaptation_id=film_pk[film - 1],
                    kind=kind,
                    note=note,
                )
                for source, film, kind, note in batch.adaptations
            ],
            batch_size=INSERT_CHUNK,
        )
        Award.objects.bulk_create(
            [
                Award(
                    ceremony_id=ceremonies[ceremony],
                    edition=year - CEREMONIES[ceremony][2] + 1,
                    year=year,
                    category=category,
                    result=result,
                    film_id=film_pk[film - 1],
                    person_id=person_pk[person - 1] if person else None,
                )
                for film, ceremony, year, category, result, person in batch.awards
            ],
            batch_size=INSERT_CHUNK,
        )
        figures = [
            BoxOfficeFigure(film_id=film_pk[film - 1], **fields)
            for film, fields, _ in batch.figures
        ]
        BoxOfficeFigure.objects.bulk_create(figures, batch_size=INSERT_CHUNK)
        FigureSource = BoxOfficeFigure.sources.through
        FigureSource.objects.bulk_create(
            [
                FigureSource(boxofficefigure_id=figure.pk, source_id=sources[BOX_OFFICE])
                for figure, (_, _, sourced) in zip(figures, batch.figures, strict=True)
                if sourced
            ],
            batch_size=INSERT_CHUNK,
        )
        totals["people"] += len(people)
        totals["titles"] += len(titles)
        totals["roles"] += len(roles)
        totals["adaptations"] += len(batch.adaptations)
        totals["awards"] += len(batch.awards)
        totals["figures"] += len(figures)

    def progress(self, done, total, started):
        """A progress bar on stderr: redrawn in place on a terminal, else a line a batch."""
        if self.verbosity < 1:
            return
        elapsed = max(time.monotonic() - started, 1e-6)
        rate = done / elapsed
        filled = 30 * done // total
        line = (
            f"[{'#' * filled}{'.' * (30 - filled)}] {done:,}/{total:,} films "
            f"{done / total:4.0%} | {self.totals['people']:,} people, "
            f"{self.totals['roles']:,} credits | {rate:,.0f} films/s, {elapsed:.0f} s"
        )
        if done < total:
            line += f", about {(total - done) / rate:.0f} s to go"
        if self.stderr.isatty():
            ending = "\n" if done == total else ""
            self.stderr.write("\r" + line, style_func=_plain, ending=ending)
        else:
            self.stderr.write(line, style_func=_plain)
        self.stderr.flush()
