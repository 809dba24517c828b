"""Services AWS has shut down, is sunsetting or has closed to new customers, whose schemas carry
no `lifecycle` (cfn-lint adds it to some): data/lifecycle.json, by service (`AWS::Evidently`)
or, where only some of a service's types are concerned, by type (CloudTrail Lake's, not
trails), each with its status, date and the address of AWS's notice, whose words it quotes. A
closing to new customers (`maintenance`) may have no date ("", where the notice gives none);
an end of support has one. A type's entry comes before its service's; normalize reads this one
where a schema has no `lifecycle` of its own, or one of the same status (cfn-lint's "maintenance"
of Cloud9, which AWS's notice says is closed to new customers); a schema's of another status
comes first.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from generator.schemacheck import LIFECYCLES

LIFECYCLE_FILE = "lifecycle.json"  # in the package's data folder


def service_lifecycle(type_name: str) -> tuple[str, str, str] | None:
    """The status, date and notice's address AWS gives a type, or its service, None where the
    file has neither.

    >>> service_lifecycle("AWS::RoboMaker::Robot")[:2], service_lifecycle("AWS::S3::Bucket")
    (('shutdown', '2025-09-10'), None)
    >>> lake, trails = "AWS::CloudTrail::Channel", "AWS::CloudTrail::Trail"
    >>> service_lifecycle(lake)[:2], service_lifecycle(trails)
    (('maintenance', '2026-05-31'), None)
    """
    table = _table()
    return table.get(type_name) or table.get(type_name.rpartition("::")[0])


@cache
def _table() -> dict[str, tuple[str, str, str]]:
    """The file's entries, each checked (a bug in the shipped data, not the user's input)."""
    text = (resources.files("generator") / "data" / LIFECYCLE_FILE).read_text("utf-8")
    table = {}
    for service, entry in json.loads(text).items():
        status, date, documented = entry["status"], entry["date"], entry["documented"]
        if status not in LIFECYCLES or not documented.startswith("https://") or not entry["says"]:
            raise ValueError(f"{LIFECYCLE_FILE}: {service}: not a status, notice and its words")
        if not date and status != "maintenance":  # (a notice may close a service undated)
            raise ValueError(f"{LIFECYCLE_FILE}: {service}: an end of support needs its date")
        table[service] = (status, date, documented)
    return table
