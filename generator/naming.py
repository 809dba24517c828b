"""StackQL's names: snake_case fields, plural resource names, articles, documentation links."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

import inflection

# StackQL's resource names: a run of capitals before a word is lower-cased as one word
# (VPCEndpoint -> vpc_endpoint, VPCDHCPOptionsAssociation -> vpcdhcp_options_association),
# then lower->upper boundaries split; digits never split (EC2Fleet -> ec2fleet).
_ACRONYM_RUN = re.compile(r"([A-Z]+)([A-Z][a-z])")
_LOWER_UPPER = re.compile(r"([a-z])([A-Z])")
# StackQL's column names: these acronyms become words first, in this order, then every
# character followed by a capital splits (pairwise, left to right). The table of StackQL's
# current generator (stackql-provider-awscc, lib/utils/stackql-utils.js).
_FIELD_ACRONYMS = (
    ("DB", "Db"),
    ("ARN", "Arn"),
    ("WAN", "Wan"),
    ("URL", "Url"),
    ("VPCDHCP", "VpcDhcp"),
    ("EC2Fleet", "Ec2_Fleet"),
    ("VPC", "Vpc"),
    ("DHCP", "Dhcp"),
    ("DNS", "Dns"),
    ("IP", "Ip"),
    ("IAM", "Iam"),
    ("IPAM", "Ipam"),
    ("TLS", "Tls"),
    ("SSM", "Ssm"),
    ("CNAME", "Cname"),
    ("SQ", "Sq"),
    ("ML", "Ml"),
    ("SKU", "Sku"),
    ("KMS", "Kms"),
    ("OK", "Ok"),
    ("CA", "Ca"),
    ("ID", "Id"),
    ("TTL", "Ttl"),
    ("URI", "Uri"),
    ("LB", "Lb"),
    ("SNS", "Sns"),
    ("AWS", "Aws"),
    ("ACL", "Acl"),
    ("AZ", "Az"),
    ("API", "Api"),
    ("MSK", "Msk"),
    ("ECS", "Ecs"),
    ("EBS", "Ebs"),
    ("CWE", "Cwe"),
    ("SSE", "Sse"),
    ("HPO", "Hpo"),
    ("LF", "Lf"),
    ("WAL", "Wal"),
    ("MFA", "Mfa"),
    ("OAuth", "Oauth"),
)
# Every acronym starts with two capitals: a name without two in a row holds none of them.
_TWO_CAPITALS = re.compile(r"[A-Z][A-Z]")
_CHAR_CAPITAL = re.compile(r"\w[A-Z]")
# Column names StackQL prefixes with `_` because they are keywords of its SQL (`registry`:
# its REGISTRY commands).
_RESERVED_COLUMNS = frozenset(
    {"values", "schema", "database", "format", "update", "force", "match", "registry"}
)
# The words that SQL reads as other than a column where the examples put one (in the SELECT
# list, the WHERE clause, the INSERT's columns), by sqlglot, which validate reads the examples
# with; StackQL renames none of them (tests/test_naming.py checks the list against sqlglot).
# No property of the us-east-1 set has one for its column.
SQL_WORDS = frozenset(
    "alter and any as between case constraint create cross current_catalog current_date "
    "current_time current_timestamp current_user distinct drop else except false fetch for "
    "from glob grant having ilike inner insert intersect into join lateral like localtime "
    "localtimestamp not notnull null on or outer partitioned_by qualify regexp returning "
    "revoke rlike rollback select session_user straight_join tablesample then true uncache "
    "union unique using when where with xor".split()
)
# The one column StackQL renames instead (GROUP is an SQL keyword), in one service only.
_SERVICE_COLUMNS = {("resourcegroups", "group"): "group_id"}
# Where the Rails rules of `inflection` and StackQL's pluralizer (npm pluralize, with the one
# rule StackQL adds: `schemata` would collide with its information_schema.schemata) disagree:
# the whole name, then the last word. Checked against all 1,854 us-east-1 types.
_WHOLE_PLURALS = {"schema": "schemas"}
_LAST_WORD_PLURALS = {"thesaurus": "thesauruses", "quota": "quotas"}
# A resource type name, AWS::Service::Resource (the meta-schema's pattern).
TYPE_NAME = re.compile(r"^[a-zA-Z0-9]{2,64}::[a-zA-Z0-9]{2,64}::[a-zA-Z0-9]{2,64}$")
TYPE_NAME_RULE = "three parts of 2 to 64 letters or digits"  # TYPE_NAME, said to the user


def utf8_name(name: str) -> bool:
    """Whether a file name or path decoded from the file system is UTF-8 text (no bytes that
    Python keeps as escapes).

    >>> utf8_name("aws-s3-bucket.json"), utf8_name("x\\udcfe.json")
    (True, False)
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def page_path(provider: str, service: str, resource: str) -> str:
    """Where a resource's page goes under the output folder.

    >>> page_path("aws", "lambda", "event_invoke_configs")
    'aws/lambda/event_invoke_configs/index.mdx'
    """
    return f"{provider}/{service}/{resource}/index.mdx"


def snake_case(name: str) -> str:
    """Convert a CloudFormation resource name to StackQL's snake_case.

    >>> snake_case("EventInvokeConfig"), snake_case("VPCEndpoint"), snake_case("EC2Fleet")
    ('event_invoke_config', 'vpc_endpoint', 'ec2fleet')
    >>> snake_case("VPCDHCPOptionsAssociation")
    'vpcdhcp_options_association'
    """
    text = _ACRONYM_RUN.sub(lambda m: f"{m.group(1).lower()}_{m.group(2).lower()}", name)
    text = _LOWER_UPPER.sub(r"\1_\2", text).lower()
    return re.sub(r"_+", "_", text)


def field_name(name: str, service: str = "") -> str:
    """Convert a CloudFormation property name to StackQL's column name (in a `service`, lower
    case, of the type it belongs to).

    >>> field_name("MaximumEventAgeInSeconds")
    'maximum_event_age_in_seconds'
    >>> field_name("SSESpecification"), field_name("VPCId"), field_name("KMSKeyArn")
    ('sse_specification', 'vpc_id', 'kms_key_arn')
    >>> field_name("Ipv6CidrBlock"), field_name("S3Bucket"), field_name("Schema")
    ('ipv6_cidr_block', 's3_bucket', '_schema')
    >>> field_name("Group", "resourcegroups"), field_name("Group", "iot")
    ('group_id', 'group')
    """
    column = _column(name)
    return _SERVICE_COLUMNS.get((service, column), column)


@cache  # the same names come back on page after page, in every service
def _column(name: str) -> str:
    """A property's column name in any service (StackQL's acronyms, snake_case, reserved words
    prefixed)."""
    if _TWO_CAPITALS.search(name):  # where no acronym can be (most names): 40 replaces spared
        for acronym, word in _FIELD_ACRONYMS:
            name = name.replace(acronym, word)
    text = _CHAR_CAPITAL.sub(lambda m: f"{m.group()[0]}_{m.group()[1]}", name).lower()
    return f"_{text}" if text in _RESERVED_COLUMNS else text


def pluralize(snake: str) -> str:
    """Pluralize a snake_case resource name as StackQL does, leaving plural words alone.

    >>> pluralize("event_invoke_config")
    'event_invoke_configs'
    >>> [pluralize(w) for w in ("policy", "alias", "address", "dhcp_options", "index")]
    ['policies', 'aliases', 'addresses', 'dhcp_options', 'indices']
    """
    if snake in _WHOLE_PLURALS:
        return _WHOLE_PLURALS[snake]
    head, _, last = snake.rpartition("_")
    if last in _LAST_WORD_PLURALS:
        return f"{head}_{_LAST_WORD_PLURALS[last]}" if head else _LAST_WORD_PLURALS[last]
    return _inflect(snake)


def _inflect(word: str) -> str:
    """`inflection.pluralize`, its rules compiled once (it looks each regex up per call).

    >>> _inflect("event_invoke_config") == inflection.pluralize("event_invoke_config")
    True
    """
    if not word or word.lower() in inflection.UNCOUNTABLES:
        return word
    for rule, replacement in _plural_rules():
        if rule.search(word):
            return rule.sub(replacement, word)
    return word


@lru_cache(maxsize=1)
def _plural_rules() -> tuple[tuple[re.Pattern, str], ...]:
    """inflection's plural rules (regex, replacement), most specific first, compiled."""
    return tuple((re.compile(rule), replacement) for rule, replacement in inflection.PLURALS)


def article(word: str) -> str:
    """Return the indefinite article for a snake_case word.

    >>> article("event_invoke_config"), article("bucket"), article("user_pool"), article("url")
    ('an', 'a', 'a', 'a')
    >>> article("http_namespace"), article("hours_of_operation"), article("ml_transform")
    ('an', 'an', 'an')
    >>> article("nfs_file_share"), article("s3table_integration"), article("nat_gateway")
    ('an', 'an', 'a')
    """
    # A vowel letter is a good enough guide for resource names; "user"/"uni..."/"url" sound
    # like "y"; "hour" starts with a vowel sound, as do acronyms read letter by letter whose
    # first letter's name does (eff, aitch, el, em, en, ar, ess, ex).
    first = word.split("_")[0]
    if first in _SPELLED_OUT or first.startswith("s3") or word.startswith("hour"):
        return "an"
    if word.startswith(("us", "uni", "uri", "url")):
        return "a"
    return "an" if word[:1] in "aeiou" else "a"


# First words of resource names read letter by letter, starting with a vowel sound.
_SPELLED_OUT = frozenset(
    {"fpga", "hsm", "http", "ml", "mlflow", "nfs", "rcs", "rds", "sdi", "smb", "sms", "sns", "sqs"}
)


def split_type_name(type_name: str) -> tuple[str, str, str]:
    """Split `Vendor::Service::Resource` into its three parts.

    >>> split_type_name("AWS::Lambda::EventInvokeConfig")
    ('AWS', 'Lambda', 'EventInvokeConfig')
    """
    vendor, service, resource = type_name.split("::")
    return vendor, service, resource


def spec_file_name(type_name: str) -> str:
    """Name a schema file the way AWS's CloudformationSchema.zip does.

    >>> spec_file_name("AWS::Lambda::EventInvokeConfig")
    'aws-lambda-eventinvokeconfig.json'
    """
    return type_name.lower().replace("::", "-") + ".json"


def cfn_doc_url(type_name: str) -> str:
    """Link to the type's page in the CloudFormation User Guide.

    >>> cfn_doc_url("AWS::Lambda::EventInvokeConfig").rsplit("/", 1)[1]
    'aws-resource-lambda-eventinvokeconfig.html'
    """
    vendor, service, resource = (part.lower() for part in split_type_name(type_name))
    return (
        "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
        f"{vendor}-resource-{service}-{resource}.html"
    )


def did_you_mean(missing: Sequence[str], names: Iterable[str]) -> str:
    """The hint for type names not found: the name closest to the first, if one is close,
    whatever the case (type names are matched in any case). Close is close in each of the
    name's parts: a name of the same service and another resource is no hint.

    >>> did_you_mean(["AWS::S3::Buckt"], ["AWS::S3::Bucket", "AWS::SQS::Queue"])
    ' (did you mean AWS::S3::Bucket?)'
    >>> did_you_mean(["aws::lamda::function"], ["AWS::Lambda::Function", "AWS::S3::Bucket"])
    ' (did you mean AWS::Lambda::Function?)'
    >>> did_you_mean(["AWS::Lambda::Function"], ["AWS::Lambda::EventInvokeConfig"])
    ''
    """
    spelt = {name.lower(): name for name in sorted(names, reverse=True)}  # (the first wins)
    sought = missing[0].lower()
    scored = [(_likeness(sought, name), name) for name in sorted(spelt)]
    score, best = max(scored, key=lambda s: s[0], default=(0.0, ""))
    return f" (did you mean {spelt[best]}?)" if score >= _CLOSE else ""


_CLOSE = 0.6  # difflib's own cutoff for a close match


def _likeness(a: str, b: str) -> float:
    """How alike two type names are: their least alike part's ratio (difflib's), or the whole
    names' where their numbers of parts differ."""
    parts_a, parts_b = a.split("::"), b.split("::")
    if len(parts_a) != len(parts_b):
        return difflib.SequenceMatcher(None, a, b).ratio()
    pairs = zip(parts_a, parts_b, strict=True)
    return min(_part_likeness(x, y) for x, y in pairs)


def _part_likeness(a: str, b: str) -> float:
    """How alike two parts of type names are (difflib's ratio); parts of a few letters one
    letter apart (`S2`, `S3`), whose ratio is low for their length, count as close.

    >>> _part_likeness("s2", "s3") >= _CLOSE, _part_likeness("s3", "ec2") >= _CLOSE
    (True, False)
    """
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    if len(a) == len(b) <= 4 and sum(x != y for x, y in zip(a, b, strict=True)) == 1:
        return max(ratio, _CLOSE)
    return ratio
