"""Configuration discovery, validation and per-path overrides."""

from __future__ import annotations

import os

import pytest

from langscan.config import ConfigError, Settings, find_config, load


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_table_found_by_walking_up(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.langscan]\nexpect = "en,fr"\nmin-length = 3\nsensitivity = "strict"\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    s = load(start=str(deep))
    assert s.expect == ("en", "fr") and s.min_length == 3 and s.sensitivity == "strict"
    assert s.root == str(tmp_path) and s.source.endswith("pyproject.toml")


def test_pyproject_without_table_is_skipped_and_dotfile_wins(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.langscan]\nexpect = ["de"]\n')
    sub = tmp_path / "sub"
    write(sub / "pyproject.toml", '[project]\nname = "x"\n')
    assert load(start=str(sub)).expect == ("de",)
    write(sub / ".langscan.toml", 'expect = ["it"]\nallow = ["Ciao"]\n')
    assert load(start=str(sub)).expect == ("it",)


def test_walk_stops_at_the_repository_root(tmp_path):
    write(tmp_path / ".langscan.toml", 'expect = ["de"]\n')
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert find_config(str(repo)) is None
    assert load(start=str(repo)) == Settings(root=load(start=str(repo)).root)


def test_all_keys_and_relative_paths(tmp_path):
    cfg = write(tmp_path / ".langscan.toml", """
expect = ["en"]
sensitivity = "aggressive"
threshold = 0.75
min_length = 2
include = ["**/*.md"]
exclude = ["vendor/**"]
allow = ["Русский", "Deutsch"]
allow-regex = ['[A-Z]{2,}-\\d+']
allow-file = "allow.txt"
baseline = ".langscan-baseline.json"
field = ["text", "meta.title"]
column = "body"

[[overrides]]
paths = ["docs/fr/**"]
expect = ["fr"]
allow = ["Bonjour"]
""")
    s = load(str(cfg))
    assert s.threshold == 0.75 and s.min_length == 2 and s.allow_regex == ("[A-Z]{2,}-\\d+",)
    assert s.allow_file == os.path.join(str(tmp_path), "allow.txt") and s.column == ("body",)
    fr = s.for_path("docs/fr/guide/intro.md")
    assert fr.expect == ("fr",) and fr.allow == ("Русский", "Deutsch", "Bonjour") and fr.threshold == 0.75
    assert s.for_path("docs/en/intro.md").expect == ("en",)


@pytest.mark.parametrize(
    "body,key",
    [
        ("expct = ['en']", "expct"),
        ("sensitivity = 'extreme'", "sensitivity"),
        ("threshold = 2", "threshold"),
        ("threshold = true", "threshold"),
        ("min-length = 0", "min-length"),
        ("expect = ['englsh']", "expect"),  # 'english' is a name and accepted
        ("allow = 'x'\nallow-regex = ['(unclosed']", "allow-regex"),
        ("include = [1, 2]", "include"),
        ("[[overrides]]\nexpect = ['fr']", "overrides"),
        ("[[overrides]]\npaths = ['a/**']\nexclude = ['x']", "exclude"),
    ],
)
def test_bad_keys_and_values_name_file_and_key(tmp_path, body, key):
    cfg = write(tmp_path / ".langscan.toml", body + "\n")
    with pytest.raises(ConfigError) as exc:
        load(str(cfg))
    msg = str(exc.value)
    assert str(cfg) in msg and key in msg


def test_pyproject_errors_name_the_table(tmp_path):
    cfg = write(tmp_path / "pyproject.toml", "[tool.langscan]\nmin_length = 'three'\n")
    with pytest.raises(ConfigError, match=r"pyproject.toml: \[tool.langscan\] key 'min_length'"):
        load(start=str(tmp_path))
    assert cfg.exists()


def test_invalid_toml_and_missing_file(tmp_path):
    cfg = write(tmp_path / ".langscan.toml", "expect = [en\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load(str(cfg))
    with pytest.raises(ConfigError, match="not found"):
        load(str(tmp_path / "nope.toml"))
