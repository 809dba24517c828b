"""The executor: parse a page's SQL with sqlglot and run it the way StackQL would, over HTTP.

StackQL maps each statement on a Cloud Control resource to one API operation (two for a list):

- `INSERT INTO r (cols) SELECT vals` -> CreateResource, the columns (but `region`) as the
  DesiredState, each value read as its property's JSON type (JSON text for objects and arrays);
- `SELECT cols FROM r WHERE data__Identifier = 'id'` -> GetResource;
- `SELECT cols FROM r WHERE region = 'r'` -> ListResources, then GetResource for each resource
  found (the list's own models when there is no read handler);
- `SELECT cols FROM aws.cloud_control.resources WHERE region = 'r' AND data__TypeName = 'T'
  [AND data__ResourceModel = string('{...}')]` -> ListResources, its rows as it answers them
  (`Identifier`, `Properties`): the list of a type whose list handler requires a model;
- `UPDATE r SET data__PatchDocument = string('[...]') WHERE data__Identifier = 'id'` ->
  UpdateResource; `DELETE FROM r WHERE data__Identifier = 'id'` -> DeleteResource.

Selected columns must be fields of the resource (or `JSON_EXTRACT(field, '$.key')`), and the
method's required parameters must be in the WHERE clause or the column list. Where a `data__`
parameter is missing the request is sent anyway, so that the finding carries Cloud Control's
own answer. A `data__` parameter is sent as StackQL sends it: a plain literal that is a JSON
object or array as that JSON (which Cloud Control refuses where it wants text), `string('...')`
as text. Requests are awsJson1_0 with a SigV4-shaped Authorization header that names the region
(the mock reads the region there and checks no signature); one `requests.Session` carries them
all.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import urllib3

from generator.errors import DocgenError
from generator.examples import page_region
from generator.model import (
    CLOUD_CONTROL_RESOURCES,
    REGION_NAME,
    Method,
    Resource,
    SqlVerb,
)
from generator.statement import (
    IDENTIFIER,
    MODEL,
    PATCH,
    TYPE_NAME,
    ExampleError,
    Scalar,
    Statement,
    text_of,
)

TARGET_PREFIX = "CloudApiService."
# The columns of StackQL's aws.cloud_control.resources: a ListResources answer's.
CLOUD_CONTROL_COLUMNS = ("region", "Identifier", "Properties")
CONTENT_TYPE = "application/x-amz-json-1.0"
REQUEST_TIMEOUT = 30  # seconds
POLLS, POLL_SECONDS = 60, 1.0  # how long to wait for an operation still in progress


class EndpointError(DocgenError):
    """The Cloud Control endpoint cannot be reached or answers what is not Cloud Control."""


@dataclass(frozen=True, slots=True)
class Result:
    """What a statement did: the operation, region, resources touched and the rows selected.

    `models` are the resource models returned (created, updated, read), one per identifier;
    `rows` the selected columns of each resource the WHERE clause keeps, in column order
    (SELECT only), and `row_identifiers` the identifier of each row.
    """

    operation: str
    region: str
    identifiers: tuple[str, ...] = ()
    models: tuple[dict[str, Any], ...] = ()
    rows: tuple[dict[str, Any], ...] = ()
    row_identifiers: tuple[str, ...] = ()


# --- values ------------------------------------------------------------------------------------


def coerce(value: Scalar, json_type: str) -> Any:
    """A column value as the property's JSON type wants it; text of no such type stays text.

    >>> coerce("3", "integer"), coerce("true", "boolean"), coerce('{"a": 1}', "object")
    (3, True, {'a': 1})
    >>> coerce("x", "integer"), coerce("12", "string | integer"), coerce("[1]", "string")
    ('x', 12, '[1]')
    """
    if not isinstance(value, str):
        return value
    types = json_type.split(" | ")
    for kind in [t for t in types if t != "string"]:
        if kind in ("object", "array"):
            try:
                parsed = json.loads(value)
            except (ValueError, RecursionError):  # nested past what json reads: text it stays
                continue
            if isinstance(parsed, dict if kind == "object" else list):
                return parsed
        elif kind == "integer" and re.fullmatch(r"-?\d+", value.strip()):
            return int(value)
        elif kind == "number" and re.fullmatch(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", value.strip()):
            text = value.strip()
            return int(text) if re.fullmatch(r"-?\d+", text) else float(text)
        elif kind == "boolean" and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
    return value


# --- running -----------------------------------------------------------------------------------


class CloudControlClient:
    """Cloud Control's awsJson1_0 protocol over one kept-alive connection (urllib3's: a third
    of the time per request of requests' session, which validate's 35,000 requests feel)."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/") + "/"
        # The endpoint named, never a proxy from the environment; no retries: an answer or
        # an EndpointError. (More than one connection at a time, if threads share it.)
        self._pool = urllib3.connection_from_url(
            self.url,
            timeout=urllib3.Timeout(connect=REQUEST_TIMEOUT, read=REQUEST_TIMEOUT),
            retries=False,
        )
        self._path = urllib3.util.parse_url(self.url).request_uri

    def call(self, operation: str, body: Mapping[str, Any], region: str) -> dict[str, Any]:
        """Send one request; raises ExampleError with Cloud Control's code when it refuses."""
        headers = {
            "Content-Type": CONTENT_TYPE,
            "X-Amz-Target": TARGET_PREFIX + operation,
            "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/"
            f"{region}/cloudcontrolapi/aws4_request, "
            "SignedHeaders=host;x-amz-target, Signature=0",
        }
        try:
            response = self._pool.urlopen(
                "POST", self._path, body=json.dumps(body), headers=headers, redirect=False
            )
            payload = json.loads(response.data)
        except (urllib3.exceptions.HTTPError, ValueError) as error:
            raise EndpointError(f"{self.url}: {operation} failed: {error}") from error
        if not isinstance(payload, dict):
            raise EndpointError(f"{self.url}: {operation} answered {type(payload).__name__}")
        if response.status != 200:
            code = str(payload.get("__type", "")).rpartition("#")[2] or str(response.status)
            raise ExampleError(str(payload.get("Message") or payload.get("message") or ""), code)
        return payload

    def close(self) -> None:
        """Release the connections."""
        self._pool.close()


class Executor:
    """Runs parsed statements on the resources of a site against one Cloud Control endpoint."""

    def __init__(self, client: CloudControlClient, resources: Mapping[str, Resource]) -> None:
        self.client = client
        self.resources = dict(resources)

    def run(self, statement: Statement) -> Result:
        """Run one statement; raises ExampleError when StackQL or Cloud Control would refuse it."""
        try:
            return self._run(statement)
        except ExampleError as error:
            sent_json = [c for c in (MODEL, PATCH) if isinstance(_sent(statement, c), (dict, list))]
            if error.code != "SerializationException" or not sent_json:
                raise
            note = (
                f"StackQL sends {sent_json[0]} = '...' holding a JSON object or array as that "
                "JSON, and Cloud Control wants text: write string('...')"
            )
            raise ExampleError(f"{error.message} ({note})", error.code, error.at) from None

    def _run(self, statement: Statement) -> Result:
        """`run`, but for the note on what StackQL sends as JSON."""
        if statement.resource_id == CLOUD_CONTROL_RESOURCES and statement.verb is SqlVerb.SELECT:
            return self._list_any(statement)
        resource = self.resources.get(statement.resource_id)
        if resource is None:
            raise ExampleError(f"no resource {statement.resource_id}")
        run = {
            SqlVerb.INSERT: self._insert,
            SqlVerb.SELECT: self._select,
            SqlVerb.UPDATE: self._update,
            SqlVerb.DELETE: self._delete,
        }[statement.verb]
        return run(statement, resource)

    def _insert(self, statement: Statement, resource: Resource) -> Result:
        """INSERT: CreateResource with the columns, but region, as the DesiredState."""
        method = _method(resource, "create_resource", "INSERT", "create")
        by_name = {p.name: p for p in resource.properties}
        desired: dict[str, Any] = {}
        region: Scalar = None
        for column, value in zip(statement.columns, statement.values, strict=True):
            if column == "region":
                region = value
            elif column not in by_name:
                raise ExampleError(f"{column} is not a property of {resource.resource_id}")
            else:
                desired[column] = coerce(value, by_name[column].type)
        region = _region(region, resource, method)
        missing = _missing(method, statement.columns)
        return self._checked(
            method, missing, "the column list", lambda: self.create(resource, desired, region)
        )

    def create(self, resource: Resource, desired: Mapping[str, Any], region: str) -> Result:
        """CreateResource with a DesiredState, whatever the page says (to seed, to set up)."""
        body = {"TypeName": resource.type_name, "DesiredState": json.dumps(desired)}
        event = self._wait(self.client.call("CreateResource", body, region), region)
        model = _json_object(event.get("ResourceModel"))
        return Result("CreateResource", region, (event["Identifier"],), (model,))

    def delete(self, resource: Resource, identifier: str, region: str) -> Result:
        """DeleteResource by identifier, whatever the page says (to clean up)."""
        body = {"TypeName": resource.type_name, "Identifier": identifier}
        event = self._wait(self.client.call("DeleteResource", body, region), region)
        return Result("DeleteResource", region, (event["Identifier"],))

    def _select(self, statement: Statement, resource: Resource) -> Result:
        """SELECT: GetResource by data__Identifier, else ListResources (and a get of each)."""
        fields = [f.name for f in resource.fields]
        columns = fields if statement.columns == ("*",) else list(statement.columns)
        unknown = list(dict.fromkeys(c for c in _read(statement, columns) if c not in fields))
        if unknown:
            raise ExampleError(
                f"{', '.join(unknown)} {'is' if len(unknown) == 1 else 'are'} "
                f"not a field of {resource.resource_id}"
            )
        if statement.condition(IDENTIFIER) is not None:
            method = _method(resource, "get_resource", "SELECT by data__Identifier", "read")
        else:
            method = _method(resource, "list_resources", "SELECT without data__Identifier", "list")
            if statement.condition(MODEL) is not None:
                raise ExampleError(
                    f"{resource.resource_id} lists through a view that passes no {MODEL}: "
                    f"list through {CLOUD_CONTROL_RESOURCES}, with {TYPE_NAME}"
                )
        parameters = {IDENTIFIER, MODEL, "region"}
        filters = [(c, v) for c, v in statement.where if c not in parameters]
        wrong = [c for c, _ in filters if c not in fields]
        if wrong:
            raise ExampleError(
                f"WHERE names {', '.join(wrong)}: neither a parameter of "
                f"{method.name} nor a field of {resource.resource_id}"
            )
        region = _region(statement.condition("region"), resource, method)
        given = (*(c for c, _ in statement.where), *statement.columns)
        missing = _missing(method, given)
        if method.name == "get_resource":
            body = {"TypeName": resource.type_name, "Identifier": statement.condition(IDENTIFIER)}
            found = [
                self._checked(
                    method,
                    missing,
                    "the WHERE clause",
                    lambda: self.client.call("GetResource", body, region),
                )
            ]
            described = [f["ResourceDescription"] for f in found]
        else:
            described = self._checked(
                method, missing, "the WHERE clause", lambda: self._list(resource, statement, region)
            )
        identifiers = tuple(d.get("Identifier", "") for d in described)
        models = tuple(_json_object(d.get("Properties")) for d in described)
        rows, kept = [], []
        for identifier, model in zip(identifiers, models, strict=True):
            row = _row(resource, model, region)
            if all(row.get(c) == v or text_of(row.get(c)) == v for c, v in filters):
                rows.append(_selected(row, columns, statement))
                kept.append(identifier)
        return Result(
            "GetResource" if method.name == "get_resource" else "ListResources",
            region,
            identifiers,
            models,
            tuple(rows),
            tuple(kept),
        )

    def _list(self, resource: Resource, statement: Statement, region: str) -> list[dict]:
        """ListResources, every page; then GetResource of each unless the type cannot read."""
        described = self._pages({"TypeName": resource.type_name}, region)
        if not any(m.name == "get_resource" for m in resource.methods):
            return described
        return [
            self.client.call(
                "GetResource",
                {"TypeName": resource.type_name, "Identifier": d["Identifier"]},
                region,
            )["ResourceDescription"]
            for d in described
        ]

    def _pages(self, body: dict[str, Any], region: str) -> list[dict]:
        """Every page of a ListResources request: the ResourceDescriptions."""
        described: list[dict] = []
        while True:
            answer = self.client.call("ListResources", body, region)
            described.extend(answer.get("ResourceDescriptions") or [])
            if not answer.get("NextToken"):
                return described
            body["NextToken"] = answer["NextToken"]

    def _list_any(self, statement: Statement) -> Result:
        """SELECT on aws.cloud_control.resources: ListResources of the type data__TypeName names,
        with the ResourceModel given; a row per resource as the list answers it."""
        extra = [c for c, _ in statement.where if c not in (TYPE_NAME, MODEL, "region")]
        if extra:
            raise ExampleError(
                f"WHERE names {', '.join(extra)}: not a parameter of {CLOUD_CONTROL_RESOURCES}"
            )
        type_name = statement.condition(TYPE_NAME)
        if not isinstance(type_name, str):
            raise ExampleError(f"{CLOUD_CONTROL_RESOURCES} requires {TYPE_NAME}, a type name")
        resource = next((r for r in self.resources.values() if r.type_name == type_name), None)
        if resource is None:
            raise ExampleError(f"no resource of the type {type_name}")
        whole = statement.columns == ("*",)
        columns = list(CLOUD_CONTROL_COLUMNS) if whole else list(statement.columns)
        unknown = list(
            dict.fromkeys(c for c in _read(statement, columns) if c not in CLOUD_CONTROL_COLUMNS)
        )
        if unknown:
            raise ExampleError(
                f"{', '.join(unknown)}: {CLOUD_CONTROL_RESOURCES} has the columns "
                f"{', '.join(CLOUD_CONTROL_COLUMNS)}"
            )
        method = _method(resource, "list_resources", "SELECT", "list")
        region = _region(statement.condition("region"), resource, method)
        body: dict[str, Any] = {"TypeName": type_name}
        if (model := _sent(statement, MODEL)) is not None:
            body["ResourceModel"] = model
        missing = _missing(method, tuple(c for c, _ in statement.where))
        described = self._checked(
            method, missing, "the WHERE clause", lambda: self._pages(body, region)
        )
        rows = tuple(
            _selected(
                {
                    "region": region,
                    "Identifier": d.get("Identifier"),
                    "Properties": d.get("Properties"),
                },
                columns,
                statement,
            )
            for d in described
        )
        identifiers = tuple(d.get("Identifier", "") for d in described)
        return Result(
            "ListResources",
            region,
            identifiers,
            tuple(_json_object(d.get("Properties")) for d in described),
            rows,
            identifiers,
        )

    def _update(self, statement: Statement, resource: Resource) -> Result:
        """UPDATE: UpdateResource with the data__PatchDocument set."""
        method = _method(resource, "update_resource", "UPDATE", "update")
        other = [c for c, _ in statement.assignments if c != PATCH]
        if other:
            raise ExampleError(
                f"UPDATE sets {', '.join(other)}: update_resource takes the changes as one {PATCH}"
            )
        region, body = _by_identifier(statement, resource, method)
        if (patch := _sent(statement, PATCH)) is not None:
            body["PatchDocument"] = patch
        given = (*(c for c, _ in statement.where), *(c for c, _ in statement.assignments))
        event = self._checked(
            method,
            _missing(method, given),
            "the statement",
            lambda: self._wait(self.client.call("UpdateResource", body, region), region),
        )
        model = _json_object(event.get("ResourceModel"))
        return Result("UpdateResource", region, (event["Identifier"],), (model,))

    def _delete(self, statement: Statement, resource: Resource) -> Result:
        """DELETE: DeleteResource by data__Identifier."""
        method = _method(resource, "delete_resource", "DELETE", "delete")
        region, body = _by_identifier(statement, resource, method)
        given = tuple(c for c, _ in statement.where)
        event = self._checked(
            method,
            _missing(method, given),
            "the WHERE clause",
            lambda: self._wait(self.client.call("DeleteResource", body, region), region),
        )
        return Result("DeleteResource", region, (event["Identifier"],))

    def _checked(self, method: Method, missing: tuple[str, ...], place: str, call: Any) -> Any:
        """Make the call; a missing required parameter is a finding, with Cloud Control's answer."""
        note = f"{method.name} requires {', '.join(missing)}, missing from {place}"
        try:
            answer = call()
        except ExampleError as error:
            if missing:
                raise ExampleError(f"{error.message} ({note})", error.code) from None
            raise
        if missing:
            raise ExampleError(note)
        return answer

    def _wait(self, answer: dict[str, Any], region: str) -> dict[str, Any]:
        """The finished ProgressEvent of a request; its failure as an ExampleError."""
        event = answer.get("ProgressEvent") or {}
        for poll in range(POLLS):
            if event.get("OperationStatus") not in ("PENDING", "IN_PROGRESS"):
                break
            if poll:  # (the first at once: the mock's requests end at the first)
                time.sleep(POLL_SECONDS)
            event = self.client.call(
                "GetResourceRequestStatus", {"RequestToken": event.get("RequestToken")}, region
            )["ProgressEvent"]
        if event.get("OperationStatus") != "SUCCESS":
            raise ExampleError(
                str(event.get("StatusMessage") or event.get("OperationStatus")),
                str(event.get("ErrorCode") or "GeneralServiceException"),
            )
        return event


def _method(resource: Resource, name: str, verb: str, handler: str) -> Method:
    """The resource's method of that name; its absence is a finding."""
    method = next((m for m in resource.methods if m.name == name), None)
    if method is None:
        raise ExampleError(
            f"{resource.resource_id} has no {name} method for {verb} "
            f"(the type has no {handler} handler)"
        )
    return method


def _by_identifier(
    statement: Statement, resource: Resource, method: Method
) -> tuple[str, dict[str, Any]]:
    """The region and request body of a call by `data__Identifier` (UPDATE, DELETE)."""
    extra = [c for c, _ in statement.where if c not in (IDENTIFIER, "region")]
    if extra:
        raise ExampleError(f"WHERE names {', '.join(extra)}: not a parameter of {method.name}")
    region = _region(statement.condition("region"), resource, method)
    body: dict[str, Any] = {"TypeName": resource.type_name}
    if statement.condition(IDENTIFIER) is not None:
        body["Identifier"] = text_of(statement.condition(IDENTIFIER))
    return region, body


def _sent(statement: Statement, column: str) -> Any:
    """A `data__` parameter's value as StackQL puts it in the request (None where it is not
    given): a plain literal that reads as a JSON object or array as that JSON, `string('...')`
    (and any other text) as text.
    """
    value = next((v for c, v in (*statement.where, *statement.assignments) if c == column), None)
    if value is None:
        return None
    if isinstance(value, str) and column not in statement.texts:
        try:
            parsed = json.loads(value)
        except (ValueError, RecursionError):
            return value
        if isinstance(parsed, (dict, list)):
            return parsed
    return text_of(value)


def _read(statement: Statement, columns: list[str]) -> list[str]:
    """The columns a SELECT reads: each selected one, or the one its JSON_EXTRACT names."""
    named = {name: column for name, column, _ in statement.extracts} | dict(statement.aliases)
    return [named.get(c, c) for c in columns]


def _selected(row: Mapping[str, Any], columns: list[str], statement: Statement) -> dict[str, Any]:
    """The selected columns of a row; a `JSON_EXTRACT` item as SQLite reads it (objects and
    arrays as JSON text, booleans as 1 and 0), a path SQLite refuses the example's failure."""
    extracts = {name: (column, path) for name, column, path in statement.extracts}
    aliases = dict(statement.aliases)
    selected = {name: row.get(aliases.get(name, name)) for name in columns if name not in extracts}
    if not extracts:
        return selected
    with contextlib.closing(sqlite3.connect(":memory:")) as sqlite:  # StackQL's engine
        for name, (column, path) in extracts.items():
            value = row.get(column)
            text = value if isinstance(value, str) or value is None else json.dumps(value)
            try:
                query = sqlite.execute("SELECT json_extract(?, ?)", (text, path))
            except sqlite3.Error as error:
                message = f"JSON_EXTRACT({column}, '{path}'): SQLite says: {error}"
                raise ExampleError(message) from None
            selected[name] = query.fetchone()[0]
    return {name: selected[name] for name in columns}


def _region(value: Scalar, resource: Resource, method: Method) -> str:
    """The region a request goes to: the statement's, else a global service's (its page's)."""
    if value is None and "region" not in method.required_params:
        return page_region(resource)
    if not isinstance(value, str) or not value:
        raise ExampleError(f"{method.name} requires region, missing from the statement")
    if not REGION_NAME.fullmatch(value):  # it goes in a header: one that cannot failed there
        raise ExampleError(f"region {value[:64]!r} is not an AWS region name, like us-east-1")
    return value


def _missing(method: Method, given: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The required parameters of a method that the statement does not give."""
    return tuple(p for p in method.required_params if p not in given and p != "region")


def _json_object(text: str | None) -> dict[str, Any]:
    """A JSON object held as text, as a ProgressEvent's ResourceModel and a
    ResourceDescription's Properties are; {} when there is none or it is not an object.
    """
    try:
        model = json.loads(text or "{}")
    except (ValueError, RecursionError):
        return {}
    return model if isinstance(model, dict) else {}


def _row(resource: Resource, model: Mapping[str, Any], region: str) -> dict[str, Any]:
    """A resource model as StackQL's columns: each property under its field name, and region."""
    row = {p.field_name: model.get(p.name) for p in resource.properties}
    row.setdefault("region", region)
    return row
