"""Issue 14, part 2: nothing hangs. A FIFO (named, met in a walk, or given as a baseline,
allow-list, config or rules file) is never opened for reading; a catastrophic allow-regex from a
cloned repository's config is rejected with a message naming it, and any user pattern runs with
a time limit per finding."""

from __future__ import annotations

import json
import os

import pytest

from conftest import ENGLISH, RUSSIAN

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need a POSIX system")


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    os.mkfifo(tmp_path / "d" / "pipe.txt")
    os.mkfifo(tmp_path / "fifo")
    return tmp_path


@pytest.mark.parametrize("command", ["scan", "report", "clean"])
def test_fifo_met_in_a_walk_is_skipped_with_a_note(tree, cli, command):
    extra = {"scan": [], "report": ["-o", tree / "r.html"], "clean": ["-o", tree / "out"]}[command]
    r = cli(command, tree / "d", *extra, cwd=tree, timeout=60)
    assert r.returncode in (0, 1), r  # the regular file is still handled
    if command != "report":  # report lists notes in the page
        assert "pipe.txt: note: skipped" in r.stderr and "FIFO" in r.stderr


@pytest.mark.parametrize("command", ["scan", "report", "clean", "explain"])
def test_named_fifo_is_an_error(tree, cli, command):
    extra = {"scan": [], "report": ["-o", tree / "r.html"], "clean": ["-o", tree / "out.txt"], "explain": []}[command]
    r = cli(command, tree / "d" / "pipe.txt", *extra, cwd=tree, timeout=60)
    assert r.returncode == 2, r
    assert "not a regular file (a FIFO)" in r.stderr


@pytest.mark.parametrize("option", ["--baseline", "--allow-file", "--config"])
def test_fifo_as_a_settings_file_is_an_error(tree, cli, option):
    r = cli("scan", tree / "d" / "a.txt", option, tree / "fifo", cwd=tree, timeout=60)
    assert r.returncode == 2, r
    assert "not a regular file" in r.stderr


def test_fifo_as_rules_or_allow_file_of_clean(tree, cli):
    for option in ("--rules", "--allow-file"):
        r = cli("clean", tree / "d" / "a.txt", option, tree / "fifo", "-o", tree / "o.txt", cwd=tree, timeout=60)
        assert r.returncode == 2, r
        assert "not a regular file" in r.stderr


def test_catastrophic_allow_regex_in_a_cloned_config_is_rejected(tmp_path, cli):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".langscan.toml").write_text('allow-regex = ["(а+)+б"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(ENGLISH + "а" * 40 + "\n", encoding="utf-8")
    r = cli("scan", "a.txt", cwd=tmp_path, timeout=60)
    assert r.returncode == 2, r
    assert "allow-regex" in r.stderr and "(а+)+б" in r.stderr and "exponential" in r.stderr


def test_catastrophic_pattern_in_allow_file_is_rejected(tmp_path, cli):
    allow = tmp_path / "allow.txt"
    allow.write_text("# reviewed\nre:(\\w+\\s?)*$\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    r = cli("scan", "a.txt", "--allow-file", allow, cwd=tmp_path, timeout=60)
    assert r.returncode == 2, r
    assert "allow.txt:2" in r.stderr and "rejected" in r.stderr


def test_overlapping_alternation_is_bounded_per_finding():
    """Not caught by the static check: the per-finding time limit makes such a finding reported,
    not a hang (2**40 ways to try without it). Run in a subprocess so a hang fails the test."""
    import subprocess
    import sys

    code = ("from langscan.policy import Policy\n"
            "p = Policy(allow_regex=('(a|a)*b',))\n"
            "print(p.allows('a' * 40), p.allows('aab'))\n")
    try:
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("an allow-regex match ran without a time limit")
    assert r.stdout.split() == ["False", "True"], r.stderr
    assert "gave up after" in r.stderr


def test_ordinary_patterns_still_work():
    from langscan.policy import Policy

    p = Policy(allow_regex=(r"[A-Z]{2,}-\d+", r"(?:foo|bar)+", r"(?>а+)+б"))
    assert p.allows("TOS-1") and p.allows("foobar") and p.allows("аааб")


@pytest.mark.parametrize("glob", ["*" * 40 + "x", "*a" * 20 + "b", "**a" * 20 + "b"])
def test_pathological_globs_from_a_config_do_not_stall_the_walk(tmp_path, cli, glob):
    """Each star used to be a backtracking `[^/]*`: 20 stars took 3 s per path, 40 forever."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".langscan.toml").write_text(f'exclude = ["{glob}"]\n', encoding="utf-8")
    d = tmp_path / ("a" * 60)
    d.mkdir()
    for i in range(5):
        (d / f"{'a' * 60}{i}.txt").write_text(ENGLISH, encoding="utf-8")
    r = cli("scan", ".", cwd=tmp_path, timeout=60)
    assert r.returncode == 0, r
    assert "(5 files" in r.stdout  # the five texts (langscan's own config file is never scanned)


def test_globs_keep_their_meaning():
    from langscan.readers.walk import match_any

    assert match_any("docs/fr/page.md", ["docs/**/*.md"]) and match_any("a/b/c.txt", ["*.txt"])
    assert match_any("ax/bx", ["**x*"]) and not match_any("a/b", ["a*b"])
    assert match_any("vendor/x/y.js", ["vendor/**"]) and not match_any("src/vendor.js", ["vendor/**"])
    assert match_any("aaab", ["*a*a*b"]) and not match_any("aaa/b", ["*a*a*b"])


def test_catastrophic_regex_in_clean_rules_is_rejected(tmp_path, cli):
    """A rules file can come from someone else too: `(а+)+б` is refused naming the line, nothing written."""
    rules = tmp_path / "rules.txt"
    rules.write_text("# shared by a colleague\nexact ru Заголовок открываемого материала\nregex ru (а+)+б\n",
                     encoding="utf-8")
    src = tmp_path / "a.txt"
    src.write_text(ENGLISH + "а" * 40 + "\n", encoding="utf-8")
    r = cli("clean", src, "--rules", rules, "-o", tmp_path / "out.txt", timeout=60)
    assert r.returncode == 2, r
    assert "rules.txt:3" in r.stderr and "(а+)+б" in r.stderr and "exponential" in r.stderr
    assert not (tmp_path / "out.txt").exists()


@pytest.mark.parametrize("fmt", ["txt", "jsonl", "csv"])
def test_backtracking_clean_rule_gives_up_and_leaves_the_file_untouched(tmp_path, cli, fmt):
    """Not caught by the static check, `(a|a)*b` tries 2**n ways on n letters; the rule gives up after its
    time limit, the message names it, the file is left as it was (never half-cleaned), exit 2."""
    rules = tmp_path / "rules.txt"
    rules.write_text(f"exact ru {RUSSIAN}\nregex en (a|a)*b\n", encoding="utf-8")
    line = f"The museum reopened. {RUSSIAN} {'a' * 40}"
    body = {"txt": line + "\n", "jsonl": json.dumps({"text": line}, ensure_ascii=False) + "\n",
            "csv": "text\n" + line + "\n"}[fmt]
    src = tmp_path / f"a.{fmt}"
    src.write_text(body, encoding="utf-8")
    r = cli("clean", src, "--rules", rules, "--in-place", timeout=120)
    assert r.returncode == 2, r
    assert "regex en (a|a)*b" in r.stderr and "gave up after" in r.stderr and "left untouched" in r.stderr
    assert src.read_text(encoding="utf-8") == body
    assert [p.name for p in tmp_path.iterdir() if "langscan-tmp" in p.name] == []


def test_ordinary_clean_rules_still_apply(tmp_path, cli):
    rules = tmp_path / "rules.txt"
    rules.write_text(f"exact ru {RUSSIAN}\nregex en (?>a+)+b\n", encoding="utf-8")
    src = tmp_path / "a.txt"
    src.write_text(f"The museum reopened. {RUSSIAN}\nSee aaab here.\n", encoding="utf-8")
    r = cli("clean", src, "--rules", rules, "--in-place", timeout=60)
    assert r.returncode == 0, r
    assert src.read_text(encoding="utf-8") == "The museum reopened.\nSee here.\n"
