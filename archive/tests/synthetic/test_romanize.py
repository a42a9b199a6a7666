"""archive.synthetic.romanize: Cyrillic and Greek in Latin letters."""

from archive.synthetic.romanize import romanize_el, romanize_ru


def test_romanization_of_cyrillic_and_greek():
    assert romanize_ru("Тихая река") == "Tikhaya reka"
    assert romanize_ru("Фёдор Соловьёв") == "Fyodor Solovyov"
    assert romanize_el("Το σιωπηλό ποτάμι") == "To siopilo potami"
    assert romanize_el("Ευαγγελία Παπαδοπούλου") == "Evangelia Papadopoulou"
    assert romanize_el("Άγγελος Ντούμας") == "Angelos Doumas"
