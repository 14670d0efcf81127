"""Readers on hostile input: a huge CSV cell, millions of short text lines, Markdown lines that
only look like fences.  Positions must stay exact; memory and time are measured by hand, not here."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from langscan import Detector
from langscan.document import Document
from langscan.readers import ReaderOptions, ReadError, read_inputs
from langscan.readers.markdown import mask_code

RUSSIAN = "Заголовок открываемого материала"
ENGLISH = [
    "The council approved the new budget on Tuesday after a long debate.",
    "Ferry services to the islands were suspended until further notice.",
    "Residents were advised to stay indoors and check the website for updates.",
]


def read(path: Path, **opts) -> list:
    return list(read_inputs([str(path)], ReaderOptions(**opts)))


def docs(its: list) -> list[Document]:
    return [i for i in its if isinstance(i, Document)]


def file_char(path: Path, line: int, col: int) -> str:
    """The character at a 1-based (line, column) of a file, lines ending at "\\n", "\\r\\n" (the
    "\\r" is the line's last character) or a lone "\\r"; "" past the end of the file."""
    text = path.read_bytes().decode("utf-8-sig")
    starts = [0] + [m.end() for m in re.finditer("\r(?!\n)|\n", text)]
    i = starts[line - 1] + col - 1
    if line < len(starts):
        assert i < starts[line], (line, col)  # the column is inside its line
    return text[i : i + 1]


# --- CSV: one cell's offsets, kept without one int per character -------------------------------

CSV = (
    'id,text,note\r\n'
    f'1,"She said ""hello"" to the ""committee"".\r\nThen: {RUSSIAN}","x ""y""\r\nz"\r\n'
    f'"2 ""two""\n",plain {RUSSIAN},"n,o\nte"\r\n'
    f'3,"""quoted start"" and\n\nblank lines {RUSSIAN} end""",\r\n'
)


def test_csv_cells_with_doubled_quotes_newlines_and_crlf_are_located_exactly(tmp_path):
    p = tmp_path / "rows.csv"
    p.write_bytes(CSV.encode())
    ds = docs(read(p))
    assert [d.record for d in ds] == [1, 2, 3]
    one, two, three = ds
    assert one.text == f'She said "hello" to the "committee".\r\nThen: {RUSSIAN}'
    assert three.text == f'"quoted start" and\n\nblank lines {RUSSIAN} end"'
    # Worked out by hand from CSV above: line 3 is 'Then: Заголовок...', line 4 'z"', line 5
    # '"2 ""two""', line 6 '",plain Заголовок...', line 7 'te"', line 10 'blank lines Заголовок...'.
    where = {d.record: (d.source_position(d.text.index(RUSSIAN)), d.source_position(d.text.index(RUSSIAN) + len(RUSSIAN)))
             for d in ds}
    assert where == {1: ((3, 7), (3, 7 + len(RUSSIAN))),
                     2: ((6, 9), (6, 9 + len(RUSSIAN))),
                     3: ((10, 13), (10, 13 + len(RUSSIAN)))}
    assert file_char(p, 3, 7 + len(RUSSIAN)) == '"'  # the end of the cell: its closing quote
    assert file_char(p, 6, 9 + len(RUSSIAN)) == ","  # an unquoted cell ends at the delimiter
    assert one.source_position(one.text.index('"hello"')) == (2, 13)  # the first quote of the doubled pair
    for d in ds:
        for k, ch in enumerate(d.text):  # every character of the text is that character in the file
            assert file_char(p, *d.source_position(k)) == ch, (d.record, k)


def test_csv_later_column_after_a_quoted_cell_holding_the_delimiter(tmp_path):
    p = tmp_path / "rows.csv"
    p.write_bytes(CSV.encode())
    notes = docs(read(p, columns=("note",)))
    assert [d.text for d in notes] == ['x "y"\r\nz', "n,o\nte", ""]
    assert notes[0].source_position(notes[0].text.index("y")) == (3, len(f'Then: {RUSSIAN}","x ""') + 1)
    assert notes[1].source_position(notes[1].text.index("te")) == (7, 1)
    for d in notes:
        for k, ch in enumerate(d.text):
            assert file_char(p, *d.source_position(k)) == ch


cells = st.lists(st.sampled_from(['"', ",", "\n", "\r\n", "\r", "a", " ", "ж", "\t"]), max_size=12).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(cells, cells), min_size=1, max_size=4), st.sampled_from(["\n", "\r\n"]),
       st.sampled_from([",", "\t"]))
def test_csv_every_character_of_every_cell_maps_to_itself_in_the_file(tmp_path_factory, rows, newline, delimiter):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline)
    w.writerow(["text", "note"])
    w.writerows(rows)
    p = tmp_path_factory.mktemp("csv") / ("rows.csv" if delimiter == "," else "rows.tsv")
    p.write_bytes(buf.getvalue().encode())
    for column in ("text", "note"):
        for d in docs(read(p, columns=(column,))):
            where = [d.source_position(k) for k in range(len(d.text) + 1)]
            assert where == sorted(set(where))  # strictly increasing
            for k, ch in enumerate(d.text):
                assert file_char(p, *where[k]) == ch
            assert file_char(p, *where[-1]) in ('"', delimiter, "\r", "\n", "")  # just past the cell


# --- text: chunks are cut a block at a time, offsets unchanged ---------------------------------


def mixed_text() -> str:
    lines = []
    for i in range(400):
        lines.append(f"{ENGLISH[i % 3]} ({i})" + ("\r\n" if i % 7 == 0 else "\n"))
        if i % 50 == 10:
            lines.append("\n" * 30)  # runs of empty lines
        if i % 90 == 45:
            lines.append(f"Visitors saw the sign. {RUSSIAN} was printed on it.\n")
        if i == 200:
            lines.append(("word " * 400) + f"{RUSSIAN} ends a long line\n")  # longer than a chunk below
    return "".join(lines)


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector(expect=("en",))


def located_findings(det: Detector, ds: list[Document]) -> list[tuple]:
    out = []
    for d in ds:
        for f in det.scan(d.text):
            assert d.text[f.start : f.end] == f.text
            out.append((f.kind.value, f.lang, f.text, d.source_position(f.start), d.source_position(f.end)))
    return out


def test_chunked_text_gives_the_findings_of_the_whole_text(tmp_path, det):
    p = tmp_path / "big.txt"
    text = mixed_text()
    p.write_bytes(text.encode())
    (whole,) = docs(read(p))
    chunks = docs(read(p, whole_limit=10_000, chunk_size=3_000))
    assert len(chunks) > 10 and "".join(d.text for d in chunks) == text
    expected = located_findings(det, [whole])
    assert [f[2] for f in expected].count(RUSSIAN) == 5
    assert located_findings(det, chunks) == expected
    for d in chunks:
        if d.text.endswith("\n"):  # every chunk but the pieces of the long line ends at a line end
            assert len(d.text.encode()) <= 3_000
        else:
            assert "\n" not in d.text and len(d.text) > 1_000


@pytest.mark.parametrize("size", [8, 13, 64, 1000])
def test_every_offset_of_every_chunk_is_true_to_the_file(tmp_path, size):
    text = "\ufeff" + mixed_text()[:3000] + "Old Mac\rlines\r\rand ж " * 30 + "x" * 150 + "\r\n" + "end"
    p = tmp_path / "big.txt"
    p.write_bytes(text.encode())
    chunks = docs(read(p, whole_limit=100, chunk_size=size))
    assert "".join(d.text for d in chunks) == text[1:]
    k = 0
    for d in chunks:
        for i in range(len(d.text)):
            assert file_char(p, *d.source_position(i)) == d.text[i], (size, k + i)
        k += len(d.text)


def test_many_empty_lines_are_read_a_chunk_at_a_time(tmp_path):
    """Millions of short lines used to be gathered one by one (40 s for 32 MiB of newlines)."""
    p = tmp_path / "blank.txt"
    p.write_bytes(b"\n" * 100_000 + RUSSIAN.encode() + b"\n")
    chunks = docs(read(p, whole_limit=10_000, chunk_size=4096))
    assert len(chunks) == 100_000 // 4096 + 1
    assert all(d.text.endswith("\n") and len(d.text) <= 4096 for d in chunks)
    (last,) = [d for d in chunks if RUSSIAN in d.text]
    assert last.source_position(last.text.index(RUSSIAN)) == (100_001, 1)


def test_bad_utf8_in_a_later_chunk_names_its_true_byte_and_line(tmp_path):
    p = tmp_path / "bad.txt"
    head = "".join(f"{ENGLISH[i % 3]}\n" for i in range(100)).encode()
    p.write_bytes(head + b"Caf\xe9 menu\n" + head)
    its = read(p, whole_limit=1000, chunk_size=500)
    (err,) = [i for i in its if isinstance(i, ReadError)]
    assert (err.line, err.byte) == (101, len(head) + 3)


# --- Markdown fences ---------------------------------------------------------------------------


def test_a_line_of_inline_code_opening_with_three_backticks_hides_nothing(tmp_path):
    p = tmp_path / "m.md"
    p.write_text(f"# T\n\n```npm install``` installs it.\n\nThe committee met. {RUSSIAN}\n", encoding="utf-8")
    (d,) = docs(read(p))
    assert "npm" not in d.text and " installs it." in d.text  # the code span is blanked, the line is prose
    assert d.source_position(d.text.index(RUSSIAN)) == (5, 20)


@pytest.mark.parametrize("block, hidden", [
    ("```py\ncode Пока\n```\nПривет", "Пока"),  # a plain fence
    ("~~~ info with `backticks`\ncode Пока\n~~~\nПривет", "Пока"),  # a tilde fence's info may hold backticks
    ("````\ncode Пока\n```\nstill code Пока\n````\nПривет", "Пока"),  # a shorter fence does not close
    ("```\ncode Пока\n~~~\nstill code Пока\n```\nПривет", "Пока"),  # nor one of the other character
    ("```\ncode Пока\n``` not a close\nstill code Пока\n   ```  \t\nПривет", "Пока"),  # only a fence alone closes
    ("```\r\ncode Пока\r\n```\r\nПривет", "Пока"),  # CRLF
])
def test_fences_open_and_close_as_commonmark_says(block, hidden):
    masked = mask_code(block)
    assert len(masked) == len(block) and hidden not in masked and masked.rstrip().endswith("Привет")


def test_an_unclosed_fence_runs_to_the_end_and_a_backtick_info_string_opens_none():
    assert mask_code("```\ncode Пока\n\nПривет\n").strip() == ""
    assert mask_code("```a`b Привет\n") == "```a`b Привет\n"  # no fence, no closed span: literal


def test_inline_spans_close_on_a_run_of_the_same_length():
    assert mask_code("Use ``a`b`` here.") == "Use " + " " * 7 + " here."
    assert mask_code("A ``` run, then `x` code.") == "A ``` run, then     code."  # an unclosed run is literal
    line = "a" + "`" * 200_000 + " Привет\n"  # one run, no closer: linear time, nothing blanked
    assert mask_code(line) == line
