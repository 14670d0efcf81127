"""Issue 14, parts 5 and 6: wrong output and unsafe output. CR-only files located line by
line; a UTF-8 page declaring utf-16 read as UTF-8; clean keeps \\u2028 escapes; leftover
temporary and backup files not scanned; names, fields and fragments escaped for terminals;
spreadsheet formulas neutralised in CSV output.

CR-only files have true lines everywhere: scan (also read in pieces), clean's strip and
drop-line, HTML source positions.

An English text spelt with Cyrillic look-alikes is look-alike findings that clean repairs, not one
`document` finding (findings never overlapping is asserted by the fuzz test, test_fuzz.py)."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

from conftest import ENGLISH, RUSSIAN


def test_cr_only_line_endings_give_true_lines(tmp_path, cli):
    f = tmp_path / "mac.txt"
    f.write_bytes(f"The museum reopened on Saturday.\rVisitors queued around the block.\r{RUSSIAN}\rThe end.\r"
                  .encode())
    r = cli("scan", f, "--format", "jsonl")
    assert r.returncode == 1, r
    hit = json.loads(r.stdout.splitlines()[0])
    assert (hit["line"], hit["column"]) == (3, 1)


def test_cr_only_inline_marker_is_on_its_line(tmp_path, cli):
    f = tmp_path / "mac.txt"
    f.write_bytes(f"The museum reopened.\r{RUSSIAN} langscan: ignore\rThe end, {RUSSIAN}.\r".encode())
    r = cli("scan", f, "--format", "jsonl")
    lines = [json.loads(l)["line"] for l in r.stdout.splitlines()]
    assert lines == [3], r  # the marked line 2 is suppressed, line 3 is not


_MAC = (f"The museum reopened on Saturday.\r{RUSSIAN}\r\rVisitors queued around the block.\r"
        f"They came, {RUSSIAN}, and stayed.\rThe end.\r")


@pytest.mark.parametrize("action", ["strip", "drop-line"])
def test_clean_sees_the_lines_of_a_cr_only_file(tmp_path, cli, action):
    """Lines end at a lone CR for clean as for scan: a CR-only file is cleaned as the same text with
    "\n" endings is (the foreign line goes whole instead of leaving a hole in one long line; drop-line
    used to drop the whole file), and CRs stay CRs."""
    results = {}
    for ending in ("\n", "\r", "\r\n"):
        f = tmp_path / f"{len(ending)}{ord(ending[0])}.txt"
        f.write_bytes(_MAC.replace("\r", ending).encode())
        r = cli("clean", f, "--action", action, "--in-place")
        assert r.returncode == 0, r
        results[ending] = f.read_bytes().decode()
    unix = results["\n"]
    assert RUSSIAN not in unix and "Visitors queued around the block.\n" in unix and unix.endswith("The end.\n")
    assert ("They came" in unix) == (action == "strip")
    assert results["\r"] == unix.replace("\n", "\r")
    assert results["\r\n"] == unix.replace("\n", "\r\n")


def test_html_positions_count_cr_only_lines(tmp_path, cli):
    f = tmp_path / "mac.html"
    f.write_bytes(f"<html><body>\r<p>The museum reopened on Saturday after a renovation.</p>\r<p>\r  {RUSSIAN}</p>"
                  f"\r</body></html>\r".encode())
    r = cli("scan", f, "--format", "jsonl")
    assert r.returncode == 1, r
    hit = json.loads(r.stdout.splitlines()[0])
    assert (hit["line"], hit["column"]) == (4, 3)


@pytest.mark.parametrize("endings", [["\r"], ["\n"], ["\r\n"], ["\r", "\n", "\r\n", "\r\r"]])
@pytest.mark.parametrize("chunk", [64, 13])
def test_big_cr_only_file_read_in_pieces_keeps_true_lines(tmp_path, endings, chunk):
    """A text over the whole-file limit is read in pieces of lines; a CR-only file is one "line" to a
    reader of "\n", so every piece after the first used to be placed on line 1."""
    from langscan.document import Document
    from langscan.readers import ReaderOptions, read_inputs

    from langscan.document import LineIndex

    lines = [f"The museum reopened on Saturday after renovation number {i}." for i in range(40)]
    lines[23] = f"Visitors said {RUSSIAN} there."
    text = "".join(line + endings[k % len(endings)] for k, line in enumerate(lines))
    f = tmp_path / "big.txt"
    f.write_bytes(text.encode())
    docs = [d for d in read_inputs([str(f)], ReaderOptions(whole_limit=200, chunk_size=chunk))
            if isinstance(d, Document)]
    assert len(docs) > 10 and "".join(d.text for d in docs) == text
    truth = LineIndex(text)
    base, wrong = 0, []
    for d in docs:
        for i in range(len(d.text)):
            if d.source_position(i) != truth.locate(base + i):
                wrong.append((base + i, d.source_position(i), truth.locate(base + i)))
        base += len(d.text)
    assert not wrong, wrong[:5]
    blank = sum(endings[k % len(endings)] == "\r\r" for k in range(23))  # "\r\r" ends a line and an empty one
    assert truth.locate(text.index(RUSSIAN)) == (24 + blank, 15)


def test_meta_charset_utf16_on_a_utf8_page(tmp_path, cli):
    f = tmp_path / "p.html"
    f.write_text('<html><head><meta charset="utf-16"></head><body><p>' + ENGLISH * 2 + "</p></body></html>",
                 encoding="utf-8")
    r = cli("scan", f)
    assert r.returncode == 0, r  # was one false `document zh` finding: UTF-8 bytes read as UTF-16


def test_clean_keeps_u2028_escapes_in_jsonl(tmp_path, cli):
    recs = [{"id": i, "text": f"Line one\u2028line two of record {i}. {RUSSIAN}" if i % 2 else f"Plain\u2029record {i}."}
            for i in range(6)]
    src = tmp_path / "r.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
                           + "\n" for r in recs), encoding="utf-8")
    out = tmp_path / "o.jsonl"
    r = cli("clean", src, "-o", out)
    assert r.returncode == 0, r
    raw = out.read_text(encoding="utf-8")
    assert "\u2028" not in raw and "\u2029" not in raw  # still escapes, never raw separators
    assert raw.count("\\u2028") == 3 and raw.count("\\u2029") == 3
    assert RUSSIAN not in raw
    assert [json.loads(l)["id"] for l in raw.splitlines()] == list(range(6))


def test_clean_keeps_raw_u2028_raw(tmp_path, cli):
    src = tmp_path / "r.jsonl"
    src.write_text(json.dumps({"text": f"One\u2028two. {RUSSIAN}"}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert cli("clean", src, "-o", out).returncode == 0
    assert out.read_text(encoding="utf-8") == json.dumps({"text": "One\u2028two."}, ensure_ascii=False) + "\n"


def test_leftover_temporary_and_backup_files_are_not_scanned(tmp_path, cli):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.txt").write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    (d / ".a.txt.k2j3h4.langscan-tmp").write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    (d / "a.txt.bak").write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    (d / ".langscan-baseline.x1y2z3").write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    r = cli("scan", d, "--format", "jsonl")
    assert r.returncode == 1, r
    assert {json.loads(l)["path"] for l in r.stdout.splitlines()} == {str(d / "a.txt")}
    r = cli("scan", d / "a.txt.bak")  # named explicitly it is read
    assert r.returncode == 1, r


HOSTILE_NAME = "x\x1b]0;pwned\x07\x1b[2J\nfake.txt:1:1: script ru (Cyrillic) \"x\"\u202e.txt"


@pytest.mark.skipif(os.name == "nt", reason="such file names are not allowed on Windows")
@pytest.mark.parametrize("fmt", ["text", "github", "csv"])
def test_file_names_cannot_drive_the_terminal(tmp_path, cli, fmt):
    d = tmp_path / "d"
    d.mkdir()
    (d / HOSTILE_NAME).write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    r = cli("scan", d, "--format", fmt)
    assert r.returncode == 1, r
    for stream in (r.stdout, r.stderr):
        assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream
    finding_lines = [l for l in r.stdout.splitlines() if "fake.txt" in l]
    assert len(finding_lines) == 1  # the newline in the name cannot fake a second finding line
    assert "\\x1b" in finding_lines[0] and ("\\n" in finding_lines[0] or "%0A" in finding_lines[0])


@pytest.mark.skipif(os.name == "nt", reason="such file names are not allowed on Windows")
def test_error_messages_escape_names_and_csv_headers(tmp_path, cli):
    f = tmp_path / "t\x1b[31m.csv"
    f.write_text("id,ti\x1b]0;x\x07tle\n1,hello\n", encoding="utf-8")
    r = cli("scan", f)
    assert r.returncode == 2, r
    assert "no column 'text'" in r.stderr
    assert "\x1b" not in r.stderr and "\x07" not in r.stderr


@pytest.mark.parametrize("fmt", ["text", "github", "csv"])
def test_bidi_controls_in_fragments_are_escaped(tmp_path, cli, fmt):
    f = tmp_path / "a.txt"
    f.write_text(ENGLISH + f"{RUSSIAN} \u202eгыв\u2066ориП\u2069\n", encoding="utf-8")
    r = cli("scan", f, "--format", fmt)
    assert r.returncode == 1, r
    assert not any(c in r.stdout for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert "\\u202e" in r.stdout


def test_json_output_keeps_the_exact_text(tmp_path, cli):
    """Machine formats keep the fragment exactly (JSON escapes control characters itself)."""
    f = tmp_path / "a.txt"
    f.write_text(ENGLISH + f"{RUSSIAN} \u202eгыв\n", encoding="utf-8")
    r = cli("scan", f, "--format", "jsonl")
    assert any("\u202e" in json.loads(l)["text"] for l in r.stdout.splitlines())


def test_csv_output_neutralises_formulas(tmp_path, cli):
    """A fragment (here a whole-document finding) or a path starting with = + - @ would run as a
    formula in a spreadsheet: each such cell is prefixed with '."""
    russian_page = ("Заголовок открываемого материала. Москва — столица России, крупнейший по численности "
                    "населения город страны. Жители города любят гулять в парках и читать книги.\n")
    (tmp_path / "=HYPERLINK(1).txt").write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    (tmp_path / "doc.txt").write_text('=HYPERLINK("http://evil.example/"),' + russian_page, encoding="utf-8")
    (tmp_path / "plus.txt").write_text("+" + russian_page, encoding="utf-8")
    r = cli("scan", "=HYPERLINK(1).txt", "doc.txt", "plus.txt", "--format", "csv", cwd=tmp_path)
    assert r.returncode == 1, r
    out = list(csv.DictReader(io.StringIO(r.stdout)))
    assert {row["path"] for row in out} == {"'=HYPERLINK(1).txt", "doc.txt", "plus.txt"}, r.stdout
    assert any(row["text"].startswith("'=HYPERLINK") for row in out), r.stdout
    for row in out:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), row


@pytest.mark.skipif(os.name == "nt", reason="such file names are not allowed on Windows")
def test_summary_tables_escape_file_names(tmp_path, cli):
    d = tmp_path / "d"
    d.mkdir()
    (d / HOSTILE_NAME).write_text(f"{ENGLISH}{RUSSIAN}\n{ENGLISH}{RUSSIAN}\n", encoding="utf-8")
    r = cli("scan", d, "--summary")
    assert r.returncode == 1, r
    assert "Recurring fragments (top" in r.stdout and "by file:" in r.stdout
    for stream in (r.stdout, r.stderr):
        assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream


def test_english_spelt_with_lookalikes_is_repaired_by_clean(tmp_path, cli):
    """It was one `document en` finding ("this English text is not English") and clean repaired nothing."""
    plain = ("The city council met on Monday to discuss the new budget for local schools and roads.\n"
             "The mayor said that the plan would be ready before summer.\n")
    swap = str.maketrans({"e": "е", "o": "о", "a": "а", "c": "с", "p": "р", "s": "ѕ"})
    spoofed = "\n".join(" ".join(w.translate(swap) if i % 3 != 2 else w for i, w in enumerate(line.split(" ")))
                        for line in plain.split("\n"))
    f = tmp_path / "spoofed.txt"
    f.write_text(spoofed, encoding="utf-8")
    r = cli("scan", f, "--format", "jsonl")
    assert r.returncode == 1, r
    kinds = {json.loads(l)["kind"] for l in r.stdout.splitlines()}
    assert kinds == {"homoglyph"}, r.stdout[:500]
    r = cli("clean", f, "--in-place")
    assert r.returncode == 0, r
    assert f.read_text(encoding="utf-8") == plain
