"""StackQL's naming conventions."""

from pathlib import Path

import pytest

from generator import naming


@pytest.mark.parametrize(
    "name, field",
    [
        ("SSESpecification", "sse_specification"),
        ("VPCId", "vpc_id"),
        ("MaximumEventAgeInSeconds", "maximum_event_age_in_seconds"),
        ("FunctionName", "function_name"),
        ("DBInstanceIdentifier", "db_instance_identifier"),
        ("KMSKeyArn", "kms_key_arn"),
        ("S3Bucket", "s3_bucket"),
        ("Ipv6CidrBlock", "ipv6_cidr_block"),
        ("EC2SubnetId", "e_c2_subnet_id"),
        ("Arn", "arn"),
        ("ARN", "arn"),
        # StackQL's own quirks, as its pages show them
        ("EC2InboundPermissions", "e_c2_inbound_permissions"),
        ("IPV6Enabled", "ip_v6_enabled"),
        ("EnableResourceNameDnsAAAARecord", "enable_resource_name_dns_aa_aa_record"),
        ("OnSourceDDoSProtectionConfig", "on_source_ddo_sprotection_config"),
        ("DynamoDBTargets", "dynamo_db_targets"),
        ("MultiAZ", "multi_az"),
        ("CACertificateIdentifier", "ca_certificate_identifier"),
        ("PerformanceInsightsKMSKeyId", "performance_insights_kms_key_id"),
        # SQL keywords get a leading underscore
        ("Schema", "_schema"),
        ("Values", "_values"),
        ("Registry", "_registry"),
        # StackQL's current acronym table, as it is (no us-east-1 property has this one yet)
        ("EC2FleetId", "ec2__fleet_id"),
    ],
)
def test_field_name(name, field):
    assert naming.field_name(name) == field


def test_every_acronym_starts_with_two_capitals():
    """`_column` replaces acronyms only in names with two capitals in a row."""
    assert all(naming._TWO_CAPITALS.match(acronym) for acronym, _ in naming._FIELD_ACRONYMS)


def test_field_name_stackql_renames_resource_groups_group():
    """StackQL's views call ResourceGroups' `Group` `group_id` (GROUP is an SQL keyword), in
    that service only."""
    assert naming.field_name("Group", "resourcegroups") == "group_id"
    assert naming.field_name("Group", "iot") == "group"


def test_resource_names_match_stackql_for_every_us_east_1_type():
    table = Path(__file__).parent / "data" / "stackql_resource_names.tsv"
    rows = [line.split("\t") for line in table.read_text().splitlines() if line[:1] != "#"]
    assert len(rows) == 1854
    wrong = [
        (type_name, expected, naming.pluralize(naming.snake_case(type_name.split("::")[2])))
        for type_name, expected in rows
        if naming.pluralize(naming.snake_case(type_name.split("::")[2])) != expected
    ]
    assert wrong == []


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
        ("schema", "schemas"),  # StackQL's own rule: `schemata` collides with its own table
        ("graphql_schema", "graphql_schemas"),
        ("compute_quota", "compute_quotas"),
        ("storage_lens", "storage_lens"),
        ("index", "indices"),
    ],
)
def test_pluralize(singular, plural):
    assert naming.pluralize(singular) == plural


def test_article():
    assert naming.article("event_invoke_config") == "an"
    assert naming.article("function") == "a"
    assert naming.article("user") == "a"
    assert naming.article("alias") == "an"


def test_the_words_of_sql_are_those_sqlglot_reads_as_no_column():
    # validate reads the examples with sqlglot: a column named by one of its keywords that
    # it reads as SQL (`where`, `null`) breaks the statement; the others (`order`) are columns.
    import sqlglot
    from sqlglot import exp
    from sqlglot.tokens import Tokenizer

    def a_column(word: str) -> bool:
        statements = (
            f"SELECT region, {word} FROM aws.s.rs WHERE {word} = 'a' AND region = 'us-east-1'",
            f"INSERT INTO aws.s.rs ({word}, region) SELECT 'a', 'us-east-1'",
        )
        try:
            trees = [sqlglot.parse_one(sql) for sql in statements]
        except sqlglot.errors.SqlglotError:
            return False
        select, insert = trees
        return [c.name for c in select.find_all(exp.Column)].count(word) == 2 and word in [
            c.name for c in insert.this.expressions
        ]

    keywords = {k.lower() for k in Tokenizer.KEYWORDS if k.replace("_", "").isalnum()}
    assert {w for w in keywords if not a_column(w)} == naming.SQL_WORDS
