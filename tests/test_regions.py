"""Pages of another region's schemas: their examples name the region that fetch recorded in the
lock, and a global service's keep StackQL's us-east-1 in AWS's commercial partition only.

The schemas are cfn-lint 1.58.0's, through `fetch --source cfn-lint:REGION`, as a user gets
them; the pages are generated and validated through the command line.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path

import pytest
from conftest import LAMBDA_SPEC
from httpfixtures import Reply, serving

from generator.cli import main
from generator.examples import page_region
from generator.fetch import default_source_url
from generator.lock import Lock, LockEntry, sha256_hex, source_region, write_lock
from generator.model import REGION_NAME, Resource

LAMBDA = "aws/lambda/event_invoke_configs/index.mdx"
ROLE = "aws/iam/roles/index.mdx"
TYPES = ("AWS::Lambda::EventInvokeConfig", "AWS::IAM::Role")


def _partitions() -> dict[str, str]:
    """Every region botocore knows (a test dependency), with its partition (not its names of
    global endpoints, `aws-global`)."""
    import botocore

    data = json.loads((Path(botocore.__file__).parent / "data" / "partitions.json").read_text())
    return {
        region: partition["id"]
        for partition in data["partitions"]
        for region in partition["regions"]
        if REGION_NAME.fullmatch(region)
    }


def _fetched(tmp_path: Path, region: str) -> Path:
    """A specs folder of TYPES fetched from cfn-lint's data of a region."""
    specs = tmp_path / "specs"
    argv = ["fetch", "--source", f"cfn-lint:{region}", "--specs", str(specs), *TYPES]
    assert main(argv) == 0
    return specs


def _regions_named(page: Path) -> set[str]:
    """The regions a page's examples name as literals."""
    return set(re.findall(r"region = '([^']*)'", page.read_text(encoding="utf-8")))


def test_the_region_of_every_source_fetch_records_is_read_back() -> None:
    for region in _partitions():
        assert source_region(default_source_url(region)) == region
        assert source_region(f"cfn-lint==1.58.0:{region}") == region
    for other in ("specs", "../CloudformationSchema.zip", "https://example.com/s.zip", ""):
        assert source_region(other) is None
    assert source_region("cfn-lint==1.58.0:Mars") is None  # (not a region's name)


def test_a_global_service_names_us_east_1_in_the_commercial_partition_only() -> None:
    # Every region of every partition botocore knows: us-east-1 is in the `aws` partition.
    role = Resource(
        "aws", "iam", "roles", "role", "AWS::IAM::Role", "", "", "", (), (), (), (), (), ()
    )
    for region, partition in _partitions().items():
        resource = Resource(**{**_fields(role), "global_service": True, "region": region})
        expected = "us-east-1" if partition == "aws" else region
        assert page_region(resource) == expected, (region, partition)
        regional = Resource(**{**_fields(role), "region": region})
        assert page_region(regional) == region


def _fields(resource: Resource) -> dict:
    return {name: getattr(resource, name) for name in Resource.__dataclass_fields__}


@pytest.mark.parametrize(
    ("region", "global_region"),
    [("eu-west-1", "us-east-1"), ("us-gov-west-1", "us-gov-west-1")],
)
def test_pages_name_the_region_fetched_and_their_examples_pass_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], region: str, global_region: str
) -> None:
    specs, out = _fetched(tmp_path, region), tmp_path / "out"
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    assert _regions_named(out / LAMBDA) == {region}
    assert _regions_named(out / ROLE) == {global_region}  # (its UPDATE and DELETE)
    capsys.readouterr()
    assert main(["validate", "--specs", str(specs), "--out", str(out)]) == 0
    assert "0 failed" in capsys.readouterr().out
    assert main(["check", "--specs", str(specs), "--out", str(out)]) == 0


def test_a_schema_fetched_again_for_another_region_gets_its_page_anew(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # cfn-lint's EventInvokeConfig is byte for byte the same in every region: only the lock
    # tells the regions apart, and the page cache must not stand for the other region's page.
    specs, out = _fetched(tmp_path, "eu-west-1"), tmp_path / "out"
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    role_stamp = os.stat(out / ROLE).st_mtime_ns
    assert main(["fetch", "--source", "cfn-lint", "--specs", str(specs), *TYPES]) == 0
    capsys.readouterr()
    assert main(["check", "--specs", str(specs), "--out", str(out)]) == 1
    assert LAMBDA in capsys.readouterr().out
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 0
    assert "1 written" in capsys.readouterr().out
    assert _regions_named(out / LAMBDA) == {"us-east-1"}
    assert os.stat(out / ROLE).st_mtime_ns == role_stamp  # us-east-1 either way: kept


def test_schemas_no_lock_names_a_region_for_keep_us_east_1(tmp_path: Path) -> None:
    specs, out = _fetched(tmp_path, "eu-west-1"), tmp_path / "out"
    (specs / "specs.lock.json").unlink()
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    assert _regions_named(out / LAMBDA) == {"us-east-1"}


def test_a_lock_that_cannot_be_read_stops_the_build_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs, out = _fetched(tmp_path, "eu-west-1"), tmp_path / "out"
    lock = specs / "specs.lock.json"
    lock.write_text(lock.read_text().replace('"version": 1', '"version": 1,'))
    capsys.readouterr()
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 2
    assert f"{lock}:" in capsys.readouterr().err
    assert not out.exists()


def test_check_reports_a_source_of_another_region_and_how_to_fetch_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The schemas are the same bytes in both regions: only the region they were fetched for
    # drifts, and a fetch from the source would change the Lambda page all the same.
    specs, out = _fetched(tmp_path, "us-east-1"), tmp_path / "out"
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    source = ["--source", "cfn-lint:eu-west-1"]
    argv = ["check", *TYPES, "--specs", str(specs), "--out", str(out), *source]
    capsys.readouterr()
    assert main([*argv, "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["type"], f["kind"], f["before"], f["after"]) for f in findings] == [
        (name, "region-changed", "us-east-1", "eu-west-1") for name in sorted(TYPES)
    ]
    assert main(argv) == 1
    report = capsys.readouterr().out
    role, lambda_ = report.split("#### `AWS::IAM::Role`")[1].split(
        "#### `AWS::Lambda::EventInvokeConfig`"
    )
    assert (
        "- region `us-east-1`, where the source's is `eu-west-1`: a `fetch` records the "
        "source's, which its page's examples name\n"
    ) in lambda_
    # A global service's page names us-east-1 whichever the region (the lock alone changes).
    assert (
        "- region `us-east-1`, where the source's is `eu-west-1`: a `fetch` records the "
        "source's; its page names `us-east-1` either way (a global service)\n"
    ) in role
    fix = f"stackql-docgen fetch {' '.join(TYPES)} --source cfn-lint:eu-west-1 --specs {specs}"
    assert fix in report
    # The fix, as the report gives it: then nothing drifts, and the pages name eu-west-1.
    assert main(["fetch", *TYPES, *source, "--specs", str(specs), "--quiet"]) == 0
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    assert _regions_named(out / LAMBDA) == {"eu-west-1"}
    capsys.readouterr()
    assert main(argv) == 0


def test_a_type_without_delete_gets_its_second_insert_in_another_region_than_its_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The All Properties INSERT of a type whose first resource stays (no delete handler) runs
    # in a second region, us-west-2: on a page of us-west-2, the two would collide on the
    # name the page gives both (EventInvokeConfig's FunctionName|Qualifier).
    document = json.loads(LAMBDA_SPEC.read_bytes())
    del document["handlers"]["delete"]
    data = json.dumps(document, indent=2).encode()
    specs, out = tmp_path / "specs", tmp_path / "out"
    specs.mkdir()
    (specs / LAMBDA_SPEC.name).write_bytes(data)
    entry = LockEntry(TYPES[0], LAMBDA_SPEC.name, sha256_hex(data), "cfn-lint==1.58.0:us-west-2")
    write_lock(specs, Lock((entry,)))
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    assert _regions_named(out / LAMBDA) == {"us-west-2"}
    capsys.readouterr()
    assert main(["validate", "--specs", str(specs), "--out", str(out)]) == 0
    assert "6 passed, 0 failed" in capsys.readouterr().out


def _zip_of_lambda(tmp_path: Path) -> Path:
    """A zip laid out as AWS's CloudformationSchema.zip, of the EventInvokeConfig schema: one
    downloaded by hand, which names no region."""
    path = tmp_path / "downloads" / "CloudformationSchema.zip"
    path.parent.mkdir()
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(LAMBDA_SPEC, "aws-lambda-eventinvokeconfig.json")
    return path


def test_a_zip_fetched_for_the_region_given_names_it_in_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # GovCloud's zip, downloaded by hand (or from a mirror): only --region says whose it is.
    source, specs, out = _zip_of_lambda(tmp_path), tmp_path / "specs", tmp_path / "out"
    fetch = ["fetch", "--source", str(source), "--specs", str(specs), "--quiet"]
    assert main([*fetch, "--region", "us-gov-west-1"]) == 0
    entry = json.loads((specs / "specs.lock.json").read_text())["schemas"][TYPES[0]]
    assert entry["source"] == "../downloads/CloudformationSchema.zip"
    assert entry["region"] == "us-gov-west-1"
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    assert _regions_named(out / LAMBDA) == {"us-gov-west-1"}
    capsys.readouterr()
    assert main(["validate", "--specs", str(specs), "--out", str(out)]) == 0
    assert "0 failed" in capsys.readouterr().out
    check = ["check", "--specs", str(specs), "--out", str(out), "--source", str(source)]
    assert main([*check, "--region", "us-gov-west-1"]) == 0
    # The same zip taken for another region's: its fix passes that region on to fetch.
    capsys.readouterr()
    assert main([*check, "--region", "us-gov-east-1"]) == 1
    report = capsys.readouterr().out
    assert "- region `us-gov-west-1`, where the source's is `us-gov-east-1`" in report
    assert f"stackql-docgen fetch --source {source} --region us-gov-east-1 --specs {specs}" in (
        report
    )
    assert "names no region" not in report  # (it was given one)
    # Without --region, the zip is us-east-1's, as a fetch without it records; the report
    # says so, and how to say otherwise.
    assert main(check) == 1
    assert (
        f"`{source}` names no region, and is taken for `us-east-1`'s: if it holds another "
        "region's schemas, give that region as `--region`, to `check` and to `fetch`."
    ) in capsys.readouterr().out
    assert main([*check, "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["kind"], f["before"], f["after"]) for f in findings] == [
        ("region-changed", "us-gov-west-1", "us-east-1")
    ]
    assert main(fetch) == 0
    assert "region" not in json.loads((specs / "specs.lock.json").read_text())["schemas"][TYPES[0]]
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    assert _regions_named(out / LAMBDA) == {"us-east-1"}


def test_a_mirror_of_a_regions_zip_is_fetched_for_the_region_given(tmp_path: Path) -> None:
    # A mirror's address names no region (AWS's own names its, and refuses another: test_fetch).
    specs, out = tmp_path / "specs", tmp_path / "out"
    body = _zip_of_lambda(tmp_path).read_bytes()
    for server in serving():
        url = server.route("/mirror/CloudformationSchema.zip", Reply(body=body))
        argv = ["fetch", "--source", url, "--region", "ap-southeast-2", "--specs", str(specs)]
        assert main([*argv, "--quiet"]) == 0
    entry = json.loads((specs / "specs.lock.json").read_text())["schemas"][TYPES[0]]
    assert (entry["source"], entry["region"]) == (url, "ap-southeast-2")
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    assert _regions_named(out / LAMBDA) == {"ap-southeast-2"}


def test_a_specs_folder_fetched_from_keeps_the_regions_its_lock_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Another team's specs folder of eu-west-1 as the source of this one: its lock says whose
    # schemas they are, where the folder's path says nothing.
    theirs, specs, out = _fetched(tmp_path, "eu-west-1"), tmp_path / "ours", tmp_path / "out"
    assert main(["fetch", "--source", str(theirs), "--specs", str(specs), "--quiet"]) == 0
    entries = json.loads((specs / "specs.lock.json").read_text())["schemas"]
    assert {name: (e["source"], e["region"]) for name, e in entries.items()} == {
        name: ("../specs", "eu-west-1") for name in TYPES
    }
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    assert _regions_named(out / LAMBDA) == {"eu-west-1"}
    check = ["check", "--specs", str(specs), "--out", str(out), "--source", str(theirs)]
    assert main(check) == 0
    # Fetched again for us-east-1 there, the folder drifts here, in region alone.
    assert main(["fetch", "--source", "cfn-lint", "--specs", str(theirs), *TYPES]) == 0
    capsys.readouterr()
    assert main([*check, "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["kind"], f["before"], f["after"]) for f in findings] == [
        ("region-changed", "eu-west-1", "us-east-1")
    ] * 2
    # A lock there that cannot be read stops the fetch, naming it, and nothing is written.
    lock = theirs / "specs.lock.json"
    lock.write_text(lock.read_text().replace('"version": 1', '"version": 1,'))
    before = (specs / "specs.lock.json").read_bytes()
    assert main(["fetch", "--source", str(theirs), "--specs", str(specs)]) == 2
    said = capsys.readouterr().err
    assert said.startswith(f"error: {lock}:")
    assert said.endswith(
        "(mend it, as after a merge conflict: a fetch from the folder takes the regions its "
        "schemas were fetched for from it)\n"
    )
    assert (specs / "specs.lock.json").read_bytes() == before


def test_a_schema_a_specs_folder_holds_under_another_name_is_of_no_region_it_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The lock records the files fetch wrote: a schema under another name (myrole.json) is
    # not one of them, and generate of that folder names us-east-1 on its page. A fetch from
    # the folder takes it so too, and a check of the folder against itself is clean.
    theirs, specs, out = _fetched(tmp_path, "us-gov-west-1"), tmp_path / "ours", tmp_path / "out"
    (theirs / "aws-iam-role.json").rename(theirs / "myrole.json")
    assert main(["fetch", "--source", str(theirs), "--specs", str(specs), "--quiet"]) == 0
    entries = json.loads((specs / "specs.lock.json").read_text())["schemas"]
    assert {name: e.get("region") for name, e in entries.items()} == {
        "AWS::IAM::Role": None,
        "AWS::Lambda::EventInvokeConfig": "us-gov-west-1",
    }
    assert main(["generate", "--specs", str(theirs), "--out", str(out), "--quiet"]) == 0
    assert _regions_named(out / ROLE) == {"us-east-1"}
    capsys.readouterr()
    argv = ["check", "--specs", str(theirs), "--out", str(out), "--source", str(theirs)]
    assert main(argv) == 0, capsys.readouterr().out
