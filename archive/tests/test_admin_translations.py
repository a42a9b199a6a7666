"""The admin in the editor's language (archive/admin/, archive/admin_site.py, the models'
labels and the admin's templates): an editor whose browser asks for Korean or Turkish reads
the archive's own words in that language, beside Django's, on the index, a change list, a
film's page with its parts, an add form, its errors and its messages; English is unchanged.
"""

import re

import pytest
from django.contrib.messages import get_messages

from archive.models import Film, Person
from archive.tests import factories as f
from archive.tests.admin_helpers import admin_url, change_url, page_data

# Reading a page --------------------------------------------------------------------------


def page(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def column_headings(html):
    """A change list's columns: {field or method name: heading}."""
    found = re.findall(
        r'<th scope="col" class="[^"]*column-(\w+)[^"]*">.*?<div class="text">'
        r"(?:<a [^>]*>|<span>)([^<]*)<",
        html,
        flags=re.S,
    )
    return dict(found)


def filter_titles(html):
    return re.findall(r'data-filter-title="([^"]*)"', html)


def fieldset_headings(html):
    return re.findall(r'class="fieldset-heading">([^<]*)<', html)


def part_headings(html):
    """The headings of a record page's parts (its inlines)."""
    return [text.strip() for text in re.findall(r'class="inline-heading">([^<]*)<', html)]


def labels(html):
    """{field name: label} of the page's main form."""
    return dict(re.findall(r'<label[^>]*for="id_(\w+)">([^<]*):</label>', html))


def row_columns(html):
    """{column name: heading} of the tables of rows (the last table wins)."""
    return dict(re.findall(r'<th class="column-(\w+)[^"]*">([^<\n]*)', html))


def help_text(html, name):
    match = re.search(rf'id="id_{name}_helptext">\s*<div>([^<]*)</div>', html)
    return match and match[1]


def errors(html):
    return re.findall(r'<ul class="errorlist[^"]*"[^>]*><li>([^<]*)</li>', html)


# What each language says ---------------------------------------------------------------------

WORDS = {
    "ko": {
        "header": "영화 아카이브: 편집자",
        "groups": ["영화와 인물", "수상", "참조 데이터", "기록과 불러오기"],
        "models": ["영화", "인물", "참여"],
        "recent": "최근 변경",
        "public": "공개 아카이브",
        "columns": {"title_column": "제목", "year": "연도", "unsourced_column": "출처 없는 사실"},
        "filters": ["상태", "출처 현황", "각색"],
        "lookup": "출처 없는 사실 있음",
        "search_help": "어떤 문자로 쓴 제목이든(7번방의 선물도 됩니다)",
        "status": "개봉",
        "fieldsets": ["기본 정보", "제작", "줄거리", "흥행", "출처", "이 영화의 리메이크와 각색"],
        "labels": {"release_date": "개봉일", "runtime": "상영 시간", "original_language": "원어"},
        "runtime_help": "분 단위 상영 시간.",
        "parts": ["제목 (모든 제목을 각자의 문자로)", "참여", "수상 및 후보", "흥행 수치"],
        "row_columns": {"character": "배역", "billing": "크레딧 순서", "kind": "종류"},
        "kind": '<option value="actor" selected>배우</option>',
        "sources": "<summary>출처 2</summary>",
        "person_fieldset": "생애",
        "birth_date": "생년월일",
        "birth_help": "연도(1970), 연도와 월(1970-03) 또는 전체 날짜(1970-03-10).",
        "year_error": "연도는 1870에서 2100 사이여야 합니다.",
        "date_error": "날짜는 연도(1970), 연도와 월(1970-03) 또는 전체 날짜(1970-03-10)로 쓰세요.",
        "no_original_title": "이 영화에는 원제가 없습니다.",
        "delete_row": 'data-delete-row="이 행 삭제"',
        "stale": "저장되지 않았습니다. 이 영화을(를) 연 뒤",
        "history": "이 기록에는 변경 히스토리가 없습니다.",
    },
    "tr": {
        "header": "Film arşivi: editörler",
        "groups": ["Filmler ve kişiler", "Ödüller", "Başvuru verileri", "Geçmiş ve yüklemeler"],
        "models": ["Filmler", "Kişiler", "Katkılar"],
        "recent": "Son değişiklikler",
        "public": "Herkese açık arşiv",
        "columns": {"title_column": "Ad", "year": "Yıl", "unsourced_column": "Kaynaksız bilgiler"},
        "filters": ["durum", "kaynak durumu", "uyarlamalar"],
        "lookup": "Kaynaksız bilgisi olanlar",
        "search_help": "Herhangi bir yazıda herhangi bir ad (7번방의 선물 de olur)",
        "status": "Gösterime girdi",
        "fieldsets": ["Kimlik", "Yapım", "Konu", "Gişe", "Kaynaklar"],
        "labels": {
            "release_date": "Gösterim tarihi",
            "runtime": "Süre",
            "original_language": "Özgün dil",
        },
        "runtime_help": "Dakika cinsinden süre.",
        "parts": ["Adlar (her ad kendi yazısında)", "Katkılar", "Ödüller ve adaylıklar"],
        "row_columns": {"character": "Karakter", "billing": "Jenerik sırası", "kind": "Tür"},
        "kind": '<option value="actor" selected>Oyuncu</option>',
        "sources": "<summary>2 kaynak</summary>",
        "person_fieldset": "Yaşam",
        "birth_date": "Doğum tarihi",
        "birth_help": "Bir yıl (1970), bir yıl ve ay (1970-03) ya da tam tarih (1970-03-10).",
        "year_error": "Yıl 1870 ile 2100 arasında olmalıdır.",
        "date_error": "Tarihi bir yıl (1970), bir yıl ve ay (1970-03) ya da tam tarih "
        "(1970-03-10) olarak yazın.",
        "no_original_title": "Bu filmin özgün adı yok",
        "delete_row": 'data-delete-row="Bu satırı sil"',
        "stale": "Kaydedilmedi: siz açtıktan sonra ana bu film kaydını",
        "history": "Bu kaydın değişiklik geçmişi yok.",
    },
}
LANGUAGES = sorted(WORDS)


# The pages -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_index_names_the_site_its_groups_and_models_in_the_editors_language(
    archive, ana, language
):
    words = WORDS[language]
    response = ana.get("/admin/", HTTP_ACCEPT_LANGUAGE=language)
    html = page(response)
    assert f'<html lang="{language}"' in html
    assert f'<a href="/admin/">{words["header"]}</a>' in html
    assert [str(app["name"]) for app in response.context["app_list"]][:4] == words["groups"]
    models = [str(model["name"]) for model in response.context["app_list"][0]["models"]]
    assert models[:3] == words["models"]
    assert f"<h2>{words['recent']}</h2>" in html
    assert f">{words['public']}</a>" in html
    assert words["delete_row"] in html  # the rows' script says it in the editor's language


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_change_list_names_its_columns_filters_and_choices_in_the_editors_language(
    archive, ana, language
):
    words = WORDS[language]
    html = page(ana.get(admin_url(Film, "changelist"), HTTP_ACCEPT_LANGUAGE=language))
    headings = column_headings(html)
    for name, heading in words["columns"].items():
        assert headings[name] == heading
    assert filter_titles(html)[:3] == words["filters"]
    assert f">{words['lookup']}</a>" in html
    assert words["search_help"] in html
    assert f'<td class="field-status">{words["status"]}</td>' in html


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_films_page_and_its_parts_are_in_the_editors_language(film, ana, language):
    words = WORDS[language]
    html = page(ana.get(change_url(film), HTTP_ACCEPT_LANGUAGE=language))
    assert fieldset_headings(html)[: len(words["fieldsets"])] == words["fieldsets"]
    assert words["labels"].items() <= labels(html).items()
    assert help_text(html, "runtime") == words["runtime_help"]
    headings = part_headings(html)
    assert all(heading in headings for heading in words["parts"]), headings
    assert words["row_columns"].items() <= row_columns(html).items()
    assert words["kind"] in html  # a credit's kind, in each row
    assert words["sources"] in html  # the count of a row's sources


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_add_form_labels_its_fields_and_words_its_errors_in_the_editors_language(
    archive, ana, language
):
    words = WORDS[language]
    add = admin_url(Person, "add")
    html = page(ana.get(add, HTTP_ACCEPT_LANGUAGE=language))
    assert words["person_fieldset"] in fieldset_headings(html)
    assert labels(html)["birth_date"] == words["birth_date"]
    assert help_text(html, "birth_date") == words["birth_help"]

    data = page_data(ana.get(add))
    data.update(name="Kim Nam-gil", slug="kim-nam-gil", birth_date="March 1980")
    response = ana.post(add, data, HTTP_ACCEPT_LANGUAGE=language)
    assert words["date_error"] in errors(page(response))
    assert not Person.objects.filter(slug="kim-nam-gil").exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_rule_of_the_database_reaches_the_editor_in_their_language(archive, ana, language):
    add = admin_url(Film, "add")
    data = page_data(ana.get(add))
    data.update(title="Too early", slug="too-early-1800", year="1800", status="released")
    response = ana.post(add, data, HTTP_ACCEPT_LANGUAGE=language)
    assert WORDS[language]["year_error"] in errors(page(response))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_message_after_saving_is_in_the_editors_language(archive, ana, language):
    film = f.film("Cell No. 9", 2031)
    url = change_url(film)
    response = ana.post(url, page_data(ana.get(url)), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(WORDS[language]["no_original_title"] in message for message in said), said


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_refused_stale_save_is_explained_in_the_editors_language(archive, ana, ben, language):
    film = f.film("Cell No. 9", 2031)
    url = change_url(film)
    ana_data, ben_data = page_data(ana.get(url)), page_data(ben.get(url))
    assert ana.post(url, ana_data).status_code == 302
    html = page(ben.post(url, ben_data, HTTP_ACCEPT_LANGUAGE=language))
    assert any(error.startswith(WORDS[language]["stale"]) for error in errors(html)), errors(html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_history_page_carries_simple_historys_words_in_the_editors_language(
    film, ana, language
):
    """simple-history ships no Korean or Turkish; the archive's catalogues carry its words
    (archive/admin/history.py, SIMPLE_HISTORY_WORDS): this fails if it rewords them."""
    html = page(ana.get(admin_url(Film, "history", film.pk), HTTP_ACCEPT_LANGUAGE=language))
    assert WORDS[language]["history"] in html


@pytest.mark.slow
def test_the_english_admin_is_unchanged(film, ana):
    index = ana.get("/admin/")
    assert '<a href="/admin/">Film archive: editors</a>' in page(index)
    assert [str(app["name"]) for app in index.context["app_list"]][:2] == [
        "Films and people",
        "Awards",
    ]
    films = page(ana.get(admin_url(Film, "changelist")))
    assert column_headings(films)["title_column"] == "Title"
    assert filter_titles(films)[:3] == ["status", "sourcing", "adaptations"]
    html = page(ana.get(change_url(film)))
    assert fieldset_headings(html)[:2] == ["Identity", "Production"]
    assert labels(html)["release_date"] == "Release date"
    assert help_text(html, "runtime") == "Running time in minutes."
    assert "Titles (every title in its own script)" in part_headings(html)
    assert "<summary>2 sources</summary>" in html
    assert '<option value="actor" selected>Actor</option>' in html
    assert 'data-delete-row="Delete this row"' in html
