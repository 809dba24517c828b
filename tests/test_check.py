"""`check`: output freshness and schema drift, through the command line as CI runs it."""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import LAMBDA_SPEC, ROOT
from httpfixtures import LoopbackServer, Reply, serving

from generator.atomicfile import write_through
from generator.build import build
from generator.check import CheckReport, PageFinding, PageState, check_output, render_markdown
from generator.cli import main
from generator.errors import OutputError

PAGE = "aws/lambda/event_invoke_configs/index.mdx"
SES_SPEC = ROOT / "tests" / "data" / "specs" / "aws-ses-receiptruleset.json"
SES_FILES = ["aws/ses/_category_.json", "aws/ses/index.mdx", "aws/ses/receipt_rule_sets/index.mdx"]
FIX = "stackql-docgen generate --specs {specs} --out {out}"


@pytest.fixture
def out(specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """An output folder freshly written by `generate`."""
    folder = tmp_path / "out"
    assert main(["generate", "--specs", str(specs), "--out", str(folder), "--quiet"]) == 0
    capsys.readouterr()
    return folder


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    """A real HTTP server on 127.0.0.1."""
    yield from serving()


def run_check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `stackql-docgen check ARGV`; return the exit code, stdout and stderr."""
    code = main(["check", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def source_with_three_changes(tmp_path: Path) -> Path:
    """A source folder whose EventInvokeConfig gained a property and a permission and lost a
    name from `required`."""
    folder = tmp_path / "source"
    folder.mkdir()
    document = json.loads(LAMBDA_SPEC.read_text("utf-8"))
    document["properties"]["MaximumConcurrency"] = {"type": "integer"}
    document["required"].remove("Qualifier")
    document["handlers"]["read"]["permissions"].append("lambda:GetFunction")
    (folder / LAMBDA_SPEC.name).write_text(json.dumps(document, indent=1) + "\n", "utf-8")
    return folder


# The drift section of the source above.
THREE_CHANGES = (
    "#### `AWS::Lambda::EventInvokeConfig`\n"
    "\n"
    "- property `/properties/MaximumConcurrency` added (integer)\n"
    "- `/properties/Qualifier` is no longer required\n"
    "- handler `read` needs a new permission `lambda:GetFunction`\n"
)


def how_to_fix(commands: str, words: str = "") -> str:
    """A report's last section: `words` (a paragraph), then the `commands` (lines) to run."""
    return (
        "### How to fix\n"
        "\n"
        f"{words}"
        "```sh\n"
        f"{commands}"
        "```\n"
        "\n"
        "Then commit the changes to the schemas and the pages.\n"
    )


def fix_commands(report: str) -> str:
    """The commands of a report's How to fix section."""
    return report.split("```sh\n")[1].split("\n```")[0]


def run_fix(report: str) -> None:
    """Run a report's fix commands as printed (the installed command being this checkout)."""
    subprocess.run(
        [
            "sh",
            "-c",
            fix_commands(report).replace("stackql-docgen", f"{sys.executable} -m generator"),
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )


def three_changes_report(specs: Path, source: Path, fix: str, scope: str = "") -> str:
    """The whole report of the source above: the drift `From specs to source{scope}.`, then
    the `fix` commands (lines)."""
    return (
        "## stackql-docgen check\n"
        "\n"
        f"**3 findings**: 5 files current; 3 schema changes in 1 type from `{source}`.\n"
        "\n"
        "### Schema drift\n"
        "\n"
        f"From `{specs}` to `{source}`{scope}.\n"
        "\n"
        f"{THREE_CHANGES}"
        "\n"
        f"{how_to_fix(fix)}"
    )


# --- freshness ---------------------------------------------------------------------------------


def test_fresh_output_is_clean(specs, out, capsys):
    code, stdout, stderr = run_check(capsys, "--specs", str(specs), "--out", str(out))
    assert (code, stderr) == (0, "")
    assert stdout == (
        "## stackql-docgen check\n"
        "\n"
        "**No findings**: 5 files current; schema drift not checked (no `--source`).\n"
    )


def test_hand_edited_page_is_stale(specs, out, capsys):
    page = out / PAGE
    page.write_text(page.read_text("utf-8").replace("EventInvokeConfig", "Edited", 1), "utf-8")
    code, stdout, stderr = run_check(capsys, "--specs", str(specs), "--out", str(out))
    assert (code, stderr) == (1, "")
    assert stdout == (
        "## stackql-docgen check\n"
        "\n"
        "**1 finding**: 1 stale, 0 missing, 0 extra of 5 files; schema drift not checked "
        "(no `--source`).\n"
        "\n"
        "### Stale files\n"
        "\n"
        f"They differ from what `generate` writes now. Output folder: `{out}`.\n"
        "\n"
        f"- `{PAGE}`\n"
        "\n"
    ) + how_to_fix(f"{FIX.format(specs=specs, out=out)}\n")


def test_a_file_another_wrote_where_a_page_goes_is_a_conflict_not_stale(specs, tmp_path, capsys):
    out = tmp_path / "out"
    (out / "aws" / "lambda").mkdir(parents=True)
    (out / "aws" / "lambda" / "index.mdx").write_text("# Our own notes on Lambda\n", "utf-8")
    code, stdout, _ = run_check(capsys, "--specs", str(specs), "--out", str(out))
    assert code == 1
    assert "0 stale, 4 missing, 0 extra, 1 conflicting of 5 files" in stdout
    assert (
        "### Conflicting files\n\nNot written by the generator, at paths where it writes pages: "
        "`generate` stops rather than overwrite them."
    ) in stdout
    assert "- `aws/lambda/index.mdx`\n" in stdout
    assert "Move the conflicting files out of the output folder first.\n\n```sh\n" in stdout
    # generate refuses, as the report says; moved away, the same fix works.
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 2
    (out / "aws" / "lambda" / "index.mdx").rename(tmp_path / "notes.mdx")
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    assert run_check(capsys, "--specs", str(specs), "--out", str(out))[0] == 0


def test_a_folder_or_file_in_the_way_of_a_page_is_a_conflict_that_generate_names(
    specs, tmp_path, capsys
):
    page = tmp_path / "a" / PAGE
    page.mkdir(parents=True)  # a folder where the page goes
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "aws").write_text("notes\n", "utf-8")  # a file where a folder goes
    fifo = tmp_path / "c" / PAGE
    fifo.parent.mkdir(parents=True)
    os.mkfifo(fifo)  # generate waited for a writer to it for ever
    for out, conflicts, error in (
        (tmp_path / "a", [PAGE], f"{page}: a folder, not written by stackql-docgen, stands "),
        # It listed the five files under `aws`, none there, not the file that is.
        (tmp_path / "b", ["aws"], f"{tmp_path / 'b' / 'aws'}: a file that is no folder, not "),
        (tmp_path / "c", [PAGE], f"{fifo}: no regular file, not written by stackql-docgen, "),
    ):
        code, stdout, _ = run_check(capsys, "--specs", str(specs), "--out", str(out))
        assert code == 1 and "1 conflicting of 5 files" in stdout
        listed = stdout.split("### Conflicting files")[1].split("###")[0]
        assert [line[3:-1] for line in listed.splitlines() if line.startswith("- ")] == conflicts
        assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 2
        assert capsys.readouterr().err.startswith(f"error: {error}")


def test_deleted_page_is_missing_and_generate_fixes_it(specs, out, capsys):
    (out / PAGE).unlink()
    code, stdout, _ = run_check(capsys, "--specs", str(specs), "--out", str(out))
    assert code == 1
    assert "\n### Missing files\n" in stdout and f"\n- `{PAGE}`\n" in stdout
    assert "1 stale" not in stdout and "0 stale, 1 missing, 0 extra of 5 files" in stdout
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    assert run_check(capsys, "--specs", str(specs), "--out", str(out))[0] == 0


def test_owned_page_of_a_type_no_longer_in_specs_is_extra(specs, tmp_path, capsys):
    out = tmp_path / "out"
    shutil.copy(SES_SPEC, specs)
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    (specs / SES_SPEC.name).unlink()
    code, stdout, _ = run_check(
        capsys, "--specs", str(specs), "--out", str(out), "--format", "json"
    )
    assert code == 1
    findings = json.loads(stdout)["findings"]
    assert [(f["kind"], f["path"]) for f in findings] == [
        ("stale", "aws/index.mdx"),  # the provider index no longer lists SES
        *(("extra", path) for path in SES_FILES),
    ]
    assert findings[1]["message"] == "was written by the generator but is no longer built"


def test_an_extra_page_of_a_type_whose_schema_is_skipped_says_why(specs, tmp_path, capsys):
    out = tmp_path / "out"
    shutil.copy(SES_SPEC, specs)
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    schema = json.loads((specs / SES_SPEC.name).read_text("utf-8"))
    del schema["handlers"]  # still in --specs, but Cloud Control cannot manage it
    (specs / SES_SPEC.name).write_text(json.dumps(schema), "utf-8")
    why = (
        ": its schema, aws-ses-receiptruleset.json, is skipped "
        "(no handlers: Cloud Control cannot manage it)"
    )
    code, stdout, _ = run_check(capsys, "--specs", str(specs), "--out", str(out))
    assert code == 1
    assert f"- `aws/ses/receipt_rule_sets/index.mdx`{why}\n" in stdout
    assert "- `aws/ses/index.mdx`\n" in stdout  # (the service's index: no schema of its own)
    code, stdout, _ = run_check(
        capsys, "--specs", str(specs), "--out", str(out), "--format", "json"
    )
    messages = {f["path"]: f["message"] for f in json.loads(stdout)["findings"]}
    assert messages[SES_FILES[2]] == f"was written by the generator but is no longer built{why}"
    assert messages[SES_FILES[1]] == "was written by the generator but is no longer built"


def test_a_signed_page_no_record_names_and_no_schema_builds_is_left_behind(specs, out, capsys):
    # A page of a removed type that a merge kept (its record entry lost): generate leaves it,
    # as a file its record does not name, and check names it for removal.
    page = (out / "aws" / "lambda" / "event_invoke_configs" / "index.mdx").read_bytes()
    (out / "aws" / "lambda" / "old_configs").mkdir()
    (out / "aws" / "lambda" / "old_configs" / "index.mdx").write_bytes(page)
    (out / "aws" / "lambda" / "notes").mkdir()  # a page of the user's, without the sign
    (out / "aws" / "lambda" / "notes" / "index.mdx").write_text("mine\n", "utf-8")
    # another path to a page there, through a link: the page itself is no leftover
    (out / "aws" / "lambda" / "alias").symlink_to("event_invoke_configs")
    code, stdout, _ = run_check(capsys, "--specs", str(specs), "--out", str(out))
    assert code == 1
    assert "0 stale, 0 missing, 0 extra, 1 left behind of 5 files" in stdout
    assert "### Pages left behind" in stdout
    assert "- `aws/lambda/old_configs/index.mdx`\n" in stdout and "notes" not in stdout
    assert "alias" not in stdout
    assert "Remove the pages left behind (`git rm`): `generate` does not." in stdout
    assert "stackql-docgen generate" not in stdout  # (it would change nothing)
    code, stdout, _ = run_check(
        capsys, "--specs", str(specs), "--out", str(out), "--format", "json"
    )
    document = json.loads(stdout)
    assert document["summary"]["left-behind"] == 1
    assert [(f["kind"], f["path"]) for f in document["findings"]] == [
        ("left-behind", "aws/lambda/old_configs/index.mdx")
    ]
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 0
    assert "0 written, 5 unchanged, 0 removed" in capsys.readouterr().out
    assert (out / "aws" / "lambda" / "old_configs" / "index.mdx").read_bytes() == page
    # a check of named types looks at their pages only
    code, stdout, _ = run_check(
        capsys, "AWS::Lambda::EventInvokeConfig", "--specs", str(specs), "--out", str(out)
    )
    assert code == 0
    shutil.rmtree(out / "aws" / "lambda" / "old_configs")
    code, stdout, _ = run_check(capsys, "--specs", str(specs), "--out", str(out))
    assert code == 0 and "**No findings**" in stdout


def test_hand_written_files_in_out_are_never_reported(specs, out, capsys):
    (out / "README.md").write_text("mine\n", "utf-8")
    (out / "aws" / "lambda" / "notes.mdx").write_text("also mine\n", "utf-8")
    (out / "aws" / "gone").mkdir()
    (out / "aws" / "gone" / "index.mdx").write_text("a page of my own\n", "utf-8")
    code, stdout, _ = run_check(capsys, "--specs", str(specs), "--out", str(out))
    assert code == 0 and "**No findings**" in stdout


def test_check_output_on_a_site_built_in_memory(specs, out):
    site = build(specs)
    assert check_output(site, out) == ()
    assert check_output(site, out / "nowhere") == tuple(
        PageFinding(PageState.MISSING, page.path, "is built but not in the output folder")
        for page in site.pages
    )


def test_json_report_has_sorted_keys_a_summary_and_the_findings(specs, out, tmp_path, capsys):
    (out / PAGE).write_text("edited\n", "utf-8")
    report = tmp_path / "report.json"
    code, stdout, _ = run_check(
        capsys,
        "--specs",
        str(specs),
        "--out",
        str(out),
        "--format",
        "json",
        "--report",
        str(report),
    )
    assert code == 1
    document = json.loads(stdout)
    assert stdout == json.dumps(document, indent=2, sort_keys=True) + "\n"
    assert report.read_text("utf-8") == stdout
    assert document == {
        "summary": {
            "clean": False,
            "findings": 1,
            "files": 5,
            "stale": 1,
            "missing": 0,
            "extra": 0,
            "conflict": 0,
            "left-behind": 0,
            "drift": 0,
            "drifted_types": 0,
            "specs": str(specs),
            "out": str(out),
            "source": None,
            "types": None,  # the drift of every type (no TYPE named)
        },
        "findings": [
            {
                "category": "output",
                "kind": "stale",
                "path": PAGE,
                "message": "differs from what `stackql-docgen generate` writes",
            }
        ],
    }


# --- drift -------------------------------------------------------------------------------------


def test_drift_from_a_source_then_fetch_and_generate_make_it_clean(specs, out, tmp_path, capsys):
    source = source_with_three_changes(tmp_path)
    summary = tmp_path / "summary.md"
    code, stdout, stderr = run_check(
        capsys,
        "--specs",
        str(specs),
        "--out",
        str(out),
        "--source",
        str(source),
        "--report",
        str(summary),
    )
    assert (code, stderr) == (1, "")
    assert summary.read_text("utf-8") == stdout
    assert stdout == three_changes_report(
        specs,
        source,
        f"stackql-docgen fetch --source {source} --specs {specs}\n"
        f"{FIX.format(specs=specs, out=out)}\n",
    )
    assert main(["fetch", "--source", str(source), "--specs", str(specs)]) == 0
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    capsys.readouterr()
    code, stdout, _ = run_check(
        capsys, "--specs", str(specs), "--out", str(out), "--source", str(source)
    )
    assert code == 0
    assert stdout.endswith(f"**No findings**: 5 files current; no schema drift from `{source}`.\n")


def test_drift_from_a_zip_served_on_loopback(specs, out, tmp_path, server, capsys):
    changed = source_with_three_changes(tmp_path) / LAMBDA_SPEC.name
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(LAMBDA_SPEC.name, changed.read_bytes())
        archive.writestr(
            "aws-test-widget.json",
            json.dumps({"typeName": "AWS::Test::Widget", "properties": {"Id": {"type": "string"}}}),
        )
    url = server.route("/CloudformationSchema.zip", Reply(body=buffer.getvalue()))
    code, stdout, _ = run_check(
        capsys, "--specs", str(specs), "--out", str(out), "--source", url, "--format", "json"
    )
    assert code == 1
    document = json.loads(stdout)
    assert document["summary"]["source"] == url
    assert [
        (f["kind"], f["type"], f["pointer"], f["before"], f["after"]) for f in document["findings"]
    ] == [
        (
            "property-added",
            "AWS::Lambda::EventInvokeConfig",
            "/properties/MaximumConcurrency",
            None,
            "integer",
        ),
        (
            "required-removed",
            "AWS::Lambda::EventInvokeConfig",
            "/properties/Qualifier",
            "/properties/Qualifier",
            None,
        ),
        (
            "permission-added",
            "AWS::Lambda::EventInvokeConfig",
            "/handlers/read/permissions",
            None,
            "lambda:GetFunction",
        ),
        ("type-added", "AWS::Test::Widget", "", None, "AWS::Test::Widget"),
    ]


def test_a_source_address_with_secrets_is_shown_without_them_and_said_so(
    specs, out, tmp_path, server, capsys
):
    changed = source_with_three_changes(tmp_path) / LAMBDA_SPEC.name
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(LAMBDA_SPEC.name, changed.read_bytes())
    query = "?X-Amz-Signature=abc"  # (a presigned address: the server sees the query)
    signed = server.route("/CloudformationSchema.zip" + query, Reply(body=buffer.getvalue()))
    url = signed.removesuffix(query)
    secret = url.replace("http://", "http://user:s3cret@") + query
    code, stdout, _ = run_check(
        capsys, "--specs", str(specs), "--out", str(out), "--source", secret
    )
    assert code == 1
    assert "s3cret" not in stdout and "abc" not in stdout
    assert (
        f"`{url}` is the source's address without its credentials or query, which are not "
        "shown: give `fetch` the address as you gave it to `check`."
    ) in stdout
    assert f"stackql-docgen fetch --source {url} --specs {specs}" in stdout
    # (an address that had none to leave out: no such words)
    plain = server.route("/plain/CloudformationSchema.zip", Reply(body=buffer.getvalue()))
    code, stdout, _ = run_check(capsys, "--specs", str(specs), "--out", str(out), "--source", plain)
    assert code == 1 and "credentials" not in stdout


def test_types_removed_come_with_a_fetch_that_prunes_their_schemas(specs, out, tmp_path, capsys):
    source = tmp_path / "source"  # the SES type only: EventInvokeConfig is gone from it
    source.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "specs" / "aws-ses-receiptruleset.json", source)
    argv = ["--specs", str(specs), "--out", str(out), "--source", str(source)]
    code, stdout, _ = run_check(capsys, *argv)
    assert code == 1
    assert "1 type added, 1 type removed from" in stdout
    assert "#### Types removed\n\n- `AWS::Lambda::EventInvokeConfig`\n" in stdout
    assert fix_commands(stdout).startswith(
        f"stackql-docgen fetch --prune --source {source} --specs {specs}\n"
    )
    run_fix(stdout)  # run as printed, the commands make check clean
    assert run_check(capsys, *argv)[0] == 0


def test_a_zip_of_schemas_is_told_to_be_unpacked_for_the_fix(specs, out, tmp_path, capsys):
    archive = tmp_path / "specs.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(LAMBDA_SPEC, LAMBDA_SPEC.name)
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "specs" / "aws-ses-receiptruleset.json", source)
    code, stdout, _ = run_check(
        capsys, "--specs", str(archive), "--out", str(out), "--source", str(source)
    )
    assert code == 1
    assert stdout.endswith(
        f"### How to fix\n\n`{archive}` is a zip, which `fetch` does not write into: unpack it "
        "into a folder of schemas, pass that as `--specs`, and check again for the commands.\n"
    )


def test_pages_from_a_zip_of_any_name_or_layout_are_those_of_the_folder(specs, out, tmp_path):
    # A page names its schema file alone: not `CloudformationSchema.zip!aws-...json`, which
    # would make every page stale where the zip is renamed or the schemas unpacked.
    for name, member in [
        ("CloudformationSchema.zip", LAMBDA_SPEC.name),
        ("Schemas-2026-11-30.zip", LAMBDA_SPEC.name),
        ("nested.zip", f"schemas/{LAMBDA_SPEC.name}"),
    ]:
        archive = tmp_path / name
        with zipfile.ZipFile(archive, "w") as z:
            z.write(LAMBDA_SPEC, member)
        assert check_output(build(archive, models=False), out) == ()
    assert f"from {LAMBDA_SPEC.name}: do not edit" in (out / PAGE).read_text("utf-8")


def test_a_change_the_pages_do_not_show_is_still_drift(specs, out, tmp_path, capsys):
    source = tmp_path / "source"
    source.mkdir()
    argv = ["--specs", str(specs), "--out", str(out), "--source", str(source)]
    heading = "#### `AWS::Lambda::EventInvokeConfig`\n\n- "
    document = json.loads(LAMBDA_SPEC.read_text("utf-8"))
    document["properties"]["MaximumRetryAttempts"]["maximum"] = 3
    (source / LAMBDA_SPEC.name).write_text(json.dumps(document), "utf-8")
    code, stdout, _ = run_check(capsys, *argv)
    assert code == 1
    assert (
        f"{heading}the schema changed where this report does not itemize it, at "
        "`/properties/MaximumRetryAttempts/maximum`: its page may change too\n"
    ) in stdout
    # The same document in another layout is drift of its own: a fetch rewrites the file (it
    # was no drift, and the weekly workflow opened a pull request of changed schemas whose
    # report said "No findings").
    (source / LAMBDA_SPEC.name).write_text(json.dumps(json.loads(LAMBDA_SPEC.read_text())))
    code, stdout, _ = run_check(capsys, *argv)
    assert code == 1
    assert (
        f"{heading}only the layout of its JSON text changed (spaces, line breaks, the order of "
        "keys): a `fetch` rewrites the file, and no page changes\n"
    ) in stdout
    # The same bytes are no drift.
    shutil.copy(LAMBDA_SPEC, source)
    assert run_check(capsys, *argv)[0] == 0


def test_a_report_file_is_written_as_a_shell_would_write_it(specs, out, tmp_path, capsys):
    # Through a symbolic link to the file it names (the link stays), and into a FIFO.
    kept = tmp_path / "kept.md"
    kept.write_text("old\n", "utf-8")
    (tmp_path / "report.md").symlink_to(kept)
    code, stdout, _ = run_check(
        capsys, "--specs", str(specs), "--out", str(out), "--report", str(tmp_path / "report.md")
    )
    assert code == 0 and (tmp_path / "report.md").is_symlink()
    assert kept.read_text("utf-8") == stdout
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with ThreadPoolExecutor(1) as pool:  # a FIFO's writer waits for its reader
        read = pool.submit(fifo.read_text, "utf-8")
        code, stdout, _ = run_check(
            capsys, "--specs", str(specs), "--out", str(out), "--report", str(fifo)
        )
        assert read.result(timeout=30) == stdout
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)  # the shell's `>` fails; it was replaced by a file
    with pytest.raises(SystemExit) as exit_:  # refused before the report is printed
        main(["check", "--specs", str(specs), "--out", str(out), "--report", str(loop)])
    assert exit_.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.endswith(
        f"error: argument --report: {loop}: a loop of symbolic links\n"
    )
    assert loop.is_symlink()
    with pytest.raises(OutputError, match="cannot write: Too many levels of symbolic links"):
        write_through(loop, b"x")  # and so the writer, for its other callers


def test_an_empty_report_path_or_one_in_no_folder_is_a_usage_error(specs, out, capsys):
    # `--report "$GITHUB_STEP_SUMMARY"` where the variable is not set.
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--specs", str(specs), "--out", str(out), "--report", ""])
    assert exit_.value.code == 2
    assert "argument --report: expected a file, got an empty path" in capsys.readouterr().err
    # A report into a folder that is not there: refused before the report is printed.
    report = out / "nowhere" / "report.md"
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--specs", str(specs), "--out", str(out), "--report", str(report)])
    captured = capsys.readouterr()
    assert (exit_.value.code, captured.out) == (2, "")
    assert f"argument --report: {report}: no such folder as {report.parent}" in captured.err
    # A folder, as a report path: refused before the report is printed, not after.
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--specs", str(specs), "--out", str(out), "--report", str(out)])
    captured = capsys.readouterr()
    assert (exit_.value.code, captured.out) == (2, "")
    assert f"argument --report: {out}: a folder, not a file" in captured.err


def test_long_reports_are_cut_to_fit_a_pull_request_comment(tmp_path):
    from generator.check import CheckReport, PageFinding, PageState, render_markdown
    from generator.drift import Drift, DriftKind

    pages = tuple(PageFinding(PageState.MISSING, f"aws/s{i:04}/index.mdx", "") for i in range(2000))
    drift = tuple(
        Drift(
            DriftKind.DESCRIPTION_CHANGED,
            f"AWS::S{i:04}::T",
            "",
            "a",
            "b",
            "description of the type changed",
        )
        for i in range(3000)
    )
    text = render_markdown(CheckReport("specs", "out", "src", 2000, pages, drift))
    assert len(text) < 65_536
    assert "- … and 1800 more files (the whole list: `--format json`)\n" in text
    assert "more types (the whole list: `--format json`)." in text
    assert text.endswith("Then commit the changes to the schemas and the pages.\n")


def test_a_report_with_every_list_long_still_fits(tmp_path):
    # Each list alone is cut; together (three kinds of paths, types added and removed, changes)
    # they would pass 65,536 characters, so each is cut shorter.
    from generator.check import (
        MAX_MARKDOWN_CHARS,
        CheckReport,
        PageFinding,
        PageState,
        render_markdown,
    )
    from generator.drift import Drift, DriftKind

    long = "aws/a_rather_long_service_name/a_rather_long_resource_name_{}/index.mdx"
    pages = tuple(
        PageFinding(state, long.format(i), "")
        for state in (PageState.STALE, PageState.MISSING, PageState.EXTRA)
        for i in range(2000)
    )
    drift = tuple(
        Drift(kind, f"AWS::{tag}{i:04}::T", "", None, None, kind.value)
        for kind, tag in ((DriftKind.TYPE_ADDED, "A"), (DriftKind.TYPE_REMOVED, "R"))
        for i in range(2000)
    ) + tuple(
        Drift(DriftKind.DESCRIPTION_CHANGED, f"AWS::C{i:04}::T", "", "a", "b", "x" * 60)
        for i in range(3000)
    )
    text = render_markdown(CheckReport("specs", "out", "src", 6000, pages, drift))
    assert len(text) <= MAX_MARKDOWN_CHARS
    assert "- … and 1900 more files (the whole list: `--format json`)\n" in text
    assert "- … and 1900 more types (the whole list: `--format json`)\n" in text
    assert text.endswith("Then commit the changes to the schemas and the pages.\n")


def test_types_of_weighty_changes_come_first_in_the_report(tmp_path):
    # A week of AWS's schemas changes hundreds of descriptions: where the report's length cuts
    # it short, a removed column or a new verb must not be what it cut.
    from generator.drift import Drift, DriftKind

    drift = (
        Drift(DriftKind.DESCRIPTION_CHANGED, "AWS::A::Words", "", "a", "b", "description"),
        Drift(DriftKind.PERMISSION_ADDED, "AWS::B::Permission", "", None, "b:X", "permission"),
        Drift(DriftKind.DESCRIPTION_CHANGED, "AWS::C::Handler", "", "a", "b", "description"),
        Drift(DriftKind.HANDLER_ADDED, "AWS::C::Handler", "/handlers/update", None, None, "h"),
        Drift(DriftKind.PROPERTY_REMOVED, "AWS::D::Column", "/properties/X", "x", None, "gone"),
    )
    text = render_markdown(CheckReport("specs", "out", "src", 5, (), drift))
    headings = [line for line in text.splitlines() if line.startswith("#### ")]
    assert headings == [
        "#### `AWS::C::Handler`",
        "#### `AWS::D::Column`",
        "#### `AWS::B::Permission`",
        "#### `AWS::A::Words`",
    ]


def test_many_changed_descriptions_of_a_type_are_counted_not_listed(tmp_path):
    from generator.drift import Drift, DriftKind

    pointers = [f"/properties/P{i}" for i in range(5)]
    drift = (
        Drift(DriftKind.PROPERTY_ADDED, "AWS::A::B", "/properties/New", None, "x", "added"),
        *(
            Drift(DriftKind.DESCRIPTION_CHANGED, "AWS::A::B", p, "a", "b", f"description of {p}")
            for p in pointers
        ),
        *(
            Drift(DriftKind.DESCRIPTION_CHANGED, "AWS::C::D", p, "a", "b", f"description of {p}")
            for p in pointers[:3]
        ),
    )
    text = render_markdown(CheckReport("specs", "out", "src", 5, (), drift))
    assert (
        "#### `AWS::A::B`\n\n- added\n"
        "- the descriptions of 5 members changed (each: `--format json`)\n\n"
    ) in text
    assert "- description of /properties/P2\n" in text.split("#### `AWS::C::D`")[1]


def test_long_lists_of_types_are_folded(tmp_path):
    from generator.drift import Drift, DriftKind

    added = tuple(
        Drift(DriftKind.TYPE_ADDED, f"AWS::T::R{i:02}", "", None, f"AWS::T::R{i:02}", "type added")
        for i in range(21)
    )
    text = render_markdown(CheckReport("specs", "output", "src.zip", 5, (), added))
    assert "**21 findings**: 5 files current; 21 types added from `src.zip`." in text
    assert "#### Types added\n\n<details>\n<summary>21 types</summary>\n\n- `AWS::T::R00`\n" in text


# --- bad input: exit 2, one line on stderr, nothing on stdout ---------------------------------


def test_failed_fetch_is_exit_2(specs, out, server, capsys):
    url = server.route("/gone.zip", Reply(status=404))
    code, stdout, stderr = run_check(
        capsys, "--specs", str(specs), "--out", str(out), "--source", url
    )
    assert (code, stdout) == (2, "")
    assert stderr == f"error: {url}: HTTP 404 Not Found\n"


def test_missing_source_is_exit_2(specs, out, tmp_path, capsys):
    code, stdout, stderr = run_check(
        capsys, "--specs", str(specs), "--out", str(out), "--source", str(tmp_path / "nope.zip")
    )
    assert (code, stdout) == (2, "")
    assert stderr == f"error: {tmp_path / 'nope.zip'}: no such file or folder\n"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "broken.json",
            '{"typeName": "AWS::Broken::Thing", "properties": 1}',
            "{source}/broken.json#/properties: expected a non-empty object of properties",
        ),
        # None is bad input, not a source whose every type was removed.
        ("README.txt", "no schemas here", "{source}: no schemas (*.json) in it"),
    ],
)
def test_a_source_that_is_no_set_of_schemas_is_exit_2(
    specs, out, tmp_path, capsys, name, text, message
):
    source = tmp_path / "source"
    source.mkdir()
    (source / name).write_text(text)
    code, stdout, stderr = run_check(
        capsys, "--specs", str(specs), "--out", str(out), "--source", str(source)
    )
    assert (code, stdout) == (2, "")
    assert stderr == "error: " + message.format(source=source) + "\n"


def test_missing_specs_folder_is_exit_2(tmp_path, capsys):
    code, stdout, stderr = run_check(
        capsys, "--specs", str(tmp_path / "nope"), "--out", str(tmp_path)
    )
    assert (code, stdout) == (2, "")
    assert stderr == f"error: {tmp_path / 'nope'}: no such folder of schemas\n"


def test_a_missing_output_folder_is_exit_2_not_every_page_missing(specs, out, tmp_path, capsys):
    # A mistyped --out named every page missing, and its fix generated into the typo.
    typo = tmp_path / "outptu"
    code, stdout, stderr = run_check(capsys, "--specs", str(specs), "--out", str(typo))
    assert (code, stdout) == (2, "")
    assert stderr == f"error: {typo}: no such folder of pages (run stackql-docgen generate)\n"
    assert not typo.exists()


def test_an_out_that_is_a_file_is_exit_2_as_in_generate(specs, tmp_path, capsys):
    file = tmp_path / "notes.txt"
    file.write_text("mine\n")
    for command in ("check", "generate"):
        code = main([command, "--specs", str(specs), "--out", str(file)])
        assert (code, capsys.readouterr().err) == (2, f"error: {file}: not a folder\n")


def test_a_broken_record_says_how_to_mend_it_and_the_mend_works(specs, out, capsys):
    record = out / ".stackql-docgen.json"
    record.write_text("<<<<<<< HEAD\n")  # a merge conflict
    code, stdout, stderr = run_check(capsys, "--specs", str(specs), "--out", str(out))
    assert (code, stdout) == (2, "")
    assert stderr == (
        f"error: {record}:1:1: unreadable record of generated files (invalid JSON: Expecting "
        "value); delete it and run stackql-docgen generate, which takes back the pages it "
        "signed (files of types no longer built are then left for you to remove)\n"
    )
    record.unlink()
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    assert run_check(capsys, "--specs", str(specs), "--out", str(out))[0] == 0


def test_a_record_deleted_is_missing_and_generate_writes_it_again(specs, out, capsys):
    # Deleted in a pull request (or a merge), it went unnoticed: no page of a type removed
    # later would then be known for the generator's, nor removed.
    (out / ".stackql-docgen.json").unlink()
    folders = ("--specs", str(specs), "--out", str(out))
    code, stdout, _ = run_check(capsys, *folders, "--format", "json")
    assert code == 1
    assert [(f["kind"], f["path"]) for f in json.loads(stdout)["findings"]] == [
        ("missing", ".stackql-docgen.json")
    ]
    stdout = run_check(capsys, *folders)[1]
    assert (
        "- `.stackql-docgen.json` is the record of the files the generator wrote, not in the "
        "output folder: without it, no page of a type removed later is known for the "
        "generator's. Restore it if it was there (`git checkout`), else a `generate` of every "
        "type writes it anew, and leaves the pages of types removed meanwhile for you to "
        "remove.\n"
    ) in stdout
    # (a site that has git ignore the record would fail every check)
    assert stdout.endswith(
        "Then commit the changes to the schemas and the pages, and the record "
        "`.stackql-docgen.json`.\n"
    )
    assert main(["generate", *folders]) == 0  # (which says so, where no page changed)
    assert capsys.readouterr().out == (
        f"5 files: 0 written, 5 unchanged, 0 removed, 0 types skipped ({out}); wrote the "
        "record of its files, .stackql-docgen.json\n"
    )
    assert run_check(capsys, *folders)[0] == 0


def test_without_a_record_the_types_named_keep_the_index_pages_whole(specs, tmp_path, capsys):
    # The record lost (deleted, or one side's taken in a merge): the index pages of a generate
    # (or check) of named types still list the pages that are there, and check's fix is a
    # generate of every type, which alone writes the record whole.
    shutil.copy(SES_SPEC, specs)
    out = tmp_path / "out"
    folders = ("--specs", str(specs), "--out", str(out))
    assert main(["generate", *folders, "-q"]) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    record = out / ".stackql-docgen.json"
    record.unlink()
    ses = "AWS::SES::ReceiptRuleSet"
    code, stdout, _ = run_check(capsys, ses, *folders, "--format", "json")
    assert code == 1
    assert [(f["kind"], f["path"]) for f in json.loads(stdout)["findings"]] == [
        ("missing", ".stackql-docgen.json")
    ]
    assert FIX.format(specs=specs, out=out) + "\n```" in run_check(capsys, ses, *folders)[1]
    assert main(["generate", ses, *folders, "-q"]) == 0
    assert "[lambda](./lambda/index.mdx)" in (out / "aws" / "index.mdx").read_text()
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and p != record} == {
        p: b for p, b in before.items() if p != record
    }
    assert main(["generate", *folders, "-q"]) == 0
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    # One side's record: the page it does not name is linked all the same.
    files = json.loads(before[record])["files"]
    record.write_text(json.dumps({"files": [f for f in files if "/lambda/" not in f]}))
    assert main(["generate", ses, *folders, "-q"]) == 0
    assert "[lambda](./lambda/index.mdx)" in (out / "aws" / "index.mdx").read_text()


def test_a_record_that_lost_names_is_stale_and_generate_mends_it(specs, tmp_path, capsys):
    # A merge that took one side's record: the pages of the other side's types are not named,
    # and would stay behind when their type goes.
    shutil.copy(SES_SPEC, specs)
    out = tmp_path / "out"
    folders = ("--specs", str(specs), "--out", str(out))
    assert main(["generate", *folders, "-q"]) == 0
    record = out / ".stackql-docgen.json"
    whole = record.read_bytes()
    files = json.loads(whole)["files"]
    record.write_text(json.dumps({"files": [f for f in files if "/ses/" not in f]}))
    code, stdout, _ = run_check(capsys, *folders, "--format", "json")
    assert code == 1
    assert json.loads(stdout)["findings"] == [
        {
            "category": "output",
            "kind": "stale",
            "path": ".stackql-docgen.json",
            "message": "does not name 3 files the generator wrote (aws/ses/_category_.json, "
            "aws/ses/index.mdx, aws/ses/receipt_rule_sets/index.mdx): none of them would be "
            "removed with its type",
        }
    ]
    assert main(["generate", *folders]) == 0
    assert capsys.readouterr().out.startswith("8 files: 0 written, 8 unchanged")
    assert record.read_bytes() == whole
    assert run_check(capsys, *folders)[0] == 0


def test_a_record_not_as_generate_writes_it_is_stale(specs, out, capsys):
    # A name of no file, another order: generate would write it over, so check says so.
    record = out / ".stackql-docgen.json"
    whole = record.read_bytes()
    files = json.loads(whole)["files"]
    folders = ("--specs", str(specs), "--out", str(out))
    for changed in ([*files, "aws/gone/index.mdx"], files[::-1]):
        record.write_text(json.dumps({"files": changed}))
        code, stdout, _ = run_check(capsys, *folders, "--format", "json")
        assert code == 1
        assert [(f["kind"], f["path"]) for f in json.loads(stdout)["findings"]] == [
            ("stale", ".stackql-docgen.json")
        ]
        assert main(["generate", *folders, "-q"]) == 0
        assert record.read_bytes() == whole
        assert run_check(capsys, *folders)[0] == 0


def test_without_its_record_no_file_is_taken_for_the_generators(specs, tmp_path, capsys):
    # Not even one that bears its sign: anyone may copy a page (and its sign) by hand.
    shutil.copy(SES_SPEC, specs)
    out = tmp_path / "out"
    folders = ("--specs", str(specs), "--out", str(out))
    assert main(["generate", *folders, "-q"]) == 0
    (out / ".stackql-docgen.json").unlink()
    (out / "guides").mkdir()
    shutil.copy(out / PAGE, out / "guides" / "index.mdx")
    (specs / SES_SPEC.name).unlink()
    assert main(["generate", *folders, "-q"]) == 0
    assert (out / "guides" / "index.mdx").is_file()
    assert all((out / path).is_file() for path in SES_FILES)  # left for the user to remove


def test_drift_from_cfn_lint_of_another_region(specs, out, capsys):
    folders = ("--specs", str(specs), "--out", str(out))
    code, stdout, stderr = run_check(capsys, *folders, "--source", "cfn-lint:eu-west-1")
    assert (code, stderr) == (1, "")
    # EventInvokeConfig's schema is the same there: the region it was fetched for is not.
    counts = "1633 types added, 1 schema change in 1 type from `cfn-lint:eu-west-1`."
    assert counts in stdout
    assert "- region `us-east-1`, where the source's is `eu-west-1`" in stdout
    # --region as fetch takes it; the fix fetches from the same region.
    code, stdout, _ = run_check(capsys, *folders, "--source", "cfn-lint", "--region", "eu-west-1")
    assert code == 1 and counts in stdout
    assert f"stackql-docgen fetch --source cfn-lint:eu-west-1 --specs {specs}\n" in stdout
    # A --region with no --source names the region of nothing.
    code, stdout, stderr = run_check(capsys, *folders, "--region", "eu-west-1")
    assert (code, stdout) == (2, "")
    assert stderr == "error: --region names the region of --source: give --source too\n"


def test_fixes_never_write_into_the_bundled_schemas(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # no specs folder here: the package's own are read
    assert main(["generate", "-q"]) == 0
    (tmp_path / "output" / PAGE).write_text("edited\n")
    code, stdout, _ = run_check(capsys)
    assert code == 1
    assert "```sh\nstackql-docgen generate --out output\n```" in stdout
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "specs" / "aws-ses-receiptruleset.json", source)
    code, stdout, _ = run_check(capsys, "--source", str(source))
    assert (
        f"```sh\nstackql-docgen fetch --prune --source {source} --specs specs\n"
        "stackql-docgen generate --specs specs --out output\n```"
    ) in stdout


# --- drift of named types ----------------------------------------------------------------------


def test_named_types_narrow_the_drift_and_the_fix_fetches_them_by_name(
    specs, out, tmp_path, capsys
):
    # The source has two more types than specs; specs holds the one type fetched by name.
    source = source_with_three_changes(tmp_path)
    shutil.copy(SES_SPEC, source)
    argv = ["--specs", str(specs), "--out", str(out), "--source", str(source)]
    assert "1 type added" in run_check(capsys, *argv)[1]  # every type: SES is new
    code, stdout, stderr = run_check(capsys, "aws::lambda::eventinvokeconfig", *argv)
    assert (code, stderr) == (1, "")
    assert stdout == three_changes_report(
        specs,
        source,
        "stackql-docgen fetch AWS::Lambda::EventInvokeConfig "
        f"--source {source} --specs {specs}\n"
        f"stackql-docgen generate AWS::Lambda::EventInvokeConfig --specs {specs} --out {out}\n",
        scope=", for `AWS::Lambda::EventInvokeConfig`",
    )
    run_fix(stdout)  # run as printed, the commands make this check clean
    assert run_check(capsys, "AWS::Lambda::EventInvokeConfig", *argv)[0] == 0
    assert sorted(p.name for p in specs.glob("aws-*.json")) == [LAMBDA_SPEC.name]  # no SES


def test_the_fix_of_a_type_held_under_another_file_name_works_as_printed(
    specs, out, tmp_path, capsys
):
    # specs/mytopic.json: the fix's `fetch` refused it ("move it out of specs first"), with
    # TYPEs or without. Without, the fix prunes it now; with, it says to move it first.
    source = source_with_three_changes(tmp_path)
    (specs / LAMBDA_SPEC.name).rename(specs / "mine.json")
    argv = ["--specs", str(specs), "--out", str(out), "--source", str(source)]
    code, stdout, _ = run_check(capsys, *argv)
    assert code == 1
    assert stdout.endswith(
        how_to_fix(
            f"stackql-docgen fetch --prune --source {source} --specs {specs}\n"
            f"stackql-docgen generate --specs {specs} --out {out}\n"
        )
    )
    eic = "AWS::Lambda::EventInvokeConfig"
    code, named, _ = run_check(capsys, eic, *argv)
    assert named.endswith(
        how_to_fix(
            f"stackql-docgen fetch {eic} --source {source} --specs {specs}\n"
            f"stackql-docgen generate {eic} --specs {specs} --out {out}\n",
            f"Move `{specs / 'mine.json'}` out of `{specs}` first: `fetch` writes each schema "
            "under its type's file name, and refuses a type that the folder holds under "
            "another.\n\n",
        )
    )
    run_fix(stdout)  # run as printed, the commands make this check clean
    assert run_check(capsys, *argv)[0] == 0
    assert sorted(p.name for p in specs.glob("*.json")) == [LAMBDA_SPEC.name, "specs.lock.json"]


def test_a_named_type_the_source_lost_is_to_be_named_no_more_and_deleted(
    specs, out, tmp_path, capsys
):
    source = tmp_path / "source"  # the SES type only: EventInvokeConfig is gone from it
    source.mkdir()
    shutil.copy(SES_SPEC, source)
    argv = ["--specs", str(specs), "--out", str(out), "--source", str(source), "--format", "json"]
    code, stdout, _ = run_check(
        capsys, "AWS::Lambda::EventInvokeConfig", "AWS::SES::ReceiptRuleSet", *argv
    )
    assert code == 1
    document = json.loads(stdout)
    assert document["summary"]["types"] == [
        "AWS::Lambda::EventInvokeConfig",
        "AWS::SES::ReceiptRuleSet",
    ]
    assert [(f["kind"], f["type"]) for f in document["findings"]] == [
        ("type-removed", "AWS::Lambda::EventInvokeConfig"),
        ("type-added", "AWS::SES::ReceiptRuleSet"),
    ]
    code, stdout, _ = run_check(capsys, "AWS::Lambda::EventInvokeConfig", *argv[:-2])
    assert stdout.endswith(
        how_to_fix(
            f"stackql-docgen fetch AWS::Lambda::EventInvokeConfig --prune --source {source} "
            f"--specs {specs}\n{FIX.format(specs=specs, out=out)}\n",
            "The source no longer has `AWS::Lambda::EventInvokeConfig`: the `fetch` below "
            f"(`--prune`) deletes its schema from `{specs}`, and the `generate` below, of every "
            "type, removes its pages; then stop naming it.\n\n",
        )
    )


def test_the_fix_for_a_named_type_the_source_lost_removes_its_pages(specs, tmp_path, capsys):
    # With other types named, the fix generated those by name, which removes no page: the
    # lost type's pages stayed, and the plain check of docs-check.yml failed on them.
    shutil.copy(SES_SPEC, specs)
    out = tmp_path / "out"
    assert main(["generate", "--specs", str(specs), "--out", str(out), "-q"]) == 0
    source = tmp_path / "source"  # the SES type only, changed: EventInvokeConfig is gone
    source.mkdir()
    document = json.loads(SES_SPEC.read_text("utf-8"))
    document["description"] = "Changed."
    (source / SES_SPEC.name).write_text(json.dumps(document), "utf-8")
    types = ["AWS::Lambda::EventInvokeConfig", "AWS::SES::ReceiptRuleSet"]
    argv = [*types, "--specs", str(specs), "--out", str(out), "--source", str(source)]
    code, stdout, _ = run_check(capsys, *argv)
    assert code == 1
    assert stdout.endswith(
        how_to_fix(
            "stackql-docgen fetch AWS::Lambda::EventInvokeConfig AWS::SES::ReceiptRuleSet "
            f"--prune --source {source} --specs {specs}\n"
            f"{FIX.format(specs=specs, out=out)}\n",
            "The source no longer has `AWS::Lambda::EventInvokeConfig`: the `fetch` below "
            f"(`--prune`) deletes its schema from `{specs}`, and the `generate` below, of every "
            "type, removes its pages; then stop naming it.\n\n",
        )
    )
    run_fix(stdout)  # run as they are
    assert run_check(capsys, types[1], *argv[2:])[0] == 0
    assert run_check(capsys, "--specs", str(specs), "--out", str(out))[0] == 0
    assert not (out / PAGE).exists() and not (specs / LAMBDA_SPEC.name).exists()
    lock = json.loads((specs / "specs.lock.json").read_text("utf-8"))["schemas"]
    assert list(lock) == ["AWS::SES::ReceiptRuleSet"]  # the lost type's entry goes with it


def test_a_broken_schema_of_a_type_not_named_is_no_news(specs, out, tmp_path, capsys):
    # It stopped the check of the named types, whose fetch reads past it.
    source = source_with_three_changes(tmp_path)
    (source / "zz.json").write_text('{"typeName": "AWS::Foo::Bar", "properties": 5}')
    argv = ["--specs", str(specs), "--out", str(out), "--source", str(source)]
    code, stdout, stderr = run_check(capsys, "AWS::Lambda::EventInvokeConfig", *argv)
    assert (code, stderr) == (1, "")
    assert "3 schema changes in 1 type" in stdout
    code, _, stderr = run_check(capsys, *argv)  # every type: it is the source's bad input
    assert (code, stderr) == (
        2,
        f"error: {source / 'zz.json'}#/properties: expected a non-empty object of properties\n",
    )


def test_a_broken_schema_of_the_specs_stops_a_check_of_a_type_only_the_source_has(
    specs, out, tmp_path, capsys
):
    # No page of the named type is built (the specs have none yet), and drift reads only the
    # schemas that differ; a schema generate could not use is bad input all the same.
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "specs" / "aws-ses-receiptruleset.json", source)
    (specs / "zz.json").write_text('{"typeName": "AWS::Foo::Bar", "properties": 5}')
    argv = ["--specs", str(specs), "--out", str(out), "--source", str(source)]
    assert run_check(capsys, "AWS::SES::ReceiptRuleSet", *argv) == (
        2,
        "",
        f"error: {specs / 'zz.json'}#/properties: expected a non-empty object of properties\n",
    )


def test_a_type_that_neither_side_has_is_exit_2(specs, out, capsys):
    argv = ["--specs", str(specs), "--out", str(out)]
    assert run_check(capsys, "AWS::Lambda::EventInvokeConfg", *argv, "--source", str(specs)) == (
        2,
        "",
        f"error: no schema for AWS::Lambda::EventInvokeConfg in {specs} or {specs} "
        "(did you mean AWS::Lambda::EventInvokeConfig?)\n",
    )
    # A type only the source has is a hint too (the source's types were narrowed to those
    # named before the hint was looked for).
    (specs.parent / "source").mkdir()
    shutil.copy(SES_SPEC, specs.parent / "source")
    source = specs.parent / "source"
    assert run_check(capsys, "AWS::SES::ReceiptRuleSt", *argv, "--source", str(source))[2] == (
        f"error: no schema for AWS::SES::ReceiptRuleSt in {specs} or {source} "
        "(did you mean AWS::SES::ReceiptRuleSet?)\n"
    )
    # Types are named in any case, and so is the hint found (it was not, in lower case).
    assert run_check(capsys, "aws::lambda::eventinvokeconfg", *argv)[2] == (
        f"error: {specs}: no schema for aws::lambda::eventinvokeconfg "
        "(did you mean AWS::Lambda::EventInvokeConfig?)\n"
    )


def test_a_named_type_the_source_spells_in_another_case_is_removed_and_added(
    specs, out, tmp_path, capsys
):
    source = tmp_path / "source"
    source.mkdir()
    document = json.loads(LAMBDA_SPEC.read_text("utf-8"))
    document["typeName"] = "AWS::Lambda::EVENTINVOKECONFIG"
    (source / LAMBDA_SPEC.name).write_text(json.dumps(document), "utf-8")
    argv = ["--specs", str(specs), "--out", str(out), "--source", str(source), "--format", "json"]
    every = json.loads(run_check(capsys, *argv)[1])["findings"]
    named = json.loads(run_check(capsys, "AWS::Lambda::EventInvokeConfig", *argv)[1])["findings"]
    assert (
        [(f["kind"], f["type"]) for f in named]
        == [(f["kind"], f["type"]) for f in every]
        == [
            ("type-added", "AWS::Lambda::EVENTINVOKECONFIG"),
            ("type-removed", "AWS::Lambda::EventInvokeConfig"),
        ]
    )


def test_a_named_bundled_type_the_source_lost_asks_to_delete_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # no specs folder here: the package's own are read
    assert main(["generate", "-q"]) == 0
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(SES_SPEC, source)
    code, stdout, _ = run_check(capsys, "AWS::Lambda::EventInvokeConfig", "--source", str(source))
    assert code == 1
    assert stdout.endswith(
        how_to_fix(
            "stackql-docgen generate --out output\n",  # the bundled schemas, as generate reads
            "The source no longer has `AWS::Lambda::EventInvokeConfig`: stop naming it (the "
            "bundled default schema stays in the package).\n\n",
        )
    )


def test_named_types_check_their_pages_as_generate_wrote_them(corpus, tmp_path, capsys):
    # Pages of some types of a larger specs folder (`generate TYPE ...`): check TYPE ... looks
    # at those, and reports no page of another type as missing or extra.
    specs = tmp_path / "specs"
    specs.mkdir()
    for name in ("aws-s3-bucket.json", "aws-iam-role.json", "aws-sqs-queue.json"):
        shutil.copy(corpus[0] / name, specs)
    out = tmp_path / "docs"
    for name in ("AWS::S3::Bucket", "AWS::IAM::Role"):
        assert main(["generate", name, "--specs", str(specs), "--out", str(out), "-q"]) == 0
    argv = ["--specs", str(specs), "--out", str(out)]
    code, stdout, _ = run_check(capsys, "aws::s3::bucket", "AWS::IAM::Role", *argv)
    assert (code, stdout.splitlines()[2]) == (
        0,
        "**No findings**: 8 files current; schema drift not checked (no `--source`).",
    )
    assert run_check(capsys, *argv)[0] == 1  # every type: SQS's pages are missing
    page = out / "aws" / "s3" / "buckets" / "index.mdx"
    page.write_text(page.read_text() + "edited\n")
    code, stdout, _ = run_check(capsys, "AWS::S3::Bucket", "AWS::IAM::Role", *argv)
    assert code == 1 and "- `aws/s3/buckets/index.mdx`\n" in stdout
    command = f"stackql-docgen generate AWS::S3::Bucket AWS::IAM::Role --specs {specs} --out {out}"
    assert f"```sh\n{command}\n```" in stdout
    subprocess.run(  # run as printed, it makes this check clean again
        command.replace("stackql-docgen", f"{sys.executable} -m generator").split(),
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    assert run_check(capsys, "AWS::S3::Bucket", "AWS::IAM::Role", *argv)[0] == 0
    assert run_check(capsys, "AWS::S3::Buckt", *argv)[2].endswith(
        "(did you mean AWS::S3::Bucket?)\n"
    )


def test_a_named_type_whose_schema_went_says_its_page_is_there_still(specs, tmp_path, capsys):
    # A CI job that checks a fixed list of types, one of whose schemas was removed: the error
    # says what removes the page it left.
    shutil.copy(SES_SPEC, specs)
    out = tmp_path / "out"
    folders = ("--specs", str(specs), "--out", str(out))
    assert main(["generate", *folders, "-q"]) == 0
    (specs / SES_SPEC.name).unlink()
    code, _, stderr = run_check(capsys, "AWS::SES::ReceiptRuleSet", *folders)
    assert (code, stderr) == (
        2,
        f"error: {specs}: no schema for AWS::SES::ReceiptRuleSet; "
        "aws/ses/receipt_rule_sets/index.mdx, the page of AWS::SES::ReceiptRuleSet, is in the "
        "output folder still: a generate of every type removes it\n",
    )
    assert main(["generate", *folders, "-q"]) == 0
    code, _, stderr = run_check(capsys, "AWS::SES::ReceiptRuleSet", *folders)
    assert (code, stderr) == (2, f"error: {specs}: no schema for AWS::SES::ReceiptRuleSet\n")
