"""The normalized model of a resource: what every page, example and check is made from."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

# The region examples name and schemas are fetched from, unless told otherwise.
DEFAULT_REGION = "us-east-1"
# The form of an AWS region name (us-east-1, us-gov-west-1, eu-isoe-west-1).
REGION_NAME = re.compile(r"[a-z]{2,4}(-[a-z]+)+-[0-9]+")  # ASCII digits: it goes in a header
# AWS's partitions other than its commercial one (`aws`, of us-east-1): the form of their
# regions' names and their domain, as botocore's partitions.json has them (regionRegex and
# dnsSuffix; tests compare them).
OTHER_PARTITIONS = (
    (re.compile(r"cn-\w+-\d+"), "amazonaws.com.cn"),
    (re.compile(r"us-gov-\w+-\d+"), "amazonaws.com"),
    (re.compile(r"eusc-de-\w+-\d+"), "amazonaws.eu"),
    (re.compile(r"us-iso-\w+-\d+"), "c2s.ic.gov"),
    (re.compile(r"us-isob-\w+-\d+"), "sc2s.sgov.gov"),
    (re.compile(r"eu-isoe-\w+-\d+"), "cloud.adc-e.uk"),
    (re.compile(r"us-isof-\w+-\d+"), "csp.hci.ic.gov"),
)
# StackQL's table of Cloud Control's ListResources, for any type (`data__TypeName`): a type whose
# list handler requires a ResourceModel is listed there, as a resource's own SELECT lists through
# a view that passes none.
CLOUD_CONTROL_RESOURCES = "aws.cloud_control.resources"
# The largest schema read (a file, a zip member, a download): real ones stay under 2 MB.
MAX_SCHEMA_BYTES = 200 * 1024 * 1024
# The most a zip's schemas may come to, uncompressed (AWS's whole set is under 50 MB): a zip
# that inflates past it is refused before it fills the memory.
MAX_ZIP_BYTES = 1024 * 1024 * 1024
# The lock file fetch writes beside the schemas it fetched: no schema.
LOCK_FILE = "specs.lock.json"


class Handler(Enum):
    """A Cloud Control handler; definition order is the page order (AWS's own)."""

    CREATE = "create"
    READ = "read"
    UPDATE = "update"
    DELETE = "delete"
    LIST = "list"


class SqlVerb(Enum):
    """The SQL verb a StackQL method is accessible by."""

    SELECT = "SELECT"
    INSERT = "INSERT"
    UPDATE = "UPDATE"
    DELETE = "DELETE"


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A scalar the user fills in: `'{{ name }}'`; `type` is its JSON type."""

    name: str
    type: str


@dataclass(frozen=True, slots=True)
class ObjectValue:
    """An object of named members, in schema order."""

    members: tuple[tuple[str, Value], ...]


@dataclass(frozen=True, slots=True)
class ArrayValue:
    """An array shown by `count` items like `item` (scalar ones numbered `[0]`, `[1]`...).

    `label` is the array's own path label (`Tags`, `Rules[0].Actions`): placeholders of its
    items named by their path (`Tags[0].Key`) are numbered there (`Tags[1].Key`). `fixed`
    holds, for the first items, the members their place fixes (`prefixItems`): DynamoDB's
    KeySchema is a `HASH` key, then a `RANGE` one.
    """

    item: Value
    count: int = 1
    label: str = ""
    fixed: tuple[tuple[tuple[str, Literal], ...], ...] = ()


@dataclass(frozen=True, slots=True)
class Truncated:
    """A definition cut at the expansion depth limit, or a recursive one.

    `empty` is the JSON of the empty value (`{}`, `[]`) that stands in for it where its owner
    requires it; None where it may be left out.
    """

    name: str
    empty: str | None = None


@dataclass(frozen=True, slots=True)
class Literal:
    """A value the schema allows only one of (a `const`, an `enum` of one, an object that may
    have no member), shown as it is: `json` is its JSON text."""

    json: str


Value = Placeholder | ObjectValue | ArrayValue | Truncated | Literal


@dataclass(frozen=True, slots=True)
class Property:
    """A top-level property of the resource schema."""

    name: str
    field_name: str
    type: str
    description: str
    required: bool
    read_only: bool
    write_only: bool
    create_only: bool
    value: Value
    # False for a property another one excludes (`oneOf` choices), or with nothing settable:
    # left out of the examples that set properties.
    shown: bool = True
    # False when a part of it is read-only or create-only: no UPDATE may replace it whole.
    patchable: bool = True
    # Of a required object that is not patchable: the members an UPDATE may replace one by one
    # (none of their parts is read-only or create-only; a required object is always there), as
    # `K`, or `K/M` inside a required member that holds such a part deeper.
    patch_members: tuple[str, ...] = ()
    # Listed in the schema's `deprecatedProperties`: shown in the Fields table as such, left
    # out of the examples unless required.
    deprecated: bool = False
    # Its one value is exclusive.yaml's choice (`sets`), the value the members the All
    # Properties examples show ask of it: the Required Properties INSERT, which may show none
    # of them, leaves it to its placeholder.
    chosen: bool = False


@dataclass(frozen=True, slots=True)
class Field:
    """A column of the resource: snake_case name, data type, description; a write-only one can be
    set but is never read back; a deprecated one is still there, but the schema advises against
    it."""

    name: str
    type: str
    description: str
    write_only: bool = False
    deprecated: bool = False


@dataclass(frozen=True, slots=True)
class Method:
    """A StackQL method with the SQL verb it serves and its required parameters."""

    name: str
    verb: SqlVerb
    required_params: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Choice:
    """Properties of which a create needs one: exactly one (the schema's `oneOf`, cfn-lint's
    `requiredXor`, exclusive.yaml's `one of`) or at least one (`anyOf`, `requiredOr`). Each
    item is one property or several that go together, in the schema's order; `taken` is the
    index of the one the required parameters and the examples give."""

    items: tuple[tuple[str, ...], ...]
    taken: int
    at_least_one: bool


@dataclass(frozen=True, slots=True)
class Alternatives:
    """Properties AWS takes at most one item of (an item: one property or several), of which
    the examples that set properties set `kept` (an item's) and leave out `others` (the other
    items'); `described`, the schema's words say so (else AWS's documentation does)."""

    kept: tuple[str, ...]
    others: tuple[str, ...]
    described: bool


@dataclass(frozen=True, slots=True)
class NestedAlternatives:
    """Members of a nested object that AWS takes at most one item of (no items: any one member
    excludes the others), where the examples reach the object (`owners`, as `A.B[*]`): the
    examples set one item at most. `described` as for `Alternatives`."""

    items: tuple[tuple[str, ...], ...]
    owners: tuple[str, ...]
    described: bool
    label: str  # the object as a definition's name (`AggregationFunction`)


@dataclass(frozen=True, slots=True)
class HandlerPermissions:
    """The IAM permissions one handler needs, in schema order, each once."""

    handler: Handler
    permissions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Resource:
    """One StackQL resource, normalized from one CloudFormation schema."""

    provider: str
    service: str
    name: str
    singular: str
    type_name: str
    description: str
    doc_url: str
    source: str  # the schema's label; its file name, where build() made it
    properties: tuple[Property, ...]
    fields: tuple[Field, ...]
    methods: tuple[Method, ...]
    identifier: tuple[str, ...]
    list_required: tuple[str, ...]
    permissions: tuple[HandlerPermissions, ...]
    global_service: bool = False
    # The region its schema was fetched for (the lock's record of its source), which the
    # examples name: us-east-1 where nothing records one.
    region: str = DEFAULT_REGION
    # The schema's `lifecycle` (cfn-lint's): its service's status, `shutdown`, `sunset` or
    # `maintenance`, and the date it gives ("" without one); None for a service in service.
    lifecycle: tuple[str, str] | None = None
    # Where the schema has none, AWS's notice of a type or service data/lifecycle.json lists (its
    # address): the lifecycle above is the file's; "" for the schema's own.
    lifecycle_notice: str = ""
    # The primary identifier's properties as paths of keys (`("Schedule", "ScheduleId")`).
    identifier_paths: tuple[tuple[str, ...], ...] = ()
    # The property each `list_required` member takes its value from: its own, or the one its
    # `$ref` names (APS's list filter `Arn` is the Workspace's ARN).
    list_sources: tuple[str, ...] = ()
    # What the list handler takes instead of `list_required` (the later branches of its
    # `oneOf`/`anyOf`), each as the properties it names.
    list_instead: tuple[tuple[str, ...], ...] = ()
    # Properties that data/exclusive.yaml holds create-only (`create only:`), or whose members
    # it does, where the schema does not say so: AWS's API reference does.
    api_create_only: tuple[str, ...] = ()
    # Those of them it holds create-only as a whole: the patch leaves them out. Of those, the
    # ones whose schema's words say so.
    api_wholly_create_only: tuple[str, ...] = ()
    api_create_only_said: tuple[str, ...] = ()
    # Properties AWS takes no value of, or deprecates, by their descriptions' words or AWS's
    # documentation (data/exclusive.yaml's `never set:`): the examples leave them out.
    never_set: tuple[str, ...] = ()
    # Members of nested objects that AWS takes no value of (exclusive.yaml's `never set:` of a
    # definition, say), by their object (`LinuxParameters`): the examples leave them out.
    nested_never_set: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Nested members the schema lists in `deprecatedProperties`, as `A.B` (`A[*].B` through
    # arrays): left out of the examples unless required.
    deprecated_members: tuple[str, ...] = ()
    # Nested members the schema lists in `writeOnlyProperties`, named so: never read back.
    write_only_members: tuple[str, ...] = ()
    # The read-only or create-only members, as `A.B`, for which the UPDATE patch leaves out
    # a property that could otherwise be updated (not replaced whole, nor member by member).
    unpatched_members: tuple[str, ...] = ()
    # The members left out of properties the patch sets member by member, as `A.B`: for
    # holding, or being, such parts; and for what their schema ties them to (exclusive.yaml's
    # groups, `dependencies`). And properties left out for what they need that no patch can
    # add (create-only).
    partly_patched_members: tuple[str, ...] = ()
    tied_members: tuple[str, ...] = ()
    unpatched_needs: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The schema's `conditionalCreateOnlyProperties`, as key paths (`*` for array items): what
    # AWS updates only under certain conditions (an RDS engine version is raised, not lowered).
    conditional_create_only: tuple[tuple[str, ...], ...] = ()
    # Where the create's required parameters take one of several properties, the others.
    create_choices: tuple[Choice, ...] = ()
    # Of properties AWS takes at most one item of (exclusive.yaml's top-level groups that no
    # `create_choices` says), where the examples would set more: the item they set, the others.
    set_rather: tuple[Alternatives, ...] = ()
    # Properties the examples leave out as the schema's own keywords exclude them beside the
    # ones they set (its `oneOf`, `dependencies`, cfn-lint's `dependentExcluded`), where no
    # choice of the create's names them: an EC2 instance's SubnetId, beside NetworkInterfaces.
    schema_excluded: tuple[str, ...] = ()
    # Likewise of nested objects (exclusive.yaml's groups `in:` or `at most one member of:` a
    # definition), by the objects the examples reach.
    nested_set_one: tuple[NestedAlternatives, ...] = ()
    # Whether its examples were cut past `values.MAX_VALUES` values, required members too: they
    # are then not valid (no real schema comes near).
    overflowed: bool = False

    @property
    def resource_id(self) -> str:
        """The StackQL id, `provider.service.resource`."""
        return f"{self.provider}.{self.service}.{self.name}"

    @property
    def handlers(self) -> frozenset[Handler]:
        """The handlers the schema declares."""
        return frozenset(p.handler for p in self.permissions)


@dataclass(frozen=True, slots=True)
class Spec:
    """A parsed, checked CloudFormation resource schema; only normalization reads `document`."""

    path: str
    type_name: str
    document: dict
    sha256: str
    warnings: tuple[str, ...] = ()
    # The pointers of `readOnlyProperties` and the like that name no property (warned of):
    # the pages read the lists without them.
    naming_nothing: frozenset[str] = frozenset()

    @property
    def has_handlers(self) -> bool:
        """Whether Cloud Control can manage the type (the schema declares handlers)."""
        return bool(self.document.get("handlers"))


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One schema file: `name` in its folder or zip, `label` for messages, and its bytes.

    A file of a folder may be listed unread (`data` None): its `stamp` (size, modification
    time, change time, inode, device) is taken when listed, and `sha256` is known without
    reading it when a previous build recorded that digest for the same stamp.
    """

    name: str
    label: str
    data: bytes | None = None
    stamp: tuple[int, ...] | None = None
    sha256: str = ""
    # The region the lock records it was fetched for (its examples' region).
    region: str = DEFAULT_REGION


@dataclass(frozen=True, slots=True)
class Page:
    """A generated file: its path under the output folder (POSIX) and its text."""

    path: str
    text: str


@dataclass(frozen=True, slots=True)
class KeptPage:
    """A page the last build wrote that is still on disk as written: not read back.

    Its size, times and inode (`stamp`) are as recorded when its bytes, of digest
    `sha256`, were last known (see `cache.read_cache`).
    """

    path: str
    sha256: str
    stamp: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    """What index pages show of a resource."""

    provider: str
    service: str
    name: str
    type_name: str
    description: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one schema file gave: its page and summary, or why it has none."""

    file: str
    sha256: str
    type_name: str
    page: Page | KeptPage | None
    summary: Summary | None
    skipped: str = ""
    # Meta-schema warnings, each without the file's label (`#/pointer: message`): a rebuild
    # that reuses the outcome repeats them under the file's label of the day.
    warnings: tuple[str, ...] = ()
    # The schema file's stamp when its bytes (of digest `sha256`) were read, if it has one
    # (see `SourceFile`): a next build takes the same stamp for the same bytes.
    source_stamp: tuple[int, ...] | None = None
    # The region the page was built for (`SourceFile.region`): the same bytes fetched for
    # another region make another page.
    region: str = DEFAULT_REGION


@dataclass(frozen=True, slots=True)
class Skipped:
    """A schema that got no page, and why."""

    type_name: str
    source: str
    reason: str

    def __str__(self) -> str:
        """As the commands say it: `skipped TYPE (FILE): REASON`."""
        return f"skipped {self.type_name} ({self.source}): {self.reason}"


@dataclass(frozen=True, slots=True)
class Site:
    """The result of a build: every file in path order, what each schema gave, the warnings.

    `resources` holds the models rendered in this build (not those reused from a previous one).
    """

    pages: tuple[Page | KeptPage, ...]  # KeptPage only where a previous build was reused
    outcomes: tuple[Outcome, ...]
    resources: tuple[Resource, ...]
    warnings: tuple[str, ...]
    skipped: tuple[Skipped, ...] = ()  # the schemas built (all, or the named) that got no page
