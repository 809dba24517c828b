"""An in-memory AWS Cloud Control API: the state machine behind the mock server, no sockets.

Operations take and return the JSON bodies of the awsJson1_0 wire protocol (`TypeName`,
`DesiredState` as a JSON string, ...) and raise `CloudControlError` for the error answers, which
the HTTP edge turns into `{"__type": code, "Message": message}`. Requests complete at once: every
ProgressEvent is `SUCCESS`. Time and tokens come from counters, so a replayed sequence of requests
gives byte-identical answers.

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
import uuid
from collections.abc import Mapping
from typing import Any

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
}


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
        model, identifier = self._filled(kind, desired, region)
        self._store(kind, region)[identifier] = model
        return {"ProgressEvent": self._event(request, region, kind, "CREATE", identifier, model)}

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
        return {"ProgressEvent": self._event(request, region, kind, "UPDATE", identifier, updated)}

    def delete_resource(self, request: Mapping[str, Any], region: str = "us-east-1") -> dict:
        """DeleteResource: forget the resource."""
        kind = self._kind(request, "delete")
        if replay := self._replay(request, region):
            return replay
        identifier, _ = self._find(kind, request, region)
        del self._store(kind, region)[identifier]
        return {"ProgressEvent": self._event(request, region, kind, "DELETE", identifier, None)}

    def get_resource_request_status(
        self, request: Mapping[str, Any], region: str = "us-east-1"
    ) -> dict:
        """GetResourceRequestStatus: the ProgressEvent of an earlier request."""
        token = self._member(request, "RequestToken", "requestToken")
        event = self._requests.get((region, token))
        if event is None:
            raise CloudControlError(
                "RequestTokenNotFoundException", f"Request with token {token} was not found"
            )
        return {"ProgressEvent": event}

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
        page, token = self._page(events, request, f"requests|{json.dumps(wanted)}")
        answer = {"ResourceRequestStatusSummaries": page}
        return {**answer, "NextToken": token} if token else answer

    # --- helpers ------------------------------------------------------------------------------

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
        return {"ProgressEvent": self._requests[(region, request_token)]}

    def _event(
        self,
        request: Mapping[str, Any],
        region: str,
        kind: ResourceType,
        operation: str,
        identifier: str,
        model: dict[str, Any] | None,
    ) -> dict[str, Any]:
        """Record and return the ProgressEvent of a finished request."""
        self._ticks += 1
        token = str(uuid.uuid5(_TOKENS, str(self._ticks)))
        event = {
            "TypeName": kind.name,
            "Identifier": identifier,
            "RequestToken": token,
            "Operation": operation,
            "OperationStatus": "SUCCESS",
            "EventTime": EPOCH + self._ticks,
        }
        if model is not None:
            event["ResourceModel"] = json.dumps(kind.public(model))
        self._requests[(region, token)] = event
        if "ClientToken" in request:
            self._client_tokens[(region, request["ClientToken"])] = (
                json.dumps(request, sort_keys=True),
                token,
            )
        return event

    def _page(
        self, items: list[Any], request: Mapping[str, Any], scope: str
    ) -> tuple[list[Any], str | None]:
        """One page of `items` and the NextToken for the rest (None on the last page)."""
        size = request.get("MaxResults") or 100
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
