"""An in-memory AWS Cloud Control API: the state machine behind the mock server, no sockets.

Operations take and return the JSON bodies of the awsJson1_0 wire protocol (`TypeName`,
`DesiredState` as a JSON string, ...) and raise `CloudControlError` for the error answers, which
the HTTP edge turns into `{"__type": code, "Message": message}`. Time and tokens come from
counters, so a replayed sequence of requests gives byte-identical answers.

Creates, updates and deletes are asynchronous, as the service's are: they answer `IN_PROGRESS`,
and the request has its outcome at the first GetResourceRequestStatus that asks for it:
`SUCCESS`, or `FAILED` with the handler's error code where the handler would fail (a create
whose identifier exists: `AlreadyExists`; a delete of what is not there: `NotFound`). The
change itself is made at once (a read before the status shows it). A request is refused
outright (an exception) where the service refuses it before any handler runs: a request it
cannot read, a desired state or patch its schema refuses, an update of what is not there.
CancelResourceRequest stops a request in progress (`CANCEL_IN_PROGRESS`, then
`CANCEL_COMPLETE`) and undoes its change, where nothing changed the resource since.

Error codes and messages follow what the real service answers where that is on record:
`NotUpdatableException: Invalid patch update: createOnlyProperties [...] cannot be updated`,
`ValidationException: Invalid patch update: readOnlyProperties [...] cannot be updated`,
`ValidationException: Model validation failed (#/Path: ...)` (in the everit wording Cloud
Control's validator uses) and `InvalidRequestException: Missing or invalid ResourceModel property
in <type> list handler request input.Required property: (...)`. `ValidationException` is not in
botocore's model of the service, but it is what the service sends; botocore reads any `__type`.
"""

from __future__ import annotations

import base64
import copy
import json
import re
import uuid
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

import jsonpatch

from generator.jsonpointer import overlaps, split_pointer
from generator.normalize import list_filter_property
from generator.resourcetype import ResourceType, everit_message, model_path, values_at
from generator.samples import SampleError, plausible_identifier

EPOCH = 1_704_067_200  # 2024-01-01T00:00:00Z: the deterministic clock starts here
DEFAULT_ACCOUNT = "123456789012"
_TOKENS = uuid.UUID("5b6f0c52-3c1e-4e8a-9d0b-2f1c7a8e9d10")  # namespace of the request tokens


class CloudControlError(Exception):
    """An error answer of the service: `code` is the awsJson `__type`, `message` its `Message`.

    Not a DocgenError: it is the mock's reply to a request, which the examples stage reports.
    """

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(f"{code}: {message}")


# The Cloud Control operations the mock serves, by API name: the method of each.
OPERATIONS = {
    "CreateResource": "create_resource",
    "GetResource": "get_resource",
    "ListResources": "list_resources",
    "UpdateResource": "update_resource",
    "DeleteResource": "delete_resource",
    "GetResourceRequestStatus": "get_resource_request_status",
    "ListResourceRequests": "list_resource_requests",
    "CancelResourceRequest": "cancel_resource_request",
}
# The error codes Cloud Control answers with HTTP 500 (its model's server faults); others 400.
SERVER_FAULTS = frozenset({"ConcurrentModificationException"})
# ListResourceRequests' page when the request gives no MaxResults (its model: "The default is
# 20"); ListResources' ("Reserved") is the handler's: the mock's, 100.
REQUESTS_PAGE, RESOURCES_PAGE = 20, 100
_ABSENT = object()  # (no resource, before a create: what a cancel puts back)


class CloudControlBackend:
    """Resources per (region, type), kept in memory; one method per API operation."""

    def __init__(
        self, schemas: Mapping[str, Mapping[str, Any]], *, account: str = DEFAULT_ACCOUNT
    ) -> None:
        self._schemas = dict(schemas)
        self._types: dict[str, ResourceType] = {}
        self._account = account
        self._resources: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
        self._requests: dict[tuple[str, str], dict[str, Any]] = {}
        # Requests still in progress: the event each ends with and how to undo its change.
        self._pending: dict[tuple[str, str], _Pending] = {}
        self._client_tokens: dict[tuple[str, str], tuple[str, str]] = {}
        self._serials: dict[tuple[str, str], int] = {}
        self._ticks = 0

    def handle(self, operation: str, request: Mapping[str, Any], region: str) -> dict[str, Any]:
        """Run one operation by its API name, as the HTTP edge receives it."""
        if operation not in OPERATIONS:
            raise CloudControlError("UnknownOperationException", f"Unknown operation {operation}")
        method = getattr(self, OPERATIONS[operation])
        _check_members(request)
        try:
            return method(request, region)
        except RecursionError:  # jsonschema and the samples read a schema by recursion
            raise CloudControlError(
                "InvalidRequestException",
                "The type's schema nests too deeply to check a request against it "
                "(RecursionError in the mock)",
            ) from None

    # --- operations ---------------------------------------------------------------------------

    def create_resource(self, request: Mapping[str, Any], region: str = "us-east-1") -> dict:
        """CreateResource: validate DesiredState, fill generated identifiers, store."""
        kind = self._kind(request, "create")
        if replay := self._replay(request, region):
            return replay
        desired = self._json_member(request, "DesiredState", "desiredState")
        if not isinstance(desired, dict):
            raise CloudControlError("ValidationException", "DesiredState must be a JSON object")
        given = [p for p in kind.read_only if any(True for _ in values_at(desired, model_path(p)))]
        if given:  # modeled on the update wording; CloudFormation itself would ignore them
            raise CloudControlError(
                "ValidationException",
                f"Invalid desired state: readOnlyProperties [{', '.join(given)}] cannot be set",
            )
        self._check(kind, desired)
        given = all(next(values_at(desired, p), None) is not None for p in kind.primary)
        try:  # (what the handler does)
            model, identifier = self._filled(kind, desired, region)
        except CloudControlError as error:
            failure = _HANDLER_CODES.get(error.code, "GeneralServiceException"), error.message
            identifier = kind.identifier(desired) if given else None
            return self._event(request, region, kind, "CREATE", identifier, None, failure=failure)
        self._store(kind, region)[identifier] = model
        return self._event(
            request, region, kind, "CREATE", identifier, model, known=given, before=_ABSENT
        )

    def get_resource(self, request: Mapping[str, Any], region: str = "us-east-1") -> dict:
        """GetResource: the model without write-only properties."""
        kind = self._kind(request, "read")
        identifier, model = self._find(kind, request, region)
        return {
            "TypeName": kind.name,
            "ResourceDescription": {
                "Identifier": identifier,
                "Properties": json.dumps(kind.public(model)),
            },
        }

    def list_resources(self, request: Mapping[str, Any], region: str = "us-east-1") -> dict:
        """ListResources: enforce the list handler schema, filter by ResourceModel, paginate."""
        kind = self._kind(request, "list")
        text = request.get("ResourceModel")
        handler_schema = kind.schema["handlers"]["list"].get("handlerSchema")
        try:
            given = json.loads(text) if text is not None else {}
        except (json.JSONDecodeError, RecursionError):
            given = None
        problems = ["#: expected type: JSONObject"] if not isinstance(given, dict) else []
        if handler_schema is not None and not problems:
            errors = kind.validator.evolve(schema=handler_schema).iter_errors(given)
            problems = [everit_message(e) for e in errors]
        if problems:
            raise CloudControlError(
                "InvalidRequestException",
                "Missing or invalid ResourceModel "
                f"property in {kind.name} list handler request input."
                f"Required property: ({chr(10).join(problems)})",
            )
        # A member stands for the property its `$ref` names (APS's Arn for the Workspace).
        wanted = [(list_filter_property(kind.schema, k), v) for k, v in given.items()]
        matches = [
            {"Identifier": identifier, "Properties": json.dumps(kind.public(model))}
            for identifier, model in self._store(kind, region).items()
            if all(model.get(k) == v for k, v in wanted)
        ]
        page, token = self._page(matches, request, f"{kind.name}|{text}")
        answer = {"TypeName": kind.name, "ResourceDescriptions": page}
        return {**answer, "NextToken": token} if token else answer

    def update_resource(self, request: Mapping[str, Any], region: str = "us-east-1") -> dict:
        """UpdateResource: apply an RFC 6902 patch unless it touches create- or read-only paths."""
        kind = self._kind(request, "update")
        if replay := self._replay(request, region):
            return replay
        identifier, model = self._find(kind, request, region)
        patch = self._json_member(request, "PatchDocument", "patchDocument")
        if not isinstance(patch, list) or not all(isinstance(op, dict) for op in patch):
            raise CloudControlError("ValidationException", "PatchDocument must be a JSON array")
        try:  # `from` of a move is removed too; a test or a copy's source changes nothing
            touched = [
                split_pointer(op[key])
                for op in patch
                if op.get("op") != "test"
                for key in ("path", "from")
                if isinstance(op.get(key), str) and (key == "path" or op.get("op") == "move")
            ]
        except ValueError as error:
            raise CloudControlError("ValidationException", f"Invalid patch: {error}") from None
        for code, group, pointers in (
            ("NotUpdatableException", "createOnlyProperties", kind.create_only),
            ("ValidationException", "readOnlyProperties", kind.read_only),
        ):
            hit = [p for p in pointers if any(overlaps(model_path(p), t) for t in touched)]
            if hit:
                raise CloudControlError(
                    code, f"Invalid patch update: {group} [{', '.join(hit)}] cannot be updated"
                )
        try:
            # Cloud Control patches the resource as it reads it, without its write-only values:
            # a replace, remove or test of one fails (an add sets it). The model kept has them.
            jsonpatch.apply_patch(kind.public(model), patch)
            updated = jsonpatch.apply_patch(model, patch)
        except (jsonpatch.JsonPatchException, jsonpatch.JsonPointerException) as error:
            raise CloudControlError("ValidationException", f"Invalid patch: {error}") from None
        self._check(kind, updated)
        self._store(kind, region)[identifier] = updated
        return self._event(request, region, kind, "UPDATE", identifier, updated, before=model)

    def delete_resource(self, request: Mapping[str, Any], region: str = "us-east-1") -> dict:
        """DeleteResource: forget the resource."""
        kind = self._kind(request, "delete")
        if replay := self._replay(request, region):
            return replay
        given = self._member(request, "Identifier", "identifier")
        try:
            identifier, model = self._find(kind, request, region)
        except CloudControlError as error:  # the handler's NotFound
            failure = _HANDLER_CODES[error.code], error.message
            return self._event(request, region, kind, "DELETE", given, None, failure=failure)
        del self._store(kind, region)[identifier]
        return self._event(request, region, kind, "DELETE", identifier, None, before=model)

    def get_resource_request_status(
        self, request: Mapping[str, Any], region: str = "us-east-1"
    ) -> dict:
        """GetResourceRequestStatus: the ProgressEvent of an earlier request; one in progress
        ends with this read."""
        key = self._request_key(request, region)
        if (pending := self._pending.pop(key, None)) is not None:
            self._ticks += 1
            self._requests[key] = {**pending.outcome, "EventTime": EPOCH + self._ticks}
        return {"ProgressEvent": dict(self._requests[key])}

    def cancel_resource_request(
        self, request: Mapping[str, Any], region: str = "us-east-1"
    ) -> dict:
        """CancelResourceRequest: stop a request in progress and undo its change (where the
        resource is as the request left it)."""
        key = self._request_key(request, region)
        pending = self._pending.get(key)
        event = self._requests[key]
        if pending is None or event["OperationStatus"] != "IN_PROGRESS":
            raise CloudControlError(
                "ConcurrentModificationException",
                f"Request with token {key[1]} is {event['OperationStatus']}: only a request "
                "PENDING or IN_PROGRESS can be canceled",
            )
        if pending.undo is not None:
            store, identifier, left, before = pending.undo
            if store.get(identifier, _ABSENT) is left:
                if before is _ABSENT:
                    del store[identifier]
                else:
                    store[identifier] = before
        self._ticks += 1
        event = {**event, "OperationStatus": "CANCEL_IN_PROGRESS", "EventTime": EPOCH + self._ticks}
        self._requests[key] = event
        self._pending[key] = _Pending({**event, "OperationStatus": "CANCEL_COMPLETE"}, None)
        return {"ProgressEvent": dict(event)}

    def list_resource_requests(self, request: Mapping[str, Any], region: str = "us-east-1") -> dict:
        """ListResourceRequests: this region's requests, filtered by operation and status."""
        wanted = request.get("ResourceRequestStatusFilter") or {}
        operations, statuses = wanted.get("Operations"), wanted.get("OperationStatuses")
        events = [
            e
            for (r, _), e in self._requests.items()
            if r == region
            and (not operations or e["Operation"] in operations)
            and (not statuses or e["OperationStatus"] in statuses)
        ]
        page, token = self._page(
            events, request, f"requests|{json.dumps(wanted)}", default=REQUESTS_PAGE
        )
        answer = {"ResourceRequestStatusSummaries": page}
        return {**answer, "NextToken": token} if token else answer

    # --- helpers ------------------------------------------------------------------------------

    def _request_key(self, request: Mapping[str, Any], region: str) -> tuple[str, str]:
        """The key of the request a RequestToken names, which must be one of this region's."""
        token = self._member(request, "RequestToken", "requestToken")
        if (region, token) not in self._requests:
            raise CloudControlError(
                "RequestTokenNotFoundException", f"Request with token {token} was not found"
            )
        return region, token

    def _member(self, request: Mapping[str, Any], name: str, wire: str) -> Any:
        """A required request member, with the service's answer when it is missing."""
        if request.get(name) is None:
            raise CloudControlError(
                "ValidationException",
                "1 validation error detected: Value "
                f"null at '{wire}' failed to satisfy constraint: Member must "
                "not be null",
            )
        return request[name]

    def _json_member(self, request: Mapping[str, Any], name: str, wire: str) -> Any:
        try:
            return json.loads(self._member(request, name, wire))
        except (TypeError, json.JSONDecodeError, RecursionError) as error:
            raise CloudControlError(
                "ValidationException", f"{name} is not valid JSON: {error}"
            ) from None

    def _kind(self, request: Mapping[str, Any], handler: str) -> ResourceType:
        """The resource type named in the request, which must have `handler`."""
        name = self._member(request, "TypeName", "typeName")
        if name not in self._types:
            if name not in self._schemas:
                raise CloudControlError(
                    "TypeNotFoundException", f"The type '{name}' cannot be found."
                )
            self._types[name] = ResourceType.from_schema(name, self._schemas[name])
        kind = self._types[name]
        if handler not in kind.handlers:
            raise CloudControlError(
                "UnsupportedActionException",
                f"Resource type {name} does not support {handler.upper()} action",
            )
        return kind

    def _check(self, kind: ResourceType, model: Any) -> None:
        if problems := kind.model_errors(model):
            raise CloudControlError(
                "ValidationException", f"Model validation failed ({chr(10).join(problems)})"
            )

    def _store(self, kind: ResourceType, region: str) -> dict[str, dict[str, Any]]:
        return self._resources.setdefault((region, kind.name), {})

    def _filled(
        self, kind: ResourceType, desired: dict[str, Any], region: str
    ) -> tuple[dict[str, Any], str]:
        """The model with generated identifier and read-only values, and its new identifier."""
        store = self._store(kind, region)
        for _ in range(64):  # generated values are distinct per serial; 64 tries is plenty
            key = (region, kind.name)
            serial = self._serials[key] = self._serials.get(key, 0) + 1
            model, generated = copy.deepcopy(desired), False
            for path in kind.primary:
                if next(values_at(model, path), None) is None:
                    self._generate(kind, model, path, serial, region, required=True)
                    generated = True
            properties = kind.schema.get("properties", {})
            for pointer in kind.read_only:  # the cheap ones: top-level, schema permitting
                path = model_path(pointer)
                # One that names no property is none to make up: it would be refused as such.
                if len(path) == 1 and path[0] not in model and path[0] in properties:
                    self._generate(kind, model, path, serial, region, required=False)
            identifier = kind.identifier(model)
            if identifier not in store:
                return model, identifier
            if not generated:
                break
        raise CloudControlError(
            "AlreadyExistsException",
            f"Resource of type '{kind.name}' with "
            f"identifier '{kind.identifier(desired)}' already exists.",
        )

    def _generate(
        self,
        kind: ResourceType,
        model: dict[str, Any],
        path: tuple[str, ...],
        serial: int,
        region: str,
        *,
        required: bool,
    ) -> None:
        try:
            value = plausible_identifier(
                kind.subschema(path),
                kind.schema,
                path[-1],
                serial=serial,
                region=region,
                account=self._account,
            )
        except SampleError as error:
            if required:
                raise CloudControlError(
                    "GeneralServiceException",
                    f"The mock cannot generate {'/properties/' + '/'.join(path)}: {error}",
                ) from None
            return
        node = model
        for token in path[:-1]:
            node = node.setdefault(token, {})
        node[path[-1]] = value

    def _find(
        self, kind: ResourceType, request: Mapping[str, Any], region: str
    ) -> tuple[str, dict[str, Any]]:
        """The stored resource that a primary (`a|b` or JSON) or secondary (JSON) id names."""
        identifier = self._member(request, "Identifier", "identifier")
        store = self._store(kind, region)
        if identifier in store:
            return identifier, store[identifier]
        try:
            values = json.loads(identifier) if identifier.startswith("{") else None
        except (json.JSONDecodeError, RecursionError):
            values = None
        if isinstance(values, dict):
            for group in (kind.primary, *kind.additional):
                if {path[-1] for path in group} == set(values):
                    for key, model in store.items():
                        if all(next(values_at(model, p), None) == values[p[-1]] for p in group):
                            return key, model
        raise CloudControlError(
            "ResourceNotFoundException",
            f"Resource of type '{kind.name}' with identifier '{identifier}' was not found.",
        )

    def _replay(self, request: Mapping[str, Any], region: str) -> dict[str, Any] | None:
        """The earlier answer to a retried request with the same ClientToken."""
        token = request.get("ClientToken")
        if token is None or (region, token) not in self._client_tokens:
            return None
        fingerprint, request_token = self._client_tokens[(region, token)]
        if fingerprint != json.dumps(request, sort_keys=True):
            raise CloudControlError(
                "ClientTokenConflictException",
                f"The client token {token} has already been used in another resource request.",
            )
        return {"ProgressEvent": dict(self._requests[(region, request_token)])}

    def _event(
        self,
        request: Mapping[str, Any],
        region: str,
        kind: ResourceType,
        operation: str,
        identifier: str | None,
        model: dict[str, Any] | None,
        *,
        known: bool = True,
        before: Any = None,
        failure: tuple[str, str] | None = None,
    ) -> dict[str, Any]:
        """Record a request, in progress, and answer with its ProgressEvent. It ends (at the
        first status read) with `model` or with the handler's `failure` (error code, message).
        `known`: whether the identifier is known from the start (not generated); `before`:
        the resource as it was before the change (`_ABSENT` before a create), for a cancel.
        """
        self._ticks += 1
        token = str(uuid.uuid5(_TOKENS, str(self._ticks)))
        started: dict[str, Any] = {"TypeName": kind.name}
        if identifier is not None and known:
            started["Identifier"] = identifier
        started |= {
            "RequestToken": token,
            "Operation": operation,
            "OperationStatus": "IN_PROGRESS",
            "EventTime": EPOCH + self._ticks,
        }
        outcome = {**started, **({"Identifier": identifier} if identifier is not None else {})}
        if failure is not None:
            code, message = failure
            outcome |= {"OperationStatus": "FAILED", "StatusMessage": message, "ErrorCode": code}
        else:
            outcome["OperationStatus"] = "SUCCESS"
            if model is not None:
                outcome["ResourceModel"] = json.dumps(kind.public(model))
        undo = None
        if failure is None and identifier is not None and before is not None:
            store = self._store(kind, region)
            undo = (store, identifier, store.get(identifier, _ABSENT), before)
        self._requests[(region, token)] = started
        self._pending[(region, token)] = _Pending(outcome, undo)
        if "ClientToken" in request:
            self._client_tokens[(region, request["ClientToken"])] = (
                json.dumps(request, sort_keys=True),
                token,
            )
        return {"ProgressEvent": dict(started)}

    def _page(
        self,
        items: list[Any],
        request: Mapping[str, Any],
        scope: str,
        default: int = RESOURCES_PAGE,
    ) -> tuple[list[Any], str | None]:
        """One page of `items` and the NextToken for the rest (None on the last page)."""
        size = request.get("MaxResults") or default
        start = 0
        if token := request.get("NextToken"):
            try:
                start, token_scope = json.loads(base64.b64decode(token, validate=True))
            except (ValueError, TypeError):
                start, token_scope = -1, None
            if token_scope != scope or not isinstance(start, int) or start < 0:
                raise CloudControlError("InvalidRequestException", f"Invalid NextToken: {token}")
        if start + size >= len(items):
            return items[start:], None
        return items[start : start + size], base64.b64encode(
            json.dumps([start + size, scope]).encode()
        ).decode()


class _Pending(NamedTuple):
    """A request in progress: the event it ends with, and how to undo its change (the store,
    the identifier, the resource as the request left it and as it was before), if it made one.
    """

    outcome: dict[str, Any]
    undo: tuple[dict[str, dict[str, Any]], str, Any, Any] | None


# The handler error code of a ProgressEvent that failed, by the exception the mock's helpers
# raise for the same failure.
_HANDLER_CODES = {
    "AlreadyExistsException": "AlreadyExists",
    "ResourceNotFoundException": "NotFound",
    "GeneralServiceException": "GeneralServiceException",
}


# The request members of these operations that Cloud Control's model types as strings.
_STRING_MEMBERS = frozenset(
    {
        "TypeName",
        "TypeVersionId",
        "RoleArn",
        "ClientToken",
        "DesiredState",
        "Identifier",
        "PatchDocument",
        "ResourceModel",
        "RequestToken",
        "NextToken",
    }
)


def _check_members(request: Mapping[str, Any]) -> None:
    """Refuse request members of the wrong JSON type, as Cloud Control's reader does."""
    for member, value in request.items():
        if member in _STRING_MEMBERS and not isinstance(value, str):
            raise _unreadable(value, "a String", member)
    size = request.get("MaxResults")
    if "MaxResults" in request and (not isinstance(size, int) or isinstance(size, bool)):
        raise _unreadable(size, "an Integer", "MaxResults")
    if isinstance(size, int) and not 1 <= size <= 100:
        raise CloudControlError(
            "ValidationException",
            f"1 validation error detected: Value '{size}' at 'maxResults' failed to satisfy "
            "constraint: Member must have value between 1 and 100",
        )
    wanted = request.get("ResourceRequestStatusFilter", {})
    if not isinstance(wanted, dict):
        raise _unreadable(wanted, "a ResourceRequestStatusFilter", "ResourceRequestStatusFilter")
    for member in ("Operations", "OperationStatuses"):
        names = wanted.get(member, [])
        if not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
            raise _unreadable(names, "a list of String", member)
    if problems := list(_constraint_problems(request)):
        count = f"{len(problems)} validation error{'s' if len(problems) > 1 else ''}"
        raise CloudControlError("ValidationException", f"{count} detected: {'; '.join(problems)}")


# The constraints of the service's model (botocore's service-2.json) on the string members:
# their name on the wire, least and most length, and the pattern the whole value must match;
# None for the members the model marks sensitive (any text), whose refusal does not quote them.
_CONSTRAINED = {
    "TypeName": ("typeName", 10, 196, "[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}"),
    "TypeVersionId": ("typeVersionId", 1, 128, "[A-Za-z0-9-]+"),
    "RoleArn": ("roleArn", 20, 2048, "arn:.+:iam::[0-9]{12}:role/.+"),
    "ClientToken": ("clientToken", 1, 128, "[-A-Za-z0-9+/=]+"),
    "Identifier": ("identifier", 1, 1024, ".+"),
    "RequestToken": ("requestToken", 1, 128, "[-A-Za-z0-9+/=]+"),
    "NextToken": ("nextToken", 1, 2048, "[-A-Za-z0-9+/=]+"),
    "DesiredState": ("desiredState", 1, 262144, None),
    "PatchDocument": ("patchDocument", 1, 262144, None),
    "ResourceModel": ("resourceModel", 1, 262144, None),
}
_ENUMS = {
    "Operations": ("CREATE", "DELETE", "UPDATE"),
    "OperationStatuses": (
        "PENDING",
        "IN_PROGRESS",
        "SUCCESS",
        "FAILED",
        "CANCEL_IN_PROGRESS",
        "CANCEL_COMPLETE",
    ),
}


def _constraint_problems(request: Mapping[str, Any]) -> Iterator[str]:
    """What of a request breaks its model's constraints, in the service's words (its lengths
    are Java's, in UTF-16 code units)."""
    for member, (wire, least, most, pattern) in _CONSTRAINED.items():
        value = request.get(member)
        if not isinstance(value, str):
            continue
        quoted = "" if pattern is None else f" '{value}'"
        length = len(value.encode("utf-16-le", "surrogatepass")) // 2
        if length < least:
            yield (
                f"Value{quoted} at '{wire}' failed to satisfy constraint: Member must have "
                f"length greater than or equal to {least}"
            )
        elif length > most:
            yield (
                f"Value{quoted} at '{wire}' failed to satisfy constraint: Member must have "
                f"length less than or equal to {most}"
            )
        elif pattern is not None and not re.fullmatch(pattern, value):
            yield (
                f"Value{quoted} at '{wire}' failed to satisfy constraint: Member must satisfy "
                f"regular expression pattern: {pattern}"
            )
    wanted = request.get("ResourceRequestStatusFilter") or {}
    for member, allowed in _ENUMS.items():
        values = wanted.get(member) or []
        if any(v not in allowed for v in values):
            wire = f"resourceRequestStatusFilter.{member[0].lower()}{member[1:]}"
            yield (
                f"Value '[{', '.join(values)}]' at '{wire}' failed to satisfy constraint: Member "
                f"must satisfy constraint: [Member must satisfy enum value set: "
                f"[{', '.join(allowed)}]]"
            )


def _unreadable(value: Any, expected: str, member: str) -> CloudControlError:
    """The SerializationException of a member Cloud Control cannot read."""
    return CloudControlError(
        "SerializationException",
        f"{_json_kind(value)} can not be converted to {expected} ({member})",
    )


def _json_kind(value: Any) -> str:
    """How Cloud Control's JSON reader names a value it did not expect."""
    if isinstance(value, bool):
        return "VALUE_TRUE" if value else "VALUE_FALSE"
    if isinstance(value, (int, float)):
        return "NUMBER_VALUE"
    if value is None:
        return "VALUE_NULL"
    if isinstance(value, str):
        return "VALUE_STRING"
    return "START_OBJECT" if isinstance(value, dict) else "START_ARRAY"
