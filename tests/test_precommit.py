"""The pre-commit hook, end to end with the real `pre-commit` tool.

`pre-commit try-repo` installs this checkout into its own virtualenv (from
HEAD on a clean clone, as in CI; from a snapshot of the working tree when it
has uncommitted changes) and runs the `langscan` hook of .pre-commit-hooks.yaml
on a throwaway repository.  Slow (it pip-installs langscan), but it is the
only test of what pre-commit users get.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DIRTY_LINE = "Заголовок открываемого материала"  # the founding example's last line

pytestmark = pytest.mark.slow


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


def test_hook_fails_on_the_dirty_file_then_passes_once_fixed(project):
    repo, env = project
    cmd = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "langscan", "--all-files", "--color", "never"]
    r = _run(cmd, repo, env)
    out = r.stdout + r.stderr
    assert r.returncode == 1, out
    assert "Failed" in out and "exit code: 1" in out
    assert f'story.txt:2:1: script ru (Cyrillic) "{DIRTY_LINE}"' in out
    assert "clean.md:" not in out

    story = repo / "story.txt"
    story.write_text(story.read_text(encoding="utf-8").replace(DIRTY_LINE + "\n", ""), encoding="utf-8")
    assert _run(["git", "add", "story.txt"], repo, env).returncode == 0
    r = _run(cmd, repo, env)
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    assert "Passed" in out
