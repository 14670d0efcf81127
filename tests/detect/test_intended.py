"""Intended foreign text (detect/intended.py): names of works described in the expected language."""

from __future__ import annotations

from langscan import Detector

# a table row as the HTML reader gives it: title, year, then the description wrapped over indented lines
FILMS = """Films featuring time loops

Mirror for a Hero

1987

Zerkalo dlya geroya, a Soviet Union film by Vladimir
                          Khotinenko. Two heroes circle the same day of 1949 again and again, meeting the
                        parents of one of them, before they return to the present.[11]
"""


def test_a_title_described_after_a_comma_in_the_list_entry_is_a_name():
    assert [f.text for f in Detector(expect="en").scan(FILMS)] == []


def test_a_foreign_line_without_a_description_is_still_found():
    text = FILMS + "\nZerkalo dlya geroya, kotoryy smotryat kazhdyy god na Novyy god.\n"
    got = [f.text for f in Detector(expect="en").scan(text)]
    assert any(t.startswith("Zerkalo dlya geroya, kotoryy") for t in got)
