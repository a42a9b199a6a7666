"""archive.synthetic.titles and .vocabulary: one title concept in each language's grammar."""

import pytest

from archive.synthetic import vocabulary
from archive.synthetic.titles import (
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

RIVER, NIGHT, MOUNTAIN, ISLAND = 0, 1, 20, 21
SILENT, BEAUTIFUL = 0, 12
NONE = -1


def test_the_word_tables_are_parallel():
    """Index i is the same word in every language, so every table has as many words."""
    for prefix, english in (
        ("NOUNS", vocabulary.NOUNS_EN),
        ("ADJECTIVES", vocabulary.ADJECTIVES_EN),
    ):
        for language in ("KO", "RU", "EL", "HI", "TR", "FR", "ES", "JA", "ZH"):
            assert len(getattr(vocabulary, f"{prefix}_{language}")) == len(english), language


@pytest.mark.parametrize(
    ("render", "concept", "title"),
    [
        (title_en, (RIVER, SILENT, NONE), ("The Silent River", None)),
        (title_en, (RIVER, NONE, NIGHT), ("The River and the Night", None)),
        (title_fr, (RIVER, SILENT, NONE), ("La Rivière silencieuse", None)),
        (title_fr, (ISLAND, BEAUTIFUL, NONE), ("La Belle Île", None)),
        (title_fr, (MOUNTAIN, NONE, ISLAND), ("La Montagne et l'Île", None)),
        (title_es, (RIVER, SILENT, NIGHT), ("El río silencioso y la noche", None)),
        (title_tr, (RIVER, SILENT, NONE), ("Sessiz Nehir", None)),
        (title_ko, (RIVER, NONE, NIGHT), ("강과 밤", "Gang-gwa Bam")),
        (title_ko, (2, NONE, NIGHT), ("도시와 밤", "Dosi-wa Bam")),
        (title_ru, (RIVER, SILENT, NONE), ("Тихая река", "Tikhaya reka")),
        (title_el, (RIVER, SILENT, NONE), ("Το σιωπηλό ποτάμι", "To siopilo potami")),
        (title_hi, (RIVER, SILENT, NONE), ("ख़ामोश नदी", "Khamosh Nadi")),
        (title_ja, (RIVER, SILENT, NONE), ("静かな川", "Shizuka na Kawa")),
        (title_ja, (RIVER, NONE, NIGHT), ("川と夜", "Kawa to Yoru")),
        (title_zh, (RIVER, SILENT, NONE), ("沉默的河", "Chénmò de Hé")),
        (title_zh, (RIVER, NONE, NIGHT), ("河与夜", "Hé yǔ Yè")),
        (title_zh, (ISLAND, NONE, NONE), ("岛", "Dǎo")),
    ],
)
def test_a_concept_is_rendered_with_the_language_grammar(render, concept, title):
    assert render(*concept) == title
