"""StackQL's names: snake_case fields, plural resource names, articles, documentation links."""

from __future__ import annotations

import re

import inflection

_ACRONYM_BOUNDARY = re.compile(r"([A-Z]+)([A-Z][a-z])")
_WORD_BOUNDARY = re.compile(r"([a-z\d])([A-Z])")


def snake_case(name: str) -> str:
    """Convert a CloudFormation name to StackQL's snake_case.

    >>> snake_case("MaximumEventAgeInSeconds")
    'maximum_event_age_in_seconds'
    >>> snake_case("SSESpecification")
    'sse_specification'
    >>> snake_case("VPCId")
    'vpc_id'
    >>> snake_case("Ipv6CidrBlock")
    'ipv6_cidr_block'
    """
    text = _ACRONYM_BOUNDARY.sub(r"\1_\2", name)
    text = _WORD_BOUNDARY.sub(r"\1_\2", text)
    return text.replace("-", "_").replace(".", "_").lower()


def pluralize(snake: str) -> str:
    """Pluralize the last word of a snake_case name, leaving plural words alone.

    >>> pluralize("event_invoke_config")
    'event_invoke_configs'
    >>> [pluralize(w) for w in ("policy", "alias", "address", "dhcp_options")]
    ['policies', 'aliases', 'addresses', 'dhcp_options']
    """
    head, _, last = snake.rpartition("_")
    plural = inflection.pluralize(last)
    return f"{head}_{plural}" if head else plural


def article(word: str) -> str:
    """Return the indefinite article for a snake_case word.

    >>> article("event_invoke_config"), article("bucket"), article("user_pool")
    ('an', 'a', 'a')
    """
    # A vowel letter is a good enough guide for resource names; "user"/"uni..." sound like "y".
    if word[:1] in "aeio" or (word[:1] == "u" and not word.startswith(("us", "uni", "uri"))):
        return "an"
    return "a"


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
