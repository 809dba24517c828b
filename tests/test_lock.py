"""Tests of generator/lock.py: the lock's format, its parsing errors and atomic writes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.lock import (
    LOCK_FILE,
    Lock,
    LockEntry,
    make_entry,
    parse_lock,
    read_lock,
    regions_of,
    render_lock,
    sha256_hex,
    update_lock,
    write_lock,
)

REPO_SPECS = Path(__file__).resolve().parents[1] / "specs"
EIC = "AWS::Lambda::EventInvokeConfig"
OLD_NS = 1_000_000_000_000_000_000  # 2001-09-09: any rewrite moves the mtime away from it

REPO_LOCK_TEXT = """\
{
  "schemas": {
    "AWS::Lambda::EventInvokeConfig": {
      "file": "aws-lambda-eventinvokeconfig.json",
      "sha256": "92a7dbb50d0ea8761a83053aebca12e53cb88a61f57272b2b94c2880b476732c",
      "source": "cfn-lint==1.58.0:us-east-1"
    }
  },
  "version": 1
}
"""


def entry(type_name: str, digit: str = "0", source: str = "src") -> LockEntry:
    """Build a lock entry with a fake hash."""
    return LockEntry(type_name, make_entry(type_name, b"", source).file, digit * 64, source)


def one_entry(**fields: object) -> str:
    """Return lock text with one AWS::S3::Bucket entry, some fields replaced."""
    value = {"file": "aws-s3-bucket.json", "sha256": "0" * 64, "source": "s", **fields}
    return json.dumps({"version": 1, "schemas": {"AWS::S3::Bucket": value}})


def test_repo_lock_is_exactly_the_documented_format() -> None:
    data = (REPO_SPECS / LOCK_FILE).read_bytes()
    assert data == REPO_LOCK_TEXT.encode()
    assert render_lock(parse_lock(data.decode(), LOCK_FILE)) == REPO_LOCK_TEXT


def test_repo_lock_hash_matches_the_repo_schema() -> None:
    lock = read_lock(REPO_SPECS)
    locked = lock.get(EIC)
    assert locked is not None
    assert locked.sha256 == sha256_hex((REPO_SPECS / locked.file).read_bytes())


def test_render_sorts_types_and_keys_and_ends_with_one_newline() -> None:
    lock = update_lock(Lock(), [entry("AWS::S3::Bucket", "b"), entry("AWS::EC2::VPC", "a")])
    text = render_lock(lock)
    assert text.index("AWS::EC2::VPC") < text.index("AWS::S3::Bucket")
    assert text.endswith("}\n") and not text.endswith("\n\n") and "\r" not in text
    assert parse_lock(text, "x") == lock


def test_update_replaces_the_entry_of_the_same_type_and_keeps_others() -> None:
    lock = update_lock(Lock(), [entry("AWS::S3::Bucket", "1"), entry("AWS::EC2::VPC", "2")])
    updated = update_lock(lock, [entry("AWS::S3::Bucket", "3")])
    assert [(e.type_name, e.sha256[0]) for e in updated.entries] == [
        ("AWS::EC2::VPC", "2"),
        ("AWS::S3::Bucket", "3"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"version": 1,\n "schemas": }', "specs.lock.json:2:13: invalid JSON: "),
        ("[" * 100_000, "specs.lock.json#: invalid JSON: nested too deeply to read"),
        ("[]", "specs.lock.json#: expected an object, got array"),
        ('{"version": 1}', "specs.lock.json#: missing key 'schemas'"),
        ('{"version": 3, "schemas": {}}', "specs.lock.json#/version: unsupported lock version 3"),
        ('{"version": true, "schemas": {}}', "specs.lock.json#/version: unsupported lock version"),
        ('{"version": 1, "schemas": {}, "x": 1}', "specs.lock.json#/x: unknown key"),
        (
            one_entry(sha256="00"),
            "specs.lock.json#/schemas/AWS::S3::Bucket/sha256: expected 64 lower-case hex digits",
        ),
        (
            one_entry(file="../x.json"),
            "specs.lock.json#/schemas/AWS::S3::Bucket/file: expected 'aws-s3-bucket.json'",
        ),
        (
            one_entry(source=7),
            "specs.lock.json#/schemas/AWS::S3::Bucket/source: expected a string, got integer",
        ),
        (
            one_entry(region=None),
            "specs.lock.json#/schemas/AWS::S3::Bucket/region: expected a string, got null",
        ),
        (
            one_entry(region="Mars"),
            "specs.lock.json#/schemas/AWS::S3::Bucket/region: expected a region name such as "
            "us-east-1",
        ),
        (
            one_entry(source="cfn-lint==1.58.0:eu-west-1", region="eu-west-1"),
            "specs.lock.json#/schemas/AWS::S3::Bucket/region: the source names its region "
            "(eu-west-1): a region is recorded only for a source that names none",
        ),
    ],
)
def test_malformed_lock_names_file_and_pointer(text: str, message: str) -> None:
    with pytest.raises(SpecError) as caught:
        parse_lock(text, LOCK_FILE)
    assert str(caught.value).startswith(message)


def test_a_region_is_recorded_for_a_source_that_names_none_and_read_back() -> None:
    # `fetch --source ZIP --region R`: the zip of the user's names no region, the lock does.
    given = make_entry("AWS::S3::Bucket", b"{}", "../CloudformationSchema.zip", "us-gov-west-1")
    named = make_entry("AWS::SNS::Topic", b"{}", "cfn-lint==1.58.0:eu-west-1", "eu-west-1")
    lock = update_lock(Lock(), [given, named, entry("AWS::EC2::VPC")])
    text = render_lock(lock)
    assert json.loads(text)["version"] == 2  # (a generator of version 1 refuses it for that)
    assert json.loads(text)["schemas"]["AWS::S3::Bucket"]["region"] == "us-gov-west-1"
    assert "region" not in json.loads(text)["schemas"]["AWS::SNS::Topic"]  # said once
    assert "region" not in json.loads(text)["schemas"]["AWS::EC2::VPC"]
    assert parse_lock(text, LOCK_FILE) == lock
    assert regions_of(lock) == {
        "aws-s3-bucket.json": "us-gov-west-1",
        "aws-sns-topic.json": "eu-west-1",
    }
    # us-east-1 goes without saying, as for a source that names no region: the lock's bytes
    # do not depend on whether it was given.
    default = make_entry("AWS::S3::Bucket", b"{}", "../CloudformationSchema.zip", "us-east-1")
    assert default.region is None
    assert json.loads(render_lock(update_lock(Lock(), [default])))["version"] == 1
    read = parse_lock(one_entry(region="us-east-1").replace(": 1,", ": 2,"), LOCK_FILE)
    assert read.entries[0].region is None
    assert json.loads(render_lock(read))["version"] == 1


def test_absent_lock_reads_as_empty(tmp_path: Path) -> None:
    assert read_lock(tmp_path) == Lock()


def test_write_lock_writes_once_then_leaves_identical_bytes_alone(tmp_path: Path) -> None:
    lock = update_lock(Lock(), [entry("AWS::S3::Bucket")])
    assert write_lock(tmp_path, lock) is True
    path = tmp_path / LOCK_FILE
    os.utime(path, ns=(OLD_NS, OLD_NS))
    assert write_lock(tmp_path, lock) is False
    assert path.stat().st_mtime_ns == OLD_NS
    assert read_lock(tmp_path) == lock
    assert sorted(p.name for p in tmp_path.iterdir()) == [LOCK_FILE]
