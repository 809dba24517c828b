"""The command line as a user meets it: exact output, exit codes, help, README."""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import LAMBDA_SPEC, ROOT

from generator.cache import CACHE_DIR, CACHE_FILE
from generator.cli import GENERATE_ATTEMPTS, LineFormatter, main, parser

PAGE = "aws/lambda/event_invoke_configs/index.mdx"


def subcommands() -> list[str]:
    action = next(a for a in parser()._actions if a.dest == "command")
    return sorted(action.choices)


def test_a_page_past_500_kb_is_a_warning(specs, tmp_path, capsys):
    # The examples are kept small; so many properties (AWS's widest schema has 101) are not.
    document = json.loads(LAMBDA_SPEC.read_text("utf-8"))
    document["properties"].update({f"P{i}": {"type": "string"} for i in range(2400)})
    (specs / LAMBDA_SPEC.name).write_text(json.dumps(document), "utf-8")
    out = tmp_path / "out"
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 0
    size = (out / PAGE).stat().st_size
    assert size > 500 * 1024
    assert capsys.readouterr().err == (
        f"warning: {specs / LAMBDA_SPEC.name}#: its page is {size / 1024:,.0f} KB, past the "
        "500 KB a page should stay under (2405 properties)\n"
    )


def test_generate_writes_the_page_then_nothing(specs, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 0
    assert capsys.readouterr() == (
        f"5 files: 5 written, 0 unchanged, 0 removed, 0 types skipped ({out})\n",
        "",
    )
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 0
    assert capsys.readouterr().out == (
        f"5 files: 0 written, 5 unchanged, 0 removed, 0 types skipped ({out})\n"
    )
    assert (out / PAGE).read_bytes() == (ROOT / "output" / PAGE).read_bytes()


def test_generate_one_type_by_name_any_case(specs, tmp_path, capsys):
    out = tmp_path / "out"
    assert (
        main(
            [
                "generate",
                "aws::lambda::eventinvokeconfig",
                "--specs",
                str(specs),
                "--out",
                str(out),
                "--quiet",
            ]
        )
        == 0
    )
    assert capsys.readouterr() == ("", "")
    assert (out / PAGE).is_file()


def test_unknown_type_is_a_usage_error(specs, tmp_path, capsys):
    code = main(["generate", "AWS::Nope::Thing", "--specs", str(specs), "--out", str(tmp_path)])
    assert code == 2
    assert capsys.readouterr().err == f"error: {specs}: no schema for AWS::Nope::Thing\n"
    typo = "AWS::Lambda::EventInvokeConfg"
    assert main(["generate", typo, "--specs", str(specs), "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"error: {specs}: no schema for {typo} (did you mean AWS::Lambda::EventInvokeConfig?)\n"
    )
    # another resource of the same service is no hint: each part of the name must be close
    other = "AWS::Lambda::Function"
    assert main(["generate", other, "--specs", str(specs), "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"error: {specs}: no schema for {other}\n"


def test_two_schemas_of_one_type_in_any_case_are_bad_input(specs, tmp_path, capsys):
    document = json.loads(LAMBDA_SPEC.read_text("utf-8"))
    document["typeName"] = "AWS::Lambda::EventInvokeconfig"
    (specs / "aws-lambda-eventinvokeconfig-2.json").write_text(json.dumps(document), "utf-8")
    assert main(["generate", "--specs", str(specs), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == (
        f"error: {specs}: aws-lambda-eventinvokeconfig.json (AWS::Lambda::EventInvokeConfig) "
        "and aws-lambda-eventinvokeconfig-2.json (AWS::Lambda::EventInvokeconfig) name one "
        "type: remove one of them\n"
    )


def test_two_schemas_of_one_resource_are_bad_input(specs, tmp_path, capsys):
    document = json.loads(LAMBDA_SPEC.read_text("utf-8"))
    document["typeName"] = "AWS::Lambda::EventInvokeConfigs"  # the same plural, the same page
    (specs / "aws-lambda-eventinvokeconfigs.json").write_text(json.dumps(document), "utf-8")
    # (the folders above the output folder that the run made go too: they stayed)
    code = main(["generate", "--specs", str(specs), "--out", str(tmp_path / "a" / "b" / "out")])
    assert code == 2
    assert capsys.readouterr().err == (
        f"error: {specs}: aws-lambda-eventinvokeconfigs.json (AWS::Lambda::EventInvokeConfigs) "
        "and aws-lambda-eventinvokeconfig.json (AWS::Lambda::EventInvokeConfig) both make the "
        "resource aws.lambda.event_invoke_configs\n"
    )
    assert not (tmp_path / "a").exists()


def test_missing_specs_folder(tmp_path, capsys):
    code = main(["generate", "--specs", str(tmp_path / "nope"), "--out", str(tmp_path)])
    assert code == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'nope'}: no such folder of schemas\n"


def test_a_specs_folder_without_schemas_prunes_nothing(specs, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["generate", "--specs", str(specs), "--out", str(out), "-q"]) == 0
    before = sorted(p for p in out.rglob("*"))
    (tmp_path / "empty").mkdir()
    code = main(["generate", "--specs", str(tmp_path / "empty"), "--out", str(out)])
    assert code == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'empty'}: no schemas (*.json) in it\n"
    assert sorted(p for p in out.rglob("*")) == before


def test_an_output_folder_that_cannot_be_one(specs, tmp_path, capsys):
    (tmp_path / "file").write_text("x")
    code = main(["generate", "--specs", str(specs), "--out", str(tmp_path / "file")])
    assert code == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'file'}: not a folder\n"
    (tmp_path / "out" / "aws").mkdir(parents=True)
    (tmp_path / "out" / "aws" / "lambda").write_text("in the way")
    code = main(["generate", "--specs", str(specs), "--out", str(tmp_path / "out")])
    assert code == 2
    assert capsys.readouterr().err.startswith(f"error: {tmp_path / 'out' / 'aws' / 'lambda'}")
    assert [p.name for p in (tmp_path / "out").rglob("*")] == ["aws", "lambda"]  # nothing written


def test_broken_schema_leaves_the_output_as_it_was(specs, tmp_path, capsys):
    out = tmp_path / "out"
    main(["generate", "--specs", str(specs), "--out", str(out)])
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (specs / "aws-broken-thing.json").write_text('{"typeName": "AWS::Broken::Thing"')
    capsys.readouterr()
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert (
        err == f"error: {specs / 'aws-broken-thing.json'}:1:34: invalid JSON: "
        "Expecting ',' delimiter\n"
    )
    assert before == {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_a_broken_schema_among_many_is_named_the_same_way(tmp_path, capsys):
    """Many schemas are built in worker processes; the error is the same as in one process."""
    specs = tmp_path / "specs"
    specs.mkdir()
    text = LAMBDA_SPEC.read_text()
    for i in range(300):
        (specs / f"aws-test-thing{i:03}.json").write_text(
            text.replace("AWS::Lambda::EventInvokeConfig", f"AWS::Test::Thing{i:03}")
        )
    (specs / "aws-test-thing150.json").write_text(
        text.replace('"/properties/Qualifier"\n ]', '"/properties/Nope"\n ]')
    )
    code = main(["generate", "--specs", str(specs), "--out", str(tmp_path / "out")])
    assert (code, capsys.readouterr().err) == (
        2,
        f"error: {specs / 'aws-test-thing150.json'}#/primaryIdentifier/1: "
        "'/properties/Nope' names no property\n",
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", subcommands())
def test_an_unknown_option_gets_its_commands_usage(command, capsys):
    # argparse answered `generate --outt x` with the top level's usage.
    with pytest.raises(SystemExit) as exit:
        main([command, "--outt", "x"])
    assert exit.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: stackql-docgen {command} ")
    assert err.endswith(f"stackql-docgen {command}: error: unrecognized arguments: --outt\n")
    # One before the command is the top level's, though the command takes it (`generate -q`).
    with pytest.raises(SystemExit):
        main(["-q", command])
    assert capsys.readouterr().err.endswith("stackql-docgen: error: unrecognized arguments: -q\n")


LONG = "x" * 256  # a name no file system takes


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        # An unset variable (`--out "$DOCS"`) meant the current folder, or the default.
        (["generate", "--out", ""], "argument --out: expected a path, got an empty one"),
        (["check", "--specs", ""], "argument --specs: expected a path, got an empty one"),
        (
            ["fetch", "--source", ""],
            "argument --source: expected a URL, a zip, a folder or cfn-lint, got an empty value",
        ),
        (
            ["fetch", "--region", ""],
            "argument --region: expected a region such as us-east-1, got an empty one",
        ),
        (
            ["generate", ""],
            "argument TYPE: expected a type name such as AWS::Lambda::Url, got none",
        ),
        # A name over 255 bytes ended in a traceback (OSError: File name too long), exit 1.
        (
            ["generate", "--out", f"a/{LONG}"],
            f"argument --out: {LONG[:40]}...: a name longer "
            "than 255 bytes (no file system takes it)",
        ),
        (
            ["fetch", "--source", LONG],
            f"argument --source: {LONG[:40]}...: a name longer "
            "than 255 bytes (no file system takes it)",
        ),
        (
            ["check", "--report", LONG],
            f"argument --report: {LONG[:40]}...: a name longer "
            "than 255 bytes (no file system takes it)",
        ),
    ],
)
def test_an_empty_or_too_long_option_is_a_usage_error(argv, said, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit:
        main(argv)
    assert exit.value.code == 2
    assert capsys.readouterr().err.endswith(f"stackql-docgen {argv[0]}: error: {said}\n")
    assert list(tmp_path.iterdir()) == []


def test_an_error_naming_a_file_with_a_line_break_stays_on_one_line(tmp_path, capsys):
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "a\nb.json").write_text("{")
    assert main(["generate", "--specs", str(specs), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert (
        err
        == f"error: {specs}/a\\nb.json:1:2: invalid JSON: Expecting property name enclosed in double quotes\n"
    )


def test_a_path_too_long_as_a_whole_is_bad_input_not_a_traceback(specs, tmp_path, capsys):
    out = tmp_path.joinpath(*["y" * 200] * 25)  # each name fits, the whole is past PATH_MAX
    assert main(["generate", "--specs", str(specs), "--out", str(out), "-q"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {tmp_path}"[:47]) and err.count("\n") == 1
    assert err.endswith(": a path or name too long for the file system\n")


@pytest.mark.parametrize("command", subcommands())
def test_every_subcommand_has_help_and_is_in_readme(command, capsys):
    with pytest.raises(SystemExit) as exit:
        main([command, "--help"])
    assert exit.value.code == 0
    help_text = capsys.readouterr().out
    assert help_text.startswith(f"usage: stackql-docgen {command}")
    assert len(help_text.splitlines()) > 5
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"### {command}" in readme and f"stackql-docgen {command}" in readme


def test_python_dash_m_generator(specs, tmp_path):
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--specs", str(specs), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert (out / PAGE).is_file()


def test_generate_is_deterministic_across_processes(specs, tmp_path):
    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "generator",
                "generate",
                "--specs",
                str(specs),
                "--out",
                str(out),
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        files = [p for p in out.rglob("*") if p.is_file() and CACHE_DIR not in p.parts]
        pages.append({p.relative_to(out): p.read_bytes() for p in files})
    assert pages[0] == pages[1]  # all but the build cache, which records file times


def test_committed_output_is_current(capsys):
    """output/ in the repository is what generate writes for specs/."""
    from generator.build import build

    site = build(ROOT / "specs")
    for page in site.pages:
        assert (ROOT / "output" / page.path).read_text("utf-8") == page.text


def test_stale_pages_go_and_hand_written_files_stay(tmp_path, capsys):
    specs, out = tmp_path / "specs", tmp_path / "out"
    specs.mkdir()
    shutil.copy(LAMBDA_SPEC, specs)
    shutil.copy(ROOT / "tests" / "data" / "specs" / "aws-ses-receiptruleset.json", specs)
    assert main(["generate", "--specs", str(specs), "--out", str(out), "-q"]) == 0
    (out / "aws" / "ses" / "notes.md").write_text("mine\n")
    (out / "intro.md").write_text("mine too\n")
    (specs / "aws-ses-receiptruleset.json").unlink()
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 0
    assert capsys.readouterr().out.endswith(
        f"5 files: 1 written, 4 unchanged, 3 removed, 0 types skipped ({out})\n"
    )
    assert not (out / "aws" / "ses" / "receipt_rule_sets").exists()
    assert not (out / "aws" / "ses" / "index.mdx").exists()
    assert (out / "aws" / "ses" / "notes.md").read_text() == "mine\n"
    assert (out / "intro.md").read_text() == "mine too\n"
    assert (out / PAGE).is_file()


def test_a_generated_page_edited_by_hand_is_written_again(specs, tmp_path, capsys):
    out = tmp_path / "out"
    args = ["generate", "--specs", str(specs), "--out", str(out)]
    assert main(args) == 0
    page = out / PAGE
    text = page.read_text()
    for edit in (text.replace("Lambda", "LAMBDA"), text + "mine\n"):  # same size, then longer
        page.write_text(edit)
        capsys.readouterr()
        assert main(args) == 0
        assert capsys.readouterr().out.endswith(
            f"5 files: 1 written, 4 unchanged, 0 removed, 0 types skipped ({out})\n"
        )
        assert page.read_text() == text


def test_progress_bar_on_a_terminal_only(tmp_path):
    import pty

    specs = tmp_path / "specs"
    specs.mkdir()
    text = LAMBDA_SPEC.read_text()
    for i in range(60):
        (specs / f"aws-test-thing{i:02}.json").write_text(
            text.replace("AWS::Lambda::EventInvokeConfig", f"AWS::Test::Thing{i:02}")
        )
    command = [sys.executable, "-m", "generator", "generate", "--specs", str(specs)]
    master, slave = pty.openpty()
    done = subprocess.run(
        [*command, "--out", str(tmp_path / "a")],
        stderr=slave,
        stdout=subprocess.DEVNULL,
        check=True,
    )
    os.close(slave)
    shown = terminal_output(master)
    assert done.returncode == 0
    assert b"60/60 schemas" in shown and b"[####" in shown
    quiet = subprocess.run([*command, "--out", str(tmp_path / "b")], capture_output=True)
    assert quiet.stderr == b""
    # A schema that stops the build after the bar began: its error starts a line of its own.
    (specs / "aws-test-zz-broken.json").write_text("{")
    master, slave = pty.openpty()
    failed = subprocess.run([*command, "--out", str(tmp_path / "c")], stderr=slave)
    os.close(slave)
    shown = terminal_output(master)
    assert failed.returncode == 2
    assert b"60/61 schemas\r\nerror: " in shown  # the terminal writes LF as CR LF


def terminal_output(master: int) -> bytes:
    """All that a pseudo-terminal showed, once its other end is closed; closes it."""
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other end is closed and all is read
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    return shown


def children_of(pid: int) -> list[int]:
    """The processes whose parent is `pid` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def running(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl(PR_SET_PDEATHSIG)")
def test_workers_end_when_generate_is_killed(corpus, tmp_path):
    specs, _ = corpus
    argv = [sys.executable, "-m", "generator", "generate", "--specs", str(specs)]
    proc = subprocess.Popen([*argv, "--out", str(tmp_path / "out"), "--quiet"], cwd=ROOT)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while not workers and time.monotonic() < deadline and proc.poll() is None:
            workers = children_of(proc.pid)
            time.sleep(0.005)
        assert workers, "no worker processes started"
        os.kill(proc.pid, signal.SIGSTOP)  # the workers block on the pipe it no longer reads
        time.sleep(0.5)
        os.kill(proc.pid, signal.SIGKILL)  # nothing of it can shut the pool down
        proc.wait()
        deadline = time.monotonic() + 10
        while any(running(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(running(w) for w in workers)
    finally:
        proc.kill()
        for worker in workers:
            if running(worker):
                os.kill(worker, signal.SIGKILL)


def test_a_bug_logged_with_its_exception_keeps_the_traceback():
    try:
        raise ValueError("not a JSON pointer: 'QueueName'")
    except ValueError:
        record = logging.LogRecord(
            "generator.mockserver",
            logging.ERROR,
            __file__,
            1,
            "failed on %s",
            ("X",),
            sys.exc_info(),
        )
    lines = LineFormatter().format(record).splitlines()
    assert lines[0] == "error: failed on X"
    assert lines[1] == "Traceback (most recent call last):"
    assert lines[-1] == "ValueError: not a JSON pointer: 'QueueName'"


def _edit_entries(text: str, edit) -> str:
    """A cache's text with its entries edited, its header (and seal) left as it was."""
    head, _, body = text.partition("\n")
    entries = json.loads(body)
    edit(entries)
    return head + "\n" + json.dumps(entries)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda text: _edit_entries(text, lambda e: e[0].update(page="../../escape/index.mdx")),
        lambda text: _edit_entries(text, lambda e: e[0]["summary"].__setitem__(4, "HACKED")),
        lambda text: _edit_entries(text, lambda e: e[0].update(page_stamp=[])),
        lambda text: _edit_entries(text, lambda e: e[0].update(warnings="HACKED")),
        lambda text: "null",
        lambda text: "[]\n[]",
        lambda text: text.replace('"sha256"', '"sha"', 1),
    ],
)
def test_a_cache_edited_by_hand_is_ignored(specs, tmp_path, capsys, tamper):
    out = tmp_path / "out"
    assert main(["generate", "--specs", str(specs), "--out", str(out), "--quiet"]) == 0
    (out / CACHE_FILE).write_text(tamper((out / CACHE_FILE).read_text("utf-8")), "utf-8")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and CACHE_DIR not in p.parts}
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 0
    assert capsys.readouterr() == (
        f"5 files: 0 written, 5 unchanged, 0 removed, 0 types skipped ({out})\n",
        "",
    )
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and CACHE_DIR not in p.parts}
    assert after == before
    assert main(["check", "--specs", str(specs), "--out", str(out)]) == 0


def building(specs: Path, out: Path) -> subprocess.Popen[bytes]:
    """A `generate` of `specs` into `out` in its own process group (as a terminal's foreground
    job), once its workers have started."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "generate", "--specs", str(specs), "--out", str(out)]
        + ["--quiet"],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not children_of(proc.pid) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.005)
    return proc


def test_ctrl_c_is_a_line_and_exit_130_not_a_traceback(corpus, tmp_path):
    proc = building(corpus[0], tmp_path / "out")
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl+C: the workers get it too
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert stderr.decode().splitlines()[-1] == "interrupted"
    assert b"Traceback" not in stderr


def test_ctrl_c_twice_is_exit_130_not_a_hang(corpus, tmp_path):
    # A second Ctrl+C while the pool shut down cut it short: the command hung at its exit,
    # joining the pool (2 runs in 5, in a QA pass), or ended killed by SIGINT.
    for attempt in range(3):
        proc = building(corpus[0], tmp_path / f"out{attempt}")
        os.killpg(proc.pid, signal.SIGINT)
        time.sleep(0.01)
        os.killpg(proc.pid, signal.SIGINT)
        try:
            _, stderr = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise AssertionError(f"attempt {attempt}: hung after a second Ctrl+C") from None
        assert (proc.returncode, stderr.decode().splitlines()[-1]) == (130, "interrupted")
        assert b"Traceback" not in stderr


def _generating_on_workers(specs: Path, out: Path) -> subprocess.Popen:
    """A generate of the whole provider in a session of its own, once a worker has started."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "generate", "--specs", str(specs), "--out", str(out)],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not children_of(proc.pid) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.005)
    return proc


@pytest.mark.parametrize("whom", ["group", "worker"])
def test_sigterm_ends_a_build_as_ctrl_c_does_with_exit_143(corpus, tmp_path, whom):
    # `timeout`, `kill` and a cancelled CI job send SIGTERM, which Python does not catch: the
    # pages of a first build, written aside, stayed behind in the output folder.
    out = tmp_path / "out"
    proc = _generating_on_workers(corpus[0], out)
    if whom == "group":  # as `timeout` sends it
        os.killpg(proc.pid, signal.SIGTERM)
    else:  # one worker alone: the command ends all the same
        os.kill(children_of(proc.pid)[0], signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert (proc.returncode, stderr.decode().splitlines()[-1]) == (143, "terminated")
    assert b"Traceback" not in stderr
    assert not out.exists()  # a first build's new folder appears whole, or not at all


def test_a_worker_killed_ends_the_build_with_a_line_and_exit_2(corpus, tmp_path):
    # SIGKILL (the kernel short of memory, say): concurrent.futures' BrokenProcessPool came out
    # as a traceback with exit 1, which a CI job would take for findings.
    out = tmp_path / "out"
    proc = _generating_on_workers(corpus[0], out)
    os.kill(children_of(proc.pid)[0], signal.SIGKILL)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert stderr.decode().splitlines()[-1] == (
        "error: a worker process ended abruptly (killed, or out of memory): stopped, with "
        "nothing half-written"
    )
    assert b"Traceback" not in stderr
    assert not out.exists()  # a first build's new folder appears whole, or not at all


# Ctrl+C while the command line loads: an import finder raises KeyboardInterrupt where SIGINT
# would (jinja2 is among the command's first imports), so that the moment is not left to chance.
INTERRUPTED_IMPORT = """
import sys
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == "jinja2":
            raise KeyboardInterrupt
sys.meta_path.insert(0, Interrupt())
sys.argv[1:] = ["generate", "--quiet"]
"""


@pytest.mark.parametrize(
    "start",
    [
        "import generator; sys.exit(generator.main())",
        "import runpy; runpy.run_module('generator', run_name='__main__')",
    ],
)
def test_ctrl_c_while_the_command_loads_is_a_line_and_exit_130(start, tmp_path):
    proc = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_IMPORT + start],
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 130
    assert proc.stderr.decode() == "interrupted\n"


def test_sigterm_while_the_command_loads_is_a_line_and_exit_143(tmp_path):
    start = INTERRUPTED_IMPORT.replace(
        "raise KeyboardInterrupt", "import os, signal; os.kill(os.getpid(), signal.SIGTERM)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", start + "import generator; sys.exit(generator.main())"],
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
    )
    assert (proc.returncode, proc.stderr.decode()) == (143, "terminated\n")


def test_the_console_script_is_the_entry_point_that_catches_ctrl_c():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["scripts"] == {"stackql-docgen": "generator:main"}


def test_named_types_link_only_to_pages_there_and_a_full_run_after_writes_every_page(
    tmp_path, capsys
):
    specs, out = tmp_path / "specs", tmp_path / "out"
    specs.mkdir()
    for path in [LAMBDA_SPEC, *sorted((ROOT / "tests" / "data" / "specs").glob("*.json"))]:
        shutil.copy(path, specs)
    argv = ["--specs", str(specs), "--out", str(out)]

    # Into an empty folder: the page and indexes of it alone; nothing said of other types
    # (the QuickSight schema's warnings, the skipped WaitConditionHandle).
    assert main(["generate", "AWS::SES::ReceiptRuleSet", *argv]) == 0
    assert capsys.readouterr() == (
        f"5 files: 5 written, 0 unchanged, 0 removed, 0 types skipped ({out})\n",
        "",
    )
    files = sorted(str(p.relative_to(out)) for p in (out / "aws").rglob("*") if p.is_file())
    assert files == [
        "aws/_category_.json",
        "aws/index.mdx",
        "aws/ses/_category_.json",
        "aws/ses/index.mdx",
        "aws/ses/receipt_rule_sets/index.mdx",
    ]
    assert "1 resource in 1 service" in (out / "aws" / "index.mdx").read_text()

    # A second type joins the first in the indexes.
    assert main(["generate", "AWS::Lambda::EventInvokeConfig", *argv, "-q"]) == 0
    index = (out / "aws" / "index.mdx").read_text()
    assert "2 resources in 2 services" in index and "./lambda/index.mdx" in index

    # A whole run renders the pages the named runs left out (it once reused their records,
    # which hold no page, and wrote index pages only).
    assert main(["generate", *argv]) == 0
    assert capsys.readouterr().out.endswith(
        f"14 files: 7 written, 7 unchanged, 0 removed, 1 type skipped ({out})\n"
    )
    assert (out / PAGE).read_bytes() == (ROOT / "output" / PAGE).read_bytes()
    assert main(["check", *argv]) == 0
    capsys.readouterr()

    # In a whole tree, a named type leaves the indexes listing every page.
    assert main(["generate", "AWS::SES::ReceiptRuleSet", *argv]) == 0
    assert capsys.readouterr().out == (
        f"11 files: 0 written, 11 unchanged, 0 removed, 0 types skipped ({out})\n"
    )
    # Every page there: not one deleted by hand since.
    shutil.rmtree(out / "aws" / "lambda")
    assert main(["generate", "AWS::SES::ReceiptRuleSet", *argv, "-q"]) == 0
    assert "lambda" not in (out / "aws" / "index.mdx").read_text()


def test_from_a_folder_without_specs_the_bundled_default_is_read(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["generate"]) == 0
    assert capsys.readouterr() == (
        "5 files: 5 written, 0 unchanged, 0 removed, 0 types skipped (output)\n",
        "no specs folder here: reading the bundled default schemas\n",
    )
    assert (tmp_path / "output" / PAGE).read_bytes() == (ROOT / "output" / PAGE).read_bytes()
    assert main(["check", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["stale"] == 0
    # A specs folder here is read instead: an empty one is bad input, not a fallback.
    (tmp_path / "specs").mkdir()
    assert main(["generate", "-q"]) == 2
    assert capsys.readouterr().err == "error: specs: no schemas (*.json) in it\n"


@pytest.mark.parametrize(
    ("stdout", "said"),
    [
        ("/dev/full", "No space left on device"),  # a full disk
        (None, "it is closed"),  # `>&-`: Python starts with no sys.stdout
    ],
    ids=["full", "closed"],
)
def test_a_standard_output_that_cannot_be_written_is_exit_2_not_a_traceback(
    specs, tmp_path, stdout, said
):
    # It was a traceback and exit 1, which a CI job reads as "findings", of a clean check.
    out = tmp_path / "out"
    assert main(["generate", "--specs", str(specs), "--out", str(out), "-q"]) == 0
    for command in (["check"], ["generate"]):
        with open(stdout or os.devnull, "w") as sink:
            proc = subprocess.run(
                [sys.executable, "-m", "generator", *command, "--specs", str(specs)]
                + ["--out", str(out)],
                cwd=ROOT,
                stdout=sink if stdout else None,
                stderr=subprocess.PIPE,
                timeout=60,
                # (the child's descriptor 1 closed before Python starts, as `>&-` leaves it)
                preexec_fn=None if stdout else (lambda: os.close(1)),
            )
        assert (proc.returncode, proc.stderr.decode()) == (
            2,
            f"error: cannot write the standard output: {said}\n",
        ), command


# Root reads and writes any folder: not so without these rights (util-linux's setpriv).
AS_A_USER = (
    []
    if os.geteuid() != 0
    else [
        shutil.which("setpriv") or "setpriv",
        "--inh-caps=-dac_override,-dac_read_search,-fowner",
        "--bounding-set=-dac_override,-dac_read_search,-fowner",
    ]
)
needs_a_user = pytest.mark.skipif(
    os.geteuid() == 0 and not shutil.which("setpriv"), reason="as root, needs setpriv"
)


@needs_a_user
def test_an_output_folder_of_no_access_is_exit_2_not_a_traceback(specs, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0)
    try:
        for command, out, said in (
            ("generate", locked / "site", locked / "site"),
            ("generate", locked, locked),
            ("check", locked, locked / ".stackql-docgen.json"),
        ):
            proc = subprocess.run(
                [*AS_A_USER, sys.executable, "-m", "generator", command]
                + ["--specs", str(specs), "--out", str(out)],
                cwd=ROOT,
                capture_output=True,
                timeout=60,
            )
            assert (proc.returncode, proc.stderr.decode()) == (
                2,
                f"error: {said}: Permission denied\n",
            ), command
    finally:
        locked.chmod(0o755)


@needs_a_user
def test_a_cache_that_cannot_be_written_is_a_warning_after_the_pages(specs, tmp_path):
    # It was exit 2 ("nothing written"), with the pages written and no summary.
    out = tmp_path / "out"
    assert main(["generate", "--specs", str(specs), "--out", str(out), "-q"]) == 0
    shutil.rmtree(out / "aws" / "lambda")
    (out / CACHE_DIR).chmod(0o555)
    try:
        proc = subprocess.run(
            [*AS_A_USER, sys.executable, "-m", "generator", "generate", "--specs", str(specs)]
            + ["--out", str(out)],
            cwd=ROOT,
            capture_output=True,
            timeout=60,
        )
    finally:
        (out / CACHE_DIR).chmod(0o755)
    assert (proc.returncode, proc.stdout.decode(), proc.stderr.decode()) == (
        0,
        f"5 files: 3 written, 2 unchanged, 0 removed, 0 types skipped ({out})\n",
        f"warning: {out / CACHE_FILE}: cannot write: Permission denied (the next run renders "
        "every page again)\n",
    )
    assert (out / PAGE).is_file()


@needs_a_user
def test_a_folder_that_cannot_be_made_leaves_no_folder_made_before_it(specs, tmp_path):
    # New types of two services, the second's folder not writable: the first's new page
    # folder stayed, empty, though the run wrote nothing (exit 2).
    ses = ROOT / "tests" / "data" / "specs" / "aws-ses-receiptruleset.json"
    shutil.copy(ses, specs)
    out = tmp_path / "out"
    assert main(["generate", "--specs", str(specs), "--out", str(out), "-q"]) == 0
    for source, type_name in ((LAMBDA_SPEC, "AWS::Lambda::Other"), (ses, "AWS::SES::Other")):
        document = json.loads(source.read_text("utf-8"))
        document["typeName"] = type_name
        (specs / f"{type_name.replace('::', '-').lower()}.json").write_text(json.dumps(document))
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    (out / "aws" / "ses").chmod(0o555)
    try:
        proc = subprocess.run(
            [*AS_A_USER, sys.executable, "-m", "generator", "generate", "--specs", str(specs)]
            + ["--out", str(out), "-q"],
            cwd=ROOT,
            capture_output=True,
            timeout=60,
        )
    finally:
        (out / "aws" / "ses").chmod(0o755)
    assert (proc.returncode, proc.stderr.decode()) == (
        2,
        f"error: {out / 'aws' / 'ses' / 'others'}: cannot create the folder: Permission denied\n",
    )
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


def blocked_on_a_lock(pid: int) -> bool:
    """Whether a process waits for a lock (flock), by what Linux says it waits in."""
    try:
        return "lock" in Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return False


def replaced(cache: Path) -> None:
    """Replace the cache file with its own bytes, as write_cache replaces it: what another
    generate that wrote the folder leaves."""
    (cache.parent / "new-cache").write_bytes(cache.read_bytes())
    os.replace(cache.parent / "new-cache", cache)


def generating(specs: Path, out: Path, *more: str) -> subprocess.Popen:
    """A generate into `out`, in a process of its own, its output piped."""
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "generate", "--specs", str(specs), "--out", str(out)]
        + list(more),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def waits_for_the_lock(proc: subprocess.Popen) -> bool:
    """Wait until a process waits for a lock; whether it does (else it ended first)."""
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        if blocked_on_a_lock(proc.pid):
            return True
        time.sleep(0.02)
    return False


needs_proc = pytest.mark.skipif(not Path("/proc/self/wchan").exists(), reason="needs Linux's /proc")


@needs_proc
def test_a_generate_that_waited_for_another_that_wrote_meanwhile_builds_again(specs, tmp_path):
    # It read the folder (cache, pages) before it waited, and wrote what it built from that
    # read, exit 0: 874 pages stale and 35 missing, in a QA pass of two generates at once.
    # Then it wrote nothing and asked to be run again (exit 2). It builds again now, from the
    # folder as the other left it.
    out = tmp_path / "out"
    assert main(["generate", "--specs", str(specs), "--out", str(out), "-q"]) == 0
    page = out / "aws" / "lambda" / "event_invoke_configs" / "index.mdx"
    written = page.read_bytes()
    held = os.open(out, os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)  # as another generate holds it while it writes
    try:
        proc = generating(specs, out)
        assert waits_for_the_lock(proc)
        page.unlink()  # the other's doing, with its cache: what this one read is out of date
        replaced(out / CACHE_FILE)
    finally:
        os.close(held)
    stdout, stderr = proc.communicate(timeout=60)
    assert (proc.returncode, stderr) == (0, b"")
    assert stdout.decode().endswith(f"0 removed, 0 types skipped ({out})\n")
    assert page.read_bytes() == written
    assert main(["check", "--specs", str(specs), "--out", str(out)]) == 0


@needs_proc
def test_a_generate_that_others_keep_writing_before_gives_up_and_writes_nothing(corpus, tmp_path):
    # Each time it waits for the folder, another writes it (the cache replaced). The whole
    # provider: each build again takes long enough for the test to hold the folder first.
    specs, generated = corpus
    out = tmp_path / "out"
    shutil.copytree(generated, out, symlinks=True)
    page = out / "aws" / "lambda" / "event_invoke_configs" / "index.mdx"
    page.unlink()
    proc = None
    try:
        while proc is None or proc.poll() is None:
            held = os.open(out, os.O_RDONLY)
            fcntl.flock(held, fcntl.LOCK_EX)  # (when this one's attempt lets it go)
            try:
                proc = proc or generating(specs, out, "--quiet")
                if waits_for_the_lock(proc):
                    replaced(out / CACHE_FILE)
            finally:
                os.close(held)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
    assert (proc.returncode, stdout, stderr.decode()) == (
        2,
        b"",
        f"error: {out}: another stackql-docgen wrote it while this one built: nothing "
        f"written, {GENERATE_ATTEMPTS} times; run this again\n",
    )
    assert not page.exists()


def test_a_closed_output_pipe_is_exit_141_not_a_traceback(specs, tmp_path):
    # `stackql-docgen generate | head -0`: the reader is gone before the summary is printed.
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "generate", "--specs", str(specs)]
        + ["--out", str(tmp_path / "out")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()
    stderr = proc.stderr.read()
    assert (proc.wait(timeout=60), stderr) == (141, b"")
    assert (tmp_path / "out" / "aws" / "lambda" / "event_invoke_configs" / "index.mdx").is_file()


def test_a_long_report_to_a_pipe_closed_early_is_exit_141_and_its_report_file_is_whole(
    corpus, tmp_path
):
    # `check --format json | head -c 100` of the whole provider against an empty folder: a
    # report of 400 KB, past what the pipe holds; the reader leaves after its first bytes.
    specs, _ = corpus
    report = tmp_path / "report.json"
    (tmp_path / "out").mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "check", "--specs", str(specs), "--format", "json"]
        + ["--out", str(tmp_path / "out"), "--report", str(report)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # the schemas' warnings
    )
    head = proc.stdout.read(100)
    proc.stdout.close()
    assert proc.wait(timeout=120) == 141
    text = report.read_text("utf-8")
    assert len(json.loads(text)["findings"]) > 2000 and text.startswith(head.decode())


def test_the_bundled_default_never_prunes_pages_made_from_other_schemas(
    tmp_path, monkeypatch, capsys
):
    # Pages generated from a specs folder, then `generate`/`check` run from a folder without
    # one: the bundled default would prune them all, and check would call them extra.
    project = tmp_path / "project"
    (project / "specs").mkdir(parents=True)
    shutil.copy(
        ROOT / "tests" / "data" / "specs" / "aws-ses-receiptruleset.json", project / "specs"
    )
    monkeypatch.chdir(project)
    assert main(["generate", "-q", "--out", "docs"]) == 0
    before = sorted(p.relative_to(project) for p in (project / "docs").rglob("*"))
    monkeypatch.chdir(tmp_path)  # elsewhere: no specs folder here
    out = project / "docs"
    message = (
        f"error: {out}: its pages were generated from other schemas than the bundled default "
        "(3 files such as aws/ses/_category_.json), and there is no specs folder here: run this "
        "where the specs folder is, or give --specs\n"
    )
    for command in ("generate", "check"):
        capsys.readouterr()
        assert (
            main([command, "-q" if command == "generate" else "--format=json", "--out", str(out)])
            == 2
        )
        assert capsys.readouterr().err.endswith(message)
    assert sorted(p.relative_to(project) for p in out.rglob("*")) == before


def _nap(seconds: float) -> float:
    """A task of many small steps, each ended by a check for a stop, as build's and
    validate's tasks are (a schema, a page)."""
    from generator.build import check_stop

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        check_stop()
        time.sleep(0.01)
    return seconds


# Workers that send big results while the reader stops (as Ctrl+C in generate does, 3 times
# in 14 by hand): one killed while it sent left half a message in the results pipe, and the
# pool's shutdown waited for the rest for ever (10 rounds hung every time).
STOPPED_WHILE_SENDING = """
import sys, time
from generator.build import pool_map

def big(n):
    return b"x" * n

for i in range(10):
    results = pool_map(big, 2, [10] + [30_000_000] * 8)
    next(results)
    time.sleep(0.01 * (i % 5))
    results.close()
print("ended")
"""


def test_workers_stopped_while_sending_results_do_not_hang_the_pool():
    proc = subprocess.run(
        [sys.executable, "-c", STOPPED_WHILE_SENDING], cwd=ROOT, capture_output=True, timeout=120
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"ended\n", b"")


def test_running_tasks_stop_not_waited_for_when_their_results_are_no_longer_wanted():
    # Ctrl+C (or an error) in the middle of validate: the tasks running in the workers (30 s
    # here) stop at their next check, not at their end.
    from generator.build import pool_map

    start = time.monotonic()
    results = pool_map(_nap, 2, [0, 30, 30, 30])
    assert next(results) == 0
    workers = children_of(os.getpid())
    results.close()  # as KeyboardInterrupt in the reader does
    assert time.monotonic() - start < 15
    assert workers and not any(running(pid) for pid in workers)


ONE_CPU = """
import os
from generator.build import usable_cpus

os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
print(usable_cpus(), os.cpu_count() > 1)
"""


@pytest.mark.skipif(
    not hasattr(os, "sched_setaffinity") or len(os.sched_getaffinity(0)) < 2,
    reason="needs an affinity mask of two CPUs or more",
)
def test_workers_are_as_many_as_the_cpus_the_process_may_run_on_not_the_machines():
    # As under `taskset -c 0` or a container's cpuset: one CPU of several, so builds and
    # validations run in-process rather than as two workers time-sharing one CPU.
    proc = subprocess.run(
        [sys.executable, "-c", ONE_CPU], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "1 True\n", "")
