"""Sample strings of the `format`s schemas name: JSON Schema's (`date-time`, `email`,
`ipv4`...) and cfn-lint's resource attributes (`AWS::EC2::VPC.Id`), built from a name and a
number, never at random."""

from __future__ import annotations

import re

_FORMATS = {
    "date-time": "2024-01-{day:02d}T00:00:00Z",
    "timestamp": "2024-01-{day:02d}T00:00:00Z",
    "date": "2024-01-{day:02d}",
    "time": "00:00:{second:02d}Z",
    "email": "user{tag}@example.com",
    "idn-email": "user{tag}@example.com",
    "hostname": "host{tag}.example.com",
    "idn-hostname": "host{tag}.example.com",
    "ipv4": "10.0.0.{host}",
    "ipv6": "2001:db8::{host:x}",
    "ipv4-network": "10.{octet}.0.0/16",
    "ipv6-network": "2001:db8:{octet:x}::/48",
    "uri": "https://example.com/{kebab}",
    "uri-reference": "https://example.com/{kebab}",
    "iri": "https://example.com/{kebab}",
    "url": "https://example.com/{kebab}",
    "uuid": "00000000-0000-4000-8000-{n:012d}",
    "json": "{{}}",
    "regex": ".*",
}
# Resource-attribute formats of cfn-lint's schemas (`AWS::EC2::Subnet.Id`): AWS's documented
# example values where one is well known, a generic shape otherwise.
_AWS_FORMATS = {
    "AWS::KMS::Key.Id": "1234abcd-12ab-34cd-56ef-{n:012d}",
    "AWS::KMS::Key.Arn": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-{n:012d}",
    "AWS::KMS::Alias.AliasName": "alias/example{suffix}",
    "AWS::IAM::Role.Arn": "arn:aws:iam::123456789012:role/example-role{suffix}",
    "AWS::S3::Bucket.Name": "amzn-s3-demo-bucket{suffix}",
    "AWS::EC2::Image.Id": "ami-{hex17}",
    "AWS::EC2::SecurityGroup.Id": "sg-{hex17}",
    "AWS::EC2::Subnet.Id": "subnet-{hex17}",
    "AWS::EC2::VPC.Id": "vpc-{hex17}",
}


def kebab(name: str) -> str:
    """`FunctionName` -> `function-name`.

    >>> kebab("SSEType"), kebab("MaximumRetryAttempts")
    ('sse-type', 'maximum-retry-attempts')
    """
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "-", name)
    return re.sub(r"[^a-z0-9]+", "-", spaced.lower()).strip("-")


def format_text(fmt: str, name: str, n: int) -> str | None:
    """A string in a well-known `format`, or None for formats without a sample."""
    hex17 = f"{0x0123456789ABCDEF0 + n:017x}"
    fields = {
        "n": n,
        "tag": n or "",
        "day": 1 + n % 28,
        "second": n % 60,
        "host": 1 + n % 254,
        "octet": n % 256,
        "kebab": kebab(name) or "example",
        "suffix": f"-{n}" if n else "",
        "hex17": hex17,
    }
    if fmt in _AWS_FORMATS or fmt in _FORMATS:
        return _AWS_FORMATS.get(fmt, _FORMATS.get(fmt, "")).format(**fields)
    if match := re.fullmatch(r"AWS::(\w+)::(\w+)\.(\w+?)s?", fmt):
        service, resource, attribute = match[1].lower(), kebab(match[2]), match[3]
        if attribute == "Arn":
            return f"arn:aws:{service}:us-east-1:123456789012:{resource}/example{fields['suffix']}"
        if attribute == "Id":
            return f"{resource}-{hex17}"
        return f"example-{resource}{fields['suffix']}"
    return None
