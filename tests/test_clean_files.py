"""`langscan clean` on realistic files: text, JSONL (plain, CRLF, gzip/bz2/xz),
CSV, Parquet; output modes (-o, --in-place, --backup, --dry-run), rejects,
idempotence (clean the cleaned output again: nothing changes), rules."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
CLI = [sys.executable, "-c", "import sys; sys.argv[0] = 'langscan'; from langscan.cli import main; main()"]

RECORDS = [
    {"id": "n1", "text": "Flood warnings remain in place along the river after three days of heavy rain. "
                         "Emergency crews evacuated 240 residents overnight.\nЗаголовок открываемого материала",
     "meta": {"score": 0.50, "url": "https://example.org/a?x=1&y=2"}},
    {"id": "n2", "text": "The museum reopened on Saturday after a two-year renovation that cost €14 million. "
                         "Visitors queued around the block.", "meta": {"score": 1e-3}},
    {"id": "n3", "text": "© Photo : youtube/الدفاع الوطني - القناة الرسميةSyria's army uses the TOS-1 "
                         "thermobaric MLRS, earlier seen in Iraq.", "meta": {"score": 2}},
    {"id": "n4", "text": "The festival closes with a concert in the old harbour. Alle Rechte vorbehalten.",
     "meta": {"score": -1}},
]


def cli(*args, cwd=None, **kw):
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd, **kw)


def write_jsonl(path: Path, records=RECORDS, newline="\n", ensure_ascii=False) -> bytes:
    # spacing/number spelling that json.dumps would not reproduce, to prove other bytes stay
    lines = [json.dumps(r, ensure_ascii=ensure_ascii).replace('"score": 0.5', '"score": 0.50') for r in records]
    raw = (newline.join(lines) + newline).encode("utf-8")
    path.write_bytes(raw)
    return raw


def test_text_file_strip_to_output(tmp_path):
    src = tmp_path / "page.txt"
    src.write_bytes((DATA / "founding_example.txt").read_bytes())
    out = tmp_path / "page.clean.txt"
    r = cli("clean", src, "-o", out)
    assert r.returncode == 0, r.stderr
    cleaned = out.read_text(encoding="utf-8")
    assert "youtube/ Syria's army uses the TOS-1" in cleaned
    assert "Заголовок" not in cleaned and "الدفاع" not in cleaned
    assert src.read_bytes() == (DATA / "founding_example.txt").read_bytes()  # input untouched
    # idempotent: cleaning the cleaned file changes nothing
    again = tmp_path / "again.txt"
    assert cli("clean", out, "-o", again).returncode == 0
    assert again.read_bytes() == out.read_bytes()


def test_jsonl_other_fields_and_crlf_untouched(tmp_path):
    src = tmp_path / "news.jsonl"
    original = write_jsonl(src, newline="\r\n")
    r = cli("clean", src, "--in-place")
    assert r.returncode == 0, r.stderr
    raw = src.read_bytes()
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and len(lines) == len(RECORDS) + 1  # still CRLF everywhere
    recs = [json.loads(l) for l in lines[:-1]]
    assert b'"score": 0.50' in raw  # a byte json.dumps would have rewritten
    for before, after in zip(RECORDS, recs):
        assert {k: v for k, v in after.items() if k != "text"} == {k: v for k, v in before.items() if k != "text"}
    assert recs[0]["text"].endswith("evacuated 240 residents overnight.")
    assert recs[1]["text"] == RECORDS[1]["text"]
    assert "youtube/ Syria's army" in recs[2]["text"]
    assert "Alle Rechte" not in recs[3]["text"]
    # the unchanged record keeps its exact bytes
    assert original.split(b"\r\n")[1] == lines[1]
    before = src.read_bytes()
    assert cli("clean", src, "--in-place").returncode == 0
    assert src.read_bytes() == before


def test_jsonl_ascii_escaped_stays_escaped(tmp_path):
    src = tmp_path / "esc.jsonl"
    write_jsonl(src, RECORDS[:1], ensure_ascii=True)
    assert cli("clean", src, "--in-place").returncode == 0
    raw = src.read_bytes()
    assert raw.isascii()
    assert json.loads(raw)["text"].endswith("overnight.")


@pytest.mark.parametrize("suffix, opener, magic", [
    (".gz", gzip.open, b"\x1f\x8b"), (".bz2", bz2.open, b"BZh"), (".xz", lzma.open, b"\xfd7zXZ")])
def test_compressed_jsonl_stays_compressed(tmp_path, suffix, opener, magic):
    plain = tmp_path / "p.jsonl"
    write_jsonl(plain)
    src = tmp_path / f"news.jsonl{suffix}"
    with opener(src, "wb") as fh:
        fh.write(plain.read_bytes())
    out = tmp_path / f"out.jsonl{suffix}"
    r = cli("clean", src, "-o", out, "--lang", "ru,ar")
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(magic)
    with opener(out, "rb") as fh:
        recs = [json.loads(l) for l in fh.read().decode("utf-8").splitlines()]
    assert "Заголовок" not in recs[0]["text"] and "الدفاع" not in recs[2]["text"]
    assert "Alle Rechte vorbehalten." in recs[3]["text"]  # --lang ru,ar leaves German alone


def test_drop_record_writes_rejects_with_reasons(tmp_path):
    src = tmp_path / "news.jsonl"
    original = write_jsonl(src)
    out, rejects = tmp_path / "kept.jsonl", tmp_path / "rejected.jsonl"
    r = cli("clean", src, "--action", "drop-record", "--kind", "script", "-o", out, "--rejects", rejects)
    assert r.returncode == 0, r.stderr
    kept = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [k["id"] for k in kept] == ["n2", "n4"]
    rej = [json.loads(l) for l in rejects.read_text(encoding="utf-8").splitlines()]
    assert [x["record"] for x in rej] == [1, 3]
    assert rej[0]["reasons"][0]["lang"] == "ru" and rej[1]["reasons"][0]["lang"] == "ar"
    # nothing lost: kept + rejected raw lines are exactly the original lines
    orig_lines = original.decode("utf-8").splitlines()
    assert sorted(out.read_text(encoding="utf-8").splitlines() + [x["raw"] for x in rej]) == sorted(orig_lines)


def test_csv_cell_cleaned_other_rows_byte_identical(tmp_path):
    src = tmp_path / "items.csv"
    body = ('id,text,source\r\n'
            '1,"The museum reopened on Saturday, after a renovation.",  "wire"  \r\n'
            '2,"Home | World | Sport | Русский | Culture",site\r\n')
    src.write_bytes(body.encode("utf-8"))
    assert cli("clean", src, "--in-place").returncode == 0
    out = src.read_bytes().decode("utf-8")
    rows = out.split("\r\n")
    assert rows[1] == '1,"The museum reopened on Saturday, after a renovation.",  "wire"  '
    assert rows[2] == "2,Home | World | Sport | Culture,site"


def test_parquet_column_cleaned_and_rows_dropped(tmp_path):
    pa = pytest.importorskip("pyarrow", reason="Parquet support is the optional extra langscan[parquet]")
    import pyarrow.parquet as pq

    src = tmp_path / "news.parquet"
    pq.write_table(pa.table({"id": [r["id"] for r in RECORDS], "text": [r["text"] for r in RECORDS],
                             "n": [1, 2, 3, 4]}), src, compression="zstd")
    out = tmp_path / "clean.parquet"
    assert cli("clean", src, "-o", out).returncode == 0
    t = pq.read_table(out)
    assert t.column("n").to_pylist() == [1, 2, 3, 4]
    assert "Заголовок" not in t.column("text")[0].as_py()
    assert pq.ParquetFile(out).metadata.row_group(0).column(0).compression == "ZSTD"
    dropped = tmp_path / "dropped.parquet"
    assert cli("clean", src, "-o", dropped, "--action", "drop-record").returncode == 0
    assert pq.read_table(dropped).column("id").to_pylist() == ["n2"]


def test_in_place_backup_and_permissions(tmp_path):
    src = tmp_path / "page.txt"
    original = (DATA / "founding_example.txt").read_bytes()
    src.write_bytes(original)
    os.chmod(src, 0o640)
    r = cli("clean", src, "--in-place", "--backup")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "page.txt.bak").read_bytes() == original
    assert src.read_bytes() != original
    assert oct(os.stat(src).st_mode & 0o777) == oct(0o640)
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".langscan-tmp")]


def test_dry_run_prints_diff_and_changes_nothing(tmp_path):
    src = tmp_path / "page.txt"
    src.write_bytes((DATA / "founding_example.txt").read_bytes())
    mtime = os.stat(src).st_mtime_ns
    r = cli("clean", "page.txt", "--dry-run", "--action", "mask", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("--- a/page.txt\n+++ b/page.txt\n")
    assert "+© Photo : youtube/[foreign:ar]Syria's army" in r.stdout
    assert "+[foreign:ru]" in r.stdout
    assert os.stat(src).st_mtime_ns == mtime and os.listdir(tmp_path) == ["page.txt"]


def test_bad_inputs_reported_others_cleaned(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The bridge reopened. Заголовок открываемого материала\n", encoding="utf-8")
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 menu".encode("latin-1"))
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "ok"}\n{"text": "Русский язык\n', encoding="utf-8")
    r = cli("clean", tmp_path, "--in-place")
    assert r.returncode == 2
    assert "latin1.txt: error: not valid UTF-8 at byte 3 (line 1)" in r.stderr
    assert "broken.jsonl:2: invalid JSON record" in r.stderr
    assert good.read_text(encoding="utf-8") == "The bridge reopened.\n"
    assert bad.read_bytes() == "Caf\xe9 menu".encode("latin-1")


def test_rules_from_suggestions_clean_without_detector(tmp_path):
    rules = tmp_path / "rules.txt"
    rules.write_text("# site footer\nexact ru Заголовок открываемого материала\n", encoding="utf-8")
    page = tmp_path / "p.txt"
    page.write_text("Story text.\nЗаголовок открываемого материала\nКупить билет\n", encoding="utf-8")
    assert cli("clean", page, "--in-place", "--rules", rules).returncode == 0
    assert page.read_text(encoding="utf-8") == "Story text.\nКупить билет\n"  # only the rule's text went


@pytest.mark.parametrize("args, message", [
    (["--action", "erase"], "--action: must be one of"),
    ([], "say where the result goes"),
    (["--backup", "-o", "x.txt"], "--backup goes with --in-place"),
    (["--dry-run", "--mask-template", "{nope}"], "unknown placeholder"),
])
def test_usage_errors_exit_2(tmp_path, args, message):
    f = tmp_path / "a.txt"
    f.write_text("text\n")
    r = cli("clean", f, *args, cwd=tmp_path)
    assert r.returncode == 2 and message in r.stderr


def test_config_file_is_honoured_like_scan(tmp_path):
    """A project whose config allows a term must not lose it to `clean`."""
    (tmp_path / ".git").mkdir()  # the config search stops here
    (tmp_path / ".langscan.toml").write_text('expect = ["en"]\nallow = ["Русский"]\n', encoding="utf-8")
    page = tmp_path / "menu.txt"
    page.write_text("Home | World | Русский | News\nЗаголовок открываемого материала\n", encoding="utf-8")
    r = cli("clean", "menu.txt", "--in-place", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert page.read_text(encoding="utf-8") == "Home | World | Русский | News\n"
    bad = cli("clean", "menu.txt", "--dry-run", "--config", "missing.toml", cwd=tmp_path)
    assert bad.returncode == 2 and "missing.toml" in bad.stderr


def test_jobs_2_gives_the_same_bytes_as_jobs_1(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(5):
        write_jsonl(corpus / f"part{i}.jsonl", RECORDS[i % 4:] + RECORDS[: i % 4])
        (corpus / f"page{i}.txt").write_bytes((DATA / "founding_example.txt").read_bytes())
    (corpus / "bad.txt").write_bytes(b"\xff\xfe broken")
    r1 = cli("clean", corpus, "-o", tmp_path / "one", "--jobs", "1")
    r2 = cli("clean", corpus, "-o", tmp_path / "two", "--jobs", "2")
    assert r1.returncode == r2.returncode == 2  # bad.txt reported by both
    assert "bad.txt: error: not valid UTF-8" in r2.stderr
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "two").iterdir()) and len(names) == 10
    for n in names:
        assert (tmp_path / "one" / n).read_bytes() == (tmp_path / "two" / n).read_bytes(), n
    assert (tmp_path / "one" / "page0.txt").read_bytes() != (DATA / "founding_example.txt").read_bytes()


CONTEXT_PAGE = (
    "Deutsch | English | Français | Español\n"
    "City council approves new budget for road repairs\n"
    "The council voted eight to three on Tuesday to approve a budget that doubles spending on road repairs, "
    "the mayor said.\n"
    "She ended her speech with the words «Wir schaffen das, und wir werden es gemeinsam schaffen», to loud "
    "applause from the hall.\n"
    'The Japanese word 食べる (taberu) means "to eat".\n'
    "Alle Rechte vorbehalten.\n"
)


def test_clean_acts_by_context(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(CONTEXT_PAGE, encoding="utf-8")
    # the menu and the footer go; the quoted speech and the vocabulary gloss stay
    r = cli("clean", page, "--context", "menu,boilerplate", "-o", "-")
    assert r.returncode == 0, r.stderr
    assert "Deutsch | English" not in r.stdout and "Alle Rechte" not in r.stdout
    assert "«Wir schaffen das, und wir werden es gemeinsam schaffen»" in r.stdout and "食べる" in r.stdout
    assert "2 finding(s) acted on" in r.stderr
    # by default every context but gloss is acted on: the quote goes, the gloss stays
    r = cli("clean", page, "-o", "-")
    assert "Wir schaffen" not in r.stdout and "食べる" in r.stdout
    # naming gloss acts on text about a language, which the detector otherwise leaves out
    r = cli("clean", page, "--context", "gloss", "-o", "-")
    assert r.returncode == 0 and "食べる" not in r.stdout and "(taberu)" in r.stdout and "Deutsch |" in r.stdout
    # the same with worker processes over a directory of such pages
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(4):
        (corpus / f"p{i}.txt").write_text(CONTEXT_PAGE, encoding="utf-8")
    r = cli("clean", corpus, "--context", "menu", "-o", tmp_path / "out", "--jobs", "2")
    assert r.returncode == 0, r.stderr
    for i in range(4):
        out = (tmp_path / "out" / f"p{i}.txt").read_text(encoding="utf-8")
        assert "Deutsch |" not in out and "Alle Rechte vorbehalten." in out


def test_clean_context_errors_are_usage_errors(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(CONTEXT_PAGE, encoding="utf-8")
    r = cli("clean", page, "--context", "sidebar", "-o", "-")
    assert r.returncode == 2 and "unknown context 'sidebar'" in r.stderr and "menu, boilerplate" in r.stderr
    rules = tmp_path / "rules.txt"
    rules.write_text("exact\tAlle Rechte vorbehalten.\n", encoding="utf-8")
    r = cli("clean", page, "--context", "menu", "--rules", rules, "-o", "-")
    assert r.returncode == 2 and "--rules" in r.stderr and r.stdout == ""


def test_whole_document_in_another_language(tmp_path):
    german = ("Die Stadtverwaltung hat am Dienstag beschlossen, den Nachtbus in die östlichen Vororte "
              "zu verlängern. Der Versuch läuft sechs Monate und beginnt im März.")
    page = tmp_path / "de.txt"
    page.write_text(german + "\n", encoding="utf-8")
    r = cli("clean", page, "--in-place")
    assert r.returncode == 0 and "1 whole-document finding(s) left alone" in r.stderr
    assert page.read_text(encoding="utf-8") == german + "\n"  # not emptied
    src = tmp_path / "mixed.jsonl"
    write_jsonl(src, [RECORDS[1], {"id": "de", "text": german}])
    out = tmp_path / "kept.jsonl"
    assert cli("clean", src, "--action", "drop-record", "-o", out).returncode == 0
    assert [json.loads(l)["id"] for l in out.read_text(encoding="utf-8").splitlines()] == ["n2"]
    rej = [json.loads(l) for l in (tmp_path / "kept.jsonl.rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rej[0]["reasons"][0]["kind"] == "document" and rej[0]["reasons"][0]["lang"] == "de"


def test_truncated_gzip_is_reported_and_left_alone(tmp_path):
    whole = gzip.compress("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS).encode("utf-8"))
    src = tmp_path / "cut.jsonl.gz"
    src.write_bytes(whole[: len(whole) // 2])
    r = cli("clean", src, "--in-place")
    assert r.returncode == 2 and "cut.jsonl.gz: error: corrupt compressed data" in r.stderr
    assert src.read_bytes() == whole[: len(whole) // 2]


def test_drop_record_keeps_a_crlf_line_ending_whole_when_the_last_record_goes(tmp_path):
    # the last record has no line break after it; dropping it left the record before it ending in a lone "\r"
    src = tmp_path / "crlf.jsonl"
    src.write_bytes('{"text": "The committee met on Tuesday."}\r\n{"text": "Заголовок открываемого материала"}'
                    .encode("utf-8"))
    out = tmp_path / "out.jsonl"
    from click.testing import CliRunner
    from langscan.cli import app

    r = CliRunner().invoke(app, ["clean", str(src), "-a", "drop-record", "-o", str(out),
                                 "--rejects", str(tmp_path / "rej.jsonl")])
    assert r.exit_code == 0, r.output
    assert out.read_bytes() == b'{"text": "The committee met on Tuesday."}\r\n'


def test_clean_names_utf16_text_instead_of_calling_it_binary(tmp_path):
    # scan reads UTF-16 with a byte-order mark; clean rewrites UTF-8 only, and says which it is and what to do
    src = tmp_path / "u16.txt"
    src.write_bytes("The committee met.\nЗаголовок открываемого материала\n".encode("utf-16"))
    before = src.read_bytes()
    from click.testing import CliRunner
    from langscan.cli import app

    r = CliRunner().invoke(app, ["clean", str(src), "--in-place"])
    assert r.exit_code == 2 and "UTF-16" in r.output and "iconv" in r.output and "binary" not in r.output
    assert src.read_bytes() == before
