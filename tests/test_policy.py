"""Allow terms, allow patterns, allow-list files and the inline marker, on real findings."""

from __future__ import annotations


import pytest

from langscan import Detector
from langscan.document import Document
from langscan.policy import Policy, PolicyError, marker_lines, normalise, read_allow_file
from langscan.readers import ReaderOptions, read_inputs

# a navigation menu with two foreign items (not language names: a language menu is one finding, whole)
MENU = "Home | News | Contact\nEnglish | Новости | أخبار\nThe council approved the budget on Tuesday.\n"


@pytest.fixture(scope="module")
def findings():
    doc = Document(text=MENU, path="menu.txt", meta={"ignore_lines": marker_lines(MENU)})
    return doc, Detector(expect=("en",)).scan(MENU)


def test_the_menu_has_two_findings(findings):
    _, fs = findings
    assert [f.text for f in fs] == ["Новости", "أخبار"]


def test_allowed_term_is_case_and_punctuation_insensitive(findings):
    doc, fs = findings
    assert [f.text for f in Policy(allow=("«НОВОСТИ»",)).filter(doc, fs)] == ["أخبار"]
    assert Policy(allow=("Новости дня",)).filter(doc, fs) == fs  # a longer term does not match


def test_allow_regex_must_match_the_whole_fragment(findings):
    doc, fs = findings
    assert [f.text for f in Policy(allow_regex=(r"\w+сти",)).filter(doc, fs)] == ["أخبار"]
    assert Policy(allow_regex=(r"Нов",)).filter(doc, fs) == fs
    with pytest.raises(PolicyError):
        Policy(allow_regex=("(",))


def test_inline_marker_on_the_line(tmp_path):
    p = tmp_path / "menu.md"
    p.write_text(MENU.replace("أخبار\n", "أخبار <!-- langscan: ignore -->\n"), encoding="utf-8")
    (doc,) = read_inputs([str(p)], ReaderOptions())
    fs = Detector(expect=("en",)).scan(doc.text)
    assert Policy().filter(doc, fs) == []
    assert len(Policy(inline_marker=False).filter(doc, fs)) == 2


def test_marker_in_an_html_comment_counts_for_its_source_line(tmp_path):
    p = tmp_path / "menu.html"
    p.write_text("<ul>\n<li>English</li>\n<li>Новости</li> <!-- langscan: ignore -->\n<li>أخبار</li>\n</ul>\n",
                 encoding="utf-8")
    (doc,) = read_inputs([str(p)], ReaderOptions())
    kept = Policy().filter(doc, Detector(expect=("en",)).scan(doc.text))
    assert [f.text for f in kept] == ["أخبار"]


def test_allow_file(tmp_path):
    p = tmp_path / "allow.txt"
    p.write_text("# languages in our menu\nРусский\n\nre:[\\u0600-\\u06FF]+\n", encoding="utf-8")
    assert read_allow_file(str(p)) == (["Русский"], ["[\\u0600-\\u06FF]+"])
    p.write_text("re:(oops\n", encoding="utf-8")
    with pytest.raises(PolicyError, match="allow.txt:1"):
        read_allow_file(str(p))


def test_normalise():
    assert normalise("  «Alle  Rechte\u00a0vorbehalten.» ") == "alle rechte vorbehalten"


# a language switcher, found whole as one finding (context "menu")
SWITCHER = ("Choose your edition: English | Français | Deutsch | Русский\n"
            "The council approved the new budget on Tuesday after a long debate about schools.\n")


def test_a_language_menu_is_allowed_when_each_of_its_items_is():
    doc = Document(text=SWITCHER, path="switcher.txt", meta={})
    fs = Detector(expect=("en",)).scan(SWITCHER)
    menus = [f for f in fs if f.context == "menu"]
    assert len(menus) == 1 and "Français" in menus[0].text and "Русский" in menus[0].text
    every_item = Policy(allow=("English", "Français", "Deutsch", "Русский"))
    assert menus[0] not in every_item.filter(doc, fs)
    # one item allowed is not the whole menu: the other languages are still reported
    assert menus[0] in Policy(allow=("Русский",)).filter(doc, fs)


def test_a_pattern_that_runs_out_of_time_is_not_tried_again(capsys, monkeypatch):
    # "(.|.)*x" passes the nested-repeat check but backtracks exponentially on a long finding without an "x";
    # after its first time-out it is dropped for the run: every later finding is reported at once, not after
    # another second each
    from langscan import policy

    policy._warned.discard("(.|.)*x")
    policy._gave_up.pop("(.|.)*x", None)
    line = "Заголовок открываемого материала, который никто не перевёл на английский язык вовремя"
    prose = ("The council approved the budget on Tuesday after a long debate about the new bus routes, the "
             "library hours and the repairs to the old bridge over the river.")
    text = "".join(f"{prose}\n{line} {i}\n" for i in range(6))
    doc = Document(text=text, path="long.txt", meta={"ignore_lines": marker_lines(text)})
    fs = Detector(expect=("en",)).scan(text)
    assert len(fs) == 6
    tried = []

    class Counted(policy._Deadline):  # (the real time limit, counted)
        def __enter__(self):
            tried.append(1)
            return super().__enter__()

    monkeypatch.setattr(policy, "_Deadline", Counted)
    kept = Policy(allow_regex=("(.|.)*x",)).filter(doc, fs)
    assert len(tried) == 1  # the first finding ran it out of time; the five others were not tried
    assert kept == fs  # none allowed: the pattern never matched in time
    err = capsys.readouterr().err
    assert err.count("gave up") == 1 and "not tried again on findings as long" in err
    assert "(.|.)*x" in policy._warned
    assert Policy(allow_regex=("(.|.)*x",)).allows("abx")  # a short finding is still tried, and allowed
