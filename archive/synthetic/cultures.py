"""Where generated films come from: each culture's language, countries, names and titles."""

from .names import NAMES
from .titles import (
    title_el,
    title_en,
    title_es,
    title_fr,
    title_hi,
    title_ja,
    title_ko,
    title_ru,
    title_tr,
    title_zh,
)


class Culture:
    """Where a film comes from: its language, countries, people's names and titles."""

    def __init__(
        self,
        code,
        weight,
        countries,
        render,
        original_note,
        romanized_note=None,
        *,
        family_first=False,
        unspaced=False,
    ):
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
        # Korean and Chinese names put the family name first in Latin letters too (Kim
        # Min-jun, Zhang Wei); Japanese ones are given first in international credits.
        self.family_first = family_first
        # Hangul, kanji and hanzi names are written family name first, without a space.
        self.unspaced = unspaced


CULTURES = (
    Culture("en", 34, (("US", 60, "American", "USD"), ("GB", 25, "British", "GBP"),
                       ("CA", 6, "Canadian", "CAD"), ("AU", 6, "Australian", "AUD"),
                       ("IE", 2, "Irish", "EUR"), ("NZ", 1, "New Zealand", "NZD")),
            title_en, "Original title"),
    Culture("fr", 10, (("FR", 80, "French", "EUR"), ("BE", 10, "Belgian", "EUR"),
                       ("CH", 5, "Swiss", "CHF"), ("CA", 5, "Canadian", "CAD")),
            title_fr, "French title"),
    Culture("es", 10, (("ES", 45, "Spanish", "EUR"), ("MX", 30, "Mexican", "MXN"),
                       ("AR", 15, "Argentine", "ARS"), ("CO", 5, "Colombian", "COP"),
                       ("CL", 5, "Chilean", "CLP")),
            title_es, "Spanish title"),
    Culture("tr", 8, (("TR", 1, "Turkish", "TRY"),), title_tr, "Turkish title"),
    Culture("ko", 9, (("KR", 1, "South Korean", "KRW"),), title_ko, "Hangul",
            "Revised Romanization", family_first=True, unspaced=True),
    Culture("ru", 9, (("RU", 90, "Russian", "RUB"), ("BY", 5, "Belarusian", "BYN"),
                      ("KZ", 5, "Kazakh", "KZT")),
            title_ru, "Russian title", "Romanization"),
    Culture("el", 4, (("GR", 90, "Greek", "EUR"), ("CY", 10, "Cypriot", "EUR")), title_el,
            "Greek title", "Romanization"),
    Culture("hi", 13, (("IN", 1, "Indian", "INR"),), title_hi, "Devanagari", "Romanization"),
    Culture("ja", 7, (("JP", 1, "Japanese", "JPY"),), title_ja, "Japanese title",
            "Hepburn romanization", unspaced=True),
    Culture("zh", 8, (("CN", 1, "Chinese", "CNY"),), title_zh, "Simplified Chinese", "Pinyin",
            family_first=True, unspaced=True),
)  # fmt: skip
ENGLISH = CULTURES[0]
CULTURE_WEIGHTS = tuple(culture.weight for culture in CULTURES)

#: Second countries of co-productions, with weights.
PARTNER_COUNTRIES = (
    ("US", 20), ("FR", 15), ("DE", 12), ("GB", 10), ("IT", 8), ("JP", 6), ("CN", 5),
    ("ES", 5), ("CA", 5), ("BE", 4), ("SE", 3), ("DK", 3), ("NL", 3), ("HK", 3), ("CH", 2),
    ("AT", 2), ("PL", 2), ("CZ", 2),
)  # fmt: skip
PARTNER_CODES = tuple(code for code, _ in PARTNER_COUNTRIES)
PARTNER_WEIGHTS = tuple(weight for _, weight in PARTNER_COUNTRIES)

#: Ticket prices, roughly, to turn admissions into a gross in the local currency.
TICKET_PRICES = {
    "USD": 10, "GBP": 8, "CAD": 12, "AUD": 15, "EUR": 9, "NZD": 14, "CHF": 17, "MXN": 70,
    "ARS": 2500, "COP": 12000, "CLP": 5000, "TRY": 120, "KRW": 9000, "RUB": 350, "BYN": 12,
    "KZT": 2000, "INR": 200, "JPY": 1900, "CNY": 45,
}  # fmt: skip
