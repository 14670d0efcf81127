"""The script stage on Latin words inside text of a non-Latin expected language (real model, no mocks)."""

from __future__ import annotations

import pytest

from langscan.detector import Detector

# A Japanese product review: the product's name heads it and recurs inside the sentences.
REVIEW = (
    "Kindle for PC\n"
    "Kindle for PCは、パソコンで電子書籍を読むための無料アプリです。まずはKindle for PCをダウンロードして"
    "インストールします。\n"
    "Raspberry Pi Zero Wは小さなコンピューターで、State University of New Yorkの授業でも使われています。\n"
    "今日は天気がとても良いので、公園に散歩に行きました。\n"
)


@pytest.fixture(scope="module")
def ja() -> Detector:
    return Detector(expect="ja")


def test_names_written_inside_japanese_sentences_are_not_findings(ja):
    found = [f.text for f in ja.scan(REVIEW)]
    assert found == []


def test_a_heading_is_the_pages_own_term_when_its_prose_writes_it(ja):
    heading = "Kindle for PC\n今日は天気がとても良いので、公園に散歩に行きました。\n"
    assert [f.text for f in ja.scan(heading + "Kindle for PCは、無料でダウンロードできます。\n")] == []


def test_an_english_sentence_on_a_japanese_page_is_still_found(ja):
    text = REVIEW + "Please read the terms of use before you download the application.\n"
    found = [(f.text, f.lang) for f in ja.scan(text)]
    assert found == [("Please read the terms of use before you download the application", "en")]


HEADER_ZH = (
    "首页\n新闻\n科技\n"
    "English\n"
    "您想去哪里？\n"
    "科学家发现，这颗小行星的轨道比预想的更接近地球，但在未来一百年内没有撞击的危险。\n"
)


def test_a_language_link_in_a_chinese_header_is_a_menu_finding():
    got = [(f.text, f.lang, f.context) for f in Detector(expect="zh").scan(HEADER_ZH)]
    assert got == [("English", "en", "menu")]


def test_a_language_name_inside_a_chinese_sentence_is_not_a_menu_item():
    text = "他在大学学习English和数学，每天都去图书馆。\n" + HEADER_ZH.replace("English\n", "")
    assert [f.text for f in Detector(expect="zh").scan(text)] == []


def test_an_english_copyright_notice_under_a_korean_article_is_boilerplate():
    text = ("정부는 내년부터 대중교통 요금을 단계적으로 인상하겠다고 밝혔다. 시민단체는 부담이 커진다며 반발했다.\n"
            "Copyright ⓒ Hanbit Daily. 무단전재 및 재배포 금지\n")
    got = [(f.text, f.lang, f.context) for f in Detector(expect="ko").scan(text)]
    assert got == [("Copyright ⓒ Hanbit Daily", "en", "boilerplate")]


def test_a_brand_beside_the_copyright_sign_alone_is_a_name():
    # no word of a notice: "ⓒ Hanbit Daily" is the publisher's name inside the Korean line
    text = "정부는 내년부터 대중교통 요금을 단계적으로 인상하겠다고 밝혔다.\nⓒ Hanbit Daily 무단전재 및 재배포 금지\n"
    assert [f.text for f in Detector(expect="ko").scan(text)] == []


def test_the_notice_words_file_is_lowercase_phrases_each_recognised():
    from langscan.detect.context import holds_notice as _holds_notice
    from langscan.lid import models_dir

    rows = (models_dir() / "notice-words.txt").read_text(encoding="utf-8").splitlines()
    phrases = [r for r in rows if r.strip() and not r.startswith("#")]
    assert phrases and all(p == p.strip().lower() for p in phrases)
    for p in phrases:
        assert _holds_notice(f"2024 Example Corp. {p.title()}.")
    assert not _holds_notice("Copyrighted")  # whole words only


# A Thai news page as scraped: English UI strings of its CMS between Thai lines, and names of columns and
# partner papers written in title case (names, not stray text).
THAI_PAGE = (
    "Skip to main content\n"
    "หน้าแรก\nข่าว\nบทความ\n"
    "Image caption\n"
    "นักศึกษาและประชาชนรวมตัวกันที่หน้ามหาวิทยาลัยเพื่อเรียกร้องให้มีการเลือกตั้งโดยเร็วที่สุด ตามที่รัฐบาลได้สัญญาไว้\n"
    "Financial Times\n"
    "Deep Insight\n"
    "Top story\n"
    "ผู้ชุมนุมยืนยันว่าจะกลับมาอีกครั้งในสัปดาห์หน้า หากรัฐบาลยังไม่ประกาศวันเลือกตั้ง\n"
)


def test_english_ui_phrases_of_everyday_words_on_a_thai_page_are_found():
    got = [(f.text, f.lang) for f in Detector(expect="th").scan(THAI_PAGE)]
    assert got == [("Skip to main content", "en"), ("Image caption", "en"), ("Top story", "en")]


@pytest.mark.parametrize("line", [
    "E-mail",  # one word with a hyphen: a field label, as a lone "Menu" is
    '<img height="1" width="1" style="display:none"',  # code: no word between spaces is all letters
    "facebook.com/tr?id=510235",
])
def test_labels_and_code_on_a_thai_page_are_not_ui_phrases(line):
    text = THAI_PAGE.replace("Skip to main content\n", "").replace("Image caption\n", "").replace("Top story\n", "")
    assert [f.text for f in Detector(expect="th").scan(line + "\n" + text)] == []


def test_lowercase_english_terms_inside_chinese_prose_are_not_ui_phrases():
    text = "我们在这个项目中使用了 deep learning 方法，并且在 open source 社区发布了代码。\n" + HEADER_ZH.replace("English\n", "")
    assert [f.text for f in Detector(expect="zh").scan(text)] == []


BURMESE_PROSE = ("မြန်မာနိုင်ငံ၏ စီးပွားရေးသည် ယခုနှစ်တွင် တိုးတက်လာမည်ဟု ဘဏ္ဍာရေးဝန်ကြီးဌာနက ပြောကြားခဲ့သည်။\n"
                 "လယ်သမားများသည် မိုးရာသီ မတိုင်မီ စပါးစိုက်ပျိုးရန် ပြင်ဆင်နေကြသည်။\n")


def test_a_block_of_english_navigation_words_on_a_burmese_page_is_a_menu():
    text = "ပင်မစာမျက်နှာ\n\nNews\n\nSport\n\nWeather\n\nRadio\n\nArts\n\n" + BURMESE_PROSE
    got = [(f.text, f.lang, f.context) for f in Detector(expect="my").scan(text)]
    assert got == [(w, "en", "menu") for w in ("News", "Sport", "Weather", "Radio", "Arts")]


@pytest.mark.parametrize("block", [
    "Menu\n\nHome\n",  # two design labels: fewer than a menu's three items
    "Financial Times\nThe Economist\nDeep Insight\n",  # names of papers and columns, each word capitalised
    "News\nSport\nမိုးလေဝသ\n",  # two English items, then a Burmese one: the block stops at two
])
def test_short_blocks_and_names_on_a_burmese_page_are_not_menus(block):
    assert [f.text for f in Detector(expect="my").scan(block + BURMESE_PROSE)] == []


def test_a_photographers_name_in_latin_letters_under_a_burmese_photo_is_a_name():
    text = BURMESE_PROSE + "ဓာတ်ပုံ\nKhin Maung Win (Shwe Inn Thar)\n" + BURMESE_PROSE
    assert Detector(expect="my").scan(text) == []
    # an English sentence in the same place is still found
    text = BURMESE_PROSE + "Photos are provided by our partner agency for editorial use only.\n"
    assert [f.lang for f in Detector(expect="my").scan(text)] == ["en"]
