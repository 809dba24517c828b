"""The pipeline, written once: load, normalize, render. Every command calls `build()`."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from generator.errors import UsageError
from generator.model import Page, Resource, Site, Skipped, Spec
from generator.normalize import normalize
from generator.render import render_page
from generator.schema import read_specs, select_specs

log = logging.getLogger(__name__)


def build(specs_dir: Path, types: Sequence[str] = ()) -> Site:
    """Build every page of the schemas in `specs_dir` (or of the named types) in memory."""
    specs = select_specs(read_specs(specs_dir), types)
    return build_specs(specs)


def build_specs(specs: Sequence[Spec]) -> Site:
    """Normalize and render loaded schemas into a Site."""
    resources: list[Resource] = []
    skipped: list[Skipped] = []
    for spec in specs:
        if not spec.has_handlers:
            skipped.append(Skipped(spec.type_name, spec.path, "no handlers: Cloud Control cannot manage it"))
            continue
        resources.append(normalize(spec))
    _check_unique_ids(resources)
    pages = sorted((Page(page_path(r), render_page(r)) for r in resources), key=lambda p: p.path)
    return Site(
        pages=tuple(pages),
        resources=tuple(sorted(resources, key=lambda r: r.resource_id)),
        skipped=tuple(skipped),
        warnings=tuple(w for s in specs for w in s.warnings),
    )


def page_path(resource: Resource) -> str:
    """Where a resource's page goes under the output folder.

    The path is `<provider>/<service>/<resource>/index.mdx`.
    """
    return f"{resource.provider}/{resource.service}/{resource.name}/index.mdx"


def _check_unique_ids(resources: Sequence[Resource]) -> None:
    """Two schemas may not claim the same StackQL resource id."""
    seen: dict[str, Resource] = {}
    for resource in resources:
        other = seen.setdefault(resource.resource_id, resource)
        if other is not resource:
            raise UsageError(
                f"{resource.source} and {other.source} both name {resource.resource_id}"
            )
