"""Every shell and Python example in README.md and docs/*.md is run here.

Conventions of the pages (checked below):

* ```` ```console ```` blocks: each ``$ command`` runs in bash; the lines under it, if any, are its
  expected output (stdout and stderr together), where a line ``...`` stands for any number of lines.
  A command must exit 0 or 1 (1: findings were reported), unless the page shows ``# exit 2``.
* ```` ```sh ```` blocks: every line is a command, run the same way, output not compared.
* ```` ```python ```` blocks: run as a script; it must exit 0.
* any other fence (``yaml``, ``toml``, ``json``, ``text``, none) is data or a sample of output, not run.

All blocks of one page run in order in one sandbox folder holding the sample files the pages use
(``page.txt`` is the founding example, ``corpus/``, ``news.jsonl``, ``crawl.jsonl.gz``, ``captions.csv``,
``site/``, ``crawl/``, ``tests/data/``).  Two commands are not run here because they cannot run inside
the test suite: ``pip install .`` (tests/test_packaging.py installs the built wheel in a fresh virtual
environment and scans the founding example with it) and the test command itself (checked to be what
``.ci/run`` runs, verbatim).  The README's pre-commit snippet is run by tests/test_precommit.py.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
PAGES = [ROOT / "README.md"] + sorted((ROOT / "docs").glob("*.md"))
RUN_LANGS = {"console", "sh", "python"}
NOT_RUN = {"pip install .", "python -m pip install -e \".[dev]\"", "python -m pytest -q"}
RUSSIAN = "Заголовок открываемого материала"
STORIES = [
    "The harbour authority approved the new ferry timetable on Tuesday after a long public debate.",
    "Officials said the bridge would reopen after the inspection was finished next week.",
    "The library will extend its opening hours during the exam period, the university announced.",
]


def blocks(page: Path) -> list[tuple[str, str, int]]:
    """(language, body, line number) of every fenced block of a page."""
    out, lang, body, start = [], None, [], 0
    for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        m = re.match(r"^\s*```(\S*)\s*$", line)
        if m and lang is None:
            lang, body, start = m.group(1) or "text", [], n
        elif m and lang is not None and not m.group(1):
            out.append((lang, "\n".join(body), start))
            lang = None
        elif lang is not None:
            body.append(line)
    assert lang is None, f"{page.name}: unclosed fence at line {start}"
    return out


def console_steps(body: str) -> list[tuple[str, list[str]]]:
    steps: list[tuple[str, list[str]]] = []
    pending = ""
    for line in body.splitlines():
        if pending:  # a command continued with a backslash
            pending += "\n" + line
            if not line.endswith("\\"):
                steps.append((pending, []))
                pending = ""
        elif line.startswith("$ "):
            if line.endswith("\\"):
                pending = line[2:]
            else:
                steps.append((line[2:], []))
        else:
            assert steps, f"output before any command: {line!r}"
            steps[-1][1].append(line)
    return steps


def sandbox(tmp: Path) -> Path:
    """The sample files the pages' examples use."""
    shutil.copytree(DATA, tmp / "tests" / "data")
    founding = (DATA / "founding_example.txt").read_text(encoding="utf-8")
    (tmp / "page.txt").write_text(founding, encoding="utf-8")
    (tmp / "corpus").mkdir()
    (tmp / "corpus" / "a.txt").write_text(founding, encoding="utf-8")
    for i, story in enumerate(STORIES):
        (tmp / "corpus" / f"story{i}.txt").write_text(f"{story}\n\n{RUSSIAN}\n", encoding="utf-8")
    records = [{"id": 0, "text": STORIES[0]}, {"id": 1, "text": founding}, {"id": 2, "text": STORIES[1]}]
    (tmp / "news.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                                    encoding="utf-8")
    with gzip.open(tmp / "crawl.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("".join(json.dumps({**r, "meta": {"title": f"Story {r['id']}"}}, ensure_ascii=False) + "\n"
                         for r in records))
    (tmp / "crawl").mkdir()
    shutil.copy(ROOT / "examples" / "data" / "sample.jsonl", tmp / "crawl" / "part0.jsonl")
    (tmp / "captions.csv").write_text(
        "id,caption\n1,Russian pilots board the attack plane. " + RUSSIAN + "\n2," + STORIES[2] + "\n",
        encoding="utf-8")
    (tmp / "site").mkdir()
    for p in (DATA / "formats").glob("*.html"):
        shutil.copy(p, tmp / "site" / p.name)
    return tmp


def env(box: Path) -> dict:
    """This checkout's langscan first: a `langscan` command running it, and its package on the path."""
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")
    bindir = box / ".bin"
    if not bindir.exists():
        bindir.mkdir()
        (bindir / "langscan").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m langscan "$@"\n', encoding="utf-8")
        (bindir / "langscan").chmod(0o755)
    e["PATH"] = f"{bindir}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{e.get('PATH', '')}"
    e.pop("NO_COLOR", None)
    e["COLUMNS"] = "100"
    return e


def matches(expected: list[str], actual: list[str]) -> bool:
    """Do the shown lines appear in the actual output, in order, '...' standing for any lines?"""
    if not expected:
        return True
    i = 0
    for k, line in enumerate(expected):
        if line.strip() == "...":
            rest = expected[k + 1:]
            return any(matches(rest, actual[j:]) for j in range(i, len(actual) + 1))
        if i >= len(actual) or actual[i].rstrip() != line.rstrip():
            return False
        i += 1
    return i == len(actual)


def run_command(cmd: str, cwd: Path, where: str, expected: list[str] | None = None) -> None:
    wanted_code = 2 if re.search(r"#\s*exit 2\s*$", cmd) else None
    for skip in NOT_RUN:
        if cmd.strip() == skip:
            return
        if cmd.startswith(skip + " && "):
            cmd = cmd[len(skip) + 4:]
    r = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=cwd, env=env(cwd), capture_output=True,
                       text=True, timeout=600)
    out = (r.stdout + r.stderr).splitlines()
    if wanted_code is not None:
        assert r.returncode == wanted_code, f"{where}: {cmd}\n{r.stdout}{r.stderr}"
    else:
        assert r.returncode in (0, 1), f"{where}: {cmd} exited {r.returncode}\n{r.stdout}{r.stderr}"
    if expected:
        assert matches(expected, out), f"{where}: {cmd}\n--- shown\n" + "\n".join(expected) + \
            "\n--- got\n" + "\n".join(out)


def page_id(p: Path) -> str:
    return str(p.relative_to(ROOT))


@pytest.mark.parametrize("page", [p for p in PAGES if any(l in RUN_LANGS for l, *_ in blocks(p))], ids=page_id)
def test_examples_run(page, tmp_path):
    box = sandbox(tmp_path)
    for lang, body, line in blocks(page):
        where = f"{page_id(page)}:{line}"
        if lang == "console":
            for cmd, expected in console_steps(body):
                run_command(cmd, box, where, expected)
        elif lang == "sh":
            for cmd in body.splitlines():
                if cmd.strip() and not cmd.lstrip().startswith("#"):
                    run_command(cmd, box, where)
        elif lang == "python":
            r = subprocess.run([sys.executable, "-c", body], cwd=box, env=env(box), capture_output=True, text=True,
                               timeout=900)
            assert r.returncode == 0, f"{where}: python example failed\n{r.stdout}{r.stderr}"


def test_every_fence_is_either_run_or_data():
    """No shell or Python example hides behind another fence name."""
    allowed = RUN_LANGS | {"yaml", "toml", "json", "text", "markdown", "html"}
    for page in PAGES:
        for lang, body, line in blocks(page):
            assert lang in allowed, f"{page_id(page)}:{line}: fence '{lang}' (use console, sh or python to run it)"
            if lang == "text":
                assert not re.match(r"^\s*\$ ", body), f"{page_id(page)}:{line}: a command in a text fence"


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    shown = [c for lang, body, _ in blocks(ROOT / "README.md") if lang == "sh" for c in body.splitlines()
             if c.startswith("python -m")]
    assert "python -m pytest -q" in shown
    for cmd in shown:
        assert cmd in ci, cmd  # verbatim, one command a line
    assert "pip install . && langscan scan tests/data/founding_example.txt" in readme
    assert "../shared" not in readme and "/work/" not in readme


def test_readme_is_short_and_links_resolve():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme) < 9000
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            assert (page.parent / target).exists(), f"{page_id(page)}: broken link {target}"
