"""Issue 14, part 3: every bad input is a message naming the file (and position), exit 2, and
the scan goes on; never a Python traceback with exit 1. One test per input that once broke it."""

from __future__ import annotations

import json
import os
import sys

import pytest

from conftest import ENGLISH, RUSSIAN

DEEP = '{"text": "Hello there, a record with deep data.", "x": ' + "[" * 1000 + "]" * 1000 + "}"
SECOND = json.dumps({"text": f"The second record is read. {RUSSIAN}"}, ensure_ascii=False)


def test_jsonl_record_nested_1000_deep(tmp_path, cli):
    f = tmp_path / "deep.jsonl"
    f.write_text(DEEP + "\n" + SECOND + "\n", encoding="utf-8")
    r = cli("scan", f)
    assert r.returncode == 2, r
    assert "deep.jsonl:1: error: record nested too deeply" in r.stderr
    assert "deep.jsonl:2:" in r.stdout and "[record 2, field text]" in r.stdout  # the scan went on


def test_json_array_record_nested_1000_deep(tmp_path, cli):
    f = tmp_path / "deep.json"
    f.write_text("[" + SECOND + ",\n" + DEEP + "]", encoding="utf-8")
    r = cli("scan", f)
    assert r.returncode == 2, r
    assert "deep.json:2: error: record 2 nested too deeply" in r.stderr
    assert "[record 1, field text]" in r.stdout


def test_clean_jsonl_record_nested_1000_deep(tmp_path, cli):
    f = tmp_path / "deep.jsonl"
    f.write_text(DEEP + "\n" + SECOND + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = cli("clean", f, "-o", out)
    assert r.returncode == 2, r
    assert "deep.jsonl:1: JSON record nested too deeply" in r.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == DEEP and RUSSIAN not in lines[1]  # kept byte for byte; the rest cleaned


def test_integer_of_5000_digits(tmp_path, cli):
    f = tmp_path / "big.jsonl"
    f.write_text('{"n": ' + "9" * 5000 + ', "text": "A headline. ' + RUSSIAN + '"}\n', encoding="utf-8")
    r = cli("scan", f)
    assert r.returncode == 1, r  # read normally: the number is not the scanned field
    assert RUSSIAN in r.stdout
    out = tmp_path / "out.jsonl"
    r = cli("clean", f, "-o", out)
    assert r.returncode == 0, r
    cleaned = out.read_text(encoding="utf-8")
    assert "9" * 5000 in cleaned and RUSSIAN not in cleaned


def test_lone_surrogate_in_fingerprint_and_outputs(tmp_path, cli):
    f = tmp_path / "s.jsonl"
    f.write_text('{"text": "The report was published. \\ud800 ' + RUSSIAN + '"}\n', encoding="utf-8")
    bl = tmp_path / "bl.json"
    assert cli("scan", f, "--write-baseline", bl).returncode == 0
    assert cli("scan", f, "--baseline", bl).returncode == 0  # the recorded finding is known again
    for fmt in ("text", "json", "jsonl", "sarif", "csv", "github"):
        r = cli("scan", f, "--format", fmt)
        assert r.returncode == 1, (fmt, r)
    out = tmp_path / "out.jsonl"
    r = cli("clean", f, "-o", out)
    assert r.returncode == 0, r
    assert out.read_text(encoding="utf-8") == '{"text": "The report was published. \\ud800"}\n'


@pytest.mark.parametrize("charset", ["zlib", "base64", "idna", "rot13", "hex", "uu", "utf-7", "x-user-defined"])
def test_html_meta_charset_that_is_not_a_page_encoding(tmp_path, cli, charset):
    f = tmp_path / "p.html"
    f.write_text(f'<html><head><meta charset="{charset}"></head><body><p>{ENGLISH}</p><p>{RUSSIAN}</p></body></html>',
                 encoding="utf-8")
    r = cli("scan", f)
    assert r.returncode in (1, 2), r
    if charset != "x-user-defined":
        assert RUSSIAN in r.stdout  # read as UTF-8


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_undecodable_file_name_with_strict_utf8_output(tmp_path, cli):
    d = tmp_path / "d"
    d.mkdir()
    name = os.path.join(os.fsencode(d), b"bad\xff\x1b[2Jname.txt")
    with open(name, "wb") as fh:
        fh.write(f"{ENGLISH}{RUSSIAN}\n".encode())
    env = dict(os.environ, PYTHONIOENCODING="utf-8:strict")
    for fmt in ("text", "json", "jsonl", "sarif", "csv", "github"):
        r = cli("scan", d, "--format", fmt, env=env)
        assert r.returncode == 1, (fmt, r)
        assert "\x1b" not in r.stdout and "\x1b" not in r.stderr
    r = cli("scan", d, env=env)
    assert "bad\\xff\\x1b[2Jname.txt:2:1: script ru" in r.stdout


CONFIGS = [  # (file name, content, words the message must hold)
    (".langscan.toml", "tool = 5\n", "'tool' must be a table"),
    (".langscan.toml", "[tool]\nlangscan = 5\n", "'tool.langscan' must be a table"),
    ("pyproject.toml", "tool = 5\n", "'tool' must be a table"),
    ("pyproject.toml", "[tool]\nlangscan = [1]\n", "'tool.langscan' must be a table"),
    (".langscan.toml", "overrides = 5\n", "key 'overrides'"),
    (".langscan.toml", "[[overrides]]\npaths = 5\n", "key 'paths'"),
    (".langscan.toml", "x = " + "[" * 600 + "]" * 600 + "\n", "invalid TOML"),
    (".langscan.toml", "min-length = " + "9" * 5000 + "\n", "invalid TOML"),
    (".langscan.toml", 'include = ["[z-a]"]\n', None),  # an invalid glob class: literal characters
]
BASELINES = [  # (content, words the message must hold)
    ('{"version": 1, "results": {"a.txt": [1]}}', "results[\"a.txt\"][0]"),
    ('{"version": 1, "results": {"a.txt": [{}]}}', "must be an object with a 'fingerprint'"),
    ('{"version": 1, "results": {"a.txt": 5}}', "must be a list"),
    ('{"version": 1, "results": {"a.txt": [{"fingerprint": 7}]}}', "'fingerprint' string"),
    ('{"version": 1, "results": {"a": [' + "[" * 1000 + "]" * 1000 + "]}}", "cannot read baseline"),
    ('{"version": ' + "9" * 5000 + "}", "cannot read baseline"),
]


@pytest.mark.parametrize("name,content,words", CONFIGS, ids=[c[1][:20] for c in CONFIGS])
def test_malformed_config_shape(tmp_path, cli, name, content, words):
    (tmp_path / ".git").mkdir()
    (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    r = cli("scan", "a.txt", cwd=tmp_path)
    if words is None:
        assert r.returncode == 0, r
        return
    assert r.returncode == 2, r
    assert name in r.stderr and words in r.stderr


@pytest.mark.parametrize("content,words", BASELINES, ids=[b[0][:30] for b in BASELINES])
def test_malformed_baseline_shape(tmp_path, cli, content, words):
    (tmp_path / "a.txt").write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    (tmp_path / "bl.json").write_text(content, encoding="utf-8")
    r = cli("scan", "a.txt", "--baseline", "bl.json", cwd=tmp_path)
    assert r.returncode == 2, r
    assert "bl.json" in r.stderr and words in r.stderr


@pytest.mark.parametrize("template", ["{lang.nope}", "{lang.__class__}", "{lang[0]}", "{0}", "{lang:{kind}}",
                                      "{lang:>99999999}", "{nope}"])
def test_mask_template_only_documented_fields(tmp_path, cli, template):
    f = tmp_path / "a.txt"
    f.write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    r = cli("clean", f, "--action", "mask", "--mask-template", template, "-o", tmp_path / "o.txt")
    assert r.returncode == 2, r
    assert "bad --mask-template" in r.stderr
    assert not (tmp_path / "o.txt").exists()


def test_mask_template_documented_fields_work(tmp_path, cli):
    f = tmp_path / "a.txt"
    f.write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    r = cli("clean", f, "--action", "mask", "--mask-template", "<{kind} {lang!s} {lang_name} {script:.4}>",
            "-o", tmp_path / "o.txt")
    assert r.returncode == 0, r
    assert (tmp_path / "o.txt").read_text(encoding="utf-8") == ENGLISH + "<script ru Russian Cyri>\n"


def test_last_resort_handler_prints_one_line(tmp_path):
    """An unforeseen exception inside a command: one line on stderr, exit 2, no traceback."""
    import subprocess

    code = ("import sys; sys.argv = ['langscan', 'scan', sys.argv[1]]\n"
            "import langscan.cli._scanrun as s\n"
            "def boom(*a, **k): raise RuntimeError('simulated failure')\n"
            "s.run = boom\n"
            "from langscan.cli import main; main()\n")
    f = tmp_path / "a.txt"
    f.write_text(ENGLISH, encoding="utf-8")
    r = subprocess.run([sys.executable, "-c", code, str(f)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2, r
    assert "Traceback" not in r.stderr and "╭" not in r.stderr
    lines = [l for l in r.stderr.splitlines() if l.strip()]
    assert len(lines) == 1 and "RuntimeError: simulated failure" in lines[0]


_PURPOSEFUL = ["langscan.lid:ModelError", "langscan.parallel:WorkerDied", "langscan.clean.atomic:WriteError",
               "langscan.clean.codec:DecodeError", "langscan.clean.rules:RuleError",
               "langscan.clean.rules:RuleTimeout", "langscan.clean.formats:FormatError",
               "langscan.readers.compression:MissingExtra", "langscan.readers.jsonpath:RecordError",
               "langscan.config:ConfigError", "langscan.baseline:BaselineError", "langscan.policy:PolicyError"]


@pytest.mark.parametrize("name", _PURPOSEFUL)
def test_errors_raised_on_purpose_share_one_base(name):
    """A caller of the library catches `LangscanError` and gets every error langscan raises on purpose
    (each keeps its old base too: ValueError, RuntimeError)."""
    from importlib import import_module

    import langscan

    module, cls = name.split(":")
    assert issubclass(getattr(import_module(module), cls), langscan.LangscanError)


@pytest.mark.parametrize("command", ["scan", "report", "clean", "explain"])
@pytest.mark.parametrize("name", _PURPOSEFUL)
def test_errors_raised_on_purpose_are_one_line_in_every_command(tmp_path, command, name):
    """Wherever such an error escapes a command (or a file, where clean handles it per file), its message
    is one line, exit 2: not a traceback, and not the "unexpected failure; please report it" line."""
    import subprocess

    module, cls = name.split(":")
    extra = {"scan": "", "report": ", '-o', sys.argv[2]", "clean": ", '-o', sys.argv[2]", "explain": ""}[command]
    code = (f"import sys; sys.argv = ['langscan', {command!r}, sys.argv[1]{extra}]\n"
            f"from {module} import {cls} as E\n"
            "import langscan.pipeline as p\n"
            "def boom(*a, **k): raise E('simulated: the model file is damaged')\n"
            "p.Pipeline.scan = p.Pipeline.explain = p.Pipeline.findings_for = boom\n"
            "import langscan.report as r\n"
            "r.collect = boom\n"
            "from langscan.cli import main; main()\n")
    f = tmp_path / "a.txt"
    f.write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-c", code, str(f), str(tmp_path / "out")], capture_output=True, text=True,
                       timeout=120)
    lines = [l for l in r.stderr.splitlines() if l.strip()]
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr and "unexpected failure" not in r.stderr, r.stderr
    said = [l for l in lines if "simulated: the model file is damaged" in l]
    assert len(said) == 1, r.stderr  # the command's own error line, or the file's where it is per file
    assert said[0].startswith((f"langscan {command}: error: ", f"{f}: error: ")), r.stderr


@pytest.mark.parametrize("command", ["scan", "report", "clean", "explain"])
def test_a_file_that_is_not_a_model(tmp_path, cli, command):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"not a fastText model\n")
    f = tmp_path / "a.txt"
    f.write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    extra = {"scan": [], "report": ["-o", tmp_path / "r.html"], "clean": ["-o", tmp_path / "o.txt"], "explain": []}
    r = cli(command, f, "--model", bad, *extra[command])
    assert r.returncode == 2, r
    assert f"langscan {command}: error: cannot load fastText model" in r.stderr, r
    assert "unexpected failure" not in r.stderr
    assert not (tmp_path / "r.html").exists() and not (tmp_path / "o.txt").exists()
