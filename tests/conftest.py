"""Fixtures shared by the test modules."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parent.parent / "tools"


@pytest.fixture(scope="session")
def load_tool():
    """``load_tool("build_lexicons")``: a developer script of ``tools/`` imported as a module (they are scripts,
    not a package), so a test can call its functions."""

    def load(name: str):
        spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return mod

    return load
