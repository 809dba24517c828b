"""The examples in every module's docstrings hold."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import generator

MODULES = sorted(
    m.name
    for m in pkgutil.iter_modules(generator.__path__, "generator.")
    if m.name != "generator.__main__"  # it runs the command line
)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    assert doctest.testmod(module).failed == 0
