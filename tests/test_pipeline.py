"""One pipeline: scan, report, clean --dry-run and explain agree on the same tree, config included.

Every test runs the real CLI (in process, through click's test runner) and the real detector on
realistic text: the founding example (a scraped news page with Arabic and Russian boilerplate),
a French page with a Russian footer, a JSONL corpus.  The tree has a config with an exclude and a
per-path override, an allow-list file, a package.json: each of the issue-11 defects shows up here.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from langscan.cli import app

DATA = Path(__file__).parent / "data"
FOUNDING = (DATA / "founding_example.txt").read_text(encoding="utf-8")
RUSSIAN = "Заголовок открываемого материала"
ARABIC = "الدفاع الوطني - القناة الرسمية"
FRENCH = (
    "Le conseil municipal s'est réuni mardi soir pour voter le budget de l'année prochaine.\n"
    "Les travaux de la gare commenceront au printemps, a précisé la maire devant les habitants.\n"
    "Les associations du quartier demandent davantage de places dans les crèches et les écoles.\n"
    "Читать далее\n"
)
ENGLISH_RECORDS = [
    "The ferry to the islands was cancelled because of the storm, the operator said on Monday.",
    "Officials said the bridge would reopen after the inspection was finished next week.",
    "The library will extend its opening hours during the exam period, the university announced.",
]


def cli(*args, cwd, input=None):
    """(exit code, stdout, stderr) of `langscan ARGS` run in ``cwd``."""
    old = os.getcwd()
    try:
        os.chdir(cwd)
        r = CliRunner().invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)
    finally:
        os.chdir(old)
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture()
def tree(tmp_path):
    """A small repository: config with exclude + override, allow-list, vendor copy, French docs, JSONL, package.json."""
    (tmp_path / ".git").mkdir()  # the config search stops here
    (tmp_path / ".langscan.toml").write_text(
        'exclude = ["vendor/**"]\nallow-file = ".langscan-allow.txt"\n\n'
        '[[overrides]]\npaths = ["docs/fr/**"]\nexpect = ["fr"]\n', encoding="utf-8")
    # its comment is Russian: scanned, it would be a finding of its own
    (tmp_path / ".langscan-allow.txt").write_text("# термины, которые допустимы в тексте\nРусский\n",
                                                  encoding="utf-8")
    (tmp_path / "page.txt").write_text(FOUNDING, encoding="utf-8")
    (tmp_path / "vendor").mkdir()
    (tmp_path / "vendor" / "a.txt").write_text(FOUNDING, encoding="utf-8")
    (tmp_path / "docs" / "fr").mkdir(parents=True)
    (tmp_path / "docs" / "fr" / "guide.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "data.jsonl").write_text("".join(
        json.dumps({"id": i, "text": t + (f"\n{RUSSIAN}" if i == 1 else "")}, ensure_ascii=False) + "\n"
        for i, t in enumerate(ENGLISH_RECORDS)), encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "site", "description": "Сайт", "version": "1.0.0"}\n',
                                           encoding="utf-8")
    return tmp_path


def scan_fragments(cwd) -> list[tuple[str, str]]:
    code, out, err = cli("scan", ".", "--format", "jsonl", cwd=cwd)
    assert code == 1, err
    return sorted((d["path"], d["text"]) for d in map(json.loads, out.splitlines()))


def explain_fragments(cwd) -> list[tuple[str, str]]:
    code, out, err = cli("explain", ".", cwd=cwd)
    assert code == 1, err
    found, path = [], None
    for line in out.splitlines():
        if line.startswith("== "):
            path = line[3:].split(" record ")[0]
        m = re.match(r'  reported \d+:\d+ \w+ \w+ \(.*?\) "(.*)"$', line)
        if m:
            found.append((path, m.group(1)))
    return sorted(found)


def test_scan_report_clean_explain_agree_on_a_tree_with_excludes_and_overrides(tree):
    fragments = scan_fragments(tree)
    assert fragments == sorted([
        ("page.txt", ARABIC), ("page.txt", ARABIC), ("page.txt", RUSSIAN),
        ("docs/fr/guide.txt", "Читать далее"),  # French is expected there: only the Russian footer
        ("data.jsonl", RUSSIAN),
    ])  # vendor/ excluded, the allow-list and package.json are not scanned
    assert explain_fragments(tree) == fragments

    code, out, err = cli("report", ".", "--format", "json", "--samples", "100", cwd=tree)
    assert code == 0, err
    data = json.loads(out)
    # the report shows a recurring fragment once ("seen 2x"), so compare the distinct fragments
    assert sorted({s["text"] for s in data["samples"]}) == sorted({t for _p, t in fragments})
    assert data["totals"]["findings"] == len(fragments)

    code, out, err = cli("clean", ".", "--dry-run", "--action", "mask", "--mask-template", "⟦{lang}⟧",
                         "--kind", "script,latin,homoglyph,document", cwd=tree)
    assert code == 0, err
    changed = sorted(re.findall(r"^\+\+\+ b/(.*)$", out, re.M))
    assert changed == sorted({p for p, _t in fragments})
    masks = re.findall(r"⟦(\w+)⟧", "".join(l for l in out.splitlines() if l.startswith("+")))
    assert len(masks) == len(fragments)
    assert f"{len(fragments)} finding(s) acted on" in err


def test_walk_notes_a_json_file_that_is_not_records_and_baseline_writes(tree):
    code, out, err = cli("scan", ".", "--write-baseline", ".langscan-baseline.json", cwd=tree)
    assert code == 0, err
    assert "package.json: note: a JSON object, not a list of records" in err
    assert "has no field" not in err
    assert json.loads((tree / ".langscan-baseline.json").read_text(encoding="utf-8"))
    # the baseline itself is langscan's own file: the next scan neither reads it nor reports anything
    (tree / ".langscan.toml").write_text(
        (tree / ".langscan.toml").read_text(encoding="utf-8").replace(
            "exclude", 'baseline = ".langscan-baseline.json"\nexclude', 1), encoding="utf-8")
    code, out, err = cli("scan", ".", "--format", "jsonl", cwd=tree)
    assert code == 0 and out == "", err


def test_a_json_file_nested_too_deeply_met_in_a_directory_walk_is_an_input_error(tmp_path):
    # the walk sniffs each .json file's first record; a list nested 100,000 deep must not end the run
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Заголовок открываемого материала\n", encoding="utf-8")
    code, out, err = cli("scan", ".", "--format", "jsonl", cwd=tmp_path)
    assert code == 2, err
    assert "nested too deeply" in err and "unexpected failure" not in err
    assert [json.loads(l)["text"] for l in out.splitlines()] == ["Заголовок открываемого материала"]


def test_own_files_named_explicitly_are_not_scanned(tree):
    # pre-commit passes every changed file by name, the allow-list included
    code, out, err = cli("scan", ".langscan-allow.txt", ".langscan.toml", "--format", "jsonl", cwd=tree)
    assert (code, out, err) == (0, "", "")


def test_explain_reads_html_like_scan(tmp_path):
    page = DATA / "formats" / "news_page.html"
    code, out, _ = cli("scan", page, "--format", "jsonl", cwd=tmp_path)
    scanned = [json.loads(l)["text"] for l in out.splitlines()]
    code, out, err = cli("explain", page, cwd=tmp_path)
    # (explain shows a finding's line breaks escaped, on one line)
    assert re.findall(r'^  reported .*? "(.*)"$', out, re.M) == [t.replace("\n", "\\n") for t in scanned]
    assert "<meta" not in out and "font-family" not in out  # markup is not text


def test_explain_reads_compressed_jsonl_records_at_their_file_position(tmp_path):
    rec = {"id": 7, "text": f"{ENGLISH_RECORDS[0]}\n{RUSSIAN}"}
    with gzip.open(tmp_path / "d.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": 6, "text": ENGLISH_RECORDS[1]}) + "\n")
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    code, out, err = cli("explain", "d.jsonl.gz", cwd=tmp_path)
    assert code == 1, err
    assert "== d.jsonl.gz record 2 field text" in out
    col = json.dumps(rec, ensure_ascii=False).index(RUSSIAN) + 1
    assert f"  reported 2:{col} script ru (Russian) \"{RUSSIAN}\"" in out
    assert '"id"' not in out  # the JSON syntax is not explained, the field's text is


def test_explain_uses_the_configs_expect(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".langscan.toml").write_text('expect = ["French"]\n', encoding="utf-8")
    (tmp_path / "guide.txt").write_text(FRENCH, encoding="utf-8")
    code, out, err = cli("explain", "guide.txt", cwd=tmp_path)
    assert code == 1, err
    assert re.findall(r'^  reported .*? "(.*)"$', out, re.M) == ["Читать далее"]
    assert "--expect fr" in out


def test_explain_all_shows_every_line_it_read(tmp_path):
    text = "\n".join(ENGLISH_RECORDS) + "\n"
    (tmp_path / "clean.txt").write_text(text, encoding="utf-8")
    code, out, err = cli("explain", "clean.txt", "--all", cwd=tmp_path)
    assert code == 0, err
    shown = re.findall(r'^(\d+):1: pass line +"(.*)"$', out, re.M)
    assert [int(n) for n, _ in shown] == [1, 2, 3]
    assert "0 unit(s) shown" not in out


def test_clean_tab_file_is_tsv_and_only_the_selected_column_changes(tmp_path):
    rows = [("1", f"{ENGLISH_RECORDS[0]} {RUSSIAN}", f"note {RUSSIAN}"), ("2", ENGLISH_RECORDS[1], "ok")]
    (tmp_path / "x.tab").write_text("id\ttext\tnote\n" + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    code, _out, err = cli("clean", "x.tab", "-o", "y.tab", cwd=tmp_path)
    assert code == 0, err
    lines = (tmp_path / "y.tab").read_text(encoding="utf-8").splitlines()
    assert lines[1].split("\t") == ["1", ENGLISH_RECORDS[0], f"note {RUSSIAN}"]  # 'note' was not selected
    assert lines[2] == "\t".join(rows[1])


def test_clean_reads_stdin_like_scan(tmp_path):
    text = f"{ENGLISH_RECORDS[0]}\n{RUSSIAN}\n{ENGLISH_RECORDS[1]}\n"
    code, out, err = cli("clean", "-", "-o", "-", "--action", "drop-line", cwd=tmp_path, input=text)
    assert code == 0, err
    assert out == f"{ENGLISH_RECORDS[0]}\n{ENGLISH_RECORDS[1]}\n"


def test_clean_walk_notes_html_it_cannot_rewrite(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "page.html").write_text(f"<p>{ENGLISH_RECORDS[0]}</p><p>{RUSSIAN}</p>", encoding="utf-8")
    (tmp_path / "d" / "a.txt").write_text(f"{ENGLISH_RECORDS[0]}\n{RUSSIAN}\n", encoding="utf-8")
    code, _out, err = cli("clean", "d", "--dry-run", cwd=tmp_path)
    assert code == 0, err
    assert "page.html: note: clean cannot rewrite this format yet" in err


def test_clean_text_summary_does_not_count_records(tmp_path):
    (tmp_path / "a.txt").write_text(f"{ENGLISH_RECORDS[0]}\n{RUSSIAN}\n", encoding="utf-8")
    code, _out, err = cli("clean", "a.txt", "--dry-run", cwd=tmp_path)
    assert code == 0 and "record" not in err and "1 finding(s) acted on" in err


def test_drop_record_rejects_give_file_position_and_field_and_stay_compressed(tmp_path):
    lines = [json.dumps({"id": 0, "text": ENGLISH_RECORDS[0]}),
             json.dumps({"id": 1, "text": f"{ENGLISH_RECORDS[1]}\n{RUSSIAN}"}, ensure_ascii=False)]
    with gzip.open(tmp_path / "in.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    code, _out, err = cli("clean", "in.jsonl.gz", "--action", "drop-record", "-o", "kept.jsonl.gz", cwd=tmp_path)
    assert code == 0, err
    rejects = tmp_path / "kept.rejects.jsonl.gz"
    with gzip.open(rejects, "rt", encoding="utf-8") as fh:  # compressed like the output
        (rej,) = [json.loads(l) for l in fh]
    (reason,) = rej["reasons"]
    assert (reason["line"], reason["column"], reason["field"]) == (2, lines[1].index(RUSSIAN) + 1, "text")
    with gzip.open(tmp_path / "kept.jsonl.gz", "rt", encoding="utf-8") as fh:
        assert [json.loads(l)["id"] for l in fh] == [0]


def test_clean_drop_record_with_a_three_letter_code_keeps_english(tmp_path):
    # `--expect eng` used to be taken as an unknown language: every English record was rejected
    (tmp_path / "en.jsonl").write_text("".join(json.dumps({"text": t}) + "\n" for t in ENGLISH_RECORDS),
                                       encoding="utf-8")
    code, _out, err = cli("clean", "en.jsonl", "--expect", "eng", "--action", "drop-record", "-o", "kept.jsonl",
                          cwd=tmp_path)
    assert code == 0, err
    assert len((tmp_path / "kept.jsonl").read_text(encoding="utf-8").splitlines()) == len(ENGLISH_RECORDS)
    assert not (tmp_path / "kept.jsonl.rejects.jsonl").exists()


@pytest.mark.parametrize("command", ["scan", "explain", "report", "clean"])
def test_unknown_language_is_a_usage_error_with_suggestions(tmp_path, command):
    (tmp_path / "a.txt").write_text(ENGLISH_RECORDS[0] + "\n", encoding="utf-8")
    extra = ["--dry-run"] if command == "clean" else []
    code, out, err = cli(command, "a.txt", "--expect", "englsh", *extra, cwd=tmp_path)
    assert code == 2 and out == ""
    assert f"langscan {command}: error: --expect: unknown language 'englsh'; did you mean en (English)" in err


@pytest.mark.parametrize("command", ["scan", "explain", "report", "clean"])
def test_every_command_has_examples_plain_types_and_one_jobs_default(tmp_path, command):
    code, out, _ = cli(command, "--help", cwd=tmp_path)
    assert code == 0
    assert "Examples:" in out and "<" not in out.replace("<stdin>", "")  # no "<list[str]>", "<bool>"
    assert "[default:" not in out  # a default is said once, in words
    assert ".langscan.toml" in out and " langscan.toml" not in out
    if command != "explain":
        assert re.search(r"--jobs N +Worker processes; 0 means one per CPU", out)
    for line in re.findall(r"^  (-[^ ].*?)  ", out, re.M):
        assert "--help" in line or line.strip(), line


@pytest.mark.parametrize("command", ["scan", "explain", "report", "clean"])
def test_help_examples_cover_every_option(tmp_path, command):
    code, out, _ = cli(command, "--help", cwd=tmp_path)
    options = re.findall(r"^  (?:-\w, )?(--[\w-]+)", out, re.M)
    assert "--expect" in options and "--config" in options  # one plain line an option
    helps = re.split(r"^  (?=-)", out, flags=re.M)
    for opt in options:
        if opt == "--help":
            continue
        block = next(b for b in helps if re.match(rf"(?:-\w, )?{opt}\b", b))
        assert "Example" in block, opt


def test_stdin_formats_in_help_match_the_readers():
    from langscan.cli._help import STDIN_FORMATS
    from langscan.readers import STDIN_FORMATS as READERS

    assert STDIN_FORMATS == READERS


def test_progress_stays_off_stderr_when_not_a_terminal(tree):
    code, out, err = cli("scan", ".", "--format", "jsonl", cwd=tree)
    assert "\r" not in err and "B/s" not in err


def test_progress_bar_on_a_terminal_shows_bytes_rate_and_time_left(tmp_path):
    """stderr on a pseudo-terminal: a tqdm bar (bytes of the total, rate, ETA); stdout stays clean."""
    import fcntl
    import pty
    import struct
    import subprocess
    import sys
    import termios
    import threading

    data = tmp_path / "news.jsonl"
    data.write_text("".join(json.dumps({"text": ENGLISH_RECORDS[i % 3] + f" Item {i}."}) + "\n"
                            for i in range(300)), encoding="utf-8")
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))
    env = dict(os.environ, LANGSCAN_PROGRESS_DELAY="0", PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    proc = subprocess.Popen([sys.executable, "-m", "langscan", "scan", str(data), "--jobs", "1"],
                            stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    chunks: list[bytes] = []

    def read():
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    out, _ = proc.communicate(timeout=300)
    reader.join(timeout=10)
    os.close(master)
    err = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert out.decode().splitlines() == ["langscan: no findings (1 file, 300 texts scanned)"]
    assert "scanning:" in err and "B/s" in err and "/" in err  # bytes read of the total, and the rate
    assert re.search(r"\d+(\.\d+)?[kM]?/\d+(\.\d+)?[kM]?", err)


def test_messages_name_the_script_only_when_the_language_does_not(tmp_path):
    (tmp_path / "page.txt").write_text(FOUNDING, encoding="utf-8")
    code, out, _ = cli("scan", "page.txt", "--format", "github", cwd=tmp_path)
    assert code == 1
    assert f'::Stray Arabic fragment: "{ARABIC}"' in out  # not "Stray Arabic (Arabic) fragment"
    assert f'::Stray Russian fragment in Cyrillic script: "{RUSSIAN}"' in out


def test_public_api_is_one_import_and_loads_no_model():
    import subprocess
    import sys

    code = ("import sys, langscan; "
            "heavy = [m for m in ('langscan.detector', 'fasttext', 'langdetect', 'click') if m in sys.modules]; "
            "names = [n for n in langscan.__all__ if getattr(langscan, n, None) is None]; "
            "print(heavy, names)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))).stdout
    assert out.strip() == "[] []"
    import langscan

    assert {"Detector", "DetectorOptions", "Finding", "Pipeline", "Request", "Scanned", "UsageError",
            "LangscanError", "ConfigError", "parse_languages"} <= set(langscan.__all__)
    assert issubclass(langscan.ConfigError, langscan.UsageError)
    assert issubclass(langscan.UsageError, langscan.LangscanError) and issubclass(langscan.UsageError, ValueError)


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["scan", "--help"], ["clean", "--help"]])
def test_version_and_help_load_no_model_and_no_pydantic(argv):
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "langscan", *argv], capture_output=True,
                       text=True, env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1])))
    assert r.returncode == 0 and r.stdout
    imported = {line.rsplit("|", 1)[-1].strip() for line in r.stderr.splitlines() if "|" in line}
    for heavy in ("langscan.detector", "langscan.lexicon", "fasttext", "langdetect", "pydantic", "typer"):
        assert heavy not in imported, heavy
    if argv == ["--version"]:
        assert "click" not in imported


def _format_files(tmp_path) -> list[str]:
    """The same story with a Russian footer in every format the readers know."""
    story = f"{ENGLISH_RECORDS[0]} {RUSSIAN}"
    (tmp_path / "a.txt").write_text(story + "\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(f"# News\n\n{story}\n\n`{RUSSIAN}` in code is not prose\n", encoding="utf-8")
    (tmp_path / "a.html").write_text(f"<html><head><title>x</title><style>p{{font-family:'Noto Sans'}}</style>"
                                     f"</head><body><p>{story}</p></body></html>\n", encoding="utf-8")
    rec = json.dumps({"text": story}, ensure_ascii=False)
    (tmp_path / "a.jsonl").write_text(rec + "\n", encoding="utf-8")
    (tmp_path / "a.json").write_text(f"[{rec}]\n", encoding="utf-8")
    (tmp_path / "a.csv").write_text(f'id,text\n1,"{story}"\n', encoding="utf-8")
    (tmp_path / "a.tsv").write_text(f"id\ttext\n1\t{story}\n", encoding="utf-8")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(rec + "\n")
    names = ["a.txt", "a.md", "a.html", "a.jsonl", "a.json", "a.csv", "a.tsv", "b.jsonl.gz"]
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.table({"text": [story]}), tmp_path / "a.parquet")
        names.append("a.parquet")
    except ImportError:  # the [parquet] extra; the other formats are still checked
        pass
    return names


def test_explain_reports_what_scan_reports_on_every_format(tmp_path):
    for name in _format_files(tmp_path):
        code, out, err = cli("scan", name, "--format", "jsonl", cwd=tmp_path)
        assert code == 1, (name, err)
        scanned = [(d["line"], d["column"], d["text"]) for d in map(json.loads, out.splitlines())]
        assert [t for *_pos, t in scanned] == [RUSSIAN], name
        code, out, err = cli("explain", name, cwd=tmp_path)
        assert code == 1, (name, err)
        explained = [(int(l), int(c), t) for l, c, t in
                     re.findall(r'^  reported (\d+):(\d+) \w+ \w+ \(.*?\) "(.*)"$', out, re.M)]
        assert explained == scanned, name


def test_inline_marker_in_a_record_is_honoured_by_clean_as_by_scan(tmp_path):
    recs = [{"text": f"{ENGLISH_RECORDS[0]}\n{RUSSIAN}\nlangscan: ignore"}, {"text": f"{ENGLISH_RECORDS[1]}\n{RUSSIAN}"}]
    (tmp_path / "d.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    code, out, _ = cli("scan", "d.jsonl", "--format", "jsonl", cwd=tmp_path)
    assert [json.loads(l)["record"] for l in out.splitlines()] == [2]
    code, _out, err = cli("clean", "d.jsonl", "--action", "drop-record", "-o", "kept.jsonl", cwd=tmp_path)
    assert code == 0, err
    kept = [json.loads(l) for l in (tmp_path / "kept.jsonl").read_text(encoding="utf-8").splitlines()]
    assert kept == recs[:1]
