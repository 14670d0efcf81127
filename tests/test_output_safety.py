"""Outputs never destroy inputs, and output failures are clear errors (exit 2), through the real CLI.

Found by a hostile-input sweep: a --rejects file, a report or a baseline that is one of the
inputs; `clean x -o x`; a full disk or closed stream on stdout, stderr or stdin; a backup that
cannot be written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from langscan.cli import app

CLI = [sys.executable, "-c", "import sys; sys.argv[0] = 'langscan'; from langscan.cli import main; main()"]

PAGE = (
    "The committee met on Tuesday to discuss the budget for the coming year.\n"
    "Members agreed that the proposal needed more work before a vote.\n"
    "Заголовок открываемого материала\n"
    "The chair thanked everyone for attending and closed the meeting at noon.\n"
)
RECORDS = [
    {"id": 1, "text": "The committee met on Tuesday to discuss the budget for the coming year."},
    {"id": 2, "text": "Заголовок открываемого материала и все остальные новости дня"},
    {"id": 3, "text": "Members agreed that the proposal needed more work before a vote."},
]

needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")


def run(*args):
    """(exit code, stdout, stderr) of `langscan ARGS` in this process."""
    r = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def cli(*args, cwd=None, **kw):
    """`langscan ARGS` as a real process (the entry point's last-resort handler included)."""
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, cwd=cwd, **kw)


@pytest.fixture()
def page(tmp_path) -> Path:
    p = tmp_path / "minutes.txt"
    p.write_text(PAGE, encoding="utf-8")
    return p


@pytest.fixture()
def records(tmp_path) -> Path:
    p = tmp_path / "news.jsonl"
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    return p


# --- 1. --rejects naming an input or an output ------------------------------------------------

@pytest.mark.parametrize("how", [["--in-place"], ["-o", "{out}"], ["-o", "-"]])
def test_rejects_file_that_is_the_input_is_refused(records, tmp_path, how):
    before = records.read_bytes()
    out = tmp_path / "kept.jsonl"
    code, _, err = run("clean", records, "-a", "drop-record", *[h.format(out=out) for h in how],
                       "--rejects", records)
    assert code == 2
    assert err.count("\n") == 1 and "--rejects" in err and "nothing written" in err
    assert records.read_bytes() == before  # not emptied of its rejected record, nothing appended
    assert not out.exists()


def test_rejects_file_that_is_the_output_is_refused(records, tmp_path):
    before = records.read_bytes()
    out = tmp_path / "kept.jsonl"
    code, _, err = run("clean", records, "-a", "drop-record", "-o", out, "--rejects", tmp_path / "." / "kept.jsonl")
    assert code == 2 and "is the output" in err
    assert not out.exists() and records.read_bytes() == before


def test_rejects_file_of_its_own_still_gets_the_records(records, tmp_path):
    rejects = tmp_path / "rejected.jsonl"
    code, _, err = run("clean", records, "-a", "drop-record", "--in-place", "--rejects", rejects)
    assert code == 0, err
    assert [json.loads(line)["id"] for line in records.read_text(encoding="utf-8").splitlines()] == [1, 3]
    assert json.loads(rejects.read_text(encoding="utf-8"))["record"] == 2


# --- 2. report -o / --write-baseline naming an input ------------------------------------------

def test_report_output_that_is_an_input_is_refused(page, tmp_path):
    code, out, err = run("report", page, "-o", tmp_path / "." / page.name)
    assert code == 2 and "is the input" in err and "nothing written" in err
    assert page.read_text(encoding="utf-8") == PAGE  # not replaced by the HTML report


def test_write_baseline_that_is_an_input_is_refused(page):
    code, out, err = run("scan", page, "--write-baseline", page)
    assert code == 2 and "--write-baseline" in err and "is the input" in err
    assert page.read_text(encoding="utf-8") == PAGE  # not replaced by an empty baseline


def test_write_baseline_inside_a_scanned_folder_still_works(page, tmp_path):
    baseline = tmp_path / ".langscan-baseline.json"
    code, _, err = run("scan", tmp_path, "--write-baseline", baseline)
    assert code == 0, err
    assert len(json.loads(baseline.read_text(encoding="utf-8"))["results"]) == 1


# --- 3. clean -o naming the input itself ------------------------------------------------------

def test_clean_output_that_is_the_input_itself_is_refused(page):
    code, _, err = run("clean", page, "-o", page)
    assert code == 2 and "is the input itself" in err and "--in-place" in err
    assert page.read_text(encoding="utf-8") == PAGE


def test_clean_folder_onto_itself_is_refused(page, tmp_path):
    code, _, err = run("clean", tmp_path, "-o", tmp_path)
    assert code == 2 and "nothing written" in err
    assert page.read_text(encoding="utf-8") == PAGE


# --- 4. standard streams that fail ------------------------------------------------------------

@needs_dev_full
@pytest.mark.parametrize("command", [["scan", "{page}"], ["scan", "{page}", "-f", "json"], ["report", "{page}"],
                                     ["explain", "{page}"], ["languages"], ["clean", "-n", "{page}"],
                                     ["clean", "{page}", "-o", "-"]])
def test_full_stdout_is_a_clear_error(page, command):
    with open("/dev/full", "w") as full:
        r = subprocess.run([*CLI, *[c.format(page=page) for c in command]], stdout=full,
                           stderr=subprocess.PIPE, text=True)
    assert r.returncode == 2
    assert r.stderr.strip().splitlines()[-1] == \
        f"langscan {command[0]}: error: cannot write to standard output: No space left on device"
    assert "please report" not in r.stderr
    assert page.read_text(encoding="utf-8") == PAGE


@needs_dev_full
@pytest.mark.parametrize("name,text", [("empty.txt", ""), ("minutes.txt", PAGE)])
def test_full_stdout_and_stderr_exit_2(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")
    with open("/dev/full", "w") as full:
        r = subprocess.run([*CLI, "scan", tmp_path / name], stdout=full, stderr=full)
    assert r.returncode == 2  # an error, not 1 (findings)


def test_closed_stdin_is_a_clear_error(tmp_path):
    for command in (["scan", "-"], ["report", "-"], ["explain", "-"], ["clean", "-", "-o", tmp_path / "out.txt"]):
        # `<&-`: the process starts with no file descriptor 0 at all
        r = subprocess.run(["sh", "-c", 'exec "$@" <&-', "sh", *CLI, *map(str, command)],
                           capture_output=True, text=True)
        assert r.returncode == 2, command
        assert r.stderr == f"langscan {command[0]}: error: -: standard input is closed; nothing to read\n"
    assert not (tmp_path / "out.txt").exists()


# --- 5. failed writes: messages and counts ----------------------------------------------------

@pytest.mark.parametrize("name,content,action", [
    ("minutes.txt", PAGE, "strip"),  # streamed
    ("table.csv", "id,text\n1,The committee met on Tuesday to discuss the budget.\n"  # rewritten in memory
                  "2,Заголовок открываемого материала и все остальные новости дня\n", "drop-record"),
])
def test_backup_that_cannot_be_written_is_named_and_not_counted(tmp_path, name, content, action):
    src = tmp_path / name
    src.write_text(content, encoding="utf-8")
    (tmp_path / (name + ".bak")).mkdir()  # something that is not a file is in the backup's way
    code, _, err = run("clean", src, "--in-place", "--backup", "-a", action)
    assert code == 2
    assert f"cannot write the backup {src}.bak: Is a directory; original left untouched" in err
    assert "changed 0; 0 finding(s) acted on" in err
    assert src.read_text(encoding="utf-8") == content
