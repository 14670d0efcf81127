"""Issue 14, part 1: `clean` never loses data. Each test is an input that once made clean lose
or damage a file (and exit 0)."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from conftest import ENGLISH, RUSSIAN

zstandard = pytest.importorskip("zstandard", reason="the zstd cases need the langscan[zstd] extra")


def test_multi_frame_zstd_keeps_every_frame(tmp_path, cli):
    first = ENGLISH * 3
    second = f"The festival closes with a concert.\n{RUSSIAN}\nThe last line of the second frame stays.\n"
    c = zstandard.ZstdCompressor()
    f = tmp_path / "m.txt.zst"
    f.write_bytes(c.compress(first.encode()) + c.compress(second.encode()))  # like `cat a.zst b.zst`, pzstd
    r = cli("clean", f, "--in-place")
    assert r.returncode == 0, r
    out = zstandard.ZstdDecompressor().stream_reader(f.read_bytes(), read_across_frames=True).read().decode()
    assert out.startswith(first)
    assert "The last line of the second frame stays." in out
    assert RUSSIAN not in out


def test_truncated_zstd_is_an_error_and_nothing_is_written(tmp_path, cli):
    whole = zstandard.ZstdCompressor().compress(((ENGLISH + RUSSIAN + "\n") * 400).encode())
    f = tmp_path / "t.txt.zst"
    f.write_bytes(whole[: len(whole) // 2])
    out = tmp_path / "out.txt"
    r = cli("clean", f, "-o", out)
    assert r.returncode == 2, r
    assert "corrupt compressed data: truncated" in r.stderr
    assert not out.exists()
    before = f.read_bytes()
    r = cli("clean", f, "--in-place")
    assert r.returncode == 2 and f.read_bytes() == before, r


def test_gzip_bomb_is_refused_not_a_memory_error(tmp_path, cli):
    f = tmp_path / "bomb.txt.gz"
    with gzip.open(f, "wb", compresslevel=1) as g:
        for _ in range(8):
            g.write(b"a" * (1 << 20))
    env = dict(os.environ, LANGSCAN_CLEAN_MAX_BYTES=str(1 << 20))
    r = cli("clean", f, "-o", tmp_path / "o.txt", env=env)
    assert r.returncode == 2, r
    assert "LANGSCAN_CLEAN_MAX_BYTES" in r.stderr
    assert not (tmp_path / "o.txt").exists()


def test_in_place_walk_never_rewrites_a_link_target_outside(tmp_path, cli):
    outside = tmp_path / "outside"
    tree = tmp_path / "tree"
    outside.mkdir()
    tree.mkdir()
    secret = outside / "secret.txt"
    secret.write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    before = secret.read_bytes()
    (tree / "a.txt").write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    (tree / "link.txt").symlink_to(Path("..") / "outside" / "secret.txt")
    r = cli("clean", tree, "--in-place")
    assert r.returncode == 0, r
    assert secret.read_bytes() == before
    assert (tree / "link.txt").is_symlink()
    assert "link.txt: note: skipped: a symbolic link" in r.stderr
    assert RUSSIAN not in (tree / "a.txt").read_text(encoding="utf-8")


def test_in_place_on_a_named_link_is_refused(tmp_path, cli):
    target = tmp_path / "target.txt"
    target.write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    before = target.read_bytes()
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    r = cli("clean", link, "--in-place")
    assert r.returncode == 2, r
    assert "symbolic link" in r.stderr
    assert target.read_bytes() == before and link.is_symlink()


def test_output_that_is_a_link_is_refused(tmp_path, cli):
    src = tmp_path / "a.txt"
    src.write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt").symlink_to(victim)
    for args in ([src, "-o", f"{out}{os.sep}"], [src, "-o", out / "a.txt"]):
        r = cli("clean", *args)
        assert r.returncode == 2, r
        assert "symbolic link" in r.stderr
        assert victim.read_text(encoding="utf-8") == "precious\n"


def test_two_inputs_with_one_output_name_are_refused(tmp_path, cli):
    for d in ("d1", "d2"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "a.txt").write_text(f"{d}: {ENGLISH}{RUSSIAN}\n", encoding="utf-8")
    out = tmp_path / "out"
    r = cli("clean", tmp_path / "d1" / "a.txt", tmp_path / "d2" / "a.txt", "-o", f"{out}{os.sep}")
    assert r.returncode == 2, r
    assert "the output of" in r.stderr and "nothing written" in r.stderr
    assert not (out / "a.txt").exists()


def test_two_folders_mirror_their_paths(tmp_path, cli):
    """Folders are mirrored below -o DIR, so same-named files in different folders never collide."""
    for d in ("d1", "d2"):
        (tmp_path / "in" / d).mkdir(parents=True)
        (tmp_path / "in" / d / "a.txt").write_text(f"{d}: {ENGLISH}{RUSSIAN}\n", encoding="utf-8")
    out = tmp_path / "out"
    r = cli("clean", tmp_path / "in", "-o", out)
    assert r.returncode == 0, r
    assert (out / "d1" / "a.txt").read_text(encoding="utf-8").startswith("d1: ")
    assert (out / "d2" / "a.txt").read_text(encoding="utf-8").startswith("d2: ")


@pytest.mark.parametrize("kind", ["fifo", "symlink", "socket"])
def test_write_baseline_never_replaces_a_special_file(tmp_path, cli, kind):
    src = tmp_path / "a.txt"
    src.write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs or UNIX sockets on this system")
    if kind == "fifo":
        target = tmp_path / "baseline.json"
        os.mkfifo(target)
    elif kind == "symlink":
        real = tmp_path / "real.json"
        real.write_text("{}\n", encoding="utf-8")
        target = tmp_path / "baseline.json"
        target.symlink_to(real)
    else:  # a node like a device, but one any user may make (never point this test at /dev/null:
        # the bug it guards against replaced /dev/null itself with a regular file)
        import socket

        target = tmp_path / "baseline.json"
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(target))
    r = cli("scan", src, "--write-baseline", target, cwd=tmp_path, timeout=60)
    assert r.returncode == 2, r
    assert "not a regular file" in r.stderr
    if kind == "fifo":
        assert Path(target).exists() and not Path(target).is_file()
    elif kind == "symlink":
        assert target.is_symlink() and (tmp_path / "real.json").read_text() == "{}\n"
    else:
        sock.close()
        assert target.is_socket()


def test_in_place_keeps_mode_and_extended_attributes(tmp_path, cli):
    f = tmp_path / "a.txt"
    f.write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    os.chmod(f, 0o640)
    try:
        os.setxattr(f, "user.langscan-test", b"keep me")
    except (AttributeError, OSError):
        pytest.skip("extended attributes are not supported here")
    r = cli("clean", f, "--in-place")
    assert r.returncode == 0, r
    assert RUSSIAN not in f.read_text(encoding="utf-8")
    assert os.stat(f).st_mode & 0o777 == 0o640
    assert os.getxattr(f, "user.langscan-test") == b"keep me"


def test_output_folder_with_a_linked_subfolder_is_refused(tmp_path, cli):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "a.txt").write_text(ENGLISH + RUSSIAN + "\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "sub").symlink_to(elsewhere, target_is_directory=True)
    r = cli("clean", tmp_path / "in", "-o", tmp_path / "out")
    assert r.returncode == 2, r
    assert "outside" in r.stderr and "nothing written" in r.stderr
    assert list(elsewhere.iterdir()) == []


def test_multi_frame_and_truncated_zstd_jsonl(tmp_path, cli):
    """The same two cases for JSONL, which clean streams batch by batch."""
    import json

    c = zstandard.ZstdCompressor()
    a = json.dumps({"text": ENGLISH}) + "\n"
    b = json.dumps({"text": f"The second frame. {RUSSIAN}"}, ensure_ascii=False) + "\n"
    f = tmp_path / "m.jsonl.zst"
    f.write_bytes(c.compress(a.encode()) + c.compress(b.encode()))
    r = cli("clean", f, "--in-place")
    assert r.returncode == 0, r
    out = zstandard.ZstdDecompressor().stream_reader(f.read_bytes(), read_across_frames=True).read().decode()
    assert out == a + json.dumps({"text": "The second frame."}) + "\n"
    whole = c.compress((b * 300).encode())
    t = tmp_path / "t.jsonl.zst"
    t.write_bytes(whole[: len(whole) // 2])
    before = t.read_bytes()
    r = cli("clean", t, "--in-place")
    assert r.returncode == 2 and t.read_bytes() == before, r
    assert "corrupt compressed data" in r.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".langscan-tmp")]
