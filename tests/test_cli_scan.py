"""`langscan scan` end to end through the real CLI (click) and the real detector."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from langscan.cli import app

DATA = Path(__file__).parent / "data"
FOUNDING_PATH = DATA / "founding_example.txt"
FOUNDING = FOUNDING_PATH.read_text(encoding="utf-8")
RUSSIAN = "Заголовок открываемого материала"
ARABIC = "الدفاع الوطني - القناة الرسمية"
CLEAN = (
    "The council approved the new budget on Tuesday after a long debate.\n"
    "Ferry services to the islands were suspended until further notice, the operator said.\n"
)


def scan(*args, cwd=None, input=None):
    """(exit code, stdout, stderr) of `langscan scan ARGS`."""
    runner = CliRunner()
    old = os.getcwd()
    try:
        if cwd:
            os.chdir(cwd)
        r = runner.invoke(app, ["scan", *map(str, args)], input=input, catch_exceptions=False)
    finally:
        os.chdir(old)
    return r.exit_code, r.stdout, r.stderr


def jsonl(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture()
def founding(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text(FOUNDING, encoding="utf-8")
    return p


def test_founding_example_text_output(founding, tmp_path):
    code, out, err = scan("page.txt", cwd=tmp_path)
    lines = out.splitlines()
    assert code == 1
    assert lines[:3] == [
        f'page.txt:22:19: script ar (Arabic, caption) "{ARABIC}"',
        f'page.txt:28:19: script ar (Arabic, caption) "{ARABIC}"',
        f'page.txt:56:1: script ru (Cyrillic, boilerplate) "{RUSSIAN}"',
    ]
    assert lines[3].startswith("langscan: 3 findings in 1 file")
    assert "\033[" not in out  # no colour when not on a terminal


def test_clean_file_exits_0(tmp_path):
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    code, out, _ = scan("clean.md", cwd=tmp_path)
    assert code == 0 and out.startswith("langscan: no findings")


def test_quiet_prints_only_findings(founding, tmp_path):
    code, out, _ = scan("page.txt", "--quiet", cwd=tmp_path)
    assert code == 1 and len(out.splitlines()) == 3 and "langscan:" not in out


def test_summary_counts(founding, tmp_path):
    code, out, _ = scan("page.txt", "--summary", cwd=tmp_path)
    assert "by language: ar 2, ru 1" in out and "by kind: script 3" in out
    assert "     3  page.txt" in out


def test_jsonl_contract_for_founding_example_in_a_gzipped_jsonl_record(tmp_path):
    p = tmp_path / "crawl.jsonl.gz"
    recs = [{"url": "https://example.org/ok", "text": CLEAN}, {"url": "https://sputniknews.com/x", "text": FOUNDING}]
    p.write_bytes(gzip.compress("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode()))
    code, out, err = scan(p.name, "--format", "jsonl", "--field", "text", cwd=tmp_path)
    assert code == 1, err
    rows = jsonl(out)
    assert [r["text"] for r in rows] == [ARABIC, ARABIC, RUSSIAN]
    raw_line = gzip.decompress(p.read_bytes()).decode().split("\n")[1]
    for r in rows:
        assert {"path", "start", "end", "line", "column", "text", "lang", "script", "kind", "score", "record",
                "field", "lang_name"} <= set(r)
        assert r["path"] == p.name and r["record"] == 2 and r["field"] == "text" and r["line"] == 2
        assert FOUNDING[r["start"] : r["end"]] == r["text"]  # offsets into the field's text
        assert raw_line[r["column"] - 1 :].startswith(r["text"])  # column in the user's file
    assert [r["lang"] for r in rows] == ["ar", "ar", "ru"]


def test_json_format(founding, tmp_path):
    code, out, _ = scan("page.txt", "missing.txt", "--format", "json", cwd=tmp_path)
    doc = json.loads(out)
    assert code == 2
    assert [f["line"] for f in doc["findings"]] == [22, 28, 56]
    assert doc["errors"][0]["path"] == "missing.txt"
    assert doc["summary"]["findings"] == 3 and doc["summary"]["errors"] == 1


def test_csv_format(founding, tmp_path):
    import csv
    import io

    code, out, _ = scan("page.txt", "--format", "csv", cwd=tmp_path)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 1 and [r["text"] for r in rows] == [ARABIC, ARABIC, RUSSIAN]
    assert rows[2]["line"] == "56" and rows[2]["column"] == "1" and rows[2]["lang"] == "ru"


def test_github_format(founding, tmp_path):
    code, out, _ = scan("page.txt", "--format", "github", "--quiet", cwd=tmp_path)
    lines = out.splitlines()
    assert code == 1 and len(lines) == 3
    assert lines[2].startswith("::warning file=page.txt,line=56,col=1,endColumn=33,title=langscan script ru (boilerplate)::")
    assert RUSSIAN in lines[2]


def test_html_language_switcher(tmp_path):
    code, out, _ = scan(DATA / "formats" / "news_page.html", "--format", "jsonl")
    rows = jsonl(out)
    assert code == 1
    # the language switcher is one finding, whole (its English item too), so clean removes all of it
    assert [(r["text"].split(), r["line"], r["column"], r["context"], r["lang"]) for r in rows] == [
        (["English", "Русский", "العربية"], 12, 56, "menu", "mul")]


def test_csv_input_column(tmp_path):
    p = tmp_path / "captions.csv"
    p.write_text(f'id,caption\n1,"{CLEAN.splitlines()[0]}"\n2,"Watch the parade live. {RUSSIAN}"\n', encoding="utf-8")
    code, out, _ = scan(p.name, "--column", "caption", "--format", "jsonl", cwd=tmp_path)
    (row,) = jsonl(out)
    assert code == 1 and row["text"] == RUSSIAN and row["record"] == 2 and row["field"] == "caption"
    assert (row["line"], row["column"]) == (3, 27)


def test_stdin(tmp_path):
    code, out, _ = scan("-", "--quiet", input=FOUNDING)
    assert code == 1 and out.splitlines()[2] == f'<stdin>:56:1: script ru (Cyrillic, boilerplate) "{RUSSIAN}"'
    rec = json.dumps({"text": FOUNDING}) + "\n"
    code, out, _ = scan("-", "--stdin-format", "jsonl", "--format", "jsonl", input=rec)
    assert code == 1 and [r["record"] for r in jsonl(out)] == [1, 1, 1]


def test_bad_inputs_exit_2_but_everything_else_is_scanned(founding, tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"text": "fine"}\n{not json\n{"text": 3}\n', encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes(b"Caf\xe9 au lait is served all day.\n")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02binary")
    code, out, err = scan(".", "--quiet", cwd=tmp_path)
    assert code == 2
    assert len(out.splitlines()) == 3  # the founding example's findings are still there
    assert "bad.jsonl:2: error: malformed JSON" in err
    assert "bad.jsonl:3: error: field 'text' is int, not a string" in err
    assert "latin1.txt:1: error: invalid UTF-8" in err and "(byte 3)" in err
    assert "blob.bin" not in err  # binary file met in a walk: a note, hidden by --quiet
    code, _, err = scan(".", cwd=tmp_path)
    assert "blob.bin: note: binary file skipped" in err


def test_empty_file_is_fine(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, err = scan("empty.txt", cwd=tmp_path)
    assert code == 0 and "empty file" in err


def test_usage_errors_exit_2(founding, tmp_path):
    assert scan("page.txt", "--format", "xml", cwd=tmp_path)[0] == 2
    assert scan("page.txt", "--sensitivity", "extreme", cwd=tmp_path)[0] == 2
    assert scan("page.txt", "--threshold", "1.5", cwd=tmp_path)[0] == 2
    assert scan("page.txt", "--expect", "englsh", cwd=tmp_path)[0] == 2  # "english" itself is accepted (a name)
    assert scan("page.txt", "--model", "no-such-model.bin", cwd=tmp_path)[0] == 2
    assert scan("page.txt", "--allow-file", "no-such-list.txt", cwd=tmp_path)[0] == 2
    (tmp_path / "fake.bin").write_bytes(b"not a fastText model")
    code, _, err = scan("page.txt", "--model", "fake.bin", cwd=tmp_path)
    assert code == 2 and "fake.bin" in err
    code, _, err = scan("page.txt", "--baseline", "no-such-baseline.json", cwd=tmp_path)
    assert code == 2 and "no-such-baseline.json" in err


def test_expect_other_language(tmp_path):
    p = tmp_path / "ru.txt"
    p.write_text("Новости дня. Правительство утвердило бюджет на следующий год.\n", encoding="utf-8")
    code, out, _ = scan(p.name, "--expect", "ru", "--quiet", cwd=tmp_path)
    assert code == 0 and out == ""


def test_allow_and_inline_marker(founding, tmp_path):
    code, out, _ = scan("page.txt", "--allow", ARABIC, "--quiet", cwd=tmp_path)
    assert code == 1 and out.splitlines() == [f'page.txt:56:1: script ru (Cyrillic, boilerplate) "{RUSSIAN}"']
    (tmp_path / "allow.txt").write_text(f"# terms we accept\n{RUSSIAN.lower()}\nre:الدفاع.*\n", encoding="utf-8")
    code, out, _ = scan("page.txt", "--allow-file", "allow.txt", cwd=tmp_path)
    assert code == 0, out
    marked = FOUNDING.replace(RUSSIAN, RUSSIAN + "  <!-- langscan: ignore -->")
    founding.write_text(marked, encoding="utf-8")
    code, out, _ = scan("page.txt", "--quiet", cwd=tmp_path)
    assert code == 1 and len(out.splitlines()) == 2 and RUSSIAN not in out


def test_baseline_round_trip(founding, tmp_path):
    code, _, err = scan("page.txt", "--write-baseline", ".langscan-baseline.json", cwd=tmp_path)
    assert code == 0 and "wrote 3 findings" in err
    base = json.loads((tmp_path / ".langscan-baseline.json").read_text(encoding="utf-8"))
    assert [e["line"] for e in base["results"]["page.txt"]] == [22, 28, 56]
    code, out, _ = scan(".", "--baseline", ".langscan-baseline.json", "--quiet", cwd=tmp_path)
    assert code == 0 and out == ""  # the baseline file itself is not scanned
    # edit elsewhere: the old findings move but stay known; a new one is reported
    founding.write_text("Breaking: a new intro paragraph.\n\n" + FOUNDING.rstrip("\n") + "\nЧитать далее\n", encoding="utf-8")
    code, out, _ = scan("page.txt", "--baseline", ".langscan-baseline.json", "--quiet", cwd=tmp_path)
    assert code == 1 and out.splitlines() == ['page.txt:59:1: script ru (Cyrillic, boilerplate) "Читать далее"']


def test_config_file_is_used_and_flags_override(founding, tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        f'[project]\nname = "x"\n\n[tool.langscan]\nallow = ["{RUSSIAN}"]\nexclude = ["drafts/**"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "x.txt").write_text("Черновик статьи\n", encoding="utf-8")
    code, out, _ = scan(".", "--quiet", cwd=tmp_path)
    assert code == 1 and len(out.splitlines()) == 2 and "drafts" not in out
    sub = tmp_path / "sub"
    sub.mkdir()
    code, out, _ = scan("../page.txt", "--quiet", cwd=sub)  # found by walking up
    assert len(out.splitlines()) == 2
    (tmp_path / ".langscan.toml").write_text('expect = "en"\nthreshhold = 0.5\n', encoding="utf-8")
    code, _, err = scan("page.txt", cwd=tmp_path)
    assert code == 2 and ".langscan.toml" in err and "threshhold" in err


def test_per_path_override_expects_french(tmp_path):
    fr = "Le conseil municipal a approuvé le nouveau budget mardi après un long débat sur les routes.\n"
    (tmp_path / "docs" / "fr").mkdir(parents=True)
    (tmp_path / "docs" / "fr" / "budget.md").write_text(fr, encoding="utf-8")
    (tmp_path / "docs" / "en.md").write_text(fr, encoding="utf-8")
    (tmp_path / ".langscan.toml").write_text('[[overrides]]\npaths = ["docs/fr/**"]\nexpect = ["fr"]\n', encoding="utf-8")
    code, out, _ = scan("docs", "--format", "jsonl", cwd=tmp_path)
    paths = {r["path"] for r in jsonl(out)}
    assert code == 1 and paths == {os.path.join("docs", "en.md")}


def test_jobs_keep_order_and_errors_in_place(tmp_path):
    lines, expected = [], []
    for i in range(1500):  # several chunks of work, so --jobs 2 really starts workers
        lines.append(json.dumps({"text": CLEAN if i % 50 else f"Item {i}. {RUSSIAN}"}))
        if i % 50 == 0:
            expected.append(len(lines))
        if i == 120:
            lines.append("{broken")
    (tmp_path / "big.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    r1 = scan("big.jsonl", "--format", "jsonl", "--jobs", "1", cwd=tmp_path)
    r2 = scan("big.jsonl", "--format", "jsonl", "--jobs", "2", cwd=tmp_path)
    assert r1[0] == r2[0] == 2 and r1[1] == r2[1]
    assert [r["record"] for r in jsonl(r1[1])] == expected
    assert "big.jsonl:122: error: malformed JSON" in r1[2]


def test_help_explains_every_option():
    r = CliRunner().invoke(app, ["scan", "--help"], env={"COLUMNS": "200", "TERM": "dumb"})
    assert r.exit_code == 0
    for opt in ("--expect", "--sensitivity", "--threshold", "--min-length", "--model", "--format", "--field", "--column",
                "--stdin-format", "--include", "--exclude", "--config", "--allow", "--allow-file", "--baseline",
                "--write-baseline", "--summary", "--quiet", "--jobs", "--no-color"):
        assert opt in r.stdout, opt
    assert "Example" in r.stdout and "Exit status" in r.stdout


def test_console_script_starts_without_loading_heavy_modules():
    code = (
        "import sys, langscan.cli, langscan.cli.scan; "
        "heavy = [m for m in ('fasttext', 'langdetect', 'pyarrow', 'zstandard') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_markdown_code_samples_are_not_findings(tmp_path):
    (tmp_path / "guide.md").write_text(
        "# Localisation\n\nCall `t(\"Привет\")` to greet.\n\n```js\nconst menu = [\"English\", \"Русский\"];\n```\n\n"
        f"Footer: {RUSSIAN}\n", encoding="utf-8")
    code, out, _ = scan("guide.md", "--quiet", cwd=tmp_path)
    assert code == 1 and out.splitlines() == [f'guide.md:9:9: script ru (Cyrillic, body) "{RUSSIAN}"']


def test_html_latin_footer_and_homoglyph_located_in_the_source():
    code, out, _ = scan(DATA / "formats" / "footer_page.html", "--format", "jsonl")
    rows = {(r["kind"], r["text"]): r for r in jsonl(out)}
    assert code == 1
    footer = rows[("latin", "Alle Rechte vorbehalten.")]
    assert footer["lang"] == "de" and (footer["line"], footer["column"]) == (5, 36)
    naval = rows[("homoglyph", "N\u0430val")]
    assert (naval["line"], naval["column"]) == (6, 13)
    assert not [r for r in rows.values() if r["line"] in (3, 4)]  # the English paragraphs are clean


def test_write_baseline_failure_is_exit_2(founding, tmp_path):
    code, _, err = scan("page.txt", "--write-baseline", "no/such/dir/b.json", cwd=tmp_path)
    assert code == 2 and "cannot write baseline" in err


def test_an_option_given_empty_or_out_of_range_is_an_error_not_the_default(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("The committee met on Tuesday.\nЗаголовок открываемого материала\n", encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(app, ["scan", str(page), "--expect", ""])
    assert r.exit_code == 2 and "--expect" in r.output and "empty" in r.output
    r = runner.invoke(app, ["scan", str(page), "--expect", ","])
    assert r.exit_code == 2
    for args in (["--samples", "-1"], ["--top", "-3"], ["--suggest-rules", "--min-count", "0"]):
        r = runner.invoke(app, ["report", str(page), "-f", "json", *args])
        assert r.exit_code == 2, args
    r = runner.invoke(app, ["scan", str(page)])  # (not given: the default, English)
    assert r.exit_code == 1 and "script ru" in r.output


def test_a_clean_size_limit_that_is_no_number_is_said_not_ignored(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("The committee met on Tuesday.\nЗаголовок открываемого материала\n", encoding="utf-8")
    env = dict(os.environ, LANGSCAN_CLEAN_MAX_BYTES="0")
    p = subprocess.run([sys.executable, "-m", "langscan", "clean", str(page), "-o", str(tmp_path / "out.txt")],
                       capture_output=True, text=True, env=env)
    assert p.returncode == 0 and "LANGSCAN_CLEAN_MAX_BYTES" in p.stderr and "not a positive number" in p.stderr
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "The committee met on Tuesday.\n"
