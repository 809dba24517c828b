"""The scenario of one page: its examples run in the order a reader would, against Cloud Control.

INSERT (required) -> SELECT get -> SELECT list (must include the resource) -> UPDATE -> SELECT get
(the update shows) -> DELETE -> SELECT get (gone: ResourceNotFoundException); then the All
Properties INSERT, created and cleaned up; then the manifest, its props filled and validated
against the schema. `<Name>` parts take what the resource really has.

When the required INSERT fails, or the type has no create handler (Cloud Control cannot create
it: the page has no INSERT), the reads run against a resource created from `samples.sample_model`
instead, so that every example is judged on its own. The caller's mock must then accept that
CreateResource: `validate` gives the mock a copy of such schemas with a create handler added.
The All Properties INSERT runs in a second region while the first resource still exists (a type
without a delete handler), so that the two cannot collide on a name the page gives them both:
us-west-2, or us-east-1 where the page's region is us-west-2.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

import jsonpatch
import yaml

from generator.examples import patch_ops
from generator.executor import Executor, Result
from generator.extract import Example, ExampleKind
from generator.jsonpointer import escape_token
from generator.labels import member_path
from generator.model import (
    CLOUD_CONTROL_RESOURCES,
    DEFAULT_REGION,
    REGION_NAME,
    Handler,
    Resource,
    SqlVerb,
)
from generator.placeholders import (
    REGION_NAMES,
    Use,
    Values,
    bind,
    fill_statement,
    fill_value,
    malformed,
    manifest_props,
    manifest_uses,
    misnamed,
    statement_uses,
    value_for,
)
from generator.resourcetype import ResourceType, model_path, values_at
from generator.samples import SampleError, sample_model
from generator.statement import (
    IDENTIFIER,
    PATCH,
    TYPE_NAME,
    ExampleError,
    Statement,
    line_column,
    parse_statement,
)
from generator.yamltext import read_yaml, yaml_at, yaml_problem

SECOND_REGION = "us-west-2"
# The stackql-deploy anchor of each statement that changes a resource (`/*+ create */`).
_ANCHORS = {SqlVerb.INSERT: "create", SqlVerb.UPDATE: "update", SqlVerb.DELETE: "delete"}
NOT_FOUND = "ResourceNotFoundException"
_VERBS = {
    ExampleKind.SELECT_LIST: SqlVerb.SELECT,
    ExampleKind.SELECT_GET: SqlVerb.SELECT,
    ExampleKind.INSERT_REQUIRED: SqlVerb.INSERT,
    ExampleKind.INSERT_ALL: SqlVerb.INSERT,
    ExampleKind.UPDATE: SqlVerb.UPDATE,
    ExampleKind.DELETE: SqlVerb.DELETE,
}


class Status(Enum):
    """How an example fared."""

    PASSED = "passed"
    FAILED = "failed"
    NOT_RUN = "not run"


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """One example of the page and how it fared; `reason` says why when it did not pass."""

    example: Example
    status: Status
    reason: str = ""
    line: int = 0  # the page's line where the example goes wrong, where known (else its first)


@dataclass(frozen=True, slots=True)
class PageRun:
    """The results of a page's examples, and the examples its type calls for that it lacks."""

    results: tuple[ExampleResult, ...]
    missing: tuple[ExampleKind, ...]


@dataclass(frozen=True, slots=True)
class _Made:
    """A resource the scenario made: its identifier and model as Cloud Control returned them."""

    identifier: str
    model: dict[str, Any]
    given: frozenset[str] = frozenset()  # the properties the create set (write-only ones too)


@dataclass(frozen=True, slots=True)
class _Update:
    """An UPDATE that passed: which example, the model it should leave, the properties it set."""

    index: int
    expected: dict[str, Any]
    touched: tuple[str, ...]


def expected_kinds(resource: Resource) -> tuple[ExampleKind, ...]:
    """The examples a page of the resource shows, by the handlers its type has."""
    handlers = resource.handlers
    kinds = []
    if Handler.LIST in handlers:
        kinds.append(ExampleKind.SELECT_LIST)
    if Handler.READ in handlers:
        kinds.append(ExampleKind.SELECT_GET)
    if Handler.CREATE in handlers:
        kinds += [ExampleKind.INSERT_REQUIRED, ExampleKind.INSERT_ALL, ExampleKind.MANIFEST]
    if Handler.UPDATE in handlers and patch_ops(resource):
        kinds.append(ExampleKind.UPDATE)
    if Handler.DELETE in handlers:
        kinds.append(ExampleKind.DELETE)
    return tuple(kinds)


def run_page(
    examples: Sequence[Example],
    resource: Resource,
    document: Mapping[str, Any],
    executor: Executor,
    region: str,
) -> PageRun:
    """Run the scenario of one page; `document` is the type's schema."""
    present = {e.kind for e in examples}
    missing = tuple(k for k in expected_kinds(resource) if k not in present)
    try:
        scenario = _Scenario(tuple(examples), resource, document, executor, region)
        scenario.run()
    except RecursionError:  # the validator and samples read a schema by recursion
        reason = "the schema nests too deeply to check a value against it (RecursionError)"
        return PageRun(tuple(ExampleResult(e, Status.FAILED, reason) for e in examples), missing)
    return PageRun(scenario.results(), missing)


class _Scenario:
    """The state of one page's run: parsed examples, placeholder values, outcomes so far."""

    def __init__(
        self,
        examples: tuple[Example, ...],
        resource: Resource,
        document: Mapping[str, Any],
        executor: Executor,
        region: str,
    ) -> None:
        self.examples, self.resource = examples, resource
        self.executor, self.region = executor, region
        self.kind = ResourceType.from_schema(resource.type_name, document)
        self.document = self.kind.schema  # as the mock holds to it
        self.validator = self.kind.validator
        self.pending_list: _Made | None = None  # a list deferred to the All Properties INSERT
        self.statements: dict[int, Statement] = {}
        self.manifests: dict[int, Any] = {}
        self.ran: set[int] = set()
        self.failed: dict[int, str] = {}
        self.failed_lines: dict[int, int] = {}  # the page line of a failure, where known
        self.skipped: dict[int, str] = {}
        self.base = self.changed = Values()

    # --- bookkeeping ---------------------------------------------------------------------------

    def of(self, kind: ExampleKind) -> list[int]:
        """The examples of a kind that are ready to run."""
        return [
            i
            for i, e in enumerate(self.examples)
            if e.kind is kind
            and (i in self.statements or i in self.manifests)
            and i not in self.failed
        ]

    def fail(self, i: int, reason: str, when: str = "", at: tuple[int, int] | None = None) -> None:
        """Record an example's first failure (`at`: the line and column in its text where it
        goes wrong)."""
        self.ran.add(i)
        if i not in self.failed and at is not None:
            self.failed_lines[i] = self.examples[i].line + at[0] - 1
        self.failed.setdefault(i, f"{reason} ({when})" if when else reason)

    def results(self) -> tuple[ExampleResult, ...]:
        """Every example's outcome, in page order."""
        out = []
        for i, example in enumerate(self.examples):
            if i in self.failed:
                line = self.failed_lines.get(i, 0)
                out.append(ExampleResult(example, Status.FAILED, self.failed[i], line))
            elif i in self.ran:
                out.append(ExampleResult(example, Status.PASSED))
            else:
                out.append(
                    ExampleResult(
                        example,
                        Status.NOT_RUN,
                        self.skipped.get(i, "not run: the scenario never reached it"),
                    )
                )
        return tuple(out)

    def execute(self, i: int, values: Values, when: str = "") -> tuple[Statement, Result] | None:
        """Fill and run a statement; a failure is recorded and gives None."""
        self.ran.add(i)
        try:
            statement = fill_statement(self.statements[i], values)
            return statement, self.executor.run(statement)
        except ExampleError as error:
            self.fail(i, _reason(error), when)
            return None

    # --- the scenario ----------------------------------------------------------------------------

    def run(self) -> None:
        """Parse, fill and run every example in scenario order."""
        self.parse()
        self.bind()
        made = self.create()
        if made is not None:
            angles = self.angles(made)
            self.get(angles, made, "")
            self.list(made)
            if self.of(ExampleKind.UPDATE):
                update = self.update(angles, made)
                self.get(angles, made, "after the UPDATE", update)
            if self.delete(angles):
                self.gone(angles)
        self.insert_all(exists=made is not None and not self.deleted)
        if self.pending_list is not None:  # no All Properties resource to list after all
            self.list(self.pending_list, final=True)
        self.manifest()

    def parse(self) -> None:
        """Parse every example; what cannot be parsed, or is not what its place says, fails."""
        name = self.resource.resource_id
        for i, example in enumerate(self.examples):
            if example.kind is ExampleKind.UNKNOWN:
                self.skipped[i] = (
                    f"not run: a {example.language or 'plain'} block where the "
                    "page has no example of that kind"
                )
                continue
            if (bad := malformed(example.text)) is not None:  # the mock would take it as text
                at = line_column(example.text, bad[1])
                self.fail(
                    i,
                    f"{bad[0]} is no placeholder, a brace too few or too many: write "
                    f"{{{{ Name }}}} (column {at[1]})",
                    at=at,
                )
                continue
            if example.kind is ExampleKind.MANIFEST:
                try:
                    self.manifests[i] = read_yaml(example.text)
                except yaml.YAMLError as error:
                    at = yaml_at(error, example.text)
                    column = f" (column {at[1]})" if at else ""
                    self.fail(i, f"not YAML: {yaml_problem(error)}{column}", at=at)
                continue
            try:
                statement = parse_statement(example.text)
            except ExampleError as error:
                self.fail(i, _reason(error), at=error.at)
                continue
            # A list may read Cloud Control's list of the page's type (data__TypeName).
            listing = (
                example.kind is ExampleKind.SELECT_LIST
                and statement.resource_id == CLOUD_CONTROL_RESOURCES
            )
            if statement.verb is not _VERBS[example.kind]:
                self.fail(
                    i,
                    f"a {statement.verb.value} statement where the page shows the "
                    f"{example.kind.value} example",
                )
            elif statement.resource_id != name and not listing:
                self.fail(i, f"names {statement.resource_id}, not this page's {name}")
            elif listing and statement.condition(TYPE_NAME) != self.resource.type_name:
                self.fail(
                    i,
                    f"lists {TYPE_NAME} {statement.condition(TYPE_NAME)!r}, not this page's "
                    f"type {self.resource.type_name}",
                )
            elif (anchor := _ANCHORS.get(statement.verb)) and not re.search(
                rf"/\*\+\s*{anchor}\s*\*/", example.text
            ):  # what stackql-deploy runs it as
                self.fail(i, f"no /*+ {anchor} */ anchor (stackql-deploy's) before the statement")
            elif example.kind is ExampleKind.SELECT_GET and not any(
                column == IDENTIFIER for column, _ in statement.where
            ):  # it lists, and finds the one resource there is: the DELETE took the blame
                self.fail(i, f"no {IDENTIFIER} in the get example's WHERE clause: it lists")
            else:
                self.statements[i] = statement
        made = self._made_in()
        for i, statement in list(self.statements.items()):
            if (asked := _other_region(statement, made)) is not None:
                # (else Cloud Control's NotFound, which does not say why)
                del self.statements[i]
                self.fail(
                    i,
                    f"asks region {asked!r}, where this page's examples make the resource: "
                    f"{made!r}",
                )

    def _made_in(self) -> str:
        """The region the page's examples make the resource in: the one its Required
        Properties INSERT writes out, else (`'{{ region }}'`) the page's."""
        for i in self.of(ExampleKind.INSERT_REQUIRED):
            statement = self.statements.get(i)
            columns = (
                dict(zip(statement.columns, statement.values, strict=True)) if statement else {}
            )
            asked = columns.get("region")
            if isinstance(asked, str) and "{{" not in asked and REGION_NAME.fullmatch(asked):
                return asked
        return self.region

    def bind(self) -> None:
        """One value per `{{ Name }}` of the page; another for those in the UPDATE."""
        uses = []
        for i, statement in self.statements.items():
            uses += self.named(i, statement_uses(statement, self.document))
        for i, document in self.manifests.items():
            try:
                uses += self.named(i, manifest_uses(document, self.document))
            except ValueError as error:
                self.fail(i, str(error))
        read_only = self.document.get("readOnlyProperties") or []
        create_only = self.document.get("createOnlyProperties") or []
        self.base = bind(
            uses, self.document, self.region, leave_out=read_only, validator=self.validator
        )
        changed = {
            u.name
            for i in self.of(ExampleKind.UPDATE)
            for u in statement_uses(self.statements[i], self.document)
        }
        update = bind(
            [u for u in uses if u.name in changed],
            self.document,
            self.region,
            variant=1,
            leave_out=[*read_only, *create_only],
            validator=self.validator,
        )
        self.changed = Values(
            {**self.base.braces, **update.braces}, {}, {**self.base.problems, **update.problems}
        )

    def named(self, i: int, uses: list[Use]) -> list[Use]:
        """An example whose `{{ Name }}` stands where its name does not lead fails."""
        for use in uses:
            if misnamed(use):
                place = member_path(use.path or ())
                self.fail(i, f"{{{{ {use.name} }}}} stands for {place}: not its name's place")
                break
        return uses

    def create(self) -> _Made | None:
        """The required INSERT; when it fails (or there is none) a seeded sample resource."""
        made, why = None, ""
        for i in self.of(ExampleKind.INSERT_REQUIRED):
            done = self.execute(i, self.base)
            if done and made is None:
                made = _Made(done[1].identifiers[0], done[1].models[0], frozenset(done[0].columns))
        if made is not None:
            return made
        try:
            model = sample_model(self.document, optional=True)
            result = self.executor.create(self.resource, model, self.region)
            return _Made(result.identifiers[0], result.models[0], frozenset(model))
        except (SampleError, ExampleError) as error:
            why = f"not run: no resource to run it on (a sample resource failed: {error})"
        for kind in (
            ExampleKind.SELECT_GET,
            ExampleKind.SELECT_LIST,
            ExampleKind.UPDATE,
            ExampleKind.DELETE,
        ):
            for i in self.of(kind):
                self.skipped[i] = why
        return None

    def found(self, made: _Made) -> dict[str, Any]:
        """What the resource made has: its identifier parts and top-level properties."""
        found: dict[str, Any] = {}
        parts = made.identifier.split("|")
        if len(parts) == len(self.resource.identifier):
            found.update(zip(self.resource.identifier, parts, strict=True))
        found.update(made.model)
        return found

    def angles(self, made: _Made) -> Values:
        """The page's values with `<Name>` parts taken from the resource made."""
        found = self.found(made)
        names = {
            u.name
            for st in self.statements.values()
            for u in statement_uses(st, self.document)
            if u.angle
        }
        problems: dict[str, str] = {}
        for name in sorted(names - found.keys()):
            if name in self.base.braces:  # what `{{ Name }}` was, if the resource has it not
                found[name] = self.base.braces[name]
            elif name in (self.document.get("properties") or {}):
                try:
                    found[name] = value_for(
                        name,
                        [f"/properties/{escape_token(name)}"],
                        self.document,
                        0,
                        self.validator,
                    )
                except SampleError as error:
                    problems[f"<{name}>"] = str(error)
            else:
                problems[f"<{name}>"] = f"the resource has no {name}"
        return Values(self.base.braces, found, {**self.base.problems, **problems})

    def get(self, angles: Values, made: _Made, when: str, update: _Update | None = None) -> None:
        """The get example must return the resource (showing the update, after one)."""
        for i in self.of(ExampleKind.SELECT_GET):
            done = self.execute(i, angles, when)
            if done is None:
                continue
            result = done[1]
            if result.identifiers != (made.identifier,) or len(result.rows) != 1:
                self.fail(
                    i, f"returned {len(result.rows)} rows, not the resource {made.identifier}", when
                )
            elif update is not None:
                self.shows(update, result.rows[0])

    def shows(self, update: _Update, row: Mapping[str, Any]) -> None:
        """The row read after the UPDATE has the values the patch gave."""
        by_name = {p.name: p for p in self.resource.properties}
        shown = self.kind.public(update.expected)  # less what reads never show
        for name in update.touched:
            prop = by_name.get(name)
            if prop is None or prop.write_only or prop.field_name not in row:
                continue
            if row[prop.field_name] != shown.get(name):
                self.fail(
                    update.index,
                    f"the get after it shows {prop.field_name} = "
                    f"{json.dumps(row[prop.field_name])}, not "
                    f"{json.dumps(shown.get(name))}",
                )

    def list(self, made: _Made, final: bool = False) -> None:
        """The list example must include the resource.

        A list that filters on a property the resource lacks (the list handler requires one a
        create does not) waits for the All Properties resource, which has it, unless `final`.
        """
        for i in self.of(ExampleKind.SELECT_LIST):
            filters = {u.name for u in statement_uses(self.statements[i], self.document) if u.angle}
            lacking = sorted(filters - self.found(made).keys() - made.given)
            if lacking and not final and self.of(ExampleKind.INSERT_ALL):
                self.pending_list = made
                continue
            self.pending_list = None
            done = self.execute(i, self.angles(made))
            if done is None:
                continue
            statement, result = done
            if made.identifier not in result.identifiers:
                note = f"; the resource has no {', '.join(lacking)} to filter on" if lacking else ""
                self.fail(
                    i,
                    f"the list does not include the resource {made.identifier} "
                    f"(it found {len(result.identifiers)}{note})",
                )
                continue
            if made.identifier not in result.row_identifiers:  # a WHERE field filtered it out
                self.fail(
                    i,
                    f"the list's WHERE clause leaves out the resource {made.identifier} (of the "
                    f"{len(result.identifiers)} listed, it keeps {len(result.rows)})",
                )
                continue
            row = result.rows[result.row_identifiers.index(made.identifier)]
            empty = [n for n, _, _ in statement.extracts if row.get(n) is None]
            if empty:  # a path that names nothing there (a typo): NULL on every row
                paths = ", ".join(f"{n} ({p})" for n, _, p in statement.extracts if n in empty)
                self.fail(i, f"JSON_EXTRACT finds nothing in the resource for {paths}")

    def update(self, angles: Values, made: _Made) -> _Update | None:
        """The UPDATE example; what the resource should look like after it."""
        values = Values(
            self.changed.braces, angles.angles, {**angles.problems, **self.changed.problems}
        )
        last = None
        for i in self.of(ExampleKind.UPDATE):
            done = self.execute(i, values)
            if done is None:
                continue
            patch_text = next((v for c, v in done[0].assignments if c == PATCH), "[]")
            try:
                patch = json.loads(str(patch_text))
                expected = jsonpatch.apply_patch(made.model, patch)
            except (ValueError, jsonpatch.JsonPatchException, jsonpatch.JsonPointerException):
                continue
            touched = tuple(
                str(op.get("path", "/")).split("/")[1] for op in patch if isinstance(op, dict)
            )
            last = _Update(i, expected, touched)
        return last

    @property
    def deleted(self) -> bool:
        """Whether a DELETE example ran and passed."""
        return any(i in self.ran for i in self.of(ExampleKind.DELETE))  # of(): not failed

    def delete(self, angles: Values) -> bool:
        """The DELETE example; whether the resource is gone."""
        for i in self.of(ExampleKind.DELETE):
            self.execute(i, angles)
        return self.deleted

    def gone(self, angles: Values) -> None:
        """After the DELETE, the get example must answer ResourceNotFoundException."""
        deletes = self.of(ExampleKind.DELETE)
        for i in self.of(ExampleKind.SELECT_GET):
            try:
                self.executor.run(fill_statement(self.statements[i], angles))
            except ExampleError as error:
                if error.code != NOT_FOUND:
                    self.fail(i, _reason(error), "after the DELETE")
                continue
            for d in deletes:
                self.fail(d, "the get still finds the resource after it")

    def insert_all(self, exists: bool) -> None:
        """The All Properties INSERT: create, then delete what it made."""
        region = self.region
        if exists:  # (another than the page's)
            region = SECOND_REGION if region != SECOND_REGION else DEFAULT_REGION
        values = Values(
            {**self.base.braces, **{n: region for n in REGION_NAMES}}, {}, self.base.problems
        )
        for i in self.of(ExampleKind.INSERT_ALL):
            done = self.execute(i, values)
            if done is not None and self.pending_list is not None:
                made = _Made(done[1].identifiers[0], done[1].models[0], frozenset(done[0].columns))
                self.list(made, final=True)
            if done is not None and any(m.name == "delete_resource" for m in self.resource.methods):
                try:
                    self.executor.delete(self.resource, done[1].identifiers[0], done[1].region)
                except ExampleError:
                    pass  # cleaning up is not an example; the DELETE example has been judged

    def manifest(self) -> None:
        """The manifest: props are properties that may be set, filled valid to the schema."""
        by_name = {p.name: p for p in self.resource.properties}
        for i in self.of(ExampleKind.MANIFEST):
            self.ran.add(i)
            document = self.manifests[i]
            providers = document.get("providers") if isinstance(document, dict) else None
            if not isinstance(providers, list) or self.resource.provider not in providers:
                self.fail(i, f"the manifest's providers do not name {self.resource.provider}")
                continue
            try:
                props = manifest_props(document)
                model = {name: fill_value(value, self.base) for name, value in props}
            except (ValueError, ExampleError) as error:
                self.fail(i, str(error))
                continue
            names = [name for name, _ in props]
            wrong = [n for n in names if n not in by_name or by_name[n].read_only]
            twice = sorted(n for n, count in Counter(names).items() if count > 1)
            # (nested ones too, which the mock refuses in an INSERT: VpcEncryptionControl/VpcId)
            nested = [
                p
                for p in self.kind.read_only
                if p.count("/") > 2 and any(True for _ in values_at(model, model_path(p)))
            ]
            if wrong:
                self.fail(
                    i,
                    f"{', '.join(wrong)}: not a property a manifest can set (unknown or read-only)",
                )
            elif nested:
                self.fail(
                    i, f"readOnlyProperties [{', '.join(nested)}]: a manifest cannot set them"
                )
            elif twice:
                self.fail(i, f"{', '.join(twice)} given twice")
            elif problems := self.kind.model_errors(model):
                self.fail(i, f"Model validation failed ({'; '.join(problems)})")


def _other_region(statement: Statement, region: str) -> str | None:
    """The region a statement on the resource made asks, where it is written out and is not
    the page's own (a typo, `us-eest-1`); an INSERT's makes the resource, wherever it is.

    >>> from generator.statement import parse_statement
    >>> select = parse_statement("SELECT a FROM b.c.d WHERE region = 'eu-west-1'")
    >>> _other_region(select, "us-east-1"), _other_region(select, "eu-west-1")
    ('eu-west-1', None)
    """
    asked = statement.condition("region")
    if statement.verb is SqlVerb.INSERT or not isinstance(asked, str) or "{{" in asked:
        return None
    # (one that is no region's name at all is said so where it is sent)
    return asked if asked != region and REGION_NAME.fullmatch(asked) else None


def _reason(error: ExampleError) -> str:
    """An example's failure as one line: Cloud Control's code and message when it refused."""
    return "; ".join(str(error).splitlines())
