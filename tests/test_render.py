"""Tests of generator/render.py beyond its doctests and the golden pages."""

from __future__ import annotations

import pytest

from generator.render import environment


@pytest.mark.parametrize(
    "name", ["resource.mdx.j2", "provider.mdx.j2", "service.mdx.j2", "preview.html.j2"]
)
def test_optimizer_changes_nothing(name: str) -> None:
    """The environment runs without Jinja's optimizer: it would compile each template alike."""
    env = environment()
    source = env.loader.get_source(env, name)[0]
    unoptimized = env.compile(source, raw=True)
    optimizing = env.overlay(optimized=True)
    assert optimizing.compile(source, raw=True) == unoptimized
