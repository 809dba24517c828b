"""StackQL's naming conventions."""

import doctest

import pytest

from generator import naming


def test_doctests():
    assert doctest.testmod(naming).failed == 0


@pytest.mark.parametrize(
    "name, snake",
    [
        ("SSESpecification", "sse_specification"),
        ("VPCId", "vpc_id"),
        ("MaximumEventAgeInSeconds", "maximum_event_age_in_seconds"),
        ("FunctionName", "function_name"),
        ("DBInstanceIdentifier", "db_instance_identifier"),
        ("KMSKeyArn", "kms_key_arn"),
        ("S3Bucket", "s3_bucket"),
        ("Ipv6CidrBlock", "ipv6_cidr_block"),
        ("EC2SubnetId", "ec2_subnet_id"),
        ("Arn", "arn"),
        ("ARN", "arn"),
        ("OIDCProvider", "oidc_provider"),
    ],
)
def test_snake_case(name, snake):
    assert naming.snake_case(name) == snake


@pytest.mark.parametrize(
    "singular, plural",
    [
        ("event_invoke_config", "event_invoke_configs"),
        ("policy", "policies"),
        ("alias", "aliases"),
        ("address", "addresses"),
        ("bucket_policy", "bucket_policies"),
        ("dhcp_options", "dhcp_options"),
        ("status", "statuses"),
        ("access_point", "access_points"),
        ("repository", "repositories"),
        ("analysis", "analyses"),
    ],
)
def test_pluralize(singular, plural):
    assert naming.pluralize(singular) == plural


def test_article():
    assert naming.article("event_invoke_config") == "an"
    assert naming.article("function") == "a"
    assert naming.article("user") == "a"
    assert naming.article("alias") == "an"
