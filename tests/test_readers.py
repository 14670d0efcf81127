"""Readers: every input family on realistic text, positions exact, bad input reported and survived."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
from pathlib import Path

import pytest

from langscan.document import Document
from langscan.readers import ReaderOptions, ReadError, ReadNote, read_inputs, read_source
from langscan.readers import stdin_source
from langscan.readers.html import extract

DATA = Path(__file__).parent / "data"
FOUNDING = (DATA / "founding_example.txt").read_text(encoding="utf-8")
RUSSIAN = "Заголовок открываемого материала"
ARABIC = "الدفاع الوطني - القناة الرسمية"
ENGLISH = [
    "The council approved the new budget on Tuesday after a long debate.",
    "Ferry services to the islands were suspended until further notice.",
    "Residents were advised to stay indoors and check the website for updates.",
]


def items(*paths, **opts):
    return list(read_inputs([str(p) for p in paths], ReaderOptions(**opts)))


def docs(its):
    return [i for i in its if isinstance(i, Document)]


def errors(its):
    return [i for i in its if isinstance(i, ReadError)]


def source_char_at(path: Path, line: int, col: int, encoding="utf-8-sig") -> str:
    """The character at a 1-based (line, column) of a file as a user's editor shows it."""
    text = path.read_bytes().decode(encoding, "replace")
    return text.split("\n")[line - 1][col - 1]


def assert_located(doc: Document, fragment: str, path: Path, nth: int = 0):
    """The fragment's position in the user's file holds the fragment itself."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(fragment, start + 1)
    line, col = doc.source_position(start)
    src_line = path.read_bytes().decode("utf-8-sig", "replace").split("\n")[line - 1]
    assert src_line[col - 1 : col - 1 + len(fragment)] == fragment, (line, col, src_line)
    return line, col


# --- plain text -------------------------------------------------------------------------------


def test_text_whole_file_is_one_document(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text(FOUNDING, encoding="utf-8")
    (d,) = docs(items(p))
    assert d.text == FOUNDING and d.path == str(p) and d.record is None
    assert assert_located(d, RUSSIAN, p) == (56, 1)
    assert assert_located(d, ARABIC, p, nth=1)[0] == 28


def test_bom_is_stripped_without_shifting_columns(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + "Заголовок of the page\nSecond line\n".encode())
    its = items(p)
    assert not errors(its)
    (d,) = docs(its)
    assert d.text.startswith("Заголовок")
    assert d.source_position(0) == (1, 1)
    assert d.source_position(d.text.index("Second")) == (2, 1)


def test_crlf_is_kept_and_columns_stay_true(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes(("First English line.\r\nThe menu: Home | Русский\r\n").encode())
    (d,) = docs(items(p))
    assert "\r\n" in d.text
    i = d.text.index("Русский")
    assert d.text[i] == "Р" and d.source_position(i) == (2, 18)


def test_invalid_utf8_is_reported_with_byte_and_scanned_with_replacement(tmp_path):
    p = tmp_path / "latin1.txt"
    raw = "Good line.\nCaf".encode() + b"\xe9 au lait\n" + f"{RUSSIAN}\n".encode()
    p.write_bytes(raw)
    its = items(p)
    (err,) = errors(its)
    assert err.path == str(p) and err.line == 2 and err.byte == raw.index(b"\xe9")
    assert "invalid UTF-8" in err.message
    (d,) = docs(its)  # still scanned, offsets true to the decoded text
    assert "Caf\ufffd au lait" in d.text
    assert d.source_position(d.text.index(RUSSIAN)) == (3, 1)


def test_binary_file_named_is_an_error_but_in_a_directory_a_note(tmp_path):
    png = tmp_path / "logo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (err,) = items(png)
    assert isinstance(err, ReadError) and "binary" in err.message and err.byte == 8
    (note,) = items(tmp_path)
    assert isinstance(note, ReadNote) and "binary" in note.message


def test_empty_file_is_a_note_not_an_error(tmp_path):
    p = tmp_path / "empty.md"
    p.write_bytes(b"")
    (note,) = items(p)
    assert isinstance(note, ReadNote) and "empty" in note.message
    assert items(tmp_path) == []  # silent in a directory walk


def test_missing_and_unreadable_paths_are_errors_and_the_rest_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH[0], encoding="utf-8")
    its = items(tmp_path / "nope.txt", good)
    assert isinstance(its[0], ReadError) and "No such file" in its[0].message
    assert docs(its)[0].text == ENGLISH[0]


def test_large_text_is_chunked_by_lines_with_true_positions(tmp_path):
    p = tmp_path / "big.txt"
    lines = [f"{ENGLISH[i % 3]} ({i})" for i in range(2000)]
    lines[1500] = f"Line with a stray heading: {RUSSIAN}"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ds = docs(items(p, whole_limit=10_000, chunk_size=4_000))
    assert len(ds) > 10
    assert "".join(d.text for d in ds) == p.read_text(encoding="utf-8")
    (hit,) = [d for d in ds if RUSSIAN in d.text]
    assert hit.source_position(hit.text.index(RUSSIAN)) == (1501, 28)


# --- HTML -------------------------------------------------------------------------------------


def test_html_visible_text_only():
    page = DATA / "formats" / "news_page.html"
    (d,) = docs(items(page))
    for hidden in ("Новости", "Язык", "Русская версия", "Заметка", "Шторм", "font-family", "dataLayer"):
        assert hidden not in d.text  # script, style, attributes, comments
    assert "English\n" in d.text and "\nРусский\n" in d.text and "\nالعربية\n" in d.text  # menu items stay apart
    assert "roads & ferries" in d.text and "110\xa0km/h" in d.text and "council’s" in d.text  # entities decoded
    assert assert_located(d, "Русский", page) == (13, 63)
    assert assert_located(d, "العربية", page) == (14, 40)


def test_html_every_visible_character_maps_to_its_source():
    page = DATA / "formats" / "news_page.html"
    (d,) = docs(items(page))
    lines = page.read_text(encoding="utf-8").split("\n")
    for i, ch in enumerate(d.text):
        if ch.isspace():
            continue
        line, col = d.source_position(i)
        src = lines[line - 1][col - 1]
        assert src == ch or src == "&", (i, ch, line, col, src)


def test_html_entities_and_glued_links():
    src = '<p>A&amp;B</p><div><a href="#">English</a><a href="#">Deutsch</a></div>'
    text, loc = extract(src)
    assert "A&B" in text and "English Deutsch" in text
    assert loc(text.index("&")) == (1, src.index("&") + 1)
    assert loc(text.index("B")) == (1, src.index("B") + 1)
    assert loc(text.index("Deutsch")) == (1, src.index("Deutsch") + 1)


# --- JSON Lines and JSON -----------------------------------------------------------------------


def _jsonl(path: Path, records, ensure_ascii=False):
    path.write_text("".join(json.dumps(r, ensure_ascii=ensure_ascii) + "\n" for r in records), encoding="utf-8")


def test_founding_example_inside_a_jsonl_record(tmp_path):
    p = tmp_path / "crawl.jsonl"
    _jsonl(p, [{"url": "https://example.org/a", "text": ENGLISH[0]},
               {"url": "https://sputniknews.com/x", "text": FOUNDING, "meta": {"title": "Another Week in Review"}}])
    ds = docs(items(p, fields=("text", "meta.title")))
    assert [(d.record, d.field) for d in ds] == [(1, "text"), (2, "text"), (2, "meta.title")]
    assert ds[1].text == FOUNDING
    for frag in (RUSSIAN, ARABIC):
        line, col = assert_located(ds[1], frag, p)
        assert line == 2
    # errors for the record lacking meta.title
    assert [e.line for e in errors(items(p, fields=("text", "meta.title")))] == [1]


def test_jsonl_locate_through_escapes(tmp_path):
    p = tmp_path / "esc.jsonl"
    text = "Tab\there, emoji 😀 then \"quoted\" and " + RUSSIAN
    _jsonl(p, [{"text": text}], ensure_ascii=True)
    (d,) = docs(items(p))
    raw = p.read_text(encoding="utf-8").rstrip("\n")
    i = d.text.index(RUSSIAN)
    line, col = d.source_position(i)
    assert line == 1 and raw[col - 1 : col + 5] == "\\u0417"  # the escape of "З"
    j = d.text.index("then")
    assert raw[d.source_position(j)[1] - 1 :].startswith("then")  # past a surrogate-pair escape


def test_jsonl_bad_lines_are_errors_and_the_rest_goes_on(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_text(
        json.dumps({"text": ENGLISH[0]}) + "\n"
        + '{"text": "cut off in the mid\n'
        + "\n"
        + json.dumps({"body": ENGLISH[1]}) + "\n"
        + json.dumps({"text": 42}) + "\n"
        + json.dumps({"text": None}) + "\n"
        + json.dumps({"text": ENGLISH[2]}) + "\n",
        encoding="utf-8",
    )
    its = items(p)
    assert [d.record for d in docs(its)] == [1, 7]
    errs = errors(its)
    assert [(e.line, e.message.split(":")[0]) for e in errs] == [
        (2, "malformed JSON"), (4, "record has no field 'text'"), (5, "field 'text' is int, not a string"),
        (6, "field 'text' is null, not a string"),
    ]
    assert all(e.path == str(p) for e in errs)


def test_jsonl_list_index_in_a_dotted_path(tmp_path):
    p = tmp_path / "chat.ndjson"
    _jsonl(p, [{"messages": [{"content": ENGLISH[0]}, {"content": RUSSIAN}]}])
    (d,) = docs(items(p, fields=("messages.1.content",)))
    assert d.text == RUSSIAN and d.field == "messages.1.content"
    assert_located(d, RUSSIAN, p)


def test_json_array_of_records(tmp_path):
    p = tmp_path / "articles.json"
    p.write_text(json.dumps([{"text": ENGLISH[0]}, {"id": 2, "text": FOUNDING}, {"id": 3}], indent=2,
                            ensure_ascii=False), encoding="utf-8")
    its = items(p)
    ds = docs(its)
    assert [d.record for d in ds] == [1, 2]
    assert assert_located(ds[1], RUSSIAN, p)[0] == 7
    (err,) = errors(its)
    assert "record 3" in err.message and err.line == 9


def test_json_syntax_error_names_the_line(tmp_path):
    p = tmp_path / "broken.json"
    p.write_text('[\n  {"text": "fine"},\n  {"text": "oops",,}\n]\n', encoding="utf-8")
    its = items(p)
    assert [d.text for d in docs(its)] == ["fine"]
    (err,) = errors(its)
    assert err.line == 3 and "malformed JSON" in err.message


# --- CSV / TSV / Parquet -------------------------------------------------------------------------


def test_csv_columns_multiline_cells_and_exact_positions(tmp_path):
    p = tmp_path / "captions.csv"
    p.write_text(
        'id,channel,caption\n'
        f'1,news,"{ENGLISH[0]}"\n'
        f'2,"الدفاع, channel","He said ""yes"" to {RUSSIAN}"\n'
        f'3,news,"Two lines:\nsecond line {RUSSIAN}"\n'
        '4,news\n',
        encoding="utf-8",
    )
    its = items(p, columns=("caption", "channel"))
    ds = docs(its)
    assert [(d.record, d.field) for d in ds] == [(1, "caption"), (1, "channel"), (2, "caption"), (2, "channel"),
                                                 (3, "caption"), (3, "channel"), (4, "channel")]
    assert ds[2].text == f'He said "yes" to {RUSSIAN}'
    assert assert_located(ds[2], RUSSIAN, p) == (3, 41)
    assert assert_located(ds[4], RUSSIAN, p) == (5, 13)
    assert assert_located(ds[3], "الدفاع", p) == (3, 4)
    (err,) = errors(its)
    assert err.line == 6 and "no column 'caption'" in err.message


def test_tsv_and_missing_column(tmp_path):
    p = tmp_path / "rows.tsv"
    p.write_text(f"id\ttext\n1\t{ENGLISH[1]}\n2\t{RUSSIAN}\n", encoding="utf-8")
    ds = docs(items(p))
    assert [d.text for d in ds] == [ENGLISH[1], RUSSIAN]
    assert assert_located(ds[1], RUSSIAN, p) == (3, 3)
    (err,) = errors(items(p, columns=("body",)))
    assert "no column 'body'" in err.message and "id, text" in err.message


def test_parquet_columns(tmp_path):
    pa = pytest.importorskip("pyarrow", reason="pyarrow is the optional 'parquet' extra")
    import pyarrow.parquet as pq

    p = tmp_path / "corpus.parquet"
    pq.write_table(pa.table({"id": [1, 2, 3], "text": [ENGLISH[0], FOUNDING, None]}), p)
    its = items(p)
    assert [(d.record, d.field) for d in docs(its)] == [(1, "text"), (2, "text")]
    assert docs(its)[1].text == FOUNDING
    (err,) = errors(its)
    assert "row 3" in err.message and "null" in err.message
    (err,) = errors(items(p, columns=("body",)))
    assert "no column 'body'" in err.message


# --- compression ----------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix,compress", [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)])
def test_founding_example_compressed(tmp_path, suffix, compress):
    p = tmp_path / f"page.txt{suffix}"
    p.write_bytes(compress(FOUNDING.encode()))
    (d,) = docs(items(p))
    assert d.text == FOUNDING
    assert d.source_position(d.text.index(RUSSIAN)) == (56, 1)


def test_zstd_compressed_jsonl(tmp_path):
    zstandard = pytest.importorskip("zstandard", reason="zstandard is the optional 'zstd' extra")
    p = tmp_path / "crawl.jsonl.zst"
    p.write_bytes(zstandard.ZstdCompressor().compress((json.dumps({"text": FOUNDING}) + "\n").encode()))
    (d,) = docs(items(p))
    assert d.text == FOUNDING and d.record == 1


def test_gzip_detected_by_magic_bytes_without_suffix(tmp_path):
    p = tmp_path / "crawl.jsonl"  # gzipped although the name says otherwise
    p.write_bytes(gzip.compress((json.dumps({"text": FOUNDING}) + "\n").encode()))
    (d,) = docs(items(p))
    assert d.text == FOUNDING


@pytest.mark.parametrize("suffix", [".gz", ".zst"])
def test_truncated_compressed_jsonl_keeps_what_was_read(tmp_path, suffix):
    import random

    rnd = random.Random(7)
    records = [{"text": " ".join(rnd.choice(ENGLISH[i % 3].split()) for _ in range(40)), "n": i} for i in range(3000)]
    payload = "".join(json.dumps(r) + "\n" for r in records).encode()
    if suffix == ".gz":
        data = gzip.compress(payload)
    else:
        zstandard = pytest.importorskip("zstandard", reason="zstandard is the optional 'zstd' extra")
        data = zstandard.ZstdCompressor().compress(payload)
    p = tmp_path / f"crawl.jsonl{suffix}"
    p.write_bytes(data[: len(data) // 2])
    its = items(p)
    ds = docs(its)
    assert 100 < len(ds) < 3000
    (err,) = errors(its)
    assert "truncated" in err.message and err.line == ds[-1].record + 1 or err.line > ds[-1].record
    assert its[-1] is err


# --- directories, globs, stdin -----------------------------------------------------------------------


def test_directory_walk_skips_vcs_and_honours_globs(tmp_path):
    for rel in ("docs/en/a.md", "docs/fr/b.md", "vendor/c.txt", ".git/config.txt", "docs/.svn/x.txt", "z.txt"):
        f = tmp_path / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(ENGLISH[0], encoding="utf-8")
    names = lambda its: [Path(d.path).relative_to(tmp_path).as_posix() for d in docs(its)]  # noqa: E731
    assert names(items(tmp_path)) == ["docs/en/a.md", "docs/fr/b.md", "vendor/c.txt", "z.txt"]
    got = list(read_inputs([str(tmp_path)], ReaderOptions(), include=("docs/**",), exclude=("fr",), base=str(tmp_path)))
    assert names(got) == ["docs/en/a.md"]
    got = list(read_inputs([str(tmp_path)], ReaderOptions(), include=("*.txt",), base=str(tmp_path)))
    assert names(got) == ["vendor/c.txt", "z.txt"]


def test_stdin_formats():
    jsonl = (json.dumps({"text": FOUNDING}) + "\n").encode()
    (d,) = docs(read_source(stdin_source("jsonl", io.BytesIO(gzip.compress(jsonl))), ReaderOptions()))
    assert d.path == "<stdin>" and d.text == FOUNDING and d.record == 1
    (d,) = docs(read_source(stdin_source("html", io.BytesIO("<p>Hi <b>there</b></p>".encode())), ReaderOptions()))
    assert d.text.strip() == "Hi there"


def test_a_50_mb_single_line_is_cut_into_pieces_with_true_offsets(tmp_path):
    """Issue 14: a single huge line is read a chunk at a time (memory stays bounded), and every
    piece still maps its offsets to the true line and column."""
    p = tmp_path / "one-line.txt"
    filler = "word " * (10 * 1024 * 1024)  # 50 MiB, no newline at all
    p.write_text(filler + RUSSIAN, encoding="utf-8")
    pieces = docs(items(p))
    assert len(pieces) > 1 and max(len(d.text) for d in pieces) <= 4 * 1024 * 1024
    assert sum(len(d.text) for d in pieces) == len(filler) + len(RUSSIAN)
    (last,) = [d for d in pieces if RUSSIAN.split()[0] in d.text]
    assert last.source_position(last.text.index(RUSSIAN.split()[0])) == (1, len(filler) + 1)
    assert pieces[1].source_position(0) == (1, len(pieces[0].text) + 1)


def test_missing_optional_extras_are_clear_errors(tmp_path, monkeypatch):
    import sys

    pq = tmp_path / "corpus.parquet"
    pq.write_bytes(b"PAR1 not really parquet PAR1")
    zst = tmp_path / "crawl.jsonl.zst"
    zst.write_bytes(b"\x28\xb5\x2f\xfd" + b"\x00" * 16)
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import fails as if the extra were not installed
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    monkeypatch.setitem(sys.modules, "zstandard", None)
    e1, e2 = errors(items(pq, zst))
    assert "pip install 'langscan[parquet]'" in e1.message
    assert "pip install 'langscan[zstd]'" in e2.message


def test_directory_symlink_loops_are_not_followed(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "page.txt").write_text(ENGLISH[0], encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    its = items(tmp_path)
    assert [Path(d.path).name for d in docs(its)] == ["page.txt"] and not errors(its)


GUIDE = (
    "# Localisation guide\n\n"
    "Set the greeting with `t(\"Привет\")` in your component.\n\n"
    "```python\nGREETINGS = {\"ru\": \"Привет\", \"ar\": \"مرحبا\"}\n```\n\n"
    "~~~~\nstill code: Пока\n~~~\nstill code after a shorter fence: Пока\n~~~~\n"
    f"The page footer still reads {RUSSIAN}.\n"
)


def test_markdown_code_is_blanked_and_positions_stay_true(tmp_path):
    p = tmp_path / "guide.md"
    p.write_text(GUIDE, encoding="utf-8")
    (d,) = docs(items(p))
    assert len(d.text) == len(GUIDE)
    assert [i for i, c in enumerate(d.text) if c == "\n"] == [i for i, c in enumerate(GUIDE) if c == "\n"]
    for code in ("Привет", "مرحبا", "Пока", "```", "GREETINGS"):
        assert code not in d.text
    assert "Set the greeting with " in d.text and "in your component." in d.text
    assert assert_located(d, RUSSIAN, p) == (14, 29)
    (t,) = docs(items(p.rename(tmp_path / "guide.txt")))  # plain text keeps code
    assert "Привет" in t.text


def test_invalid_utf8_inside_a_jsonl_record(tmp_path):
    p = tmp_path / "mixed.jsonl"
    line1 = json.dumps({"text": ENGLISH[0]}).encode() + b"\n"
    line2 = b'{"text": "Caf\xe9 menu: ' + RUSSIAN.encode() + b'"}\n'
    p.write_bytes(line1 + line2)
    its = items(p)
    (err,) = errors(its)
    assert (err.line, err.byte) == (2, len(line1) + line2.index(b"\xe9"))
    d = docs(its)[1]
    assert d.text.startswith("Caf\ufffd menu") and assert_located(d, RUSSIAN, p)[0] == 2


def test_crlf_html_and_csv_columns(tmp_path):
    h = tmp_path / "menu.html"
    h.write_bytes("<ul>\r\n<li>English</li>\r\n<li>Русский</li>\r\n</ul>\r\n".encode())
    (d,) = docs(items(h))
    assert d.source_position(d.text.index("Русский")) == (3, 5)
    c = tmp_path / "rows.csv"
    c.write_bytes(f"id,text\r\n1,{ENGLISH[0]}\r\n2,\"Two\r\nlines {RUSSIAN}\"\r\n".encode())
    ds = docs(items(c))
    assert ds[0].text == ENGLISH[0]
    assert ds[1].source_position(ds[1].text.index(RUSSIAN)) == (4, 7)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_text_with_a_bom_is_read_not_called_binary(tmp_path, encoding):
    p = tmp_path / "notes.txt"
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    p.write_bytes(bom + f"Meeting notes.\r\n{RUSSIAN}\r\n".encode(encoding))
    its = items(p)
    assert not errors(its)
    (d,) = docs(its)
    assert d.source_position(d.text.index(RUSSIAN)) == (2, 1)


def test_html_declared_legacy_charset_and_code_is_not_prose(tmp_path):
    p = tmp_path / "ru.html"
    p.write_bytes('<html><head><meta charset="windows-1251"></head><body>\n<p>Call <code>t("Привет")</code> then read: '
                  f'{RUSSIAN}</p></body></html>\n'.encode("cp1251"))
    its = items(p)
    assert not errors(its)
    (d,) = docs(its)
    assert RUSSIAN in d.text and "Привет" not in d.text
    assert d.source_position(d.text.index(RUSSIAN)) == (2, 45)


def test_truncated_gzipped_text_still_scans_what_came_before(tmp_path):
    import random

    rnd = random.Random(3)
    words = " ".join(ENGLISH).split()
    lines = [" ".join(rnd.choice(words) for _ in range(12)) for _ in range(20000)]
    lines[10] = RUSSIAN
    data = gzip.compress("\n".join(lines).encode())
    p = tmp_path / "page.txt.gz"
    p.write_bytes(data[: len(data) // 2])
    its = items(p)
    (d,) = docs(its)
    (err,) = errors(its)
    assert RUSSIAN in d.text and d.source_position(d.text.index(RUSSIAN)) == (11, 1)
    assert "truncated" in err.message and err.line == d.text.count("\n") + 1 and its[-1] is err


def test_json_array_is_streamed_across_batches_with_exact_positions(tmp_path, monkeypatch):
    from langscan.readers import jsonarray

    monkeypatch.setattr(jsonarray, "BATCH", 50)  # force elements to span many reads
    recs = [{"id": i, "meta": {"n": [i, i + 1]}, "text": f"{ENGLISH[i % 3]} ({i})\nSecond line {RUSSIAN} [{i}]"}
            for i in range(40)]
    p = tmp_path / "records.json"
    p.write_text(json.dumps(recs, ensure_ascii=False, indent=2), encoding="utf-8")
    its = items(p)
    assert not errors(its)
    ds = docs(its)
    assert [d.text for d in ds] == [r["text"] for r in recs] and [d.record for d in ds] == list(range(1, 41))
    for d in ds:
        assert_located(d, RUSSIAN, p)
    compact = tmp_path / "compact.json"
    compact.write_text(json.dumps(recs, ensure_ascii=True), encoding="utf-8")  # one line, escapes
    for d in docs(items(compact)):
        line, col = d.source_position(d.text.index(RUSSIAN))
        assert line == 1 and compact.read_text(encoding="utf-8")[col - 1 : col + 5] == "\\u0417"


def test_html_preformatted_blocks_are_code_not_prose(tmp_path):
    # a German manual page: its terminal session in <pre> is code, the German prose around it is read
    page = tmp_path / "handbuch.de.html"
    page.write_text(
        "<html><body><p>Mit dem folgenden Befehl prüfen Sie, welche Pakete installiert sind.</p>"
        "<pre class=\"screen\">$ dpkg -L vim\n-rw-r--r-- 2 root root 0 2008-09-15 20:21 foo\n"
        "USER        PID ACCESS COMMAND</pre>"
        "<p>Danach können Sie das Paket wieder entfernen.</p></body></html>", encoding="utf-8")
    from langscan.readers import ReaderOptions, read_inputs

    text = "".join(d.text for d in read_inputs([str(page)], ReaderOptions()))
    assert "Mit dem folgenden Befehl" in text and "Danach" in text
    assert "dpkg" not in text and "USER" not in text and "root" not in text


def test_a_json_file_with_more_after_its_value_says_so(tmp_path):
    # a second array (two files concatenated) or trailing garbage was silently ignored: now an input error
    # naming its line, after the first value's records are read as before
    from langscan.cli import app
    from click.testing import CliRunner

    two = tmp_path / "two.json"
    two.write_text('[{"text": "The committee met."}]\n[{"text": "Заголовок открываемого материала"}]\n',
                   encoding="utf-8")
    r = CliRunner().invoke(app, ["scan", str(two)])
    assert r.exit_code == 2 and "two.json:2: error: malformed JSON: more after the end of the JSON value" in r.output
    one = tmp_path / "one.json"
    one.write_text('[{"text": "The committee met."}]\n\n', encoding="utf-8")
    assert CliRunner().invoke(app, ["scan", str(one)]).exit_code == 0
    obj = tmp_path / "obj.json"
    obj.write_text('{"text": "The committee met."} x', encoding="utf-8")
    assert CliRunner().invoke(app, ["scan", str(obj)]).exit_code == 2
