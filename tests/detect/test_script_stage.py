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
