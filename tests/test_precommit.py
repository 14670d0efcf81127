"""The pre-commit hook, end to end with the real `pre-commit` tool.

The README's `.pre-commit-config.yaml` snippet is copied into a throwaway repository with its `repo`
pointed at this checkout and `rev` at its HEAD commit, as a user pins a commit; pre-commit clones that
commit, pip-installs it into its own virtualenv and runs the hook.  Slow (it pip-installs langscan),
but it is the only test of what pre-commit users get.  The manifest's `files:` pattern is checked
against the format registry (fast).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DIRTY_LINE = "Заголовок открываемого материала"  # the founding example's last line



def test_manifest_pattern_is_the_format_registrys():
    from langscan.readers import REGISTRY, precommit_pattern

    manifest = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    (files,) = re.findall(r"^  files: (.*)$", manifest, re.M)
    assert files == precommit_pattern()
    pattern = re.compile(files)
    for fmt in REGISTRY.values():
        for ext in fmt.extensions:
            assert bool(pattern.search("a" + ext)) == fmt.precommit, ext
            assert bool(pattern.search("a" + ext + ".gz")) == fmt.precommit, ext


def readme_snippet(repo: str, rev: str) -> str:
    """The README's pre-commit snippet with its repo and rev replaced."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (snippet,) = re.findall(r"```yaml\n(repos:.*?)```", readme, re.S)
    snippet = re.sub(r"(- repo: )\S+", lambda m: m.group(1) + repo, snippet)
    return re.sub(r"(rev: )\S+", lambda m: m.group(1) + rev, snippet)


def _run(cmd, cwd, env):
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture()
def project(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout of langscan: pre-commit try-repo installs from its git history")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    repo = tmp_path / "docs-repo"
    repo.mkdir()
    env = dict(os.environ)
    env.update(
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org", GIT_CONFIG_GLOBAL=str(tmp_path / "gitconfig"), GIT_CONFIG_NOSYSTEM="1",
    )  # HOME is kept: pip inside pre-commit must still see the user's pip configuration
    (tmp_path / "gitconfig").write_text("", encoding="utf-8")
    env.pop("GIT_DIR", None)
    env.pop("GIT_INDEX_FILE", None)
    (repo / "clean.md").write_text(
        "# Harbour news\n\nThe council approved the new budget on Tuesday after a long debate.\n", encoding="utf-8")
    # langscan's own files are never scanned, though pre-commit passes them by name
    (repo / ".langscan-allow.txt").write_text("# the language menu\nРусский\n", encoding="utf-8")
    (repo / "package.json").write_text('{"name": "docs", "description": "Документация"}\n', encoding="utf-8")
    (repo / "story.txt").write_text(
        "Syria Advances as Russia Strikes ISIL: Another Week in Review\n"
        f"{DIRTY_LINE}\n"
        "Russia has increased the number of daily airstrikes in Syria several times.\n",
        encoding="utf-8",
    )
    for cmd in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-q", "-m", "init"]):
        r = _run(cmd, repo, env)
        assert r.returncode == 0, r.stderr
    return repo, env


@pytest.mark.slow
def test_readme_snippet_fails_on_the_dirty_file_then_passes_once_fixed(project):
    repo, env = project
    head = _run(["git", "rev-parse", "HEAD"], ROOT, env)
    assert head.returncode == 0, head.stderr
    dirty = _run(["git", "status", "--porcelain", "--untracked-files=no"], ROOT, env).stdout.strip()
    if dirty:
        pytest.skip("uncommitted changes: the snippet installs the committed HEAD (commit, or run from a clean clone as CI does)")
    (repo / ".pre-commit-config.yaml").write_text(readme_snippet(str(ROOT), head.stdout.strip()), encoding="utf-8")
    for cmd in (["git", "add", "."], ["git", "commit", "-q", "-m", "pre-commit"]):
        assert _run(cmd, repo, env).returncode == 0
    cmd = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]
    r = _run(cmd, repo, env)
    out = r.stdout + r.stderr
    assert r.returncode == 1, out
    assert "Failed" in out and "exit code: 1" in out
    assert f'story.txt:2:1: script ru (Cyrillic, boilerplate) "{DIRTY_LINE}"' in out
    assert "clean.md:" not in out and ".langscan-allow.txt" not in out and "package.json" not in out

    story = repo / "story.txt"
    story.write_text(story.read_text(encoding="utf-8").replace(DIRTY_LINE + "\n", ""), encoding="utf-8")
    assert _run(["git", "add", "story.txt"], repo, env).returncode == 0
    r = _run(cmd, repo, env)
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    assert "Passed" in out
