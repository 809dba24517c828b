"""The whole AWS provider: every us-east-1 schema cfn-lint 1.58.0 ships, generated for real.

The schemas come in through our own offline source (`fetch --source cfn-lint`), the pages
through `generate`; then every page is held to issue 3's rules and compiled with MDX 3.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import mdxcompiler
import pytest
import yaml
from markdown_it import MarkdownIt

from generator.build import MAX_PAGE_BYTES, build
from generator.cli import main
from generator.jsonpointer import resolve_pointer
from generator.naming import spec_file_name
from generator.preview import to_html


@pytest.fixture(scope="session")
def site(corpus):
    return build(corpus[0])


@pytest.fixture(scope="session")
def pages(site) -> dict[str, str]:
    return {p.path: p.text for p in site.pages if p.path.endswith(".mdx")}


def page_of(site, pages, type_name: str) -> str:
    outcome = next(o for o in site.outcomes if o.type_name == type_name)
    return pages[outcome.page.path]


def section(page: str, heading: str, until: str | None = None) -> str:
    """The text of a page after `## heading`, up to `## until` (to its end without)."""
    text = page.split(f"## {heading}")[1]
    return text.split(f"## {until}")[0] if until else text


def insert_tabs(page: str) -> tuple[str, str]:
    """The Required Properties and the All Properties INSERT tabs of a page."""
    required = page.split('<TabItem value="required">')[1].split("</TabItem>")[0]
    everything = page.split('<TabItem value="all">')[1].split("</TabItem>")[0]
    return required, everything


def update_of(site, pages, type_name: str) -> str:
    """The UPDATE section of a type's page."""
    return section(page_of(site, pages, type_name), "`UPDATE` example", "`DELETE` example")


def sql_blocks(page: str) -> list[str]:
    return re.findall(r"```sql\n(.*?)```", page, flags=re.DOTALL)


def test_every_type_with_handlers_gets_a_page_and_the_rest_are_listed(corpus, site, capsys):
    specs, out = corpus
    documents = [
        json.loads(p.read_bytes())
        for p in sorted(specs.glob("*.json"))
        if p.name != "specs.lock.json"
    ]
    assert len(documents) == 1854
    with_handlers = sorted(d["typeName"] for d in documents if d.get("handlers"))
    assert len(with_handlers) == 1744
    assert sorted(o.type_name for o in site.outcomes if o.page) == with_handlers
    skipped = {s.type_name: s.reason for s in site.skipped}
    assert len(skipped) == 110 and set(skipped.values()) == {
        "no handlers: Cloud Control cannot manage it"
    }
    assert (
        len(list(out.rglob("index.mdx")))
        == 1744 + len({o.summary.service for o in site.outcomes if o.summary}) + 1
    )
    capsys.readouterr()
    assert main(["generate", "--specs", str(specs), "--out", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert [line.split()[1] for line in printed[:-1]] == sorted(
        skipped, key=lambda t: spec_file_name(t)
    )
    assert printed[-1].endswith(f"0 written, 2338 unchanged, 0 removed, 110 types skipped ({out})")


def test_the_output_holds_the_pages_built_and_nothing_else(corpus, site):
    # generate's workers hand their pages to the stager, which writes them aside meanwhile.
    out = corpus[1]
    files = {
        p.relative_to(out).as_posix(): p
        for p in out.rglob("*")
        if p.is_file() and not p.relative_to(out).parts[0].startswith(".stackql-docgen")
    }
    assert sorted(files) == [p.path for p in site.pages]
    assert all(files[p.path].read_text(encoding="utf-8") == p.text for p in site.pages)
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [
        ".stackql-docgen-cache",
        ".stackql-docgen.json",
    ]


def test_names_yaml_would_read_as_no_string_are_quoted(site, pages):
    page = page_of(site, pages, "AWS::Rekognition::StreamProcessor")  # points of X and Y
    assert "              'Y': '{{ Y }}'\n" in page


def test_no_page_is_over_500_kb(pages):
    sizes = {path: len(text.encode()) for path, text in pages.items()}
    assert max(sizes.values()) <= MAX_PAGE_BYTES, max(sizes, key=sizes.get)


def nulls(value) -> bool:
    """Whether a parsed YAML value holds a null anywhere, or a key that is no string."""
    if value is None:
        return True
    if isinstance(value, dict):
        return any(not isinstance(k, str) or nulls(v) for k, v in value.items())
    if isinstance(value, list):
        return any(nulls(v) for v in value)
    return False


def test_no_null_value_empty_table_or_unfilled_placeholder(pages):
    manifests = 0
    for path, text in pages.items():
        for block in re.findall(r"```yaml\n(.*?)```", text, flags=re.DOTALL):
            assert not nulls(yaml.safe_load(block)), path
            manifests += 1
        assert not re.search(r"<tbody>\s*</tbody>", text), path
        assert not re.search(r"\{\{\s*\}\}", text), path
    assert manifests > 1500


def test_every_page_compiles_with_mdx_3(corpus):
    assert mdxcompiler.assert_mdx_compiles([corpus[1]]) == 2041


def test_descriptions_show_as_written(corpus, site, pages):
    """Markdown, HTML, braces, pipes and backticks in descriptions reach the reader unchanged."""
    tricky = [
        r
        for r in site.resources
        if any(c in f.description for f in r.fields for c in "{}<>|`*_[]\\")
    ]
    assert len(tricky) > 200
    assert sum("\n" in f.description for r in tricky for f in r.fields) > 100  # lines kept
    by_path = {o.page.path: o for o in site.outcomes if o.page}
    files = [
        corpus[1] / o.page.path
        for o in site.outcomes
        if o.page and o.type_name in {r.type_name for r in tricky}
    ]
    results = mdxcompiler.compile_mdx_results(files, cells=True)
    cells = {Path(r.file).relative_to(corpus[1]).as_posix(): r.cells for r in results}
    for resource in tricky:
        path = next(p for p, o in by_path.items() if o.type_name == resource.type_name)
        shown = set(cells[path])
        for field in resource.fields:
            written = _lines(field.description)
            assert written in shown, (resource.type_name, field.name, written)


def _lines(text: str) -> str:
    """Text as a table cell shows it: its lines, white space collapsed in each, and one blank
    line between paragraphs (none before the first or after the last)."""
    lines = re.split(r"\r\n|\r|\n", text)  # line breaks as files write them; U+2028 is a space
    shown = "\n".join(" ".join(line.split()) for line in lines)
    return re.sub(r"\n{3,}", "\n\n", shown.strip("\n"))


def test_columns_follow_read_write_and_create_only_rules(site, pages):
    for resource in site.resources:
        page = page_of(site, pages, resource.type_name)
        blocks = sql_blocks(page)
        selects = [b for b in blocks if b.startswith("SELECT")]
        inserts = [b for b in blocks if b.startswith("/*+ create */")]
        updates = [b for b in blocks if b.startswith("/*+ update */")]
        for prop in resource.properties:
            if prop.write_only and prop.field_name != "region":  # region: the region column
                for block in selects:
                    assert f"\n{prop.field_name},\n" not in block + ",\n", (
                        resource.type_name,
                        prop,
                    )
            if prop.read_only:
                for block in inserts:
                    assert f"\n {prop.name},\n" not in block, (resource.type_name, prop.name)
            if prop.create_only or prop.read_only:
                for block in updates:
                    assert f'"path": "/{prop.name}"' not in block, (resource.type_name, prop.name)


def test_no_update_handler(site, pages):
    page = page_of(site, pages, "AWS::SES::ReceiptRuleSet")
    assert "update_resource" not in page and "## `UPDATE` example" not in page
    assert (
        "Creates, deletes or gets a <code>receipt_rule_set</code> resource or lists "
        "<code>receipt_rule_sets</code> in a region"
    ) in page


def test_no_list_handler(site, pages):
    page = page_of(site, pages, "AWS::ACMPCA::Certificate")
    assert "list_resources" not in page and "Gets all <code>certificates</code>" not in page
    assert "get_resource" in page


def test_no_read_handler(site, pages):
    page = page_of(site, pages, "AWS::EC2::NetworkAclEntry")
    assert "get_resource" not in page and "from an individual" not in page
    # Nor a list one: the identifier the UPDATE and DELETE take is said where it comes from.
    methods = section(page_of(site, pages, "AWS::IAM::Policy"), "Methods", "`INSERT` example")
    assert methods.endswith(
        "\n\nThe schema has no read or list handler: no query finds a <code>policy</code>. The "
        "<code>data__Identifier</code> that the examples below take (<code>&lt;Id&gt;</code>) is "
        "the one Cloud Control gave the resource when it was created: the <code>Identifier</code> "
        "of the create request's progress event.\n\n"
    )
    noted = [t for t in pages.values() if "The schema has no read or list handler" in t]
    assert len(noted) == 7  # of the us-east-1 set


def test_list_handler_requirements(site, pages):
    page = page_of(site, pages, "AWS::Lambda::EventInvokeConfig")
    # The resource's own SELECT passes no ResourceModel: the list reads Cloud Control's list,
    # with the model as text (StackQL sends a plain literal holding JSON as that JSON).
    assert (
        "FROM aws.cloud_control.resources\nWHERE region = 'us-east-1' "
        "AND data__TypeName = 'AWS::Lambda::EventInvokeConfig' "
        'AND data__ResourceModel = string(\'{"FunctionName": "<FunctionName>"}\');'
    ) in page
    # An object to filter by stands bare: what fills it is JSON, not the text of a string.
    page = page_of(site, pages, "AWS::Glue::SchemaVersion")
    assert "data__ResourceModel = string('{\"Schema\": <Schema>}')" in page
    # The identifiers it shows include nested ones (QuickSight's Schedule.ScheduleId).
    page = page_of(site, pages, "AWS::QuickSight::RefreshSchedule")
    assert "JSON_EXTRACT(Properties, '$.Schedule.ScheduleId') AS schedule_id" in page


def test_a_list_handler_that_needs_a_parent_its_schema_does_not_name_lists_by_it(site, pages):
    # exclusive.yaml's `list needs:`: the providers read these from the model they are given.
    for type_name, needed in (
        ("AWS::GlobalAccelerator::Listener", "AcceleratorArn"),
        ("AWS::GlobalAccelerator::EndpointGroup", "ListenerArn"),
        ("AWS::Kendra::DataSource", "IndexId"),
        ("AWS::Kendra::Faq", "IndexId"),
        # an application's assignments (ListApplicationAssignments requires the application;
        # the handlerSchema names it without requiring it)
        ("AWS::SSO::ApplicationAssignment", "ApplicationArn"),
        # an instance's evaluation forms (ListEvaluationForms requires the instance)
        ("AWS::Connect::EvaluationForm", "InstanceArn"),
        # a Lightsail load balancer's TLS certificates (its provider's list request names it)
        ("AWS::Lightsail::LoadBalancerTlsCertificate", "LoadBalancerName"),
        # Connect's lists of an instance (their handlers have no permission to list instances)
        ("AWS::Connect::ApprovedOrigin", "InstanceId"),
        ("AWS::Connect::SecurityKey", "InstanceId"),
        ("AWS::Connect::Workspace", "InstanceArn"),
        ("AWS::Connect::Metric", "InstanceArn"),
        # a DataZone domain's project profiles (ListProjectProfiles requires the domain)
        ("AWS::DataZone::ProjectProfile", "DomainIdentifier"),
        # an SSM resource's policies (GetResourcePolicies reads one resource's)
        ("AWS::SSM::ResourcePolicy", "ResourceArn"),
        # an MSK cluster's channels (ListChannels); a signing profile's permissions (its
        # handlerSchema names the profile without requiring it)
        ("AWS::MSK::Channel", "ClusterArn"),
        ("AWS::Signer::ProfilePermission", "ProfileName"),
        # a cluster's topics (ListTopics), an endpoint service's permissions (its one describe
        # permission reads one service's), an enclave certificate's role associations (its
        # provider's list handler refuses a model without the certificate)
        ("AWS::MSK::Topic", "ClusterArn"),
        ("AWS::EC2::VPCEndpointServicePermissions", "ServiceId"),
        ("AWS::EC2::EnclaveCertificateIamRoleAssociation", "CertificateArn"),
        # an automated reasoning policy's versions (without it, its list lists drafts); a
        # membership's model algorithm associations
        ("AWS::Bedrock::AutomatedReasoningPolicyVersion", "PolicyArn"),
        # an S3 on Outposts bucket's access points ("Bucket ARN is required.")
        ("AWS::S3Outposts::AccessPoint", "Bucket"),
        ("AWS::CleanRoomsML::ConfiguredModelAlgorithmAssociation", "MembershipIdentifier"),
        # a stream's consumers, a group's lifecycle hooks, a virtual cluster's endpoints, a
        # workflow's versions: each list handler's one permission lists one parent's
        ("AWS::Kinesis::StreamConsumer", "StreamARN"),
        ("AWS::AutoScaling::LifecycleHook", "AutoScalingGroupName"),
        ("AWS::EMRContainers::Endpoint", "VirtualClusterId"),
        ("AWS::Omics::WorkflowVersion", "WorkflowId"),
        ("AWS::RDS::DBProxyTargetGroup", "DBProxyName"),
        # a contact's channels (ListContactChannels requires the contact); a job queue's quota
        # shares (ListQuotaShares requires the queue)
        ("AWS::Batch::QuotaShare", "JobQueue"),
        ("AWS::SSMContacts::ContactChannel", "ContactId"),
        # a GuardDuty detector's filters, IP sets and more (each list handler's one permission
        # reads one detector's; the handlerSchema names it without requiring it)
        *(
            (f"AWS::GuardDuty::{name}", "DetectorId")
            for name in (
                "Filter",
                "IPSet",
                "ThreatIntelSet",
                "ThreatEntitySet",
                "TrustedEntitySet",
                "PublishingDestination",
                "Member",
                "Master",
            )
        ),
    ):
        page = page_of(site, pages, type_name)
        assert (
            f"data__TypeName = '{type_name}' "
            f'AND data__ResourceModel = string(\'{{"{needed}": "<{needed}>"}}\');'
        ) in page
        assert f"that the type's list handler requires (<code>{needed}</code>)" in page
    # `list needs one of:`: the first, or instead another. (CloudFormation's registry types
    # list the versions of one type, by its name or its ARN.)
    for type_name, first, other in (
        ("AWS::CloudFormation::ResourceDefaultVersion", "Arn", "TypeName"),
        ("AWS::CloudFormation::HookDefaultVersion", "Arn", "TypeName"),
        ("AWS::CloudFormation::HookVersion", "TypeName", "TypeArn"),
    ):
        page = page_of(site, pages, type_name)
        assert f'AND data__ResourceModel = string(\'{{"{first}": "<{first}>"}}\');' in page
        assert f"requires (<code>{first}</code>, or instead <code>{other}</code>)" in page
    # A list handler that reads a member beside the one its handlerSchema requires: a
    # Greengrass component's versions, by the component's name (its provider's list request).
    page = page_of(site, pages, "AWS::GreengrassV2::ComponentVersion")
    assert 'string(\'{"Arn": "<Arn>", "ComponentName": "<ComponentName>"}\');' in page
    page = page_of(site, pages, "AWS::VpcLattice::ServiceNetworkVpcAssociation")
    assert (
        'AND data__ResourceModel = string(\'{"ServiceNetworkIdentifier": '
        '"<ServiceNetworkIdentifier>"}\');'
    ) in page
    assert (
        "requires (<code>ServiceNetworkIdentifier</code>, or instead <code>VpcIdentifier</code>)"
        in page
    )


def test_list_handler_alternatives_and_several_requirements_are_named(site, pages):
    # AWS::ElasticLoadBalancingV2::Listener: the list handler's handlerSchema is a oneOf of
    # LoadBalancerArn and ListenerArns; the example takes the first, the words name both.
    page = page_of(site, pages, "AWS::ElasticLoadBalancingV2::Listener")
    assert (
        "the type's list handler requires (<code>LoadBalancerArn</code>, or instead "
        "<code>ListenerArns</code>), which"
    ) in page
    assert (
        "for the given <code>LoadBalancerArn</code>, which the type's list handler requires "
        "(or instead <code>ListenerArns</code>): the query gives it"
    ) in page
    # Three names are a list in prose, not "A and B and C".
    page = page_of(site, pages, "AWS::Glue::Partition")
    assert (
        "requires (<code>CatalogId</code>, <code>DatabaseName</code> and <code>TableName</code>)"
    ) in page
    # Beside a handlerSchema's: a DataZone environment's subscription targets, of its domain.
    page = page_of(site, pages, "AWS::DataZone::SubscriptionTarget")
    assert "requires (<code>DomainIdentifier</code> and <code>EnvironmentIdentifier</code>)" in page
    # Four: the grants of a DataZone policy type on an entity.
    assert '"EntityType": "<EntityType>", "PolicyType": "<PolicyType>"}\')' in page_of(
        site, pages, "AWS::DataZone::PolicyGrant"
    )
    # exclusive.yaml's `list needs:` of two: a Connect instance's storage configs of a type.
    page = page_of(site, pages, "AWS::Connect::InstanceStorageConfig")
    assert "requires (<code>InstanceArn</code> and <code>ResourceType</code>)" in page
    assert 'string(\'{"InstanceArn": "<InstanceArn>", "ResourceType": "<ResourceType>"}\')' in page
    assert "or instead" not in page
    # a DataZone data source lists by its domain (the handlerSchema's) and its project
    # (ListDataSources requires it; exclusive.yaml's `list needs:`)
    page = page_of(site, pages, "AWS::DataZone::DataSource")
    assert (
        'AND data__ResourceModel = string(\'{"DomainIdentifier": "<DomainIdentifier>", '
        '"ProjectIdentifier": "<ProjectIdentifier>"}\');'
    ) in page
    assert "requires (<code>DomainIdentifier</code> and <code>ProjectIdentifier</code>)" in page


def choices(page: str) -> list[str]:
    """The sentences under Methods that name what a create needs one of, without markup."""
    found = re.findall(r"^<code>create_resource</code> needs (.*)$", page, flags=re.MULTILINE)
    return [re.sub(r"</?code>", "`", line) for line in found]


def test_a_create_that_needs_one_of_several_properties_names_them_all(site, pages):
    # The Required Params and the Required Properties INSERT give one item of each choice; a
    # sentence names the others (they were nowhere: CidrBlock, the usual IPv4 case, was not
    # on the NACL entry's page at all).
    # cfn-lint's requiredXor, of which exclusive.yaml's `one of` takes the IPv4 range first:
    assert choices(page_of(site, pages, "AWS::EC2::NetworkAclEntry")) == [
        "exactly one of `CidrBlock` or `Ipv6CidrBlock`: the Required Params above and the"
        " examples below give `CidrBlock`."
    ]
    # Two choices: a destination and a target (one of 12).
    route = choices(page_of(site, pages, "AWS::EC2::Route"))
    assert len(route) == 2
    assert route[0].startswith("exactly one of `GatewayId`, `NatGatewayId`, `InstanceId`")
    assert route[1] == (
        "exactly one of `DestinationCidrBlock`, `DestinationIpv6CidrBlock` or"
        " `DestinationPrefixListId`: the Required Params above and the examples below give"
        " `DestinationCidrBlock`."
    )
    # The schema's anyOf: at least one.
    assert choices(page_of(site, pages, "AWS::IAM::Policy")) == [
        "at least one of `Users`, `Groups` or `Roles`: the Required Params above and the"
        " examples below give `Users`."
    ]
    # The schema's oneOf of several properties together (what both branches require apart).
    assert choices(page_of(site, pages, "AWS::ApplicationAutoScaling::ScalingPolicy"))[0] == (
        "exactly one of `ResourceId` with `ScalableDimension` and `ServiceNamespace` or"
        " `ScalingTargetId`: the Required Params above and the examples below give `ResourceId`"
        " with `ScalableDimension` and `ServiceNamespace`."
    )
    # cfn-lint's requiredXor, of which exclusive.yaml's `one of` (in AWS's API reference)
    # takes a launch template first, not the requiredXor's first, an instance to copy.
    assert choices(page_of(site, pages, "AWS::AutoScaling::AutoScalingGroup"))[0] == (
        "exactly one of `LaunchTemplate`, `InstanceId`, `LaunchConfigurationName` or"
        " `MixedInstancesPolicy`: the Required Params above and the examples below give"
        " `LaunchTemplate`."
    )
    # exclusive.yaml's `at least one of`: an Auto Scaling group's subnets or zones, of which
    # it may take both; the zones' own exclusion is still said, as the choice does not say it.
    page = page_of(site, pages, "AWS::AutoScaling::AutoScalingGroup")
    assert choices(page)[1] == (
        "at least one of `VPCZoneIdentifier`, `AvailabilityZones` or `AvailabilityZoneIds`: the"
        " Required Params above and the examples below give `VPCZoneIdentifier`."
    )
    manifest = section(page, "`INSERT` example", "`UPDATE` example").split('value="manifest"')[1]
    assert "- name: VPCZoneIdentifier\n" in manifest and "- name: AvailabilityZones\n" in manifest
    assert "<code>AvailabilityZones</code> rather than <code>AvailabilityZoneIds</code>" in page
    # An IoT job's document, its source or a job template, which gives the document: the
    # schema's "Required if you don't specify a value for documentSource" is not all, and the
    # document and its source still exclude each other.
    page = page_of(site, pages, "AWS::IoT::Job")
    assert choices(page) == [
        "at least one of `Document`, `DocumentSource` or `JobTemplateArn`: the Required Params"
        " above and the examples below give `Document`."
    ]
    assert "<code>Document</code> rather than <code>DocumentSource</code>" in page
    # A group the schema gives twice (a oneOf and a requiredXor) is named once.
    assert len(choices(page_of(site, pages, "AWS::S3Vectors::Index"))) == 1
    # A type without such a choice says nothing.
    assert choices(page_of(site, pages, "AWS::Lambda::EventInvokeConfig")) == []
    assert sum(bool(choices(text)) for text in pages.values()) == 143


def test_six_part_identifier(site, pages):
    page = page_of(site, pages, "AWS::SSO::Assignment")
    ident = (
        "'<InstanceArn>|<TargetId>|<TargetType>|<PermissionSetArn>|<PrincipalType>|<PrincipalId>'"
    )
    assert page.count(f"data__Identifier = {ident}") == 2  # get and delete (no update handler)


def test_read_only_identifier(site, pages):
    page = page_of(site, pages, "AWS::SQS::Queue")
    insert = next(b for b in sql_blocks(page) if b.startswith("/*+ create */"))
    assert "QueueUrl" not in insert and "queue_url" in page
    assert "data__Identifier = '<QueueUrl>'" in page


def test_global_service_reads_name_no_region(site, pages):
    page = page_of(site, pages, "AWS::IAM::Role")
    assert "FROM aws.iam.roles;" in page
    assert "WHERE data__Identifier = '<RoleName>';" in page
    assert "AND region = 'us-east-1';" in page  # the DELETE still names it, as StackQL's does
    # Nor does the text speak of a region where the examples name none.
    assert "lists <code>roles</code>\n" in page and "Gets all <code>roles</code>.\n" in page
    assert "in a region" not in page
    # The list method needs no parameter: an empty cell, not a code block of nothing to copy.
    assert '<CopyableCode code="" />' not in page
    assert (
        '<td><CopyableCode code="list_resources" /></td>\n    <td><code>SELECT</code></td>\n    <td></td>'
        in page
    )


def test_wafv2_reads_name_their_region(site, pages):
    # A REGIONAL web ACL lives in its region: a read without one would look in us-east-1.
    page = page_of(site, pages, "AWS::WAFv2::WebACL")
    assert "WHERE region = 'us-east-1' AND data__Identifier = '<Name>|<Id>|<Scope>';" in page
    assert "Gets all <code>web_acls</code> in a region for the given" in page


def test_recursive_and_reused_definitions_are_cut_visibly(site, pages):
    # An EMR Serverless configuration holds configurations.
    page = page_of(site, pages, "AWS::EMRServerless::Application")
    assert (
        "          - Classification: '{{ Classification }}'\n"
        "            # Configurations: cut here: nested too deep or recursive, see the schema\n"
    ) in page
    # JSON has no comments: a note under the patch says what the manifest marks.
    assert (
        "AND region = 'us-east-1';\n```\n\nWhat is nested too deep or recursive is left out of "
        "this patch, as the manifest marks it: see the schema for what it holds.\n"
    ) in page
    # WAFv2's statements nest statements, and QuickSight's visuals nest deep.
    for type_name in ("AWS::WAFv2::WebACL", "AWS::QuickSight::Dashboard"):
        page = page_of(site, pages, type_name)
        assert len(page.encode()) < MAX_PAGE_BYTES


def test_arrays_of_objects_and_unions(site, pages):
    page = page_of(site, pages, "AWS::IAM::Role")
    assert "          - Key: '{{ Key }}'\n            Value: '{{ Value }}'" in page
    page = page_of(site, pages, "AWS::ApiGateway::RestApi")
    assert (
        '<td><CopyableCode code="body" /></td><td><code>object &#124; string</code> (write-only)'
        "</td>"
    ) in page


def test_numbers_one_of_and_free_form_objects(site, pages):
    # number: bare in the JSON Patch, to be replaced by a number
    page = page_of(site, pages, "AWS::ApiGateway::Deployment")
    assert '"PercentTraffic": {{ PercentTraffic }}' in page
    # oneOf of a $ref and a union: every branch's type is shown
    page = page_of(site, pages, "AWS::DynamoDB::Table")
    assert (
        '<td><CopyableCode code="key_schema" /></td><td><code>array &#124; object &#124; string'
        "</code></td>" in page
    )
    # patternProperties (a free-form map): one placeholder, bare in the patch
    page = page_of(site, pages, "AWS::Lambda::Function")
    assert "          Variables: '{{ Variables }}'" in page
    assert '"value": {"Variables": {{ Variables }}}' in page
    # a schema of no keyword (any JSON value, CloudFormation's Json): an object, bare in the
    # patch, not a string
    page = page_of(site, pages, "AWS::QuickSight::Flow")
    assert '<td><CopyableCode code="flow_definition" /></td><td><code>object</code></td>' in page
    assert '"path": "/FlowDefinition", "value": {{ FlowDefinition }}}' in page
    # a string's keywords beside `format: json` (IAM's managed policy document): CloudFormation's
    # Json, an object or its text, as the inline policies' documents
    page = page_of(site, pages, "AWS::IAM::ManagedPolicy")
    assert '<td><CopyableCode code="policy_document" /></td><td><code>object &#124; string' in page
    assert '"path": "/PolicyDocument", "value": {{ PolicyDocument }}}' in page


def manifest_value(page: str, name: str) -> object:
    """The value of one prop in a page's stack-deploy manifest."""
    manifest = yaml.safe_load(re.search(r"```yaml\n(.*?)```", page, flags=re.DOTALL)[1])
    props = manifest["resources"][0]["props"]
    return next(p["value"] for p in props if p["name"] == name)


def test_arrays_show_as_many_items_as_min_items_asks(site, pages):
    hosts = manifest_value(page_of(site, pages, "AWS::EVS::Environment"), "Hosts")
    assert len(hosts) == 4  # minItems 4
    parameters = manifest_value(
        page_of(site, pages, "AWS::CleanRooms::AnalysisTemplate"), "SyntheticDataParameters"
    )
    assert (
        len(parameters["MlSyntheticDataParameters"]["ColumnClassification"]["ColumnMapping"]) == 5
    )


def test_members_a_dependency_excludes_are_left_out(site, pages):
    # {"PlacementGroupId": {"oneOf": [{"required": ["DedicatedHostId"]}, {}]}}: not both
    hosts = manifest_value(page_of(site, pages, "AWS::EVS::Environment"), "Hosts")
    assert all("PlacementGroupId" in h and "DedicatedHostId" not in h for h in hosts)
    conditions = manifest_value(
        page_of(site, pages, "AWS::RTBFabric::LinkRoutingRule"), "Conditions"
    )
    assert list(conditions) == ["HostHeader", "PathPrefix", "QueryStringEquals"]
    # Each *Parameters member asks TargetArn to be an ARN of its own kind: one of them shows.
    invoke = manifest_value(
        page_of(site, pages, "AWS::EventsV2::Subscriber"), "InvokeConfiguration"
    )
    assert [k for k in invoke if k.endswith("Parameters")] == ["EventBusV2Parameters"]


def test_an_if_then_that_holds_is_met(site, pages):
    # With LocalSecondaryIndexes, cfn-lint's if/then asks for two key items.
    for type_name in ("AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable"):
        page = page_of(site, pages, type_name)
        assert manifest_value(page, "LocalSecondaryIndexes")
        assert len(manifest_value(page, "KeySchema")) == 2
        assert len(manifest_value(page, "AttributeDefinitions")) == 2


def test_required_members_are_not_cut_past_the_depth(site, pages):
    page = page_of(site, pages, "AWS::Lex::Bot")
    # MessageGroup requires Message, whose members are all optional: it stays, however deep
    # (each a message of one format, its plain text; where the depth cuts its members, it stays
    # empty, `- Message: {}`, as a required property cut whole does: test_normalize).
    groups = re.findall(r"\n( *)- Message:(.*)\n", page)
    assert len(groups) > 20
    assert "# Message: cut here" not in page
    assert len(page.encode()) < MAX_PAGE_BYTES


def test_items_after_the_first_are_numbered_where_they_stand(site, pages):
    # The second key item's AttributeName, named by its path: KeySchema[1], not [0]...[1].
    key_schema = manifest_value(page_of(site, pages, "AWS::DynamoDB::Table"), "KeySchema")
    assert [k["AttributeName"] for k in key_schema] == [
        "{{ KeySchema[0].AttributeName }}",
        "{{ KeySchema[1].AttributeName }}",
    ]
    # The subnets of the second cluster: named by the cluster's index and their path in it.
    clusters = manifest_value(page_of(site, pages, "AWS::MSK::Replicator"), "KafkaClusters")
    assert [c["VpcConfig"]["SubnetIds"] for c in clusters] == [
        ["{{ SubnetIds[0] }}", "{{ SubnetIds[1] }}"],
        [
            "{{ KafkaClusters[1].VpcConfig.SubnetIds[0] }}",
            "{{ KafkaClusters[1].VpcConfig.SubnetIds[1] }}",
        ],
    ]
    # Not `{{ FieldName[1] }}`, which would read as an item of an array FieldName.
    fields = manifest_value(
        page_of(site, pages, "AWS::EntityResolution::SchemaMapping"), "MappedInputFields"
    )
    assert fields[1]["FieldName"] == "{{ MappedInputFields[1].FieldName }}"


class _Cells(HTMLParser):
    """The text of every table cell of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "td":
            self._open = []
        elif tag == "br" and self._open is not None:
            self._open.append("\n")

    def handle_endtag(self, tag):
        if tag == "td" and self._open is not None:
            self.cells.append("".join(self._open))
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)


def test_the_preview_shows_every_page_whole_and_descriptions_as_written(site, pages):
    """Every page becomes HTML with no MDX left and every code block kept; text as written."""
    bodies = {}
    for path, text in pages.items():
        title, body = to_html(text)
        outside_code = re.sub(r"<pre>.*?</pre>", "", body, flags=re.DOTALL)
        assert title and not re.search(r"<(?:Tabs|TabItem|CopyableCode)\b|\{/\*", outside_code)
        fences = [t for t in MarkdownIt("commonmark").parse(text) if t.type == "fence"]
        assert body.count("<pre>") == len(fences), path
        bodies[path] = body
    tricky = [
        r
        for r in site.resources
        if any(c in f.description for f in r.fields for c in "{}<>|`*_[]\\")
    ]
    assert len(tricky) > 200
    paths = {o.type_name: o.page.path for o in site.outcomes if o.page}
    for resource in tricky:
        cells = _Cells()
        cells.feed(bodies[paths[resource.type_name]])
        shown = {_lines(c) for c in cells.cells}
        for field in resource.fields:
            written = _lines(field.description)
            assert written in shown, (resource.type_name, field.name, written)


def test_a_required_object_with_a_create_only_part_is_patched_member_by_member(site, pages):
    # /properties/PartitionInput/Values is create-only: PartitionInput cannot be replaced whole.
    page = page_of(site, pages, "AWS::Glue::Partition")
    update = next(b for b in sql_blocks(page) if b.startswith("/*+ update */"))
    assert '"path": "/PartitionInput/StorageDescriptor"' in update
    assert '"path": "/PartitionInput"' not in update
    assert '"path": "/PartitionInput/Values"' not in update
    # A member tied to another (a dependency of EventBusV2Parameters on the create-only
    # TargetArn) is left out with the create-only one, and said so; the others are patched.
    page = page_of(site, pages, "AWS::EventsV2::Subscriber")
    update = next(b for b in sql_blocks(page) if b.startswith("/*+ update */"))
    assert '"path": "/InvokeConfiguration/RoleArn"' in update
    assert '"path": "/InvokeConfiguration/EventBusV2Parameters"' not in update
    assert '"path": "/InvokeConfiguration"' not in update
    fixed = "without the members that are or hold parts that cannot be updated (read-only or "
    tied = (
        "without the members that the schema or AWS's documentation ties to others, as a patch "
        "of one alone may "
    )
    assert (
        f"{fixed}create-only): <code>InvokeConfiguration</code> (<code>InvokeConfiguration."
        "TargetArn</code>)."
    ) in page
    assert (
        f"{tied}not agree with the rest: <code>InvokeConfiguration</code> (<code>"
        "InvokeConfiguration.EventBusV2Parameters</code>)."
    ) in page


def test_a_spot_fleet_patches_its_capacity_and_not_the_tags_it_cannot_take(site, pages):
    # AWS::EC2::SpotFleet: SpotFleetRequestConfigData is required and mostly create-only, with
    # cfn-lint's requiredXor and exclusive.yaml's groups among its members; the untied members
    # that can be updated (what ModifySpotFleetRequest takes) are patched one by one. Its
    # "tagging" says "taggable": false (the update handler has no tagging permission): no Tags.
    page = page_of(site, pages, "AWS::EC2::SpotFleet")
    update = next(b for b in sql_blocks(page) if b.startswith("/*+ update */"))
    for member in ("TargetCapacity", "ExcessCapacityTerminationPolicy"):
        assert f'"path": "/SpotFleetRequestConfigData/{member}"' in update
    # (nor the unit of the capacity, which ModifySpotFleetRequest does not take)
    for member in (
        "OnDemandTargetCapacity",
        "LaunchSpecifications",
        "IamFleetRole",
        "TargetCapacityUnitType",
    ):
        assert f'"path": "/SpotFleetRequestConfigData/{member}"' not in update
    assert '"path": "/Tags"' not in update


def test_a_property_named_region_keeps_stackqls_region_row_beside_it(site, pages):
    # SNS Subscription's Region (the topic's region, write-only) has the column name of
    # StackQL's region: the "AWS region." row was left out, so the SELECT examples' region
    # read as the write-only property.
    fields = section(page_of(site, pages, "AWS::SNS::Subscription"), "Fields", "Methods")
    rows = [r for r in fields.splitlines() if r.startswith('<tr><td><CopyableCode code="region"')]
    assert len(rows) == 2
    assert "(write-only)</td><td>For cross-region subscriptions" in rows[0]
    assert rows[1].endswith("<td><code>string</code></td><td>AWS region.</td></tr>")
    # A note says which is which (each reads `region` in the table).
    assert (
        "</table>\n\nTwo fields are named <code>region</code>: the schema's <code>Region</code>"
        " property (so named in an <code>INSERT</code>), and the last, StackQL's region, which a"
        " query names in its <code>WHERE</code> clause.\n"
    ) in fields
    assert "Two fields are named" not in page_of(site, pages, "AWS::SNS::Topic")
    # A read-only one is not said to be set in an INSERT (ARC's autoshift observer status,
    # whose Region is a part of its identifier that AWS reports).
    page = page_of(site, pages, "AWS::ARCZonalShift::AutoshiftObserverNotificationStatus")
    assert "the schema's <code>Region</code> property (read-only: AWS reports it), and" in page


def test_a_schema_that_requires_nothing_says_so_under_its_required_insert(site, pages):
    # 227 pages: a Required Properties INSERT of the region alone looked like an error of the
    # page (a Route 53 HostedZone without its Name, which exclusive.yaml now requires).
    page = page_of(site, pages, "AWS::EC2::InternetGateway")
    required = page.split('<TabItem value="required">')[1].split("</TabItem>")[0]
    assert required.endswith(
        "```\n\nThe schema marks no property required, so this sets none: AWS may still ask for "
        "some that the schema does not mark (see their descriptions).\n\n"
    )
    assert "marks no property required" not in page_of(
        site, pages, "AWS::Lambda::EventInvokeConfig"
    )
    # A schema that describes none of its properties has no descriptions to point to (an API
    # Gateway account's CloudWatchRoleArn: "").
    page = page_of(site, pages, "AWS::ApiGateway::Account")
    assert "some that the schema does not mark.\n" in page and "their descriptions" not in page


def test_a_schema_with_nothing_to_set_says_so_under_its_required_insert(site, pages):
    # AWS::ApplicationSignals::Discovery: its one property, AccountId, is read-only; the note
    # pointed to the descriptions of properties no INSERT may set.
    page = page_of(site, pages, "AWS::ApplicationSignals::Discovery")
    assert (
        "The schema marks no property required, and has none that an <code>INSERT</code> can "
        "set: this sets the region alone.\n"
    ) in page
    assert "their descriptions" not in page


def test_a_patch_leaves_the_primary_identifier_alone(site, pages):
    # Name, Type and SetIdentifier identify a RecordSet and are not listed create-only: a patch
    # that changed them would change which record the identifier names.
    update = update_of(site, pages, "AWS::Route53::RecordSet")
    for name in ("Name", "Type", "SetIdentifier"):
        assert f'"path": "/{name}"' not in update
    assert '"path": "/TTL"' in update


def test_an_object_left_out_of_the_patch_for_a_fixed_part_is_named_under_it(site, pages):
    # SpaceSettings is optional, its AppType create-only: a path into it would name one that a
    # space made without it lacks. The page names the object, and the part it holds that
    # cannot change, under the patch.
    update = update_of(site, pages, "AWS::SageMaker::Space")
    assert '"path": "/SpaceSettings' not in update
    assert (
        "Left out of this patch, for parts that cannot be updated (read-only or create-only): "
        "<code>SpaceSettings</code> (<code>SpaceSettings.AppType</code>). "
        "Its other parts may be patched one by one, each by its own path (where the resource "
        "has them, and as far as the schema lets a part change alone).\n"
    ) in update
    # A Verified Access endpoint's LoadBalancerOptions, which the create needs (one of the
    # options objects, exclusive.yaml), is always there: patched member by member.
    update = update_of(site, pages, "AWS::EC2::VerifiedAccessEndpoint")
    assert '"path": "/LoadBalancerOptions/Protocol"' in update
    assert "/LoadBalancerOptions/LoadBalancerArn" not in update
    # A malware protection plan's bucket, which UpdateMalwareProtectionPlan does not take: its
    # object prefixes are patched alone. A Cloud Map service's routing policy and health check
    # type, which UpdateService does not change.
    update = update_of(site, pages, "AWS::GuardDuty::MalwareProtectionPlan")
    assert '"path": "/ProtectedResource/S3Bucket/ObjectPrefixes"' in update
    assert "BucketName" not in update.split("```")[1]
    patch = update_of(site, pages, "AWS::ServiceDiscovery::Service").split("```")[1]
    assert '"path": "/Description"' in patch
    assert "RoutingPolicy" not in patch and "HealthCheckConfig" not in patch
    # A billing group's responsibility transfer, which AWS does not let an existing group change:
    # its account grouping is patched member by member without it.
    update = update_of(site, pages, "AWS::BillingConductor::BillingGroup")
    assert "ResponsibilityTransferArn" not in update.split("```")[1]
    assert "(<code>AccountGrouping.ResponsibilityTransferArn</code>)" in update
    # A Comprehend flywheel's data lake key, which UpdateDataSecurityConfig does not take
    # (exclusive.yaml): the rest of its data security configuration is patched.
    update = update_of(site, pages, "AWS::Comprehend::Flywheel")
    assert "DataLakeKmsKeyId" not in update.split("```")[1]
    assert "(<code>DataSecurityConfig.DataLakeKmsKeyId</code>)" in update
    # An SES template's Template, which CreateTemplate requires (exclusive.yaml), is always
    # there: its text is patched member by member, without the create-only TemplateName.
    update = update_of(site, pages, "AWS::SES::Template")
    assert '"path": "/Template/SubjectPart"' in update and "/Template/TemplateName" not in update
    # Replicas' parts are named two, then counted. Code is required, with members tied by
    # anyOf: those the anyOf names are left out, and Dependencies, which it does not, patched.
    update = update_of(site, pages, "AWS::Synthetics::Canary")
    assert "(read-only or create-only): <code>Replicas</code> (" in update
    assert "</code> and 2 more)." in update
    assert '"path": "/Code/Dependencies"' in update and '"path": "/Code/Handler"' not in update
    assert "<code>Code</code> (<code>Code.Handler</code>, <code>Code.S3Bucket</code>" in update
    # A page that patches every property it shows has no such note.
    assert "Left out of this patch" not in page_of(site, pages, "AWS::Lambda::EventInvokeConfig")


def test_what_a_patch_leaves_out_of_an_object_it_patches_member_by_member_is_named(site, pages):
    # TransformParameters is required and its FindMatchesParameters.PrimaryKeyColumnName
    # create-only: the patch sets TransformType alone, and said nothing of FindMatchesParameters.
    update = update_of(site, pages, "AWS::Glue::MLTransform")
    assert '"path": "/TransformParameters/TransformType"' in update
    assert (
        "Patched member by member, without the members that are or hold parts that cannot be "
        "updated (read-only or create-only): <code>TransformParameters</code> (<code>"
        "TransformParameters.FindMatchesParameters</code>).\n"
    ) in update
    # SecurityGroupEgress needs VpcId (cfn-lint's dependentRequired), create-only: a group
    # made without one takes no egress rules, so the patch leaves them out, and says so.
    update = update_of(site, pages, "AWS::EC2::SecurityGroup")
    assert '"path": "/SecurityGroupEgress"' not in update
    assert (
        "Left out of this patch, for what it needs and no patch can add (create-only): <code>"
        "SecurityGroupEgress</code> (needs <code>VpcId</code>). Where the resource was made "
        "with it, it may be patched too.\n"
    ) in update


def test_an_object_whose_members_are_in_its_one_of_shows_the_first_choice(site, pages):
    # OwnerProperties: {"type": "object", "oneOf": [{"properties": {"Group": ...}}, {"User"...}]}
    page = page_of(site, pages, "AWS::DataZone::Owner")
    assert (
        "      - name: Owner\n"
        "        value:\n"
        "          Group:\n"
        "            GroupIdentifier: '{{ GroupIdentifier }}'\n"
    ) in page
    assert "User" not in page.partition("- name: Owner")[2].partition("```")[0]


def test_values_with_nothing_to_set_are_left_out(corpus, site, pages):
    # /properties/AvailableLabels/*/Name is read-only, and Name is all an item has.
    page = page_of(site, pages, "AWS::WAFv2::RuleGroup")
    assert "AvailableLabels" not in page.partition("## `INSERT` example")[2]
    # An object whose members are all read-only, nested: EKS's CertificateAuthority.Active.
    page = page_of(site, pages, "AWS::EKS::Cluster")
    assert "- name: CertificateAuthority" not in page
    # `{}` stands only for an object that may have no member (S3's SimplePrefix: {}).
    specs = corpus[0]
    for outcome in site.outcomes:
        text = pages.get(outcome.page.path, "") if outcome.page else ""
        empty = re.findall(r"^ *(?:- |(\w+): )\{\}$", text, flags=re.MULTILINE)
        if empty:
            closed = closed_empty_objects(json.loads((specs / outcome.file).read_bytes()))
            assert set(empty) <= closed, outcome.file


def closed_empty_objects(document: dict) -> set[str]:
    """Names of the properties (at any depth) whose schema allows only `{}`."""
    names: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            for name, schema in (node.get("properties") or {}).items():
                while isinstance(schema, dict) and "$ref" in schema:
                    schema = resolve_pointer(document, schema["$ref"].partition("#")[2])
                if (
                    isinstance(schema, dict)
                    and schema.get("additionalProperties") is False
                    and not schema.get("properties")
                    and not schema.get("patternProperties")
                ):
                    names.add(name)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
    return names


def test_an_update_handler_with_nothing_to_patch_says_so(site, pages):
    # Every property of AWS::ApiGateway::Resource is create-only or read-only.
    page = page_of(site, pages, "AWS::ApiGateway::Resource")
    assert "update_resource" in page and "/*+ update */" not in page
    assert (
        "## `UPDATE` example\n\nThere is no example: no property of a <code>resource</code> can be "
        "patched, as each is read-only or create-only, or holds such a part (see the schema).\n\n"
        "## `DELETE` example"
    ) in page
    # A Connect view version, immutable: its description by AWS's documentation.
    assert (
        "no property of a <code>view_version</code> can be patched, as each is read-only or "
        "create-only, or holds such a part (see the schema, and, of <code>VersionDescription"
        "</code>, AWS's documentation).\n"
    ) in page_of(site, pages, "AWS::Connect::ViewVersion")


def test_what_aws_updates_only_under_conditions_is_named_under_the_patch(site, pages):
    # The schema's conditionalCreateOnlyProperties, of those the patch sets: an RDS DB
    # instance's Engine is; its create-only-like restore sources (RestoreTime, ...) are not
    # in the patch, and not named.
    update = update_of(site, pages, "AWS::RDS::DBInstance")
    note = update.split("\n\nAWS updates ")[1].split("\n")[0]
    assert "<code>Engine</code>" in note and "RestoreTime" not in note
    assert note.endswith(
        "only under certain conditions (the schema's <code>conditionalCreateOnlyProperties</code>):"
        " see AWS's documentation for the changes they take in place."
    )
    # The note gives no other resource's case: an AppSync API's page names no RDS instance.
    assert "RDS" not in update_of(site, pages, "AWS::AppSync::GraphQLApi")
    # Nested members by their paths; one inside another listed goes without saying.
    update = update_of(site, pages, "AWS::Transfer::Server")
    assert (
        "AWS updates <code>EndpointDetails</code> and <code>IpAddressType</code> only under"
    ) in update
    update = update_of(site, pages, "AWS::OpenSearchService::Domain")
    assert "<code>EncryptionAtRestOptions.KmsKeyId</code>" in update
    assert "the changes it takes in place" in update_of(site, pages, "AWS::EC2::VPC")
    # Most schemas list none.
    assert "conditionalCreateOnlyProperties" not in page_of(
        site, pages, "AWS::Lambda::EventInvokeConfig"
    )


def test_members_of_nested_objects_aws_takes_no_value_of_are_named_by_their_object(site, pages):
    # exclusive.yaml's `never set:` of definitions: the examples leave them out, and say so,
    # naming the object by the members' paths that reach it, as the Fields table and the other
    # notes name members (a definition's name is nowhere on the page): each path that does.
    page = page_of(site, pages, "AWS::Batch::JobDefinition")
    every = "<code>Devices</code>, <code>MaxSwap</code>, <code>SharedMemorySize</code>, "
    every += "<code>Swappiness</code> and <code>Tmpfs</code> of <code>"
    assert (
        "\n\nThe examples that set properties leave out members of nested objects that AWS "
        "takes no value of, deprecates, or takes only in other cases than the examples show "
        "(see AWS's documentation): <code>Memory</code>, "
        "<code>Privileged</code>, <code>Ulimits</code> and <code>Vcpus</code> of "
        f"<code>ContainerProperties</code>; {every}ContainerProperties.LinuxParameters</code>; "
        "<code>Host</code> of <code>ContainerProperties.Volumes&#91;&#42;&#93;</code>; "
        f"{every}EcsProperties.TaskProperties&#91;&#42;&#93;.Containers&#91;&#42;&#93;."
        "LinuxParameters</code>; "
    ) in page
    assert "MaxSwap:" not in page and "Vcpus:" not in page
    assert "<code>LinuxParameters</code>" not in page
    page = page_of(site, pages, "AWS::S3::Bucket")  # /definitions/Rule: by the path to it
    assert (
        "<code>NoncurrentVersionExpirationInDays</code> of "
        "<code>LifecycleConfiguration.Rules&#91;&#42;&#93;</code>.\n"
    ) in page
    page = page_of(site, pages, "AWS::EC2::VPCEndpoint")
    assert (
        "<code>PrivateDnsPreference</code> and <code>PrivateDnsSpecifiedDomains</code> of "
        "<code>DnsOptions</code>.\n"
    ) in page
    # A member of a member, by its path; after the note of top-level ones, "also".
    page = page_of(site, pages, "AWS::Personalize::Solution")
    assert "<code>HpoObjective</code> of <code>SolutionConfig.HpoConfig</code>." in page
    page = page_of(site, pages, "AWS::AuditManager::Assessment")
    assert "The examples that set properties leave out <code>AwsAccount</code>" in page
    assert "The examples that set properties also leave out members of nested objects" in page


def test_each_use_of_a_definition_gets_placeholders_of_its_own(site, pages):
    # The three emails of a risk configuration's notifications all name
    # #/definitions/NotifyEmailType, but each is its own: a block's, an MFA challenge's, a
    # no-action one's. One subject would not do for all three.
    page = page_of(site, pages, "AWS::Cognito::UserPoolRiskConfigurationAttachment")
    for owner in ("BlockEmail", "MfaEmail", "NoActionEmail"):
        assert f"Subject: '{{{{ {owner}.Subject }}}}'\n" in page
    assert "{{ Subject }}" not in page
    # Two definitions of the same members are two things: a failure's destination and a
    # success's (the seed's one {{ Destination }}), a Spot Fleet's instance profile ARN and
    # its target group's.
    page = page_of(site, pages, "AWS::Lambda::EventInvokeConfig")
    assert "Destination: '{{ OnFailure.Destination }}'" in page
    assert "Destination: '{{ OnSuccess.Destination }}'" in page
    page = page_of(site, pages, "AWS::EC2::SpotFleet")
    assert "{{ Arn }}" not in page
    # One definition reached from two places is two things too: a traffic mirror filter rule's
    # source and destination port ranges (#/definitions/TrafficMirrorPortRange) have ports of
    # their own, and an EVS environment's ten VLANs (#/definitions/InitialVlanInfo) CIDR blocks
    # that AWS asks to be apart ("a non-overlapping CIDR block").
    page = page_of(site, pages, "AWS::EC2::TrafficMirrorFilterRule")
    assert "FromPort: '{{ SourcePortRange.FromPort }}'" in page
    assert "FromPort: '{{ DestinationPortRange.FromPort }}'" in page
    page = page_of(site, pages, "AWS::EVS::Environment")
    assert "{{ Cidr }}" not in page
    for vlan in ("VmkManagement", "VmManagement", "VMotion", "VSan", "Hcx"):
        assert f"Cidr: '{{{{ {vlan}.Cidr }}}}'" in page


def test_a_handler_with_no_permissions_says_so(site, pages):
    page = page_of(site, pages, "AWS::ECS::PrimaryTaskSet")  # read and delete: []
    none = "The schema lists no permissions for this operation.\n"
    assert f"### Read\n\n{none}\n### Update\n```json\n" in page
    assert page.endswith(f"### Delete\n\n{none}")
    # A permission of "" (CloudFormation ResourceDefaultVersion's delete) is none either.
    page = page_of(site, pages, "AWS::CloudFormation::ResourceDefaultVersion")
    assert f"### Delete\n\n{none}" in page
    for text in pages.values():
        assert "```json\n\n```" not in text and "```json\n```" not in text


def test_a_permission_the_schema_lists_twice_is_shown_once(site, pages):
    # AWS::EC2::Instance's delete lists ec2:DescribeInstances first and fifth.
    delete = section(page_of(site, pages, "AWS::EC2::Instance"), "Permissions").split(
        "### Delete\n```json\n"
    )[1]
    shown = delete.split("```")[0].split()
    assert shown[:3] == [
        "ec2:DescribeInstances,",
        "ec2:TerminateInstances,",
        "ec2:DescribeNetworkInterfaces,",
    ]
    assert len(shown) == len(set(shown)) == 9
    for text in pages.values():
        for block in text.split("## Permissions")[-1].split("```json\n")[1:]:
            lines = block.split("```")[0].replace(",", "").split()
            assert len(lines) == len(set(lines))


def test_write_only_fields_are_marked_and_said_to_read_back_never(site, pages):
    page = page_of(site, pages, "AWS::RDS::DBInstance")
    assert (
        '<tr><td><CopyableCode code="master_user_password" /></td><td><code>string</code> '
        "(write-only)</td>"
    ) in page
    assert "Write-only fields can be set, but are never returned by <code>SELECT</code>." in page
    assert '<CopyableCode code="engine" /></td><td><code>string</code></td>' in page
    lambda_page = page_of(site, pages, "AWS::Lambda::EventInvokeConfig")  # none write-only
    assert "write-only" not in lambda_page.lower()


def manifest_names(page: str) -> list[str]:
    """The props a page's stack-deploy manifest sets."""
    manifest = yaml.safe_load(re.search(r"```yaml\n(.*?)```", page, flags=re.DOTALL)[1])
    return [p["name"] for p in manifest["resources"][0]["props"]]


def test_cfn_lint_choices_are_met(site, pages):
    # requiredXor [CidrBlock, Ipv4IpamPoolId]: the first is required, the other never beside it
    # (nor Ipv4NetmaskLength, whose dependentRequired names Ipv4IpamPoolId).
    page = page_of(site, pages, "AWS::EC2::VPC")
    required_insert = sql_blocks(page)[2]
    assert "INSERT INTO aws.ec2.vpcs (\n CidrBlock,\n region\n)" in required_insert
    assert '<td><CopyableCode code="CidrBlock, region" /></td>' in page
    names = manifest_names(page)
    assert "CidrBlock" in names and "Ipv4IpamPoolId" not in names
    assert "Ipv4NetmaskLength" not in names
    # requiredOr [EventPattern, ScheduleExpression]: at least the first.
    page = page_of(site, pages, "AWS::Events::Rule")
    assert "INSERT INTO aws.events.rules (\n EventPattern,\n region\n)" in sql_blocks(page)[2]
    # dependentExcluded {NetworkInterfaces: [SubnetId], SubnetId: [NetworkInterfaces]}, and an
    # item's requiredXor [VirtualName, Ebs, NoDevice].
    page = page_of(site, pages, "AWS::EC2::Instance")
    names = manifest_names(page)
    assert "NetworkInterfaces" in names and "SubnetId" not in names
    (mapping,) = manifest_value(page, "BlockDeviceMappings")
    assert sorted(mapping) == ["DeviceName", "VirtualName"]
    # The metric-math alarm (Metrics, the group's first) excludes the single-metric members.
    alarm = page_of(site, pages, "AWS::CloudWatch::Alarm")
    names = manifest_names(alarm)
    assert "Metrics" in names and not {"MetricName", "Statistic", "ExtendedStatistic"} & set(names)
    # Its threshold is a metric alarm's: a PromQL (EvaluationCriteria) alarm takes none, so the
    # page does not say that every create needs Threshold or ThresholdMetricId.
    assert "one of <code>Threshold</code>" not in alarm


def test_a_min_items_beside_a_ref_counts(site, pages):
    # {"$ref": "#/definitions/KeySchema", "minItems": 2}: a local index has a HASH and a RANGE key.
    (index,) = manifest_value(page_of(site, pages, "AWS::DynamoDB::Table"), "LocalSecondaryIndexes")
    assert len(index["KeySchema"]) == 2


def test_the_mock_holds_models_to_cfn_lint_choices(corpus):
    from generator.samples import sample_model
    from generator.validator import validator_for

    vpc = json.loads((corpus[0] / "aws-ec2-vpc.json").read_text())
    validator = validator_for(vpc)
    assert not validator.is_valid({})  # a VPC needs a CIDR block or an IPAM pool
    assert not validator.is_valid({"CidrBlock": "10.0.0.0/16", "Ipv4IpamPoolId": "ipam-pool-1"})
    assert validator.is_valid({"CidrBlock": "10.0.0.0/16"})
    assert "CidrBlock" in sample_model(vpc)  # the samples it seeds meet them
    instance = validator_for(json.loads((corpus[0] / "aws-ec2-instance.json").read_text()))
    errors = [e.message for e in instance.iter_errors({"SubnetId": "s", "NetworkInterfaces": []})]
    assert "[SubnetId] may not stand beside [NetworkInterfaces]" in errors


def test_a_patch_leaves_out_what_needs_a_create_only_member_a_resource_may_lack(site, pages):
    # dependentRequired {SecurityGroupEgress: [VpcId]}; VpcId is create-only and optional.
    page = page_of(site, pages, "AWS::EC2::SecurityGroup")
    update = next(b for b in sql_blocks(page) if b.startswith("/*+ update */"))
    assert '"path": "/SecurityGroupIngress"' in update
    assert "SecurityGroupEgress" not in update


@pytest.mark.parametrize(
    ("change", "required"),
    [
        # A first member that is read-only, or no property: the first that can be set.
        ({"requiredXor": ["VpcId", "CidrBlock"]}, ["CidrBlock"]),
        ({"requiredXor": ["Nope", "CidrBlock"]}, ["CidrBlock"]),
        # (the VPC's dependentRequired has Ipv4IpamPoolId need Ipv4NetmaskLength)
        (
            {"requiredOr": ["DefaultNetworkAcl", "Ipv4IpamPoolId"]},
            ["Ipv4IpamPoolId", "Ipv4NetmaskLength"],
        ),
        # A chain of dependentRequired: what needs a member left out goes too.
        (
            {
                "requiredXor": ["CidrBlock", "Ipv4IpamPoolId"],
                "dependentRequired": {
                    "InstanceTenancy": ["EnableDnsSupport"],
                    "EnableDnsSupport": ["Ipv4IpamPoolId"],
                },
            },
            ["CidrBlock"],
        ),
    ],
)
def test_cfn_lint_choices_of_odd_schemas_still_make_valid_examples(corpus, change, required):
    from generator.normalize import normalize
    from generator.schema import parse_spec
    from generator.validator import validator_for

    document = json.loads((corpus[0] / "aws-ec2-vpc.json").read_text())
    document.pop("requiredXor", None)
    document.update(change)
    spec = parse_spec("vpc.json", json.dumps(document).encode())
    resource = normalize(spec)
    assert [p.name for p in resource.properties if p.required and not p.read_only] == required
    # The All Properties example's members meet the keywords (their presence is all they ask).
    shown = {p.name: None for p in resource.properties if p.shown and not p.read_only}
    keywords = {k: v for k, v in document.items() if k in change}
    assert validator_for(keywords).is_valid(shown)


def test_an_empty_description_beside_a_ref_gives_way_to_the_definitions(site, pages):
    # "Arn": {"$ref": "#/definitions/Arn", "description": ""}
    page = page_of(site, pages, "AWS::S3::Bucket")
    assert (
        '<tr><td><CopyableCode code="arn" /></td><td><code>string</code></td>'
        "<td>the Amazon Resource Name (ARN) of the specified bucket.</td></tr>"
    ) in page


def test_index_rows_show_the_first_sentence(pages):
    cloudfront = pages["aws/cloudfront/index.mdx"]
    # "A cache policy.\n When it's attached ...": a line break after the period ends it too.
    assert "| <code>AWS::CloudFront::CachePolicy</code> | A cache policy. |" in cloudfront
    # "... other AWS services (i.e. AWS CodePipeline)": "i.e." ends no sentence.
    row = next(r for r in pages["aws/codeconnections/index.mdx"].splitlines() if "Connection<" in r)
    assert row.endswith("(i.e. AWS CodePipeline) |")


def test_the_article_goes_by_the_sound(site, pages):
    assert "gets a <code>url</code> resource" in page_of(site, pages, "AWS::Lambda::Url")
    http = page_of(site, pages, "AWS::ServiceDiscovery::HttpNamespace")
    assert "gets an <code>http_namespace</code> resource" in http


def test_a_list_filter_that_names_another_property_takes_its_value(site, pages):
    # AWS::APS::AnomalyDetector's list handler requires Arn: {"$ref":
    # "resource-schema.json#/properties/Workspace"}: the workspace's ARN, not the detector's.
    page = page_of(site, pages, "AWS::APS::AnomalyDetector")
    assert 'data__ResourceModel = string(\'{"Arn": "<Workspace>"}\')' in page


def test_deprecated_properties_are_marked_and_left_out_of_the_examples(site, pages):
    # AWS::SSO::InstanceAccessControlAttributeConfiguration: deprecatedProperties lists
    # /properties/InstanceAccessControlAttributeConfiguration ("use AccessControlAttributes").
    type_name = "AWS::SSO::InstanceAccessControlAttributeConfiguration"
    page = page_of(site, pages, type_name)
    assert (
        '<CopyableCode code="instance_access_control_attribute_configuration" /></td><td>'
        "<code>object</code> (deprecated)</td>"
    ) in page
    assert (
        "The schema marks deprecated fields as such: the examples that set properties leave "
        "them out."
    ) in page
    examples = section(page, "`INSERT` example", "Permissions")
    assert "AccessControlAttributes" in examples
    assert "InstanceAccessControlAttributeConfiguration" not in examples


def test_deprecated_nested_members_are_listed_and_left_out_of_the_examples(site, pages):
    # AWS::MediaConnect::Flow lists /properties/Source/SenderIpAddress and
    # /properties/Source/Decryption/Url (among others) in deprecatedProperties.
    page = page_of(site, pages, "AWS::MediaConnect::Flow")
    assert (
        "The schema also marks these nested members deprecated; the examples that set properties "
        "leave them out unless required: <code>Source.SenderIpAddress</code>, <code>Source.SenderControlPort"
        "</code>, <code>Source.Decryption.ResourceId</code>,"
    ) in page
    examples = section(page, "`INSERT` example", "Permissions")
    assert "Source:" in examples and "Decryption:" in examples
    for member in ("SenderIpAddress", "SenderControlPort", "ResourceId:", "DeviceId", "Url"):
        assert member not in examples
    assert "SenderIpAddress" not in section(page, "`UPDATE` example")


def test_members_of_a_deprecated_property_go_without_saying(site, pages):
    # AWS::S3ObjectLambda::AccessPoint lists /properties/PolicyStatus and its member
    # /properties/PolicyStatus/IsPublic in deprecatedProperties: the field is marked, and its
    # member is not listed again under the table.
    page = page_of(site, pages, "AWS::S3ObjectLambda::AccessPoint")
    assert "<code>object</code> (deprecated)</td>" in page
    assert "nested members deprecated" not in page
    assert "PolicyStatus.IsPublic" not in page


def test_a_value_exclusive_yaml_chooses_is_not_written_in_the_required_insert(site, pages):
    # AWS::Shield::ProtectionGroup: exclusive.yaml sets Pattern ARBITRARY for the Members the
    # All Properties examples show; the Required Properties INSERT shows none, so it keeps the
    # placeholder (ARBITRARY without members would be refused).
    page = page_of(site, pages, "AWS::Shield::ProtectionGroup")
    required, everything = insert_tabs(page)
    assert " '{{ Pattern }}',\n" in required and "Members" not in required
    assert " 'ARBITRARY',\n" in everything and "Members" in everything
    # ... unless the entry says it is the only value AWS takes (`always`): an AppStream stack
    # user association's AuthenticationType ("You must specify USERPOOL").
    required, _ = insert_tabs(page_of(site, pages, "AWS::AppStream::StackUserAssociation"))
    assert " 'USERPOOL',\n" in required
    # EMR's task instance fleet and group (this resource adds no other, CloudFormation's
    # reference), a Cases related item of its one kind of content
    for type_name in ("AWS::EMR::InstanceFleetConfig", "AWS::EMR::InstanceGroupConfig"):
        required, _ = insert_tabs(page_of(site, pages, type_name))
        assert " 'TASK',\n" in required, type_name
    required, _ = insert_tabs(page_of(site, pages, "AWS::Cases::RelatedItem"))
    assert " 'Comment',\n" in required
    # a network performance metric subscription's one metric and statistic (free strings in
    # the schema); a tiering configuration's S3 resources; the V1_0 of a regional
    # configuration attachment's custom senders (their one version)
    required, _ = insert_tabs(
        page_of(site, pages, "AWS::EC2::NetworkPerformanceMetricSubscription")
    )
    assert " 'aggregate-latency',\n" in required and " 'p50',\n" in required
    # an AppFlow profile of the Datadog connector the examples show: public ("Private
    # connection mode is currently enabled for Salesforce, Snowflake, ...")
    _, everything = insert_tabs(page_of(site, pages, "AWS::AppFlow::ConnectorProfile"))
    assert " 'Public',\n" in everything and " 'Datadog',\n" in everything
    # a pricing rule's one custom tier, the first and the last: from 0, of no end ("Omit for
    # the last tier")
    page = page_of(site, pages, "AWS::BillingConductor::PricingRule")
    assert "            - BeginRangeInclusive: 0\n" in page and "EndRangeExclusive: '" not in page
    # Oracle Database@AWS VM clusters' IAM roles, of the one integration AWS associates (one
    # entry of a key that names both types)
    for type_name in ("AWS::ODB::CloudAutonomousVmCluster", "AWS::ODB::CloudVmCluster"):
        assert "- AwsIntegration: 'KmsTde'" in page_of(site, pages, type_name), type_name
    # a QuickSight OAuth client application's one data source type ("Valid values are
    # SNOWFLAKE"); a knowledge base's permissions without the resource AWS takes none of
    page = page_of(site, pages, "AWS::QuickSight::OAuthClientApplication")
    assert "        value: 'SNOWFLAKE'\n" in page
    page = page_of(site, pages, "AWS::QuickSight::KnowledgeBase")
    assert "Resource: '{{ Resource }}'" not in page
    # an SAP application's component of the one type RegisterApplication accepts
    page = page_of(site, pages, "AWS::SystemsManagerSAP::Application")
    assert "          - ComponentType: 'WD'\n" in page
    # a container recipe's EBS volume of a throughput: gp3, as an image recipe's
    assert "VolumeType: 'gp3'" in page_of(site, pages, "AWS::ImageBuilder::ContainerRecipe")
    page = page_of(site, pages, "AWS::Backup::TieringConfiguration")
    assert "          - ResourceType: 'S3'\n" in page
    page = page_of(site, pages, "AWS::Cognito::UserPoolRegionalConfigurationAttachment")
    assert page.count("            LambdaVersion: 'V1_0'\n") == 3


def test_a_pattern_of_one_string_is_written_out(site, pages):
    # AWS::Lambda::LayerVersionPermission: Action's pattern is ^lambda:GetLayerVersion$.
    page = page_of(site, pages, "AWS::Lambda::LayerVersionPermission")
    examples = section(page, "`INSERT` example", "Permissions")
    assert " 'lambda:GetLayerVersion',\n" in examples
    assert "        value: 'lambda:GetLayerVersion'\n" in examples
    assert "{{ Action }}" not in page


def test_an_enum_case_insensitive_of_one_value_is_written_out(site, pages):
    # AWS::Batch::ServiceEnvironment: cfn-lint's enumCaseInsensitive ["sagemaker_training"].
    page = page_of(site, pages, "AWS::Batch::ServiceEnvironment")
    required, _ = insert_tabs(page)
    assert " 'sagemaker_training',\n" in required
    assert "{{ ServiceEnvironmentType }}" not in page


def test_an_optional_object_that_requires_deprecated_members_is_left_out(site, pages):
    # AWS::MediaPackage::OriginEndpoint: a SPEKE key provider's optional
    # EncryptionContractConfiguration requires PresetSpeke20Audio and PresetSpeke20Video, both
    # in deprecatedProperties: the examples show the key provider without it.
    page = page_of(site, pages, "AWS::MediaPackage::OriginEndpoint")
    examples = section(page, "`INSERT` example", "Permissions")
    assert "SpekeKeyProvider:" in examples and "RoleArn" in examples
    for member in ("EncryptionContractConfiguration", "PresetSpeke20Audio", "PresetSpeke20Video"):
        assert member not in examples


def test_a_choice_without_deprecated_members_is_taken(site, pages):
    # AWS::Kendra::DataSource: DataSourceConfiguration is oneOf one connector; every connector
    # but TemplateConfiguration is deprecated, S3Configuration (the first) among them.
    page = page_of(site, pages, "AWS::Kendra::DataSource")
    examples = section(page, "`INSERT` example", "Permissions")
    assert "TemplateConfiguration:" in examples
    assert "S3Configuration" not in examples
    assert "<code>DataSourceConfiguration.S3Configuration</code>" in page


def test_an_update_handler_with_nothing_to_patch_is_not_named_in_the_lead(site, pages):
    # AWS::Connect::ContactFlowModuleVersion has an update handler, but each property is
    # read-only or create-only: nothing can be updated.
    page = page_of(site, pages, "AWS::Connect::ContactFlowModuleVersion")
    assert "\nCreates, deletes or gets a <code>contact_flow_module_version</code> resource" in page
    assert "There is no example: no property of a <code>contact_flow_module_version</code>" in page
    assert '<CopyableCode code="update_resource" />' in page  # the method is there still,
    assert (  # and the Methods table says that it can change nothing
        "\n\n<code>update_resource</code> is there as the schema has an update handler, "
        "but no property of a <code>contact_flow_module_version</code> can be patched: see the "
        "<code>UPDATE</code> example below.\n"
    ) in page
    # the article the lead takes (AWS::Wisdom::Assistant: each property create-only)
    page = page_of(site, pages, "AWS::Wisdom::Assistant")
    assert "There is no example: no property of an <code>assistant</code> can be" in page
    # A resource with properties the examples leave out that may be patched (a data sync from a
    # source, the examples' being one to a destination): the lead names the update, and the
    # Methods table says no property the examples set can be patched, as the UPDATE section does.
    page = page_of(site, pages, "AWS::SSM::ResourceDataSync")
    assert "\nCreates, updates, deletes or gets a <code>resource_data_sync</code>" in page
    assert (
        "\n\n<code>update_resource</code> is there as the schema has an update handler, "
        "but no property that the examples set can be patched: see the <code>UPDATE</code> "
        "example below.\n"
    ) in page
    assert "Of the properties they leave out, <code>SyncSource</code> may be patched" in page


def test_a_required_member_holding_a_fixed_part_deeper_is_patched_member_by_member(site, pages):
    # AWS::SSM::CloudConnector: Configuration is required, and so is its one member
    # AzureConfiguration, whose TenantId is create-only: the patch sets AzureConfiguration's
    # other members one by one (it had left Configuration out whole).
    update = update_of(site, pages, "AWS::SSM::CloudConnector")
    assert '"path": "/Configuration/AzureConfiguration/ApplicationId"' in update
    assert "/TenantId" not in update and '"path": "/Configuration",' not in update
    assert (
        "Patched member by member, without the members that are or hold parts that cannot be "
        "updated (read-only or create-only): <code>Configuration</code> (<code>"
        "Configuration.AzureConfiguration.TenantId</code>).\n"
    ) in update
    # Not through a member the object does not require (a resource may lack it): Glue's
    # FindMatchesParameters stays out whole, as above.
    assert "/TransformParameters/FindMatchesParameters" not in update_of(
        site, pages, "AWS::Glue::MLTransform"
    )


def test_no_patch_for_create_only_parts_names_where_the_schema_does_not_say_so(site, pages):
    # AWS::S3::AccessGrant: the schema lists S3PrefixType and Tags create-only; exclusive.yaml
    # the rest (S3 Control has no operation that updates a grant). "(see the schema)" alone sent
    # the reader to a schema that shows five of them patchable.
    page = page_of(site, pages, "AWS::S3::AccessGrant")
    assert (
        "or holds such a part (see the schema, and, of <code>AccessGrantsLocationConfiguration"
        "</code>, <code>AccessGrantsLocationId</code>, <code>ApplicationArn</code>, <code>"
        "Grantee</code> and <code>Permission</code>, AWS's documentation).\n"
    ) in page


def test_notes_under_a_patch_name_a_third_part_rather_than_one_more(site, pages):
    # "(<code>A.B</code>, <code>A.C</code> and 1 more)" hid a name in as much room as it takes
    # (a SageMaker feature group's OnlineStoreConfig.StorageType).
    assert not [path for path, text in pages.items() if " and 1 more)" in text]
    update = update_of(site, pages, "AWS::SageMaker::FeatureGroup")
    assert "<code>OnlineStoreConfig.StorageType</code>" in update


def test_an_object_whose_every_member_is_fixed_is_not_said_to_have_other_parts(site, pages):
    # AWS::BillingConductor::CustomLineItem: BillingPeriodRange's two members are both
    # create-only; the note said "Its other parts may be patched one by one" of nothing.
    update = update_of(site, pages, "AWS::BillingConductor::CustomLineItem")
    assert "/BillingPeriodRange" not in update and "BillingPeriodRange</code> (" not in update


def test_properties_aws_takes_no_value_of_are_named_under_the_fields(site, pages):
    # AWS::QuickSight::DataSource: CreateDataSource takes no ErrorInfo (exclusive.yaml's never
    # set); the All Properties examples left it out without a word.
    page = page_of(site, pages, "AWS::SNS::Topic")  # closed to new customers
    assert "leave out <code>DataProtectionPolicy</code>, which AWS takes no value of" in page
    assert "DataProtectionPolicy" not in section(page, "`INSERT` example", "Permissions")
    # a public type version's number (not on a first publication; later, AWS increments it);
    # a registry policy's revision (its provider sends the one it reads)
    for type_name, name in (
        ("AWS::CloudFormation::PublicTypeVersion", "PublicVersionNumber"),
        ("AWS::EventSchemas::RegistryPolicy", "RevisionId"),
        # a notification rule's creator, which only DescribeNotificationRule reports
        ("AWS::CodeStarNotifications::NotificationRule", "CreatedBy"),
    ):
        page = page_of(site, pages, type_name)
        assert f"leave out <code>{name}</code>, which AWS takes no value of" in page
        assert f"{{{{ {name} }}}}" not in section(page, "`INSERT` example", "Permissions")
    # an Internet Monitor monitor's linked accounts (GetMonitor's and ListMonitors' inputs, of
    # how a monitor is read; CreateMonitor and UpdateMonitor take neither)
    page = page_of(site, pages, "AWS::InternetMonitor::Monitor")
    assert (
        "leave out <code>IncludeLinkedAccounts</code> and <code>LinkedAccountId</code>, which AWS"
    ) in page
    assert "LinkedAccount" not in section(page, "`INSERT` example", "Permissions")
    page = page_of(site, pages, "AWS::QuickSight::DataSource")
    fields = section(page, "Fields", "Methods")
    assert (
        "The examples that set properties leave out <code>AlternateDataSourceParameters</code> "
        "and <code>ErrorInfo</code>, which AWS takes no value of, deprecates, or takes only in "
        "other cases than the examples show (see their descriptions, or AWS's documentation).\n"
    ) in fields
    assert "- name: ErrorInfo" not in page
    # Nor the alternate parameters at its top, which DescribeDataSource reports (a request gives
    # them in its credential pair), nor a permission's resource (the API's ResourcePermission
    # is a principal's actions).
    assert "- name: AlternateDataSourceParameters" not in page
    assert "<code>Resource</code> of <code>Permissions&#91;&#42;&#93;</code>" in fields
    assert "Resource: '{{ Resource }}'" not in page
    # Where no property named has a description, the note does not point to one (a Location
    # place index's PricingPlan, deprecated in the API model).
    page = page_of(site, pages, "AWS::Location::PlaceIndex")
    assert (
        "leave out <code>PricingPlan</code>, which AWS takes no value of, deprecates, or takes"
        " only in other cases than the examples show (see AWS's documentation).\n" in page
    )


def test_a_property_aws_takes_at_creation_only_is_not_patched(site, pages, corpus):
    # AWS::Connect::Prompt lists no createOnlyProperties, but its provider refuses a new
    # InstanceArn ("InstanceArn cannot be updated."): exclusive.yaml's `create only:`.
    from generator.resourcetype import ResourceType

    update = update_of(site, pages, "AWS::Connect::Prompt")
    assert '"path": "/InstanceArn"' not in update and '"path": "/Description"' in update
    assert (  # and says so, as the schema does not
        "Left out of this patch though the schema does not mark it create-only: "
        "<code>InstanceArn</code>, which an update of a <code>prompt</code> does not change "
        "(see AWS's documentation).\n"
    ) in update
    update = update_of(site, pages, "AWS::KMS::Key")  # where the schema's words say so
    assert (
        "<code>Origin</code>, which an update of a <code>key</code> does not change (see their "
        "descriptions, or AWS's documentation).\n"
    ) in update
    schema = json.loads((corpus[0] / "aws-connect-prompt.json").read_text())
    assert (
        "/properties/InstanceArn"
        in ResourceType.from_schema("AWS::Connect::Prompt", schema).create_only
    )
    assert "createOnlyProperties" not in schema  # the schema's own, unchanged
    # A member: an EKS cluster's Auto Mode node role ("This value cannot be changed after the
    # compute capability of EKS Auto Mode is enabled").
    update = update_of(site, pages, "AWS::EKS::Cluster")
    assert '"path": "/ComputeConfig"' not in update
    assert "(<code>ComputeConfig.NodeRoleArn</code>)" in update
    # a Glue database stays in its catalog; a firewall policy keeps the TLS inspection
    # configuration it was made with ("add that configuration to a new firewall policy")
    update = update_of(site, pages, "AWS::Glue::Database")
    assert '"path": "/CatalogId"' not in update and '"path": "/DatabaseInput"' in update
    update = update_of(site, pages, "AWS::NetworkFirewall::FirewallPolicy")
    assert '"path": "/FirewallPolicy/StatelessDefaultActions"' in update
    assert "TLSInspectionConfigurationArn" not in update.split("```")[1]
    # and a bucket's metadata journal table keeps its encryption (its update takes the record
    # expiration only): named among the parts that cannot be updated
    # an Image Builder lifecycle policy's resource type ("You can't change the resource type of
    # an existing lifecycle policy")
    update = update_of(site, pages, "AWS::ImageBuilder::LifecyclePolicy")
    assert '"path": "/ResourceType"' not in update and '"path": "/PolicyDetails"' in update
    # a Cloud Map service's DNS record types (an array's items' member, as schemas write it)
    update = update_of(site, pages, "AWS::ServiceDiscovery::Service")
    assert "<code>DnsConfig.DnsRecords&#91;&#42;&#93;.Type</code>" in update
    # a strongly consistent global table keeps its witness (added only at creation)
    update = update_of(site, pages, "AWS::DynamoDB::GlobalTable")
    assert '"path": "/GlobalTableWitnesses"' not in update
    update = update_of(site, pages, "AWS::S3::Bucket")
    assert (
        "(<code>MetadataConfiguration.JournalTableConfiguration.EncryptionConfiguration</code>,"
        in update
    )


def test_what_aws_or_the_schema_words_keep_from_an_update_is_not_patched(site, pages):
    # A schedule's group (UpdateSchedule takes it only to find the schedule), a repository's
    # initial code ("only used in resource creation"), a replication group's durability.
    for type_name, path in [
        ("AWS::Scheduler::Schedule", "/GroupName"),
        ("AWS::CodeCommit::Repository", "/Code"),
        ("AWS::ElastiCache::ReplicationGroup", "/Durability"),
        # a prefix list's address family (ModifyManagedPrefixList takes none); an X-Ray
        # group's name (UpdateGroup finds the group by it)
        ("AWS::EC2::PrefixList", "/AddressFamily"),
        ("AWS::XRay::Group", "/GroupName"),
        # a maintenance window target's resource type; an S3 Express access point's block of
        # public access, as a general purpose bucket's
        ("AWS::SSM::MaintenanceWindowTarget", "/ResourceType"),
        ("AWS::S3Express::AccessPoint", "/PublicAccessBlockConfiguration"),
        # a capacity reservation fleet's tags (its provider's update request takes none)
        ("AWS::EC2::CapacityReservationFleet", "/TagSpecifications"),
        # a Connect queue's and evaluation form's instance (their updates find them in it)
        ("AWS::Connect::Queue", "/InstanceArn"),
        ("AWS::Connect::EvaluationForm", "/InstanceArn"),
        # a DataZone group profile's type (UpdateGroupProfile takes the status only); a Clean
        # Rooms membership's metrics setting (UpdateMembership takes none)
        ("AWS::DataZone::GroupProfile", "/GroupType"),
        ("AWS::CleanRooms::Membership", "/IsMetricsEnabled"),
        # a MediaPackage origin endpoint's container type and stream name output mode ("You
        # can't change ... after you create the endpoint")
        ("AWS::MediaPackageV2::OriginEndpoint", "/ContainerType"),
        ("AWS::MediaPackageV2::OriginEndpoint", "/StreamNameOutputMode"),
        # a Fraud Detector list's variable type (UpdateList: "You cannot update a variable type
        # of a list that already has a variable type assigned to it")
        ("AWS::FraudDetector::List", "/VariableType"),
        # Connect's updates find a test case, an email address and an agent status in their
        # instance, and take no agent status type; a SageMaker device's fleet
        ("AWS::Connect::TestCase", "/InstanceArn"),
        ("AWS::Connect::EmailAddress", "/InstanceArn"),
        ("AWS::Connect::AgentStatus", "/InstanceArn"),
        ("AWS::Connect::AgentStatus", "/Type"),
        ("AWS::SageMaker::Device", "/DeviceFleetName"),
        # an Azure Blob location's agents ("You cannot add or remove agents")
        ("AWS::DataSync::LocationAzureBlob", "/AgentArns"),
        ("AWS::DataSync::LocationObjectStorage", "/AgentArns"),
        # a monitoring schedule's tags (its update handler holds no tagging permission)
        ("AWS::SageMaker::MonitoringSchedule", "/Tags"),
        ("AWS::SageMaker::DeviceFleet", "/Tags"),
        ("AWS::SageMaker::Device", "/Tags"),
        # a Firewall Manager resource set's name ("You can't change the name")
        ("AWS::FMS::ResourceSet", "/Name"),
        # a Forecast dataset group's tags (UpdateDatasetGroup takes its datasets only, and the
        # update handler holds no tagging permission)
        ("AWS::Forecast::DatasetGroup", "/Tags"),
        # a Kinesis Video signaling channel's type (UpdateSignalingChannel takes its message TTL)
        ("AWS::KinesisVideo::SignalingChannel", "/Type"),
        # a responder gateway's domain name, port and protocol ("You cannot change" them) and
        # certificate (which only AssociateCertificate attaches)
        ("AWS::RTBFabric::ResponderGateway", "/DomainName"),
        ("AWS::RTBFabric::ResponderGateway", "/Port"),
        ("AWS::RTBFabric::ResponderGateway", "/AcmCertificateArn"),
        # a virtual MFA device's users (EnableMFADevice ties it to one, which only the create
        # handler's permissions hold)
        ("AWS::IAM::VirtualMFADevice", "/Users"),
        # a schema registry policy's registry (its provider's update works on the registry
        # named, while the resource stays the one it was made on)
        ("AWS::EventSchemas::RegistryPolicy", "/RegistryName"),
        # a post-call analysis rule's name (UpdateRule: "You can change the name only if
        # TriggerEventSource is one of" Zendesk's and Salesforce's); a DataZone user profile's
        # session name (a key it is found by)
        ("AWS::Connect::Rule", "/Name"),
        ("AWS::DataZone::UserProfile", "/SessionName"),
        # an AgentCore gateway's name ("must be the same as the one when the gateway was
        # created")
        ("AWS::BedrockAgentCore::Gateway", "/Name"),
        # an Elastic IP's pool (no update allocates another address)
        ("AWS::EC2::EIP", "/PublicIpv4Pool"),
        # a Step Functions alias's state machine (its update takes the alias's own ARN)
        ("AWS::StepFunctions::StateMachineAlias", "/StateMachineArn"),
        # a server certificate's path (its update handler may change tags only)
        ("AWS::IAM::ServerCertificate", "/Path"),
        # an IoT Wireless partner account's Sidewalk (its update takes SidewalkUpdate)
        ("AWS::IoTWireless::PartnerAccount", "/Sidewalk"),
        # AppRegistry names, which their updates no longer change
        ("AWS::ServiceCatalogAppRegistry::Application", "/Name"),
        ("AWS::ServiceCatalogAppRegistry::AttributeGroup", "/Name"),
    ]:
        update = update_of(site, pages, type_name)
        assert f'"path": "{path}"' not in update and "Left out of this patch though" in update
    # A wireless device's ABP address and session keys, which UpdateWirelessDevice does not
    # take (its UpdateAbpV1_1 holds a frame counter start only), are named with its OTAA keys.
    assert (
        "<code>LoRaWAN</code> (<code>LoRaWAN.AbpV10x</code>, <code>LoRaWAN.AbpV11</code> and 3 "
        "more)"
    ) in update_of(site, pages, "AWS::IoTWireless::WirelessDevice")
    # A Wisdom knowledge base's rendering configuration, which only its template URI calls
    # change (its update handler may only read it): nothing is left to patch.
    assert (
        "(see the schema, and, of <code>RenderingConfiguration</code> and "
        "<code>VectorIngestionConfiguration</code>, AWS's documentation)."
    ) in update_of(site, pages, "AWS::Wisdom::KnowledgeBase")
    # A Fraud Detector detector's event type name and inline flag, which its provider's update
    # refuses to change.
    update = update_of(site, pages, "AWS::FraudDetector::Detector")
    assert '"/EventType/Name"' not in update and '"/EventType/Inline"' not in update
    assert '"/EventType/Description"' in update
    # An IoT thing type's description and searchable attributes, which its provider's update
    # refuses to change.
    update = update_of(site, pages, "AWS::IoT::ThingType")
    assert '"path": "/ThingTypeProperties"' not in update
    assert "<code>ThingTypeProperties.SearchableAttributes</code>" in update
    # A Clean Rooms membership's payment configuration, which UpdateMembership now takes.
    assert '"path": "/PaymentConfiguration"' in update_of(
        site, pages, "AWS::CleanRooms::Membership"
    )
    # An FSx for ONTAP location's NFS settings, which DataSync does not update.
    update = update_of(site, pages, "AWS::DataSync::LocationFSxONTAP")
    assert '"path": "/Protocol' not in update and "<code>Protocol.NFS</code>" in update
    # A Detective member invitation: no property is left to patch, and the page points to the
    # words that say so of those the schema does not list create-only.
    assert (
        "(see the schema, and, of <code>DisableEmailNotification</code>, "
        "<code>MemberEmailAddress</code> and <code>Message</code>, their descriptions)."
    ) in update_of(site, pages, "AWS::Detective::MemberInvitation")
    # An S3 Access Grants instance's Identity Center, which only create's and delete's calls
    # change (the update handler holds tagging's permissions only): nothing is left to patch.
    assert (
        "(see the schema, and, of <code>IdentityCenterArn</code>, AWS's documentation)."
    ) in update_of(site, pages, "AWS::S3::AccessGrantsInstance")
    # A Glue table's open table format input, "when creating an open format table", is left out;
    # its definition (TableInput, which a create needs) is patched member by member.
    update = update_of(site, pages, "AWS::Glue::Table")
    assert '"path": "/OpenTableFormatInput"' not in update
    assert '"path": "/TableInput/Description"' in update and '"/TableInput/Name"' not in update


def test_tags_the_schema_says_are_not_updatable_are_not_patched(site, pages):
    # AWS::AppFlow::Flow: "tagging": {"tagUpdatable": false, "tagProperty": "/properties/Tags"}.
    page = page_of(site, pages, "AWS::AppFlow::Flow")
    patch = section(page, "`UPDATE` example", "`DELETE` example")
    assert '"path": "/Description"' in patch
    assert "/Tags" not in patch
    assert "- name: Tags" in section(page, "`INSERT` example")  # set when it is created


def test_nested_write_only_members_are_listed(site, pages):
    # AWS::AuditManager::Assessment: writeOnlyProperties lists /properties/Scope/AwsServices.
    page = page_of(site, pages, "AWS::AuditManager::Assessment")
    assert (
        "The schema also marks these nested members write-only; <code>SELECT</code> returns "
        "their fields without them: <code>Scope.AwsAccounts&#91;&#42;&#93;.Name</code>, "
    ) in page
    assert "<code>Scope.AwsServices</code>," in page


def test_members_inside_a_nested_write_only_member_are_not_listed_apart(site, pages):
    # AWS::DataZone::PolicyGrant lists Principal/Project/ProjectGrantFilter and three pointers
    # inside it: the note names the first alone.
    page = page_of(site, pages, "AWS::DataZone::PolicyGrant")
    assert (
        "returns their fields without them: <code>Principal.Project.ProjectGrantFilter</code>, "
        "<code>Principal.DomainUnit.DomainUnitGrantFilter</code>.\n"
    ) in page


def test_a_member_that_excludes_several_gives_way_to_them(site, pages):
    # AWS::RDS::DBInstance: dependentExcluded has SourceDBInstanceIdentifier exclude
    # CharacterSetName, MasterUserPassword, MasterUsername and StorageEncrypted: the All
    # Properties examples show those (a primary instance; its password Secrets Manager's, by
    # exclusive.yaml), not the read replica's source.
    page = page_of(site, pages, "AWS::RDS::DBInstance")
    examples = section(page, "`INSERT` example", "`DELETE` example")
    for member in ("MasterUsername", "StorageEncrypted", "CharacterSetName"):
        assert f"- name: {member}\n" in examples
    assert "SourceDBInstanceIdentifier" not in examples


def test_max_properties_beside_a_ref_is_held_to(site, pages):
    # AWS::SecurityHub::Insight: /properties/Filters is {"$ref": ..., "maxProperties": 10}
    # (of about a hundred filter attributes).
    page = page_of(site, pages, "AWS::SecurityHub::Insight")
    manifest = page.split("- name: Filters\n        value:\n")[1].split("      - name: ")[0]
    assert len(re.findall(r"^          [A-Za-z]+:$", manifest, flags=re.MULTILINE)) == 10


def test_members_of_a_write_only_property_are_not_listed_apart(site, pages):
    # AWS::Lambda::Function: SnapStart is write-only as a whole, Code only in parts.
    page = page_of(site, pages, "AWS::Lambda::Function")
    listed = page.split("The schema also marks these nested members write-only")[1].split("\n")[0]
    assert "<code>Code.ImageUri</code>" in listed
    assert "SnapStart" not in listed


def test_a_value_the_schema_allows_only_one_of_is_written_out(site, pages):
    # AWS::S3::Bucket: AccessControlTranslation's Owner is {"const": "Destination"} (an enum
    # of one); TargetObjectKeyFormat's SimplePrefix is an object that may have no member.
    page = page_of(site, pages, "AWS::S3::Bucket")
    assert "                  Owner: 'Destination'\n" in page
    assert "            SimplePrefix: {}\n" in page
    assert '"Owner": "Destination"' in section(page, "`UPDATE` example")
    # AWS::QuickSight::CustomPermissions: each capability can only be DENY.
    page = page_of(site, pages, "AWS::QuickSight::CustomPermissions")
    assert "          Dashboard: 'DENY'\n" in page
    # AWS::Omics::Workflow: Accelerators is an enum of one ("GPU"): the INSERT says so too.
    page = page_of(site, pages, "AWS::Omics::Workflow")
    assert "\n 'GPU',\n" in section(page, "`INSERT` example")
    assert "{{ Accelerators }}" not in page
    # AWS::BedrockAgentCore::Gateway: ProtocolType is an allOf of the definition (an enum of
    # "MCP") and a default: the allOf only annotates it.
    page = page_of(site, pages, "AWS::BedrockAgentCore::Gateway")
    assert manifest_value(page, "ProtocolType") == "MCP"
    assert "{{ ProtocolType }}" not in page


def test_one_placeholder_name_never_stands_for_two_meanings(site, pages):
    # AWS::Batch::JobDefinition: an environment variable ({Name, Value}) and a secret ({Name,
    # ValueFrom}) each have a Name; one value must not fill both.
    page = page_of(site, pages, "AWS::Batch::JobDefinition")
    assert "- Name: '{{ Environment[0].Name }}'" in page
    assert "- Name: '{{ Secrets[0].Name }}'" in page
    assert "'{{ Name }}'" not in section(page, "`INSERT` example")
    # AWS::WAFv2::WebACL: the headers the default action inserts and those a rule's action
    # does, of one definition, are named apart (a rule label has a Name too).
    # A path too long to read (past 60 characters) gives way to the key and a number.
    page = page_of(site, pages, "AWS::WAFv2::WebACL")
    assert "- Name: '{{ Name_1 }}'" in page  # DefaultAction.Allow.CustomRequestHandling...
    assert "- Name: '{{ Action.Allow.CustomRequestHandling.InsertHeaders[0].Name }}'" in page
    assert "- Name: '{{ RuleLabels[0].Name }}'" in page
    # AWS::Glue::Crawler: arrays of strings are told apart by their own descriptions, as other
    # leaves by theirs: the paths of Hudi tables are not those of Iceberg tables.
    page = page_of(site, pages, "AWS::Glue::Crawler")
    assert "- '{{ HudiTargets[0].Paths[0] }}'" in page
    assert "- '{{ IcebergTargets[0].Paths[0] }}'" in page
    assert "'{{ Paths[0] }}'" not in page
    # No name reads as a path through another: a CloudFront origin group's status codes (an
    # array named Items) beside the origin groups (an array named Items too) with their Id.
    page = page_of(site, pages, "AWS::CloudFront::Distribution")
    assert "- '{{ StatusCodes.Items[0] }}'" in page
    assert "Id: '{{ OriginGroups.Items[0].Id }}'" in page
    assert "'{{ Items[0] }}'" not in page
    # Nor starts as another of another object: a Bedrock guardrail's content filters and its
    # contextual grounding filters are two arrays named FiltersConfig.
    page = page_of(site, pages, "AWS::Bedrock::Guardrail")
    assert "- InputAction: '{{ ContentPolicyConfig.FiltersConfig[0].InputAction }}'" in page
    assert "- Action: '{{ ContextualGroundingPolicyConfig.FiltersConfig[0].Action }}'" in page
    assert "{{ FiltersConfig[0]" not in page
    # No placeholder name grows past 100 characters (later array items' add an index or two to
    # the 60 of a path).
    for text in pages.values():
        assert not re.search(r"\{\{ [^}]{100,} \}\}", text)


def test_names_weigh_only_what_the_page_shows_and_never_read_as_another_property(site, pages):
    # AWS::Athena::WorkGroup: the only other AdditionalConfiguration is under the deprecated
    # WorkGroupConfigurationUpdates, which no example shows.
    page = page_of(site, pages, "AWS::Athena::WorkGroup")
    assert "AdditionalConfiguration: '{{ AdditionalConfiguration }}'" in page
    # AWS::SecurityHub::AutomationRule: Criteria.Description is an array of string filters,
    # the top-level Description a string: no name of the one starts as the other.
    page = page_of(site, pages, "AWS::SecurityHub::AutomationRule")
    assert "- Comparison: '{{ Criteria.Description[0].Comparison }}'" in page
    assert "'{{ Description[0]" not in page
    # AWS::CodePipeline::Pipeline: a second stage's placeholders start with its path.
    page = page_of(site, pages, "AWS::CodePipeline::Pipeline")
    assert "Name: '{{ Stages[1].Actions[0].Name }}'" in page
    assert not re.search(r"\{\{ [A-Za-z.\[\]0-9]*\.[A-Za-z]+\[1\] \}\}", page)


def test_every_entry_of_the_exclusive_file_holds_for_its_schema(corpus):
    # data/exclusive.yaml: each type is there, each object and member named is, and the
    # schema still says what the entry quotes (else the entry would be read as stale and
    # ignored).
    from jsonschema import Draft7Validator

    from generator.definitions import deref
    from generator.exclusive import _text, groups_of, parse_groups

    for type_name, groups in parse_groups(_text()).items():
        document = json.loads((corpus[0] / spec_file_name(type_name)).read_bytes())
        # spelt as the schema spells it (the file name is in lower case): another case is read
        # as another type, whose entries no page takes
        assert document["typeName"] == type_name
        for group in groups:
            owner = resolve_pointer(document, group.where) if group.where else document
            assert set().union(*group.items) <= owner["properties"].keys(), type_name
            assert group.needs <= owner["properties"].keys(), type_name
            # what it counts is an array that takes that many items
            for name, count in group.counts:
                member = deref(owner["properties"][name], document)[0]
                assert member.get("type") == "array", (type_name, name)
                assert count <= member.get("maxItems", count), (type_name, name)
            # what the first item `sets` is a value its member's schema allows
            for name, value in group.sets:
                member = (
                    resolve_pointer(document, name)
                    if name.startswith("/")
                    else owner["properties"][name]
                )
                schema = deref(member, document)[0]
                # (with the schema's definitions: an array's items may be a $ref)
                schema = {**schema, "definitions": document.get("definitions", {})}
                assert Draft7Validator(schema).is_valid(value), (type_name, name, value)
        assert groups_of(document, type_name) == list(groups), type_name


def test_properties_that_exclude_each_other_in_words_are_set_one_at_a_time(site, pages):
    # AWS::EC2::EIPAssociation: "You can specify either the instance ID or the network
    # interface ID, but not both." The schema says it in words only.
    page = page_of(site, pages, "AWS::EC2::EIPAssociation")
    examples = section(page, "`INSERT` example", "`DELETE` example")
    assert "- name: InstanceId\n" in examples
    assert "NetworkInterfaceId" not in examples
    # AWS::RDS::DBCluster: a new cluster names neither source of a point-in-time restore
    # (StorageEncrypted may not stand beside SourceDBClusterIdentifier).
    examples = section(
        page_of(site, pages, "AWS::RDS::DBCluster"), "`INSERT` example", "`DELETE` example"
    )
    assert "- name: StorageEncrypted\n" in examples
    assert "SourceDBClusterIdentifier" not in examples
    assert "SourceDbClusterResourceId" not in examples
    # AWS::SecretsManager::Secret: "To generate a random password, use GenerateSecretString
    # instead."
    examples = section(
        page_of(site, pages, "AWS::SecretsManager::Secret"), "`INSERT` example", "`DELETE` example"
    )
    assert "- name: SecretString\n" in examples
    assert "GenerateSecretString" not in examples


def test_of_properties_one_of_which_must_be_set_the_first_is_required(site, pages):
    # AWS::EC2::VPCGatewayAttachment: "You must specify either InternetGatewayId or
    # VpnGatewayId, but not both." The schema requires VpcId only.
    page = page_of(site, pages, "AWS::EC2::VPCGatewayAttachment")
    assert '<CopyableCode code="InternetGatewayId, VpcId, region" />' in page
    required = section(page, "`INSERT` example").split('<TabItem value="all">')[0]
    assert "'{{ InternetGatewayId }}'" in required
    assert "VpnGatewayId" not in section(page, "`INSERT` example", "`DELETE` example")


def test_of_code_sources_and_distribution_kinds_the_examples_take_one(site, pages):
    # AWS::Lambda::Function's Code: an S3 location, inline ZipFile or a container ImageUri
    # (the Code property's words); the S3 location's members go together.
    page = page_of(site, pages, "AWS::Lambda::Function")
    code = manifest_value(page, "Code")
    assert {"S3Bucket", "S3Key"} <= code.keys() and not {"ImageUri", "ZipFile"} & code.keys()
    assert '"ZipFile"' not in section(page, "`UPDATE` example")
    # a .zip package (PackageType: Zip) takes none of a container image's settings
    assert manifest_value(page, "PackageType") == "Zip"
    assert "ImageConfig" not in section(page, "`INSERT` example", "`DELETE` example")
    # a Spot launch template: no Dedicated Host (EC2: "The host tenancy is not supported for
    # Spot Instances")
    page = page_of(site, pages, "AWS::EC2::LaunchTemplate")
    data = manifest_value(page, "LaunchTemplateData")
    assert data["InstanceMarketOptions"]["MarketType"] == "spot"
    assert not {"Affinity", "HostId", "HostResourceGroupArn"} & data["Placement"].keys()
    assert data["Placement"]["Tenancy"] != "host"
    # AWS::CloudFront::Distribution: a standard distribution (Aliases, PriceClass, ...), not a
    # multi-tenant one (TenantConfig); each cache behavior takes a CachePolicyId, which the
    # schema's words require where ForwardedValues is not set.
    page = page_of(site, pages, "AWS::CloudFront::Distribution")
    config = manifest_value(page, "DistributionConfig")
    assert {"Aliases", "PriceClass"} <= config.keys() and "TenantConfig" not in config
    for behavior in (config["DefaultCacheBehavior"], config["CacheBehaviors"][0]):
        assert "CachePolicyId" in behavior and "ForwardedValues" not in behavior


def test_an_entry_whose_words_its_schema_no_longer_says_is_not_held_to(corpus):
    from generator.normalize import normalize
    from generator.schema import parse_spec

    document = json.loads((corpus[0] / "aws-ec2-eipassociation.json").read_bytes())
    spec = parse_spec("eip.json", json.dumps(document).encode())
    shown = {p.name for p in normalize(spec).properties if p.shown}
    assert "InstanceId" in shown and "NetworkInterfaceId" not in shown
    # A member renamed, the words kept: one item is left, nothing to exclude.
    renamed = json.loads(json.dumps(document))
    renamed["properties"]["EniId"] = renamed["properties"].pop("NetworkInterfaceId")
    spec = parse_spec("eip.json", json.dumps(renamed).encode())
    shown = {p.name for p in normalize(spec).properties if p.shown}
    assert {"InstanceId", "EniId"} <= shown
    for name in ("InstanceId", "NetworkInterfaceId"):
        document["properties"][name]["description"] = "The ID of the instance."
    spec = parse_spec("eip.json", json.dumps(document).encode())
    shown = {p.name for p in normalize(spec).properties if p.shown}
    assert {"InstanceId", "NetworkInterfaceId"} <= shown


def test_nested_members_that_exclude_each_other_in_words_are_set_one_at_a_time(site, pages):
    # AWS::QuickSight::DataSource's DataSourceParameters: "This is a variant type structure.
    # For this structure to be valid, only one of the attributes can be non-null." (21 kinds)
    page = page_of(site, pages, "AWS::QuickSight::DataSource")
    manifest = page.split("- name: DataSourceParameters\n        value:\n")[1]
    manifest = manifest.split("      - name: ")[0]
    assert len(re.findall(r"^          [A-Za-z]+:", manifest, flags=re.MULTILINE)) == 1
    # AWS::EC2::LaunchTemplate's BlockDeviceMapping: "You must specify ``DeviceName`` plus
    # exactly one of the following properties: ``Ebs``, ``NoDevice``, or ``VirtualName``."
    page = page_of(site, pages, "AWS::EC2::LaunchTemplate")
    mapping = page.split("BlockDeviceMappings:\n")[1].split("CapacityReservationSpecification")[0]
    assert "DeviceName:" in mapping and "Ebs:" in mapping
    assert "NoDevice" not in mapping and "VirtualName" not in mapping


def test_the_mock_refuses_what_the_schemas_words_exclude(corpus):
    # As AWS does: an EIPAssociation with both an instance and a network interface, an S3
    # bucket whose Object Lock retention has both Days and Years.
    from generator.backend import CloudControlBackend, CloudControlError

    documents = {
        t: json.loads((corpus[0] / spec_file_name(t)).read_bytes())
        for t in ("AWS::EC2::EIPAssociation", "AWS::S3::Bucket")
    }
    backend = CloudControlBackend(documents)

    def create(type_name: str, state: dict) -> dict:
        request = {"TypeName": type_name, "DesiredState": json.dumps(state)}
        token = backend.create_resource(request)["ProgressEvent"]["RequestToken"]
        return backend.get_resource_request_status({"RequestToken": token})["ProgressEvent"]

    both = {"AllocationId": "eipalloc-1", "InstanceId": "i-1", "NetworkInterfaceId": "eni-1"}
    with pytest.raises(CloudControlError) as caught:
        create("AWS::EC2::EIPAssociation", both)
    assert caught.value.code == "ValidationException"
    assert "[NetworkInterfaceId] may not stand beside [InstanceId]" in caught.value.message
    del both["NetworkInterfaceId"]
    assert create("AWS::EC2::EIPAssociation", both)["OperationStatus"] == "SUCCESS"
    retention = {"Mode": "GOVERNANCE", "Days": 1, "Years": 1}
    lock = {"ObjectLockEnabled": "Enabled", "Rule": {"DefaultRetention": retention}}
    with pytest.raises(CloudControlError) as caught:
        create("AWS::S3::Bucket", {"ObjectLockEnabled": True, "ObjectLockConfiguration": lock})
    assert "/ObjectLockConfiguration/Rule/DefaultRetention: [Years]" in caught.value.message


def test_the_mock_asks_one_at_least_of_what_aws_asks_one_at_least_of(corpus):
    # exclusive.yaml's `at least one of`: a Well-Architected workload of neither AWS Regions
    # nor others is refused, one of both is taken.
    from generator.backend import CloudControlBackend, CloudControlError

    type_name = "AWS::WellArchitected::Workload"
    document = json.loads((corpus[0] / spec_file_name(type_name)).read_bytes())
    backend = CloudControlBackend({type_name: document})
    state = {
        "WorkloadName": "workload",
        "Description": "a workload",
        "Environment": "PRODUCTION",
        "Lenses": ["wellarchitected"],
        "ReviewOwner": "owner",
    }
    with pytest.raises(CloudControlError) as caught:
        backend.create_resource({"TypeName": type_name, "DesiredState": json.dumps(state)})
    assert "AwsRegions" in caught.value.message, caught.value.message
    state |= {"AwsRegions": ["us-east-1"], "NonAwsRegions": ["on-premises"]}
    created = backend.create_resource({"TypeName": type_name, "DesiredState": json.dumps(state)})
    token = created["ProgressEvent"]["RequestToken"]
    status = backend.get_resource_request_status({"RequestToken": token})["ProgressEvent"]
    assert status["OperationStatus"] == "SUCCESS", status


def test_a_group_whose_words_are_gone_is_named_in_a_warning(corpus, tmp_path):
    document = json.loads((corpus[0] / "aws-ec2-eipassociation.json").read_bytes())
    for name in ("InstanceId", "NetworkInterfaceId"):
        document["properties"][name]["description"] = "The ID."
    (tmp_path / "aws-ec2-eipassociation.json").write_text(json.dumps(document))
    site = build(tmp_path)
    assert site.warnings == (
        f"{tmp_path / 'aws-ec2-eipassociation.json'}#: not held to, the group of "
        "exclusive.yaml of InstanceId, NetworkInterfaceId: the schema no longer says "
        "'You can specify either the instance ID or the network interface ID, but not both.'",
    )
    assert build(corpus[0], ["AWS::EC2::EIPAssociation"]).warnings == ()


def test_a_group_left_with_one_item_is_named_in_a_warning(corpus):
    from generator.exclusive import stale

    document = json.loads((corpus[0] / "aws-ec2-eipassociation.json").read_bytes())
    assert stale(document, "AWS::EC2::EIPAssociation") == []
    document["properties"]["EniId"] = document["properties"].pop("NetworkInterfaceId")
    assert stale(document, "AWS::EC2::EIPAssociation") == [
        "#: not held to, the group of exclusive.yaml of InstanceId, NetworkInterfaceId: "
        "the schema has the members of one item only"
    ]


def test_the_order_of_a_group_beats_the_first_member_requiredxor_would_take(site, pages):
    # AWS::ApplicationAutoScaling::ScalingPolicy: "You must specify either the
    # ``ScalingTargetId`` property, or the ``ResourceId``, ``ScalableDimension``, and
    # ``ServiceNamespace`` properties, but not both." cfn-lint's requiredXor [ScalingTargetId,
    # ResourceId] would take ScalingTargetId; the group puts the three that name the resource
    # (its identifier holds ScalableDimension, its list filter ServiceNamespace) first.
    page = page_of(site, pages, "AWS::ApplicationAutoScaling::ScalingPolicy")
    params = (
        "PolicyName, PolicyType, ResourceId, ScalableDimension, ServiceNamespace, "
        "TargetTrackingScalingPolicyConfiguration, region"
    )
    assert f'<CopyableCode code="{params}" />' in page
    assert "ScalingTargetId" not in section(page, "`INSERT` example", "`DELETE` example")


def test_the_items_prefix_items_fix_show_their_value(site, pages):
    # AWS::DynamoDB::Table's KeySchema (cfn-lint's copy): prefixItems fix the first key's
    # KeyType to HASH and the second's to RANGE; a placeholder per item let them be anything.
    page = page_of(site, pages, "AWS::DynamoDB::Table")
    manifest = section(page, "`INSERT` example", "`UPDATE` example").split('value="manifest"')[1]
    keys = manifest.split("- name: KeySchema")[1].split("- name:")[0]
    assert keys.splitlines()[1:6] == [
        "        value:",
        "          - AttributeName: '{{ KeySchema[0].AttributeName }}'",
        "            KeyType: 'HASH'",
        "          - AttributeName: '{{ KeySchema[1].AttributeName }}'",
        "            KeyType: 'RANGE'",
    ]
    # (The patch leaves the table's own out: UpdateTable takes none, exclusive.yaml's create only.)
    patch = update_of(site, pages, "AWS::DynamoDB::Table")
    assert '"path": "/KeySchema"' not in patch
    # The key schema of a global secondary index has no prefixItems: its KeyType is the user's.
    assert (
        '"KeySchema": [{"AttributeName": "{{ GlobalSecondaryIndexes[0].KeySchema[0]'
        '.AttributeName }}", "KeyType": "{{ GlobalSecondaryIndexes[0].KeySchema[0].KeyType }}"}]'
        in patch
    )


def test_a_version_stamp_before_a_description_is_not_its_summary(pages):
    # AWS::DynamoDB::GlobalTable's description starts "Version: None. Resource Type ...".
    row = next(
        line for line in pages["aws/dynamodb/index.mdx"].splitlines() if "global_tables" in line
    )
    assert row.endswith("| Resource Type definition for AWS::DynamoDB::GlobalTable |")


def test_a_web_acl_sets_one_action_one_statement_and_one_field_to_match(site, pages):
    # AWS::WAFv2::WebACL: one default action, and a rule of one action (not an OverrideAction,
    # for rule groups' statements) and one statement of one field; each was set whole.
    page = page_of(site, pages, "AWS::WAFv2::WebACL")
    manifest = section(page, "`INSERT` example", "`UPDATE` example").split('value="manifest"')[1]
    default = manifest.split("- name: DefaultAction")[1].split("- name:")[0]
    assert "Allow:" in default and "Block:" not in default
    rules = manifest.split("- name: Rules")[1].split("- name: Scope")[0]
    lines = [line.strip() for line in rules.splitlines()]
    assert "Action:" in lines[2] and "OverrideAction:" not in rules
    assert "Allow:" in lines and "Block:" not in lines and "Count:" not in lines
    assert "ByteMatchStatement:" in lines and "AndStatement:" not in lines
    assert not any(line.startswith(("NotStatement", "OrStatement", "XssMatch")) for line in lines)
    # the search string as text, not also base64-encoded (the resource provider refuses both)
    assert "SearchString:" in rules and "SearchStringBase64" not in rules
    field = rules.split("FieldToMatch:")[1].split("PositionalConstraint:")[0]
    assert field.strip() == "AllQueryArguments: '{{ AllQueryArguments }}'"
    # A rule group's rules alike.
    page = page_of(site, pages, "AWS::WAFv2::RuleGroup")
    manifest = section(page, "`INSERT` example", "`UPDATE` example").split('value="manifest"')[1]
    rules = manifest.split("- name: Rules")[1]
    assert "ByteMatchStatement:" in rules and "SqliMatchStatement:" not in rules
    assert "Allow:" in rules and "Captcha:" not in rules


# Members that AWS refuses together, by exclusive.yaml: the type, what its manifest sets and
# what it leaves out (one item of each group).
# Each example is of one variant, and leaves out what only another takes (exclusive.yaml's
# entries, from reviews of the pages against their schemas): an in-place deployment no
# blue/green options; an EC2 task no Fargate ephemeral storage; an HTTPS listener of an
# Application Load Balancer no TLS listener's ALPN policy; a MySQL DB instance none of Oracle's,
# SQL Server's or Db2's settings; ... Each: the manifest's values it sets, and text that none of
# the INSERT, manifest and UPDATE examples holds.
ONE_VARIANT = [
    ("AWS::CodeDeploy::DeploymentGroup", {}, ["BlueGreenDeploymentConfiguration"]),
    ("AWS::ECS::TaskDefinition", {"RequiresCompatibilities": ["EC2"]}, ["EphemeralStorage"]),
    ("AWS::ElasticLoadBalancingV2::Listener", {"Protocol": "HTTPS"}, ["AlpnPolicy"]),
    (
        "AWS::RDS::DBInstance",
        {
            "Engine": "mysql",
            "EnableIAMDatabaseAuthentication": "{{ EnableIAMDatabaseAuthentication }}",
        },
        ["DBSystemId", "NcharCharacterSetName", "AdditionalStorageVolumes", "Timezone"],
    ),
    # a cluster in the AWS cloud, not on Outposts; a new one, not a restore, that joins
    # no global database; one source of data to restore
    ("AWS::EKS::Cluster", {}, ["OutpostConfig"]),
    ("AWS::Neptune::DBCluster", {"StorageEncrypted": True}, ["SnapshotIdentifier"]),
    ("AWS::RDS::DBCluster", {}, ["EnableGlobalWriteForwarding"]),
    ("AWS::ElastiCache::CacheCluster", {}, ["SnapshotArns"]),
    ("AWS::ElastiCache::ReplicationGroup", {}, ["SnapshotArns"]),
    # a rule's Fargate task, no placement; one Spot price form; a JSON Lines container;
    # a single-model container; a group of a launch template; verification by code
    ("AWS::Events::Rule", {}, ["CapacityProviderStrategy", "PlacementConstraints"]),
    ("AWS::EMR::InstanceFleetConfig", {}, ["{{ BidPrice }}"]),
    ("AWS::SageMaker::EndpointConfig", {}, ["LabelIndex", "ProbabilityIndex"]),
    ("AWS::SageMaker::Model", {}, ["MultiModelConfig"]),
    ("AWS::AutoScaling::AutoScalingGroup", {}, ["DesiredCapacityType"]),
    ("AWS::Cognito::UserPool", {}, ["EmailSubjectByLink", "EmailMessageByLink"]),
    # values or regular expressions; one protocol; one restore source; an image's role,
    # no GitHub connection; manual capacity, no wait to scale to zero; the current
    # account, no organization; a custom rule's own schedule; inline prompt text
    ("AWS::ElasticLoadBalancingV2::ListenerRule", {}, ["RegexValues"]),
    ("AWS::DataSync::LocationFSxONTAP", {}, ["NFS:"]),
    ("AWS::RedshiftServerless::Workgroup", {}, ["RecoveryPointId"]),
    ("AWS::AppRunner::Service", {}, ["ConnectionArn"]),
    ("AWS::GameLift::Fleet", {}, ["ScaleInAfterInactivityMinutes"]),
    ("AWS::GameLift::ContainerFleet", {}, ["ScaleInAfterInactivityMinutes"]),
    ("AWS::Grafana::Workspace", {}, ["OrganizationalUnits", "OrganizationRoleName"]),
    ("AWS::Config::ConfigRule", {}, ["- name: MaximumExecutionFrequency"]),
    ("AWS::Bedrock::Prompt", {}, ["TextS3Location", "{{ TemplateType }}"]),
    ("AWS::Kendra::Index", {}, ["JsonTokenTypeConfiguration", "SecretManagerArn"]),
    (
        "AWS::QuickSight::DataSet",
        {},
        ["DecimalDatasetParameter", "IntegerDatasetParameter", "StringDatasetParameter"],
    ),
    # a filter of one type, a message of one format; a discriminator set to the kind of
    # the configuration shown (these are of nested objects: left-open placeholders go)
    ("AWS::QuickSight::Topic", {}, ["DateRangeFilter", "SingularConstant", "{{ FilterType"]),
    ("AWS::Lex::Bot", {}, ["SSMLMessage", "CustomPayload", "ImageResponseCard"]),
    ("AWS::BedrockAgentCore::Harness", {}, ["'{{ Type }}'", "'{{ Strategy }}'"]),
    ("AWS::BedrockAgentCore::Runtime", {}, ["'{{ NetworkMode }}'"]),
    ("AWS::ARCRegionSwitch::Plan", {}, ["'{{ ExecutionBlockType }}'"]),
    ("AWS::Connect::EvaluationForm", {}, ["'{{ QuestionType }}'"]),
    # a rule-based workflow, no provider; a query action; a program placed relative to
    # another; a SQL template; an action of one category; a job of its own document; a
    # single select field; a Glue data source; a web ACL's logs; IAM Identity Center
    ("AWS::EntityResolution::MatchingWorkflow", {}, ["ProviderProperties"]),
    ("AWS::IoTAnalytics::Dataset", {}, ["ContainerAction"]),
    ("AWS::MediaTailor::Program", {}, ["{{ Transition.DurationMillis }}", "'{{ Type }}'"]),
    ("AWS::CleanRooms::AnalysisTemplate", {"Format": "SQL"}, ["ErrorMessageConfiguration"]),
    ("AWS::SecurityHub::AutomationRuleV2", {}, ["ExternalIntegrationConfiguration"]),
    ("AWS::IoT::Job", {}, ["DocumentParameters"]),
    ("AWS::Connect::TaskTemplate", {}, ["'{{ Type }}'"]),
    ("AWS::DataZone::DataSource", {"Type": "GLUE"}, []),
    ("AWS::ObservabilityAdmin::TelemetryRule", {}, ["VPCFlowLogParameters", "Cloudtrail"]),
    # a source of one kind; a rule-based technique; a query of one source; a range of one
    # value; discriminators of the configuration shown
    ("AWS::SCN::DataIntegrationFlow", {}, ["DatasetSource", "'{{ SourceType }}'"]),
    ("AWS::EntityResolution::IdMappingWorkflow", {}, ["ProviderProperties"]),
    ("AWS::CleanRooms::IntermediateTable", {}, ["AnalysisTemplateArn"]),
    ("AWS::CustomerProfiles::CalculatedAttributeDefinition", {}, ["ValueRange"]),
    ("AWS::MediaConnect::RouterInput", {}, ["'{{ Protocol }}'", "'{{ EncryptionKeyType }}'"]),
    ("AWS::MediaConnect::RouterOutput", {}, ["'{{ Protocol }}'"]),
    ("AWS::QuickSight::ActionConnector", {}, ["'{{ AuthenticationType }}'"]),
    ("AWS::CleanRooms::ConfiguredTable", {"AnalysisMethod": "MULTIPLE"}, ["'{{ Type }}'"]),
    ("AWS::DataBrew::Dataset", {"Format": "CSV"}, ["'{{ Type }}'"]),
    ("AWS::Lambda::CapacityProvider", {}, ["'{{ Mode }}'"]),
    # an entry point, a technique, a password source and a traffic shaping of one kind;
    # discriminators of the configuration shown
    ("AWS::Connect::TestCase", {}, ["ChatEntryPointParameters", "'{{ Type }}'"]),
    ("AWS::EntityResolution::IdNamespace", {}, ["ProviderProperties"]),
    ("AWS::ElastiCache::User", {}, ["NoPasswordRequired", "- name: Passwords"]),
    ("AWS::MediaTailor::PrefetchSchedule", {}, ["TrafficShapingTpsConfiguration"]),
    ("AWS::SES::MailManagerIngressPoint", {"Type": "AUTH"}, []),
    ("AWS::Connect::DataTableAttribute", {"ValueType": "NUMBER_LIST"}, ["MinLength"]),
    ("AWS::SystemsManagerSAP::Application", {"ApplicationType": "SAP_ABAP"}, []),
    ("AWS::GlobalAccelerator::EndpointGroup", {"HealthCheckProtocol": "HTTP"}, []),
    ("AWS::S3Tables::TableBucket", {}, ["'{{ SSEAlgorithm }}'"]),
    ("AWS::IoTWireless::WirelessDevice", {"Type": "LoRaWAN"}, []),
    ("AWS::SSO::Application", {}, ["'{{ Origin }}'"]),
    ("AWS::EC2::NetworkAclEntry", {"Protocol": 6}, ["- name: Icmp"]),
    ("AWS::BedrockAgentCore::PaymentManager", {"AuthorizerType": "CUSTOM_JWT"}, []),
    # the provider and format of the input shown; an address allocated from a pool
    ("AWS::SecurityAgent::Integration", {"Provider": "BITBUCKET"}, []),
    ("AWS::Omics::AnnotationStore", {"StoreFormat": "TSV"}, []),
    ("AWS::EC2::EIP", {}, ["TransferAddress", "- name: Address"]),
    ("AWS::MediaTailor::SourceLocation", {}, ["'{{ AccessType }}'"]),
    ("AWS::DevOpsAgent::Service", {"ServiceType": "dynatrace"}, []),
    ("AWS::ApiGatewayV2::ApiGatewayManagedOverrides", {}, ["'{{ AuthorizationType }}'"]),
    ("AWS::FSx::StorageVirtualMachine", {}, ["'{{ UserName }}'", "'{{ Password }}'"]),
    ("AWS::Backup::ReportPlan", {}, ["'{{ ReportTemplate }}'"]),
    ("AWS::FinSpace::Environment", {"FederationMode": "FEDERATED"}, []),
    # an attribute property, no alarm state's structure
    ("AWS::IoTSiteWise::AssetModel", {}, ["DataTypeSpec"]),
    # a Zixi push source, of a flow and on its own
    (
        "AWS::MediaConnect::Flow",
        {},
        ["EntitlementArn", "NdiSourceSettings", "MinLatency", "SourceListenerPort"],
    ),
    ("AWS::MediaConnect::FlowSource", {"Protocol": "zixi-push"}, ["MinLatency", "MaxBitrate"]),
    (
        "AWS::QBusiness::Application",
        {"IdentityType": "AWS_IAM_IDC"},
        ["IamIdentityProviderArn", "ClientIdsForOIDC", "QuickSightConfiguration"],
    ),
]


@pytest.mark.parametrize(
    ("type_name", "sets", "left_out"), ONE_VARIANT, ids=[c[0] for c in ONE_VARIANT]
)
def test_each_example_is_of_one_variant(site, pages, type_name, sets, left_out):
    page = page_of(site, pages, type_name)
    for name, value in sets.items():
        assert manifest_value(page, name) == value, name
    examples = section(page, "`INSERT` example", "`DELETE` example")
    assert [text for text in left_out if text in examples] == []


SET_ONE_AT_A_TIME = [
    # "Only one server-side encryption option is supported per queue"
    ("AWS::SQS::Queue", ["- name: KmsMasterKeyId\n"], ["SqsManagedSseEnabled"]),
    # a DB instance of its own, its password kept by Secrets Manager
    (
        "AWS::RDS::DBInstance",
        ["- name: ManageMasterUserPassword\n", "- name: MasterUsername\n"],
        ["MasterUserPassword:", "- name: MasterUserPassword\n", "- name: DBClusterIdentifier\n"],
    ),
    # a listener's action of one type; a cache policy, without the TTLs of forwarded values
    (
        "AWS::ElasticLoadBalancingV2::Listener",
        ["ForwardConfig:", "Type: 'forward'"],
        ["RedirectConfig:", "AuthenticateOidcConfig:", "{{ Type }}"],
    ),
    ("AWS::CloudFront::Distribution", ["CachePolicyId:"], [" MinTTL:"]),
    # a Classic Load Balancer's back-end server policy, on instance ports only; a regional
    # configuration attachment's current pre token generation trigger, not its legacy ARN
    ("AWS::ElasticLoadBalancing::LoadBalancer", ["InstancePorts:"], ["LoadBalancerPorts:"]),
    # an Application Signals SLO of one service operation's metric: not a CloudWatch metric's,
    # several operations' or another resource's
    (
        "AWS::ApplicationSignals::ServiceLevelObjective",
        ["KeyAttributes:", "OperationName:", "MetricType:"],
        ["MetricDataQueries:", "CompositeSliConfig:", "MetricSource:"],
    ),
    # a budget action's definition of its one action type: an IAM policy's
    (
        "AWS::Budgets::BudgetsAction",
        ["IamActionDefinition:", "value: 'APPLY_IAM_POLICY'"],
        ["ScpActionDefinition:", "SsmActionDefinition:"],
    ),
    # a Global Resolver firewall rule of one match source: a domain list, not an advanced rule
    (
        "AWS::Route53GlobalResolver::FirewallRule",
        ["- name: FirewallDomainListId\n"],
        ["DnsAdvancedProtection", "ConfidenceThreshold"],
    ),
    # a Transcribe call analytics filter of one time range: in milliseconds, not percent
    (
        "AWS::Transcribe::CallAnalyticsCategory",
        ["AbsoluteTimeRange:"],
        ["RelativeTimeRange:"],
    ),
    # a Neptune Analytics graph's import of S3 files in a format, not a Neptune database's
    ("AWS::NeptuneGraph::Graph", ["Format: 'PARQUET'", "ParquetType:"], ["ImportOptions:"]),
    # a Comprehend flywheel's task of its one model type: a document classifier
    (
        "AWS::Comprehend::Flywheel",
        ["DocumentClassificationConfig:", "value: 'DOCUMENT_CLASSIFIER'"],
        ["EntityRecognitionConfig:"],
    ),
    # a Firewall Manager policy of Network Firewall: its one resource type, not a list
    ("AWS::FMS::Policy", ["value: 'AWS::EC2::VPC'"], ["ResourceTypeList"]),
    # a custom Lex intent of sample utterances, without a built-in intent's configurations
    (
        "AWS::Lex::Bot",
        ["SampleUtterances:"],
        ["KendraConfiguration:", "QnAIntentConfiguration:", "ParentIntentSignature:"],
    ),
    (
        "AWS::Cognito::UserPoolRegionalConfigurationAttachment",
        ["PreTokenGenerationConfig:"],
        ["PreTokenGeneration:"],
    ),
    # an API that no OpenAPI body defines; a Batch job of one container; a Glue job of workers
    ("AWS::ApiGatewayV2::Api", ["- name: IpAddressType\n"], ["- name: Body"]),
    (
        "AWS::Batch::JobDefinition",
        ["- name: ContainerProperties\n"],
        ["- name: EcsProperties\n", "- name: EksProperties\n", "- name: NodeProperties\n"],
    ),
    (
        "AWS::Glue::Job",
        ["- name: WorkerType\n", "- name: NumberOfWorkers\n"],
        ["- name: MaxCapacity\n", "- name: AllocatedCapacity\n"],
    ),
    # an ECS service in the awsvpc mode names no role (its service-linked role); an Aurora
    # cluster scales as Serverless v2, its password Secrets Manager's
    ("AWS::ECS::Service", ["- name: NetworkConfiguration\n"], ["- name: Role\n"]),
    (
        "AWS::RDS::DBCluster",
        ["- name: ServerlessV2ScalingConfiguration\n"],
        ["- name: ScalingConfiguration\n", "- name: MasterUserPassword\n"],
    ),
    # a simple scaling policy, and nothing of the other policy types beside it
    (
        "AWS::AutoScaling::ScalingPolicy",
        ["- name: ScalingAdjustment\n"],
        ["StepAdjustments", "TargetTrackingConfiguration", "MetricAggregationType"],
    ),
    # an interface endpoint, in subnets, with no route tables
    ("AWS::EC2::VPCEndpoint", ["- name: SubnetIds\n"], ["- name: RouteTableIds\n"]),
    # a trail's basic event selectors; a SageMaker variant on instances, not serverless
    ("AWS::CloudTrail::Trail", ["- name: EventSelectors\n"], ["AdvancedEventSelectors"]),
    ("AWS::SageMaker::EndpointConfig", ["InstanceType:"], ["ServerlessConfig:"]),
    # a GuardDuty detector's features, not also the deprecated data sources
    ("AWS::GuardDuty::Detector", ["- name: Features\n"], ["- name: DataSources\n"]),
    # an App Runner service from an image; an Elastic Beanstalk environment on a solution stack
    ("AWS::AppRunner::Service", ["ImageRepository:"], ["CodeRepository:"]),
    (
        "AWS::ElasticBeanstalk::Environment",
        ["- name: SolutionStackName\n"],
        ["PlatformArn", "TemplateName"],
    ),
    # a Network Firewall rule group of one rules source (a Suricata rules string)
    ("AWS::NetworkFirewall::RuleGroup", ["RulesString:"], ["StatefulRules:"]),
    # a Kinesis stream of provisioned shards, without what an on-demand stream alone takes
    ("AWS::Kinesis::Stream", ["- name: ShardCount\n"], ["WarmThroughputMiBps"]),
    # a stack set's failure tolerance and concurrency each as a count, not a percentage
    ("AWS::CloudFormation::StackSet", ["FailureToleranceCount:"], ["FailureTolerancePercentage"]),
    # a Batch compute environment on EC2, its launch template by ID; a versioned model package,
    # which takes its group's tags; a flow defined as text
    (
        "AWS::Batch::ComputeEnvironment",
        ["Subnets:", "LaunchTemplateId:", "value: 'MANAGED'", "Type: 'SPOT'"],
        ["ManagedInstancesProvider", "CapacityTags", "LaunchTemplateName:", "UnmanagedvCpus"],
    ),
    (
        "AWS::SageMaker::ModelPackage",
        ["- name: ModelPackageGroupName\n"],
        ["- name: ModelPackageName\n", "- name: Tags\n", "CertifyForMarketplace"],
    ),
    ("AWS::Bedrock::Flow", ["- name: DefinitionString\n"], ["- name: Definition\n", "S3Location"]),
    # an organization's managed Config rule; a Transfer workflow's copy step from S3
    (
        "AWS::Config::OrganizationConfigRule",
        ["OrganizationManagedRuleMetadata"],
        ["OrganizationCustomRuleMetadata", "OrganizationCustomPolicyRuleMetadata"],
    ),
    (
        "AWS::Transfer::Workflow",
        ["CopyStepDetails:"],
        ["CustomStepDetails:", "DecryptStepDetails:"],
    ),
    # a knowledge base's S3 data source, chunked by fixed size; a SageMaker domain's EFS file
    # system (a union); a resolver's templates inline
    (
        "AWS::Bedrock::DataSource",
        ["S3Configuration:", "FixedSizeChunkingConfiguration:"],
        ["WebConfiguration:", "SemanticChunkingConfiguration:"],
    ),
    ("AWS::SageMaker::Domain", ["EFSFileSystemConfig:"], ["FSxLustreFileSystemConfig:"]),
    (
        "AWS::AppSync::Resolver",
        ["- name: RequestMappingTemplate\n"],
        ["RequestMappingTemplateS3Location"],
    ),
    # an SFTP connector to a URL, not AS2 nor through VPC Lattice; an Express service of its
    # own container, no task definition; a workforce of Cognito users, reached by IP range;
    # a DataSync SMB location of NTLM users, its password kept by DataSync
    (
        "AWS::Transfer::Connector",
        ["- name: SftpConfig\n", "- name: Url\n"],
        ["As2Config", "EgressConfig"],
    ),
    (
        "AWS::ECS::ExpressGatewayService",
        ["- name: PrimaryContainer\n", "- name: Cpu\n"],
        ["- name: TaskDefinitionArn\n"],
    ),
    (
        "AWS::SageMaker::Workforce",
        ["- name: CognitoConfig\n", "- name: SourceIpConfig\n"],
        ["- name: OidcConfig\n", "- name: WorkforceVpcConfig\n"],
    ),
    (
        "AWS::DataSync::LocationSMB",
        ["- name: User\n", "- name: Password\n"],
        ["KerberosPrincipal", "CustomSecretConfig"],
    ),
    # an Azure Blob location by SAS token; an MSK channel to S3; a DMS data provider of one
    # engine's settings (a union); an Image Builder image from a container recipe
    (
        "AWS::DataSync::LocationAzureBlob",
        ["AzureBlobSasConfiguration"],
        ["FederatedIdentity", "CustomSecretConfig"],
    ),
    ("AWS::MSK::Channel", ["S3DestinationConfiguration"], ["IcebergDestinationConfiguration"]),
    ("AWS::DMS::DataProvider", ["PostgreSqlSettings:"], ["MySqlSettings:", "OracleSettings:"]),
    (
        "AWS::ImageBuilder::Image",
        ["- name: ContainerRecipeArn\n"],
        ["- name: ImageRecipeArn\n", "ImagePipelineExecutionSettings"],
    ),
    # unions of AWS's API models (botocore's "union"): a VPC Lattice rule's one action and one
    # match of each kind, a Grafana workspace's IdP metadata by URL, chat logs to one place
    ("AWS::VpcLattice::Rule", ["FixedResponse:", "Contains:"], ["Forward:", "Prefix:"]),
    ("AWS::Grafana::Workspace", ["Url:"], ["Xml:"]),
    ("AWS::IVSChat::LoggingConfiguration", ["CloudWatchLogs:"], ["Firehose:", " S3:"]),
    # exclusions in the words of AWS's API models: a change set of an inline template (now
    # required), a fair-share scheduling policy, a resource group of a configuration, an Image
    # Builder component's inline document, an ML transform of workers
    (
        "AWS::CloudFormation::ChangeSet",
        ["- name: TemplateBody\n"],
        ["- name: TemplateURL\n", "UsePreviousTemplate"],
    ),
    ("AWS::Batch::SchedulingPolicy", ["- name: FairsharePolicy\n"], ["QuotaSharePolicy"]),
    ("AWS::ResourceGroups::Group", ["- name: Configuration\n"], ["- name: ResourceQuery\n"]),
    ("AWS::ImageBuilder::Component", ["- name: Data\n"], ["- name: Uri\n"]),
    ("AWS::Glue::MLTransform", ["- name: WorkerType\n"], ["- name: MaxCapacity\n"]),
    # an Auto Scaling group in zones by name; a user pool's SMS through SNS
    (
        "AWS::AutoScaling::AutoScalingGroup",
        ["- name: AvailabilityZones\n"],
        ["- name: AvailabilityZoneIds\n"],
    ),
    ("AWS::Cognito::UserPool", ["SnsCallerArn:"], ["EumsSms"]),
    # an ECS task set by launch type; an AppStream fleet of sessions, not Elastic; a Greengrass
    # component from a recipe (now required)
    ("AWS::ECS::TaskSet", ["- name: LaunchType\n"], ["- name: CapacityProviderStrategy\n"]),
    # an SES event destination of one destination ("one, and only one"); a Connect instance's
    # storage in S3, its StorageType S3
    (
        "AWS::SES::ConfigurationSetEventDestination",
        ["SnsDestination:"],
        ["CloudWatchDestination:", "KinesisFirehoseDestination:", "EventBridgeDestination:"],
    ),
    (
        "AWS::Connect::InstanceStorageConfig",
        ["- name: S3Config\n", "value: 'S3'"],
        ["- name: KinesisStreamConfig\n", "{{ StorageType }}"],
    ),
    # the value the first item asks of its type (`sets:`): a placement group of partitions, a
    # user trust provider of OIDC
    ("AWS::EC2::PlacementGroup", ["value: 'partition'"], ["ParentGroupId", "{{ Strategy }}"]),
    # ... or of a member elsewhere, by its pointer: a provisioned stream's mode
    ("AWS::Kinesis::Stream", ["StreamMode: 'PROVISIONED'"], ["{{ StreamMode }}"]),
    # a CMAF origin endpoint: its container, manifests and encryption; a fleet of a build
    (
        "AWS::MediaPackageV2::OriginEndpoint",
        ["value: 'CMAF'", "CmafEncryptionMethod"],
        ["- name: MssManifests\n", "TsEncryptionMethod", "IsmEncryptionMethod"],
    ),
    (
        "AWS::GameLift::Fleet",
        ["- name: BuildId\n", "- name: EC2InstanceType\n", "value: 'EC2'"],
        ["- name: ScriptId\n", "AnywhereConfiguration", "UpdateStatus:", "Status: '{{ Status }}'"],
    ),
    # an ECS task definition for EC2 (an array of one value), its containers privileged; an
    # HTTP API's Lambda authorizer of the REQUEST type, without the expression AWS does not use
    (
        "AWS::ECS::TaskDefinition",
        ["- name: RequiresCompatibilities\n        value:\n          - 'EC2'\n"],
        ["{{ RequiresCompatibilities[0] }}"],
    ),
    (
        "AWS::ApiGatewayV2::Authorizer",
        ["- name: AuthorizerType\n        value: 'REQUEST'\n"],
        ["IdentityValidationExpression"],
    ),
    # an IoT SiteWise asset model property of one type, named by its TypeName
    (
        "AWS::IoTSiteWise::AssetModel",
        ["Attribute:", "TypeName: 'Attribute'"],
        ["Metric:", "Transform:", "{{ TypeName }}"],
    ),
    (
        "AWS::EC2::VerifiedAccessTrustProvider",
        ["value: 'user'", "value: 'oidc'"],
        ["DeviceOptions", "{{ TrustProviderType }}"],
    ),
    (
        "AWS::AppStream::Fleet",
        ["DesiredSessions:"],
        ["DesiredInstances:", "- name: MaxConcurrentSessions\n"],
    ),
    (
        "AWS::GreengrassV2::ComponentVersion",
        ["- name: InlineRecipe\n"],
        ["- name: LambdaFunction\n"],
    ),
    # templates inline, not also kept in S3; an association of one CIDR block; a server of one
    # authentication method, its type the one it takes
    (
        "AWS::AppSync::FunctionConfiguration",
        ["- name: RequestMappingTemplate\n", "- name: ResponseMappingTemplate\n"],
        ["MappingTemplateS3Location"],
    ),
    (
        "AWS::EC2::VPCCidrBlock",
        ["- name: CidrBlock\n"],
        ["Ipv4IpamPoolId", "AmazonProvidedIpv6CidrBlock", "- name: Ipv6Pool\n", "Ipv6Netmask"],
    ),
    (
        "AWS::Transfer::Server",
        ["Function:", "value: 'AWS_LAMBDA'"],
        ["DirectoryId:", "Url:", "{{ IdentityProviderType }}"],
    ),
    # value ties alone: the value under which what the examples show is allowed
    ("AWS::EKS::Cluster", ["ServiceIpv4Cidr:", "IpFamily: 'ipv4'"], ["{{ IpFamily }}"]),
    ("AWS::EC2::FlowLog", ["value: 'cloud-watch-logs'"], ["{{ LogDestinationType }}"]),
    ("AWS::GameLift::ContainerFleet", ["ZeroCapacityStrategy: 'MANUAL'"], ["{{ ZeroCap"]),
    # inclusions, not also exclusions; an ONTAP volume, not also an OpenZFS one
    (
        "AWS::FMS::Policy",
        ["- name: IncludeMap\n", "FirewallDeploymentModel: 'CENTRALIZED'"],
        ["- name: ExcludeMap\n", "{{ ResourceType }}"],
    ),
    (
        "AWS::FSx::Volume",
        ["value: 'ONTAP'", "VolumeStyle: 'FLEXGROUP'", "Type: 'DAYS'"],
        ["- name: OpenZFSConfiguration\n", "{{ VolumeType }}"],
    ),
    # an on-demand table, as its indexes; a rule condition of one field; a self-managed stack
    # set; QuickSight's unions (one visual of 25 kinds)
    (
        "AWS::DynamoDB::Table",
        ["- name: OnDemandThroughput\n", "value: 'PAY_PER_REQUEST'"],
        ["- name: ProvisionedThroughput\n"],
    ),
    (
        "AWS::ElasticLoadBalancingV2::ListenerRule",
        ["Field: 'host-header'", "HostHeaderConfig:"],
        ["HttpHeaderConfig:", "PathPatternConfig:", "SourceIpConfig:"],
    ),
    (
        "AWS::CloudFormation::StackSet",
        ["- name: AdministrationRoleARN\n", "value: 'SELF_MANAGED'"],
        ["- name: AutoDeployment\n"],
    ),
    ("AWS::QuickSight::Analysis", ["- BarChartVisual:"], ["PieChartVisual:", "TableVisual:"]),
    # an RDS DB instance of its own: no read replica's source or point-in-time restore's time
    # beside its master user
    (
        "AWS::RDS::DBInstance",
        ["- name: MasterUsername\n", "- name: DBName\n"],
        ["- name: SourceDBClusterIdentifier\n", "- name: RestoreTime\n", "- name: ReplicaMode\n"],
    ),
    # a user pool signed in to by email address, not also by aliases; a Network Load Balancer
    # without an Application Load Balancer's IPAM pool; a node group updated by a count
    ("AWS::Cognito::UserPool", ["- name: UsernameAttributes\n"], ["- name: AliasAttributes\n"]),
    (
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        ["- name: EnablePrefixForIpv6SourceNat\n"],
        ["- name: Ipv4IpamPoolId\n"],
    ),
    ("AWS::EKS::Nodegroup", ["MaxUnavailable:"], ["MaxUnavailablePercentage"]),
    # more of a QA pass: a regional domain name's certificate, not also an edge one's; a
    # deployment that makes its stage, not a canary of one; a Firehose stream of one source;
    # a Redis cache cluster without Memcached's encryption in transit; a V2 pipeline of
    # compute actions, without a manual approval's timeout; a cron maintenance window
    (
        "AWS::ApiGateway::DomainName",
        ["- name: RegionalCertificateArn\n", "- 'REGIONAL'"],
        ["- name: CertificateArn\n"],
    ),
    (
        "AWS::ApiGateway::Deployment",
        ["- name: StageDescription\n"],
        ["- name: DeploymentCanarySettings\n"],
    ),
    (
        "AWS::KinesisFirehose::DeliveryStream",
        ["- name: DirectPutSourceConfiguration\n", "value: 'DirectPut'"],
        [
            "KinesisStreamSourceConfiguration",
            "MSKSourceConfiguration",
            "DatabaseSourceConfiguration",
        ],
    ),
    (
        "AWS::ElastiCache::CacheCluster",
        ["value: 'redis'"],
        ["- name: TransitEncryptionEnabled\n"],
    ),
    ("AWS::CodePipeline::Pipeline", ["value: 'V2'", "Commands:"], ["TimeoutInMinutes"]),
    ("AWS::SSM::MaintenanceWindow", ["value: 'cron(0 16 ? * TUE *)'"], ["{{ Schedule }}"]),
    # a Lambda function on EFS and isolated by tenant, so without SnapStart
    (
        "AWS::Lambda::Function",
        ["- name: FileSystemConfigs\n", "- name: TenancyConfig\n"],
        ["- name: SnapStart\n"],
    ),
    # an ECS cluster whose execute command logs go where its log configuration says
    ("AWS::ECS::Cluster", ["Logging: 'OVERRIDE'"], ["{{ Logging }}"]),
    # a Network Firewall firewall in a VPC's subnets, not also attached to a transit gateway
    (
        "AWS::NetworkFirewall::Firewall",
        ["- name: VpcId\n", "- name: SubnetMappings\n"],
        ["- name: TransitGatewayId\n", "- name: AvailabilityZoneMappings\n"],
    ),
    # a Config rule scoped by a resource type and ID, not also by a tag
    ("AWS::Config::ConfigRule", ["ComplianceResourceId:"], ["TagKey:", "TagValue:"]),
    # an ECS capacity provider of an Auto Scaling group, which names no cluster
    (
        "AWS::ECS::CapacityProvider",
        ["- name: AutoScalingGroupProvider\n"],
        ["- name: ManagedInstancesProvider\n", "- name: ClusterName\n"],
    ),
    # more of a QA pass: an Aurora cluster, without a Multi-AZ DB cluster's properties; a
    # deployment group of instances, not ECS services nor an ECS blue/green target group pair;
    # a GraphQL API's one Lambda authorizer, and an additional provider of a user pool
    (
        "AWS::RDS::DBCluster",
        ["- name: EngineMode\n"],
        ["- name: AllocatedStorage\n", "- name: DBClusterInstanceClass\n", "- name: Iops\n"],
    ),
    (
        "AWS::CodeDeploy::DeploymentGroup",
        ["- name: AutoScalingGroups\n", "ElbInfoList:"],
        ["- name: ECSServices\n", "TargetGroupPairInfoList"],
    ),
    (
        "AWS::AppSync::GraphQLApi",
        ["value: 'AWS_LAMBDA'", "- AuthenticationType: 'AMAZON_COGNITO_USER_POOLS'"],
        ["- name: UserPoolConfig\n", "- name: OpenIDConnectConfig\n", "OpenIDConnectConfig:"],
    ),
    # a pipe from one SQS queue to one Lambda function; an EventBridge connection's basic
    # authentication, without a private OAuth endpoint's connectivity
    (
        "AWS::Pipes::Pipe",
        ["SqsQueueParameters:", "LambdaFunctionParameters:"],
        ["KinesisStreamParameters:", "EcsTaskParameters:", "RabbitMQBrokerParameters:"],
    ),
    ("AWS::Events::Connection", ["BasicAuthParameters:"], ["ConnectivityParameters:"]),
    # an instance's network interface with a count of secondary addresses, not the addresses;
    # an Auto Scaling group's capacity reservations by ID; a Lake Formation grant on a database
    (
        "AWS::EC2::Instance",
        ["SecondaryPrivateIpAddressCount:"],
        ["PrivateIpAddresses:"],
    ),
    (
        "AWS::AutoScaling::AutoScalingGroup",
        ["CapacityReservationIds:"],
        ["CapacityReservationResourceGroupArns"],
    ),
    # a new Neptune cluster that joins a global database, not one restored from a snapshot or
    # to a point in time of another
    (
        "AWS::Neptune::DBCluster",
        ["- name: GlobalClusterIdentifier\n"],
        [
            "- name: SnapshotIdentifier\n",
            "- name: SourceDBClusterIdentifier\n",
            "- name: RestoreToTime\n",
        ],
    ),
    # an outbound Resolver endpoint without DNS64, a forward rule without a delegation record;
    # a rotation by a Lambda function, not an external secret's managed rotation; a self-managed
    # stack set's accounts, not organizational units; a Flink application, no new SQL one
    (
        "AWS::Route53Resolver::ResolverEndpoint",
        ["- name: TargetNameServerMetricsEnabled\n"],
        ["- name: Dns64Enabled\n"],
    ),
    ("AWS::Route53Resolver::ResolverRule", ["- name: DomainName\n"], ["DelegationRecord"]),
    (
        "AWS::SecretsManager::RotationSchedule",
        ["- name: RotationLambdaARN\n"],
        ["ExternalSecretRotationMetadata", "ExternalSecretRotationRoleArn"],
    ),
    (
        "AWS::CloudFormation::StackSet",
        ["Accounts:"],
        ["OrganizationalUnitIds", "AccountFilterType"],
    ),
    (
        "AWS::KinesisAnalyticsV2::Application",
        ["FlinkApplicationConfiguration:"],
        ["SqlApplicationConfiguration"],
    ),
    # a Backup control's scope of resource types and IDs, not also tags; a DynamoDB table of its
    # own local indexes, not imported; a repository template's KMS key under KMS encryption; a
    # file system's provisioned throughput in its mode, replicated to an existing file system;
    # an RDS instance in AWS Managed Microsoft AD, not also a self-managed domain
    (
        "AWS::Backup::Framework",
        ["ComplianceResourceIds:", "ComplianceResourceTypes:"],
        ["Tags:"],
    ),
    (
        "AWS::DynamoDB::Table",
        ["- name: LocalSecondaryIndexes\n"],
        ["ImportSourceSpecification"],
    ),
    ("AWS::ECR::RepositoryCreationTemplate", ["EncryptionType: 'KMS'"], ["{{ EncryptionType }}"]),
    (
        "AWS::EFS::FileSystem",
        ["value: 'provisioned'", "- FileSystemId:"],
        ["{{ ThroughputMode }}", "{{ Destinations[0].KmsKeyId }}"],
    ),
    (
        "AWS::RDS::DBInstance",
        ["- name: Domain\n", "- name: DomainIAMRoleName\n"],
        ["- name: DomainFqdn\n", "- name: DomainAuthSecretArn\n", "- name: DomainDnsIps\n"],
    ),
    # a MediaLive input pulled from its sources, with no other kind of input's settings; a
    # MediaConnect flow without what MediaConnect makes or assigns itself
    (
        "AWS::MediaLive::Input",
        ["- name: Sources\n", "value: 'URL_PULL'"],
        ["InputDevices", "MediaConnectFlows", "SrtSettings", "InputSecurityGroups", "SdiSources"],
    ),
    ("AWS::MediaConnect::Flow", ["- name: VpcInterfaces\n"], ["NetworkInterfaceIds", "Fmt:"]),
    # Audit Manager's role types, the one value each operation takes; a view's one property
    # name; an AppSync API's Lambda auth provider, a DynamoDB data source, a unit resolver, a
    # direct channel handler; an Amplify domain's custom certificate; a Connect user of Connect
    # identity management, a phone number claimed, not imported; a Cases text field; a
    # Customer Profiles domain's source conflict resolution
    (
        "AWS::AuditManager::Assessment",
        ["RoleType: 'PROCESS_OWNER'", "RoleType: 'RESOURCE_OWNER'"],
        ["{{ RoleType }}", "RoleType }}"],
    ),
    ("AWS::ResourceExplorer2::View", ["- Name: 'tags'"], ["{{ Name }}"]),
    (
        "AWS::AppSync::Api",
        ["- AuthType: 'AWS_LAMBDA'\n              LambdaAuthorizerConfig:"],
        ["CognitoConfig:", "OpenIDConnectConfig:"],
    ),
    (
        "AWS::AppSync::DataSource",
        ["- name: DynamoDBConfig\n", "value: 'AMAZON_DYNAMODB'"],
        ["LambdaConfig", "HttpConfig", "RelationalDatabaseConfig", "OpenSearchServiceConfig"],
    ),
    ("AWS::AppSync::Resolver", ["value: 'UNIT'", "- name: DataSourceName\n"], ["PipelineConfig"]),
    ("AWS::AppSync::ChannelNamespace", ["Behavior: 'DIRECT'"], ["{{ Behavior }}"]),
    ("AWS::Amplify::Domain", ["CertificateType: 'CUSTOM'"], ["{{ CertificateType }}"]),
    ("AWS::Connect::User", ["- name: Password\n"], ["- name: DirectoryUserId\n"]),
    ("AWS::Connect::PhoneNumber", ["- name: CountryCode\n"], ["SourcePhoneNumberArn"]),
    ("AWS::Cases::Field", ["value: 'Text'"], ["{{ Type }}"]),
    ("AWS::CustomerProfiles::Domain", ["ConflictResolvingModel: 'SOURCE'"], ["RECENCY"]),
    # a GRE connect peer, not also a NO_ENCAP one's subnet; an AgentCore API key kept by the
    # service, not also a customer's secret; a browser's and a code interpreter's VPC mode;
    # a Glue connection type's filter string mode
    (
        "AWS::NetworkManager::ConnectPeer",
        ["- name: BgpOptions\n", "- name: InsideCidrBlocks\n"],
        ["SubnetArn"],
    ),
    (
        "AWS::BedrockAgentCore::ApiKeyCredentialProvider",
        ["- name: ApiKey\n", "value: 'MANAGED'"],
        ["ApiKeySecretConfig"],
    ),
    ("AWS::BedrockAgentCore::BrowserCustom", ["NetworkMode: 'VPC'"], ["{{ NetworkMode }}"]),
    ("AWS::BedrockAgentCore::CodeInterpreterCustom", ["NetworkMode: 'VPC'"], ["{{ NetworkMode }}"]),
    ("AWS::Glue::ConnectionType", ["FilterMode: 'FILTER_STRING'"], ["{{ FilterMode }}"]),
    # an Outposts bucket rule's expiration in days, not also a date; a layer permission for an
    # organization's accounts; a dual-stack S3 Files mount target; a Storage Lens group's one
    # And; a customer-owned IP endpoint; a DNS firewall rule that blocks with an override; a
    # continuous deployment policy by weight; a weekly scheduled audit
    (
        "AWS::S3Outposts::Bucket",
        ["ExpirationInDays: '{{ ExpirationInDays }}'"],
        ["ExpirationDate"],
    ),
    ("AWS::Lambda::LayerVersionPermission", ["value: '*'"], ["{{ Principal }}"]),
    ("AWS::S3Files::MountTarget", ["value: 'DUAL_STACK'"], ["{{ IpAddressType }}"]),
    (
        "AWS::S3::StorageLensGroup",
        ["          And:\n            MatchAnyPrefix:"],
        ["\n          MatchAnyTag:", "Or:"],
    ),
    ("AWS::S3Outposts::Endpoint", ["value: 'CustomerOwnedIp'"], ["{{ AccessType }}"]),
    (
        "AWS::Route53Resolver::FirewallRuleGroup",
        ["Action: 'BLOCK'", "BlockResponse: 'OVERRIDE'"],
        ["{{ BlockResponse }}"],
    ),
    (
        "AWS::CloudFront::ContinuousDeploymentPolicy",
        ["SingleWeightConfig:", "Type: 'SingleWeight'"],
        ["SingleHeaderConfig"],
    ),
    ("AWS::IoT::ScheduledAudit", ["value: 'WEEKLY'", "- name: DayOfWeek\n"], ["DayOfMonth"]),
    # an MSK replicator between MSK clusters, each named by its ARN; an EC2 instance of
    # WorkSpaces Instances with one instance profile name form and one reservation target, and
    # its encrypted volume
    (
        "AWS::MSK::Replicator",
        ["AmazonMskCluster:", "SourceKafkaClusterArn:", "TargetKafkaClusterArn:"],
        [
            "ApacheKafkaCluster",
            "ClientAuthentication",
            "SourceKafkaClusterId",
            "TargetKafkaClusterId",
        ],
    ),
    (
        "AWS::WorkspacesInstances::WorkspaceInstance",
        ["CapacityReservationId:", "IamInstanceProfile:\n            Arn:"],
        [
            "CapacityReservationResourceGroupArn",
            "IamInstanceProfile:\n            Arn: '{{ Arn }}'\n            Name:",
        ],
    ),
    (
        "AWS::WorkspacesInstances::Volume",
        ["- name: Encrypted\n        value: true"],
        ["{{ Encrypted }}"],
    ),
    # a Clean Rooms table association's list analysis rule, of the LIST type
    ("AWS::CleanRooms::ConfiguredTableAssociation", ["Type: 'LIST'"], ["{{ Type }}"]),
    # an Image Builder lifecycle policy's age filter, which its retention and unit are for; a
    # Resilience Hub mapping of a stack; an Application Insights component's custom
    # configuration; a publisher that accepts the terms; a PCS Spot node group, and a cluster
    # without the keys PCS keeps itself
    (
        "AWS::ResilienceHub::App",
        ["MappingType: 'CfnStack'"],
        ["EksSourceName", "TerraformSourceName"],
    ),
    (
        "AWS::ApplicationInsights::Application",
        ["ComponentConfigurationMode: 'CUSTOM'"],
        ["DefaultOverwriteComponentConfiguration"],
    ),
    ("AWS::CloudFormation::Publisher", ["value: true"], ["{{ AcceptTermsAndConditions }}"]),
    ("AWS::PCS::ComputeNodeGroup", ["value: 'SPOT'"], ["{{ PurchaseOption }}"]),
    ("AWS::PCS::Cluster", ["SlurmConfiguration"], ["AuthKey", "JwtAuth"]),
    # a Comprehend document classifier trained from a CSV file, not an augmented manifest
    (
        "AWS::Comprehend::DocumentClassifier",
        ["DataFormat: 'COMPREHEND_CSV'", "S3Uri: '{{ InputDataConfig.S3Uri }}'"],
        ["AugmentedManifests"],
    ),
    ("AWS::ImageBuilder::LifecyclePolicy", ["Type: 'AGE'"], ["Type: '{{ Type }}'"]),
    (
        "AWS::LakeFormation::PrincipalPermissions",
        ["Database:"],
        ["TableWithColumns:", "DataLocation:", "LFTagPolicy:", "Catalog: "],
    ),
    # a route server's persisted routes, for a duration; a VPN connection on a transit gateway
    # (a virtual private gateway's takes no IPv6 tunnel nor acceleration), of its one type
    ("AWS::EC2::RouteServer", ["value: 'enable'"], ["{{ PersistRoutes }}"]),
    (
        "AWS::EC2::VPNConnection",
        ["- name: TransitGatewayId\n", "value: 'ipsec.1'"],
        ["VpnGatewayId", "{{ Type }}"],
    ),
    # a multicast domain of IGMPv2 ("You cannot enable both attributes at the same time")
    ("AWS::EC2::TransitGatewayMulticastDomain", ["Igmpv2Support:"], ["StaticSourcesSupport"]),
    # secrets the service keeps, not references to the customer's
    (
        "AWS::BedrockAgentCore::PaymentCredentialProvider",
        ["ApiKeySecretSource: 'MANAGED'", "WalletSecretSource: 'MANAGED'"],
        ["ApiKeySecretConfig", "WalletSecretConfig"],
    ),
    # EC2's launch parameters: an EBS volume, a target reservation by its ID
    (
        "AWS::BedrockAgentCore::CapacityProvider",
        ["CapacityReservationPreference: 'capacity-reservations-only'", "CapacityReservationId:"],
        ["CapacityReservationResourceGroupArn", "VirtualName"],
    ),
    # an asynchronous endpoint without shadow variants, of an instance type and no pools; one
    # image kernel; a static IoT command
    (
        "AWS::SageMaker::EndpointConfig",
        ["- name: AsyncInferenceConfig\n", "InstanceType:"],
        ["ShadowProductionVariants", "InstancePools"],
    ),
    (
        "AWS::SageMaker::AppImageConfig",
        ["- name: KernelGatewayImageConfig\n"],
        ["JupyterLabAppImageConfig", "CodeEditorAppImageConfig"],
    ),
    ("AWS::IoT::Command", ["- name: Payload\n"], ["PayloadTemplate", "Preprocessor"]),
    # a REST API of an OpenAPI body (its provider refuses a location or a clone beside it); a
    # custom domain of an access mode, without mutual TLS (not with an enhanced policy), and a
    # private one's enhanced policy
    ("AWS::ApiGateway::RestApi", ["- name: Body\n"], ["BodyS3Location", "CloneFrom"]),
    (
        "AWS::ApiGateway::DomainName",
        ["- name: EndpointAccessMode\n"],
        ["MutualTlsAuthentication", "OwnershipVerificationCertificateArn"],
    ),
    ("AWS::ApiGateway::DomainNameV2", ["value: 'SecurityPolicy_TLS13_1_3_2025_09'"], []),
    # a compaction optimizer; an egress bridge of flows, and a bridge source of one kind; a
    # multiplex without the destinations only MediaLive reports
    (
        "AWS::Glue::TableOptimizer",
        ["value: 'compaction'", "CompactionConfiguration:"],
        ["RetentionConfiguration", "OrphanFileDeletionConfiguration"],
    ),
    (
        "AWS::MediaConnect::Bridge",
        ["- name: EgressGatewayBridge\n", "FlowSource:"],
        ["IngressGatewayBridge", "NetworkSource:"],
    ),
    ("AWS::MediaConnect::BridgeSource", ["- name: FlowSource\n"], ["NetworkSource"]),
    ("AWS::MediaLive::Multiplex", ["- name: MultiplexSettings\n"], ["Destinations"]),
    # a VPC Lattice resource configuration of a single resource, neither a group nor a child
    (
        "AWS::VpcLattice::ResourceConfiguration",
        ["value: 'SINGLE'", "- name: ResourceGatewayId\n"],
        ["GroupDomain", "ResourceConfigurationGroupId"],
    ),
    # a Chime media insights element of one type, an S3 recording sink (the one that stands
    # alone); a Cases related item of its one kind of content, a comment
    (
        "AWS::Chime::MediaInsightsPipelineConfiguration",
        ["- S3RecordingSinkConfiguration:", "Type: 'S3RecordingSink'"],
        [
            "AmazonTranscribeCallAnalyticsProcessorConfiguration",
            "KinesisDataStreamSinkConfiguration",
        ],
    ),
    ("AWS::Cases::RelatedItem", ["value: 'Comment'"], ["{{ Type }}"]),
    # an IoT Wireless import of a file's devices, not of one serial number; GameLift fleet
    # logs to CloudWatch, a queue whose priority order includes its location order
    (
        "AWS::IoTWireless::WirelessDeviceImportTask",
        ["DeviceCreationFile:"],
        ["SidewalkManufacturingSn"],
    ),
    ("AWS::GameLift::ContainerFleet", ["LogDestination: 'CLOUDWATCH'"], ["S3BucketName"]),
    ("AWS::GameLift::GameSessionQueue", ["- 'LOCATION'"], ["{{ PriorityOrder[0] }}"]),
    # an RDS custom endpoint of static members; a DB instance's blue/green deployment of gp3
    ("AWS::RDS::DBClusterEndpoint", ["- name: StaticMembers\n"], ["ExcludedMembers"]),
    (
        "AWS::RDS::Deployment",
        ["value: 'gp3'", "- name: TargetDBInstanceClass\n"],
        ["TargetDBClusterParameterGroupName"],
    ),
    # values the members shown ask: a blocking rule's override, a customer key's algorithm,
    # the integration type of a role, the retriever type of a native index, the authentication
    # type of a trusted token issuer
    (
        "AWS::Route53GlobalResolver::FirewallRule",
        ["value: 'BLOCK'", "value: 'OVERRIDE'"],
        ["{{ Action }}", "{{ BlockResponse }}"],
    ),
    ("AWS::ObservabilityAdmin::S3TableIntegration", ["SseAlgorithm: 'aws:kms'"], []),
    ("AWS::CloudWatch::Integration", ["value: 'AWS_INTEGRATION'"], ["{{ IntegrationType }}"]),
    ("AWS::QBusiness::Retriever", ["value: 'NATIVE_INDEX'"], ["{{ Type }}"]),
    ("AWS::QBusiness::DataAccessor", ["AuthenticationType: 'AWS_IAM_IDC_TTI'"], []),
    # a Lambda function's JSON logs (log levels ask them) and manual runtime (its version
    # shown); a repository's KMS encryption (its key shown)
    (
        "AWS::Lambda::Function",
        ["LogFormat: 'JSON'", "UpdateRuntimeOn: 'Manual'"],
        ["{{ LogFormat }}", "{{ UpdateRuntimeOn }}"],
    ),
    ("AWS::ECR::Repository", ["EncryptionType: 'KMS'"], ["{{ EncryptionType }}"]),
    # options of one type: an OpenSearch Serverless SAML config, a Comprehend recognizer's CSV
    # data, a self-managed GitLab integration, a URI path route, a custom output function
    (
        "AWS::OpenSearchServerless::SecurityConfig",
        ["value: 'saml'", "- name: SamlOptions\n"],
        ["IamIdentityCenterOptions", "IamFederationOptions"],
    ),
    (
        "AWS::Comprehend::EntityRecognizer",
        ["DataFormat: 'COMPREHEND_CSV'", "Documents:"],
        ["AugmentedManifests"],
    ),
    ("AWS::InspectorV2::CodeSecurityIntegration", ["value: 'GITLAB_SELF_MANAGED'"], []),
    (
        "AWS::RefactorSpaces::Route",
        ["value: 'URI_PATH'", "- name: UriPathRoute\n"],
        ["DefaultRoute"],
    ),
    (
        "AWS::MediaTailor::Function",
        ["value: 'CUSTOM_OUTPUT'", "- name: CustomOutputConfiguration\n"],
        ["HttpRequestConfiguration", "VastRequestConfiguration"],
    ),
    # a MediaTailor program of a VOD source, its ad breaks of time signals; a single prefetch
    # schedule
    (
        "AWS::MediaTailor::Program",
        ["- name: VodSourceName\n", "TimeSignalMessage:"],
        ["LiveSourceName", "SpliceInsertMessage"],
    ),
    (
        "AWS::MediaTailor::PrefetchSchedule",
        ["value: 'SINGLE'", "- name: Consumption\n"],
        ["RecurringPrefetchConfiguration"],
    ),
    # provisioned capacity and a customer key of a Keyspaces table, a multi-Region keyspace; a
    # flow's deduplicated records
    (
        "AWS::Cassandra::Table",
        ["Mode: 'PROVISIONED'", "EncryptionType: 'CUSTOMER_MANAGED_KMS_KEY'"],
        [],
    ),
    ("AWS::Cassandra::Keyspace", ["ReplicationStrategy: 'MULTI_REGION'"], []),
    ("AWS::SCN::DataIntegrationFlow", ["DedupeRecords: true"], []),
    # EMR's task instance groups, of Spot bids; EventBridge's JSONata transforms from a time;
    # an FSx access point of an ONTAP volume, a UNIX user; a recipe job of a project
    ("AWS::EMR::InstanceGroupConfig", ["value: 'TASK'", "value: 'SPOT'"], ["{{ InstanceRole }}"]),
    ("AWS::EventsV2::Subscriber", ["Type: 'JSONATA'", "PointType: 'TIMESTAMP'"], []),
    ("AWS::FSx::S3AccessPointAttachment", ["value: 'ONTAP'", "Type: 'UNIX'"], ["{{ Type }}"]),
    ("AWS::DataBrew::Job", ["value: 'RECIPE'", "- name: ProjectName\n"], ["JobSample"]),
    # a read replica cluster's two subnets; a Neptune graph imported from Parquet; a
    # DynamoDB global table of strong consistency with a witness, not a multi-account one
    (
        "AWS::Timestream::InfluxDBCluster",
        ["- '{{ VpcSubnetIds[0] }}'\n          - '{{ VpcSubnetIds[1] }}'\n"],
        [],
    ),
    ("AWS::NeptuneGraph::Graph", ["Format: 'PARQUET'", "ParquetType:"], ["BlankNodeHandling"]),
    (
        "AWS::DynamoDB::GlobalTable",
        ["value: 'STRONG'", "- name: GlobalTableWitnesses\n"],
        ["GlobalTableSourceArn"],
    ),
    # a pipeline's push filter of branches and file paths; a rule's target of one kind, ECS;
    # tags on one Lake Formation resource, a database; the CloudFront plan's two resources
    (
        "AWS::CodePipeline::Pipeline",
        ["'{{ Push[0].FilePaths.Includes[0] }}'"],
        ["{{ Push[0].Tags"],
    ),
    (
        "AWS::Events::Rule",
        ["EcsParameters:"],
        ["KinesisParameters", "SqsParameters", "RunCommandParameters", "BatchParameters"],
    ),
    ("AWS::LakeFormation::TagAssociation", ["Database:"], ["TableWithColumns:"]),
    ("AWS::PricingPlanManager::Subscription", ["'{{ ResourceArns[1] }}'"], []),
    # a Proton connection's environment account, the caller's (not an input)
    ("AWS::Proton::EnvironmentAccountConnection", ["- name: RoleArn\n"], ["EnvironmentAccountId"]),
    # one AppFlow connector's credentials and properties, Datadog's; an EC2/on-premises
    # deployment config; a CloudFront function of runtime 2.0 (its key value store); a
    # distribution's two origins (its origin group's); a Data Exchange export's KMS encryption
    (
        "AWS::AppFlow::ConnectorProfile",
        ["value: 'Datadog'", "ApplicationKey:", "InstanceUrl:"],
        ["Amplitude", "Salesforce", "CustomConnector"],
    ),
    (
        "AWS::CodeDeploy::DeploymentConfig",
        ["value: 'Server'", "- name: MinimumHealthyHosts\n"],
        ["TrafficRoutingConfig"],
    ),
    ("AWS::CloudFront::Function", ["Runtime: 'cloudfront-js-2.0'"], []),
    ("AWS::CloudFront::Distribution", ["DomainName: '{{ Origins[1].DomainName }}'"], []),
    ("AWS::DataExchange::EventAction", ["Type: 'aws:kms'"], []),
    # a primary CloudFront distribution (its aliases and policy); an EC2 instance on a host
    # resource group; an S3 bucket of a name given and of V2 metadata
    ("AWS::CloudFront::Distribution", ["Staging: false"], ["{{ Staging }}"]),
    ("AWS::EC2::Instance", ["- name: HostResourceGroupArn\n"], ["- name: HostId\n"]),
    (
        "AWS::S3::Bucket",
        ["- name: BucketName\n", "- name: MetadataConfiguration\n"],
        ["BucketNamePrefix", "MetadataTableConfiguration"],
    ),
    # an SQS queue's event source mapping, without other sources' members
    (
        "AWS::Lambda::EventSourceMapping",
        ["- name: ScalingConfig\n", "- name: EventSourceArn\n"],
        ["ParallelizationFactor", "LoggingConfig", "Topics", "DocumentDBEventSourceConfig"],
    ),
    # a permission to invoke a function (not its URL); a schedule on the default bus
    (
        "AWS::Lambda::Permission",
        ["value: 'lambda:InvokeFunction'", "- name: InvokedViaFunctionUrl\n"],
        ["FunctionUrlAuthType"],
    ),
    ("AWS::Events::Rule", ["value: 'default'"], ["{{ EventBusName }}"]),
    # a new Aurora cluster (not a cross-Region replica or a point-in-time restore), its password
    # in Secrets Manager, of the provisioned engine mode
    (
        "AWS::RDS::DBCluster",
        ["value: 'provisioned'", "- name: ManageMasterUserPassword\n        value: true\n"],
        ["ReplicationSourceIdentifier", "RestoreType", "UseLatestRestorableTime"],
    ),
    # a replication group of its own (not a Global Datastore member), of an AUTH token
    (
        "AWS::ElastiCache::ReplicationGroup",
        ["- name: AuthToken\n", "- name: CacheNodeType\n"],
        ["GlobalReplicationGroupId", "UserGroupIds"],
    ),
    # a table's INCLUDE projections (non-key attributes shown) and KMS encryption on
    ("AWS::DynamoDB::Table", ["ProjectionType: 'INCLUDE'", "SSEEnabled: true"], []),
    # an ECS service on EC2 (its placement), a cluster's one setting name
    (
        "AWS::ECS::Service",
        ["- name: PlacementConstraints\n"],
        ["- name: PlatformVersion\n"],
    ),
    ("AWS::ECS::Cluster", ["Name: 'containerInsights'"], []),
    # a backup rule of a lifecycle (continuous backups take none); a zonal NAT gateway with
    # its secondary addresses; an OpenSearch domain across two subnets' zones, UltraWarm on
    (
        "AWS::Backup::BackupPlan",
        ["Lifecycle:"],
        ["EnableContinuousBackup"],
    ),
    (
        "AWS::EC2::NatGateway",
        ["- name: SubnetId\n", "- name: SecondaryPrivateIpAddresses\n"],
        ["AvailabilityZoneAddresses", "SecondaryPrivateIpAddressCount"],
    ),
    (
        "AWS::OpenSearchService::Domain",
        ["ZoneAwarenessEnabled: true", "WarmEnabled: true", "'{{ SubnetIds[1] }}'"],
        [],
    ),
    # a Firehose customer key and uncompressed S3 output of converted records; an AppConfig
    # document (its Requires); a VPC Redshift cluster of a KMS key; an MSK cluster created
    # without public access
    (
        "AWS::KinesisFirehose::DeliveryStream",
        ["KeyType: 'CUSTOMER_MANAGED_CMK'", "CompressionFormat: 'UNCOMPRESSED'"],
        [],
    ),
    ("AWS::SSM::Document", ["value: 'ApplicationConfiguration'"], ["{{ DocumentType }}"]),
    (
        "AWS::Redshift::Cluster",
        ["- name: VpcSecurityGroupIds\n", "- name: KmsKeyId\n"],
        ["ClusterSecurityGroups", "HsmClientCertificateIdentifier", "HsmConfigurationIdentifier"],
    ),
    ("AWS::MSK::Cluster", ["Type: 'DISABLED'"], []),
    # a public ACM certificate, DNS-validated; a Batch volume of one source; a SageMaker
    # endpoint's canary routing, a domain's shared notebook output
    (
        "AWS::CertificateManager::Certificate",
        ["- name: ValidationMethod\n"],
        ["CertificateAuthorityArn"],
    ),
    (
        "AWS::Batch::JobDefinition",
        ["EfsVolumeConfiguration:"],
        ["S3FilesVolumeConfiguration", "Host:"],
    ),
    ("AWS::SageMaker::Endpoint", ["Type: 'CANARY'", "CanarySize:"], ["LinearStepSize"]),
    ("AWS::SageMaker::Domain", ["NotebookOutputOption: 'Allowed'"], []),
    # an API key without the stage keys usage plans replaced; a web server environment (its
    # CNAME); an HTTP/S subscription (its delivery policy); an option's VPC security groups; a
    # CodeBuild fleet in a VPC, of attribute-based compute; an HTTP API's route of a JWT
    # authorizer's scopes
    ("AWS::ApiGateway::ApiKey", ["- name: Description\n"], ["StageKeys"]),
    ("AWS::ElasticBeanstalk::Environment", ["Name: 'WebServer'", "Type: 'Standard'"], []),
    ("AWS::SNS::Subscription", ["- name: DeliveryPolicy\n"], ["SubscriptionRoleArn"]),
    (
        "AWS::RDS::OptionGroup",
        ["VpcSecurityGroupMemberships:"],
        ["DBSecurityGroupMemberships"],
    ),
    (
        "AWS::CodeBuild::Fleet",
        ["- name: FleetVpcConfig\n", "value: 'ATTRIBUTE_BASED_COMPUTE'", "vCpu:"],
        ["FleetProxyConfiguration", "instanceType"],
    ),
    (
        "AWS::ApiGatewayV2::Route",
        ["value: 'JWT'", "- name: AuthorizationScopes\n"],
        ["RouteResponseSelectionExpression", "ModelSelectionExpression", "RequestModels"],
    ),
    # a Lambda version's manual runtime; a flow log to CloudWatch Logs (no S3 options); an HTTP
    # API authorizer's simple responses of format 2.0; a regional V2 domain name; an endpoint
    # service of a Network Load Balancer, its payer the service owner; a capacity reservation
    # in a zone by name, tagged as a reservation
    ("AWS::Lambda::Version", ["UpdateRuntimeOn: 'Manual'"], []),
    ("AWS::EC2::FlowLog", ["- name: DeliverLogsPermissionArn\n"], ["DestinationOptions"]),
    ("AWS::ApiGatewayV2::Authorizer", ["value: '2.0'"], ["{{ AuthorizerPayloadFormatVersion }}"]),
    ("AWS::ApiGatewayV2::DomainName", ["EndpointType: 'REGIONAL'"], []),
    (
        "AWS::EC2::VPCEndpointService",
        ["- name: NetworkLoadBalancerArns\n", "value: 'ServiceOwner'"],
        ["GatewayLoadBalancerArns"],
    ),
    (
        "AWS::EC2::CapacityReservation",
        ["ResourceType: 'capacity-reservation'", "- name: AvailabilityZone\n"],
        ["- name: AvailabilityZoneId\n"],
    ),
    # a Config recorder's exclusion list only (of its EXCLUSION strategy); a RAM share's
    # configuration without the member RAM's API does not take
    (
        "AWS::Config::ConfigurationRecorder",
        ["ExclusionByResourceTypes:"],
        ["'{{ RecordingGroup.ResourceTypes[0] }}'"],
    ),
    (
        "AWS::RAM::ResourceShare",
        ["RetainSharingOnAccountLeaveOrganization:"],
        ["ExclusiveAccountAccess:"],
    ),
    # a conditional Glue trigger (its predicate, not a schedule) waiting on a job, whose action
    # runs a job, not a crawler; an OAuth2 Glue connection of the authorization code grant and
    # the user's client application; a dual-stack Resolver endpoint (each address both kinds)
    (
        "AWS::Glue::Trigger",
        ["- name: Predicate\n", "State: '{{ State }}'", "value: 'CONDITIONAL'"],
        ["CrawlState", "CrawlerName", "- name: Schedule\n", "- name: EventBatchingCondition\n"],
    ),
    (
        "AWS::Glue::Connection",
        [
            "AuthenticationType: 'OAUTH2'",
            "OAuth2GrantType: 'AUTHORIZATION_CODE'",
            "UserManagedClientApplicationClientId:",
        ],
        ["CustomAuthenticationCredentials", "AWSManagedClientApplicationReference"],
    ),
    # a key pair made, not imported (its type ignored beside a public key); a forward action's
    # config, not also a target group ARN (the same one only); a pre token generation trigger's
    # configuration, not its legacy ARN; a launch configuration without EC2-Classic's ClassicLink
    (
        "AWS::EC2::KeyPair",
        ["- name: KeyType\n", "- name: KeyFormat\n"],
        ["PublicKeyMaterial"],
    ),
    (
        "AWS::ElasticLoadBalancingV2::ListenerRule",
        ["ForwardConfig:", "TargetGroups:"],
        ["{{ Actions[0].TargetGroupArn }}"],
    ),
    (
        "AWS::Cognito::UserPool",
        ["PreTokenGenerationConfig:"],
        ["PreTokenGeneration:"],
    ),
    ("AWS::AutoScaling::LaunchConfiguration", ["- name: ImageId\n"], ["ClassicLink"]),
    # an EC2 fleet by instance requirements (its capacity unit type asks them), of an EBS
    # volume, a new network interface and its instance profile by ARN; a capacity reservation
    # fleet's zone by name; an RDS proxy's one target, an instance; a strongly consistent global
    # table's two replicas beside its witness; a global datastore's primary member
    (
        "AWS::EC2::EC2Fleet",
        ["InstanceRequirements:", "AllowedInstanceTypes:", "Ebs:", "Arn: '{{ Arn }}'"],
        [
            "InstanceType: '{{ InstanceType }}'",
            "ExcludedInstanceTypes:",
            "NoDevice:",
            "VirtualName:",
            "NetworkInterfaceId:",
            "Name: '{{ Name }}'",
        ],
    ),
    (
        "AWS::EC2::CapacityReservationFleet",
        ["AvailabilityZone: '{{ AvailabilityZone }}'"],
        ["AvailabilityZoneId:"],
    ),
    ("AWS::RDS::DBProxyTargetGroup", ["- name: DBInstanceIdentifiers\n"], ["DBClusterIdentifiers"]),
    (
        "AWS::DynamoDB::GlobalTable",
        ["Region: '{{ Replicas[0].Region }}'", "Region: '{{ Replicas[1].Region }}'"],
        [],
    ),
    ("AWS::ElastiCache::GlobalReplicationGroup", ["Role: 'PRIMARY'"], ["{{ Role }}"]),
    # an IoT certificate of a signing request, not also a CA certificate (which goes with a
    # certificate registered, of either mode)
    (
        "AWS::IoT::Certificate",
        ["- name: CertificateSigningRequest\n", "value: 'DEFAULT'"],
        ["CACertificatePem", "- name: CertificatePem\n"],
    ),
    # an inline SiteWise composite model, not also one of a component model
    (
        "AWS::IoTSiteWise::AssetModel",
        ["CompositeModelProperties:"],
        ["ComposedAssetModelId: '{{ ComposedAssetModelId }}'"],
    ),
    # an organization Config rule's scope of resource types, not also of a tag (a Config rule's
    # Scope, as AWS::Config::ConfigRule's)
    (
        "AWS::Config::OrganizationConfigRule",
        ["ResourceTypesScope:"],
        ["TagKeyScope", "TagValueScope"],
    ),
    # a Verified Access instance's trust provider by its ID (AttachVerifiedAccessTrustProvider
    # takes no more: its description and types are the provider's own)
    (
        "AWS::EC2::VerifiedAccessInstance",
        ["- VerifiedAccessTrustProviderId: "],
        ["TrustProviderType", "Description: '{{ VerifiedAccessTrustProviders"],
    ),
    # a Lambda web function endpoint's one revision, of all the traffic ("With 1 entry, weight
    # must be 100")
    ("AWS::Lambda::WebFunctionEndpoint", ["Weight: 100\n"], ["{{ Weight }}"]),
    # a Lightsail database's own password, not also its rotation ("cannot be used together");
    # a Lightsail instance's disks and ports as its resource provider sends them
    (
        "AWS::Lightsail::Database",
        ["- name: MasterUserPassword\n"],
        ["RotateMasterUserPassword"],
    ),
    (
        "AWS::Lightsail::Instance",
        ["- DiskName: ", "FromPort: "],
        ["AttachmentState", "IsSystemDisk", "AccessType", "CommonName"],
    ),
    # an APPSTREAM2 app block's post-setup script, not a CUSTOM one's setup script; a
    # service-managed OAuth2 client secret; a Customer Profiles segment of groups, not SQL; a
    # Network Access Scope's statements of resource IDs and addresses, not also types or prefix
    # lists (its guide's words)
    (
        "AWS::AppStream::AppBlock",
        ["- name: PostSetupScriptDetails\n", "value: 'APPSTREAM2'"],
        ["- name: SetupScriptDetails"],
    ),
    (
        "AWS::BedrockAgentCore::OAuth2CredentialProvider",
        ["ClientSecret: ", "ClientSecretSource: 'MANAGED'"],
        ["ClientSecretConfig"],
    ),
    (
        "AWS::CustomerProfiles::SegmentDefinition",
        ["- name: SegmentGroups\n"],
        ["SegmentSqlQuery"],
    ),
    (
        "AWS::EC2::NetworkInsightsAccessScope",
        ["Resources:", "SourceAddresses:", "DestinationAddresses:"],
        ["ResourceTypes", "SourcePrefixLists", "DestinationPrefixLists"],
    ),
    # a DataBrew recipe job without a profile job's members; a dataset of one source and one
    # format; a Kendra relevance of a date field; a Direct Connect interface of the account's
    # own, of SiteLink; a MediaConnect flow's video media stream
    (
        "AWS::DataBrew::Job",
        ["- name: ProjectName\n"],
        ["ProfileConfiguration", "OutputLocation", "ValidationConfigurations"],
    ),
    (
        "AWS::DataBrew::Dataset",
        ["S3InputDefinition:", "Csv:"],
        ["DataCatalogInputDefinition", "DatabaseInputDefinition", "Excel:", "Json:"],
    ),
    ("AWS::Kendra::Index", ["Freshness: "], ["RankOrder"]),
    *(
        (
            f"AWS::DirectConnect::{kind}VirtualInterface",
            ["- name: EnableSiteLink\n"],
            [f"Allocate{kind}VirtualInterfaceRoleArn"],
        )
        for kind in ("Private", "Transit")
    ),
    ("AWS::MediaConnect::Flow", ["MediaStreamType: 'video'"], ["Lang:", "ChannelOrder"]),
    # a volume of a snapshot, not also a clone; a Personalize import job without its ARN, a
    # solution without AutoML's configuration (it performs none); a Q Business enrichment that
    # fills in a target, not one that deletes the content
    ("AWS::StorageGateway::Volume", ["- name: SnapshotId\n"], ["SourceVolumeARN"]),
    ("AWS::Personalize::Dataset", ["JobName: "], ["DatasetImportJobArn"]),
    ("AWS::Personalize::Solution", ["value: false"], ["AutoMLConfig"]),
    ("AWS::QBusiness::DataSource", ["Target:"], ["DocumentContentOperator"]),
    # a HealthOmics workflow of an S3 definition, without the repository's paths, of one README
    # and one registry mapping source; an EMR on EKS security configuration of what its API
    # takes; a Route 53 ARC resource by its ARN, without a generated component ID
    *(
        (
            f"AWS::Omics::{name}",
            [
                "- name: DefinitionUri\n",
                "- name: readmeMarkdown\n",
                "- name: ContainerRegistryMap\n",
            ],
            ["readmePath", "readmeUri", "ParameterTemplatePath", "ContainerRegistryMapUri"],
        )
        for name in ("Workflow", "WorkflowVersion")
    ),
    (
        "AWS::EMRContainers::SecurityConfiguration",
        ["InTransitEncryptionConfiguration:"],
        ["AtRestEncryptionConfiguration", "QueryAccessControlEnabled"],
    ),
    (
        "AWS::Route53RecoveryReadiness::ResourceSet",
        ["ResourceArn: "],
        ["DnsTargetResource", "ComponentId"],
    ),
    # AppSync VTL templates, not also APPSYNC_JS code; a DevOps Agent account configuration
    # without the resources and tags its API does not take; a Verified Access HTTPS port, not
    # TCP port ranges; one BGP ASN of a local gateway's interface and group; a Connect rule's
    # in-app notification (of either kind of event) beside a post-call analysis rule's actions
    *(
        (
            f"AWS::AppSync::{name}",
            ["- name: RequestMappingTemplate\n"],
            ["- name: Code\n", "CodeS3Location", "- name: Runtime\n"],
        )
        for name in ("FunctionConfiguration", "Resolver")
    ),
    ("AWS::DevOpsAgent::Association", ["AccountId: "], ["ResourceArn", "ResourceMetadata"]),
    ("AWS::EC2::VerifiedAccessEndpoint", ["Protocol: 'https'", "Port: "], ["PortRanges"]),
    ("AWS::EC2::LocalGatewayVirtualInterface", ["- name: PeerBgpAsn\n"], ["PeerBgpAsnExtended"]),
    (
        "AWS::EC2::LocalGatewayVirtualInterfaceGroup",
        ["- name: LocalBgpAsn\n"],
        ["LocalBgpAsnExtended"],
    ),
    (
        "AWS::Connect::Rule",
        ["SendInAppNotificationActions:", "EventBridgeActions:"],
        ["UpdateCaseActions", "EndAssociatedTasksActions"],
    ),
    # a DataZone environment action without its identifier (AWS returns it); an IPAM pool CIDR
    # rule without a resource CIDR rule's resource type or a static CIDR; WAF logging filter
    # conditions of one test each; Fraud Detector objects of their own (inline)
    ("AWS::DataZone::EnvironmentActions", ["- name: Parameters\n"], ["- name: Identifier\n"]),
    ("AWS::EC2::IPAMPrefixListResolver", ["IpamPoolId: "], ["ResourceType", "StaticCidr"]),
    *(
        (type_name, ["ActionCondition:"], ["LabelNameCondition"])
        for type_name in (
            "AWS::ObservabilityAdmin::TelemetryRule",
            "AWS::ObservabilityAdmin::OrganizationTelemetryRule",
            "AWS::WAFv2::LoggingConfiguration",
        )
    ),
    (
        "AWS::FraudDetector::Detector",
        ["Inline: true"],
        ["{{ EventType.Inline }}", "{{ Labels[0].Inline }}"],
    ),
    ("AWS::FraudDetector::EventType", ["Inline: true"], ["{{ Labels[0].Inline }}"]),
    # IoT Wireless devices and gateways without a thing (their create handlers refuse one)
    *(
        (f"AWS::IoTWireless::{name}", ["- name: Name\n"], ["ThingArn"])
        for name in ("WirelessDevice", "WirelessGateway")
    ),
    # Connect's predefined attribute without IsReadOnly and agent status without a type (what
    # their Describe calls report)
    (
        "AWS::Connect::PredefinedAttribute",
        ["EnableValueValidationOnAssociation: "],
        ["IsReadOnly"],
    ),
    ("AWS::Connect::AgentStatus", ["- name: Name\n"], ["- name: Type\n"]),
    # QuickSight definitions without a pivot table's calculated measure in a bar chart, of one
    # date-time default value and one value-when-unset choice
    *(
        (
            f"AWS::QuickSight::{name}",
            ["CategoricalMeasureField:", "StaticValues:"],
            ["CalculatedMeasureField", "RollingDate:", "ValueWhenUnsetOption:"],
        )
        for name in ("Analysis", "Dashboard", "Template")
    ),
    # a Flink application's code, not a Studio notebook's configuration
    (
        "AWS::KinesisAnalyticsV2::Application",
        ["ApplicationCodeConfiguration:"],
        ["ZeppelinApplicationConfiguration:"],
    ),
    # a canary's VPC by its subnets (CreateCanary takes no VPC ID)
    ("AWS::Synthetics::Canary", ["- name: VPCConfig\n", "SubnetIds:"], ["  VpcId:"]),
    # a SageMaker algorithm's integer hyperparameter, of its one range
    (
        "AWS::SageMaker::Algorithm",
        ["IntegerParameterRangeSpecification:", "Type: 'Integer'"],
        ["ContinuousParameterRangeSpecification", "CategoricalParameterRangeSpecification"],
    ),
    # a new, empty Neptune global database, not one of a source cluster (as Aurora's)
    (
        "AWS::Neptune::GlobalCluster",
        ["- name: Engine\n", "- name: StorageEncrypted\n"],
        ["SourceDBClusterIdentifier"],
    ),
    # a repository of upstreams, not also an external connection; a VPC firewall without the
    # transit gateway attachment's zone change protection
    (
        "AWS::CodeArtifact::Repository",
        ["- name: Upstreams\n"],
        ["ExternalConnections"],
    ),
    (
        "AWS::NetworkFirewall::Firewall",
        ["- name: VpcId\n"],
        ["AvailabilityZoneChangeProtection", "TransitGatewayId"],
    ),
    # Security Hub filters of a rolling date range and an equal number, as its automation
    # rule schema's oneOf has them, on the types whose schemas lack it
    *(
        (
            f"AWS::SecurityHub::{name}",
            ["DateRange:", "Eq: '{{ Eq }}'"],
            ["Start: '{{ Start }}'", "Gte: '{{ Gte }}'"],
        )
        for name in ("Insight", "AutomationRuleV2")
    ),
    (
        "AWS::Route53Resolver::ResolverEndpoint",
        ["Ipv6: '{{ Ipv6 }}'", "value: 'dualstack'"],
        ["{{ ResolverEndpointType }}"],
    ),
    # a monitor of an endpoint's captured data, not a batch transform's
    *(
        (f"AWS::SageMaker::{name}", ["EndpointInput:"], ["BatchTransformInput"])
        for name in (
            "DataQualityJobDefinition",
            "ModelQualityJobDefinition",
            "ModelBiasJobDefinition",
            "ModelExplainabilityJobDefinition",
            "MonitoringSchedule",
        )
    ),
]


@pytest.mark.parametrize(
    ("type_name", "shown", "left_out"), SET_ONE_AT_A_TIME, ids=[c[0] for c in SET_ONE_AT_A_TIME]
)
def test_members_that_exclude_each_other_are_set_one_at_a_time(
    site, pages, type_name, shown, left_out
):
    page = page_of(site, pages, type_name)
    manifest = section(page, "`INSERT` example", "`UPDATE` example").split('value="manifest"')[1]
    assert [text for text in shown if text not in manifest] == []
    assert [text for text in left_out if text in manifest] == []


def test_the_fields_say_what_the_examples_set_of_properties_aws_takes_one_of(site, pages):
    # The All Properties INSERT, the manifest and the patch leave WarmThroughputMiBps out for
    # ShardCount: the page says so, and why, where a user looks for the field.
    page = page_of(site, pages, "AWS::Kinesis::Stream")
    note = (
        "AWS takes at most one of some of these properties (see their descriptions, or AWS's "
        "documentation): the examples that set properties set <code>ShardCount</code> rather "
        "than <code>RecordDistributionStrategy</code> or <code>WarmThroughputMiBps</code>.\n"
    )
    assert note in section(page, "Fields", "Methods")
    # A group of AWS's documentation only (no description says it), so named: a capacity
    # reservation fleet's end date kept, not removed (its provider refuses both).
    page = page_of(site, pages, "AWS::EC2::CapacityReservationFleet")
    assert (
        "(see AWS's documentation): the examples that set properties set "
        "<code>NoRemoveEndDate</code> rather than <code>RemoveEndDate</code>.\n"
    ) in page
    # Several groups of one item kept, as one (the one of the create's choice said under Methods).
    page = page_of(site, pages, "AWS::AutoScaling::ScalingPolicy")
    assert (
        "set <code>ScalingAdjustment</code> rather than "
        "<code>MetricAggregationType</code> or <code>EstimatedInstanceWarmup</code>.\n"
    ) in page
    # What another group leaves out is not said to be set; and a choice of "at least one"
    # (a volume's zone with a size or a snapshot, the schema's anyOf) does not say that its
    # items exclude each other, so the group that does is said (AvailabilityZone rather than
    # AvailabilityZoneId).
    page = page_of(site, pages, "AWS::EC2::Volume")
    assert (
        "set <code>AvailabilityZone</code> rather than <code>AvailabilityZoneId</code>; "
        "<code>SnapshotId</code> rather than <code>SourceVolumeId</code>; "
        "<code>AvailabilityZone</code> with <code>Encrypted</code> and <code>KmsKeyId</code> "
        "rather than <code>SourceVolumeId</code>;"
    ) in page
    # What the schema's own keywords exclude (cfn-lint's dependentExcluded: NetworkInterfaces
    # rules out SubnetId), where no choice of the create's says it.
    page = page_of(site, pages, "AWS::EC2::Instance")
    assert (
        "The examples that set properties also leave out <code>SubnetId</code>, which the "
        "schema's own keywords exclude beside properties they set"
    ) in section(page, "Fields", "Methods")
    assert "- name: SubnetId\n" not in page
    # The first of the notes of what is left out says no "also"; the next does.
    fields = section(page_of(site, pages, "AWS::ServiceDiscovery::Service"), "Fields", "Methods")
    assert (
        "The examples that set properties leave out <code>HealthCheckCustomConfig</code>" in fields
    )
    assert "The examples that set properties also leave out members of nested objects" in fields
    # Of nested objects: the alternatives, by where the examples show the object; past three
    # places, by its definition and how many (of those the examples show: 5, of the schema's 47).
    page = page_of(site, pages, "AWS::Config::ConfigRule")
    assert (
        "Some members of nested objects exclude each other (see their descriptions, or AWS's "
        "documentation), and the examples set one at most of each of these: <code>Source</code>: "
        "<code>SourceIdentifier</code> or <code>CustomPolicyDetails</code>; <code>Scope</code>: "
        "any of <code>ComplianceResourceId</code> and <code>ComplianceResourceTypes</code>, or "
        "any of <code>TagKey</code> and <code>TagValue</code>.\n"
    ) in section(page, "Fields", "Methods")
    page = page_of(site, pages, "AWS::QuickSight::Analysis")
    assert "<code>AggregationFunction</code> (in 5 places, as <code>Definition.Sheets" in page
    # An object the examples do not show is not named: a web ACL's rules take an Action, and
    # their statement a byte match, so no OverrideAction or managed rule group's overrides.
    page = page_of(site, pages, "AWS::WAFv2::WebACL")
    assert (
        "<code>Rules&#91;&#42;&#93;</code>: <code>Action</code> or <code>OverrideAction</code>"
        in page
    )
    assert "Rules&#91;&#42;&#93;.OverrideAction</code>:" not in page
    assert "RuleActionOverrides" not in section(page, "Fields", "Methods")
    # A choice the create needs is said under Methods, not again here; nor is a group of
    # which the examples would set one item anyway.
    for type_name in ("AWS::EC2::Route", "AWS::Lambda::EventInvokeConfig"):
        assert "AWS takes at most one of" not in page_of(site, pages, type_name)


def test_a_member_of_exactly_one_is_required_and_a_nested_one_set_alone(site, pages):
    # A route goes to one destination, now required.
    route = page_of(site, pages, "AWS::EC2::Route")
    assert '<CopyableCode code="DestinationCidrBlock, GatewayId, RouteTableId, region" />' in route
    assert "DestinationPrefixListId" not in section(route, "`INSERT` example")
    # "Each LifecyclePolicy object can have only a single transition."
    page = page_of(site, pages, "AWS::EFS::FileSystem")
    policies = page.split("- name: LifecyclePolicies")[1].split("- name:")[0]
    assert "TransitionToIA:" in policies and "TransitionToArchive" not in policies


def test_an_array_of_one_value_is_written_out_in_the_insert_too(site, pages):
    # The manifest's `- 'EC2'` (exclusive.yaml's sets: [EC2]), and an array whose items allow
    # one value: the All Properties INSERT gives the array, not a placeholder for it.
    insert = section(page_of(site, pages, "AWS::ECS::TaskDefinition"), "`INSERT` example")
    assert """ '["EC2"]',\n""" in insert and "{{ RequiresCompatibilities }}" not in insert
    insert = section(page_of(site, pages, "AWS::Textract::Adapter"), "`INSERT` example")
    assert """ '["QUERIES"]',\n""" in insert


def test_members_aws_takes_no_value_of_are_left_out_of_the_examples(site, pages):
    # exclusive.yaml's `never set`: "Reserved.", "Currently not supported, will not create if
    # tags are passed", an API reference's "for internal use only"; nested ones too. The
    # Fields table still lists them.
    for type_name, name in [
        ("AWS::AutoScaling::AutoScalingGroup", "Context"),
        ("AWS::IoTWireless::WirelessDevice", "Tags"),
        ("AWS::Grafana::Workspace", "DataSources"),
        ("AWS::EC2::Instance", "AssociateCarrierIpAddress"),
        ("AWS::EC2::LaunchTemplate", "SpreadDomain"),
        # deprecated in the API model: "Encryption at rest is always enabled", "use
        # resourceRequirements instead"
        ("AWS::AppSync::ApiCache", "AtRestEncryptionEnabled"),
        ("AWS::Batch::JobDefinition", "Vcpus"),
    ]:
        page = page_of(site, pages, type_name)
        examples = section(page, "`INSERT` example", "`DELETE` example")
        assert name not in examples, type_name
    page = page_of(site, pages, "AWS::AutoScaling::AutoScalingGroup")
    assert '<tr><td><CopyableCode code="context" /></td>' in page


def test_arrays_aws_takes_two_items_of_at_least_show_two(site, pages, corpus):
    # exclusive.yaml's `count`: "Subnet groups must contain at least two subnets", "The two
    # subnets must be in different Availability Zones" (nested), the MediaLive API
    # reference's "You must specify exactly two" (the schema says nothing).
    for type_name, items in [
        ("AWS::RDS::DBSubnetGroup", "- '{{ SubnetIds[0] }}'\n          - '{{ SubnetIds[1] }}'\n"),
        (
            "AWS::DirectoryService::MicrosoftAD",
            "- '{{ SubnetIds[0] }}'\n            - '{{ SubnetIds[1] }}'\n",
        ),
        (
            "AWS::MediaLive::Multiplex",
            "- '{{ AvailabilityZones[0] }}'\n          - '{{ AvailabilityZones[1] }}'\n",
        ),
        # a shadow mode experiment's production and shadow variants
        (
            "AWS::SageMaker::InferenceExperiment",
            "VariantName: '{{ ModelVariants[1].VariantName }}'",
        ),
    ]:
        page = page_of(site, pages, type_name)
        assert items in section(page, "`INSERT` example", "`DELETE` example"), type_name
    page = page_of(site, pages, "AWS::RDS::DBSubnetGroup")
    assert '"value": ["{{ SubnetIds[0] }}", "{{ SubnetIds[1] }}"]' in page  # the patch
    # The mock refuses fewer, as AWS does.
    from generator.backend import CloudControlBackend, CloudControlError

    type_name = "AWS::RDS::DBSubnetGroup"
    document = json.loads((corpus[0] / spec_file_name(type_name)).read_bytes())
    backend = CloudControlBackend({type_name: document})
    state = {"DBSubnetGroupDescription": "d", "SubnetIds": ["subnet-1"]}
    with pytest.raises(CloudControlError) as caught:
        backend.create_resource({"TypeName": type_name, "DesiredState": json.dumps(state)})
    assert caught.value.code == "ValidationException"
    assert "/SubnetIds" in caught.value.message, caught.value.message
    state["SubnetIds"].append("subnet-2")
    created = backend.create_resource({"TypeName": type_name, "DesiredState": json.dumps(state)})
    token = created["ProgressEvent"]["RequestToken"]
    status = backend.get_resource_request_status({"RequestToken": token})["ProgressEvent"]
    assert status["OperationStatus"] == "SUCCESS"


def test_members_the_api_asks_for_beside_the_schemas_required_are_required(site, pages, corpus):
    # exclusive.yaml's `required`: a Cases field's domain, which CreateField requires and the
    # list handler asks for, though the schema marks only Name and Type.
    page = page_of(site, pages, "AWS::Cases::Field")
    required, _ = insert_tabs(page)
    assert "DomainId," in required and "'{{ DomainId }}'" in required
    assert '<CopyableCode code="DomainId, Name, Type, region" />' in page  # create_resource
    # The mock refuses a create without it, as AWS does.
    from generator.backend import CloudControlBackend, CloudControlError

    type_name = "AWS::Cases::Field"
    document = json.loads((corpus[0] / spec_file_name(type_name)).read_bytes())
    backend = CloudControlBackend({type_name: document})
    state = {"Name": "n", "Type": "Text"}
    with pytest.raises(CloudControlError) as caught:
        backend.create_resource({"TypeName": type_name, "DesiredState": json.dumps(state)})
    assert "DomainId" in caught.value.message, caught.value.message
    # A .zip function's runtime and handler (the schema's words); a metric alarm's comparison
    # and periods; a hosted zone's name (CreateHostedZone).
    for type_name, params in [
        ("AWS::Lambda::Function", "Code, Handler, Role, Runtime, region"),
        (
            "AWS::CloudWatch::Alarm",
            "ComparisonOperator, EvaluationPeriods, Metrics, Threshold, region",
        ),
        ("AWS::Route53::HostedZone", "Name, region"),
        # an HTTP API's Lambda authorizer: its function and payload format (the schema's words)
        (
            "AWS::ApiGatewayV2::Authorizer",
            "ApiId, AuthorizerPayloadFormatVersion, AuthorizerType, AuthorizerUri, Name, region",
        ),
        # a VPC flow log's traffic type, role and log group (CreateFlowLogs); a network ACL
        # entry of an IPv4 range, not cfn-lint's first, the IPv6 one
        (
            "AWS::EC2::FlowLog",
            "DeliverLogsPermissionArn, LogDestination, ResourceId, ResourceType, TrafficType, region",
        ),
        (
            "AWS::EC2::NetworkAclEntry",
            "CidrBlock, NetworkAclId, Protocol, RuleAction, RuleNumber, region",
        ),
        # a logs delivery destination's destination (PutDeliveryDestination)
        ("AWS::Logs::DeliveryDestination", "DestinationResourceArn, Name, region"),
        # a simple scaling policy's adjustment and its type (the schema's words;
        # PutScalingPolicy's of the type); an ECS service's task
        # definition, under the default deployment controller (the schema's words); a NAT
        # gateway's subnet and, a public one's, Elastic IP; a Redshift Serverless workgroup's
        # namespace (CreateWorkgroup); an FSx volume's type and its configuration
        # (CreateVolume); a VPC endpoint's service (CreateVpcEndpoint)
        (
            "AWS::AutoScaling::ScalingPolicy",
            "AdjustmentType, AutoScalingGroupName, ScalingAdjustment, region",
        ),
        ("AWS::ECS::Service", "TaskDefinition, region"),
        ("AWS::EC2::NatGateway", "AllocationId, SubnetId, region"),
        ("AWS::RedshiftServerless::Workgroup", "NamespaceName, WorkgroupName, region"),
        ("AWS::FSx::Volume", "Name, OntapConfiguration, VolumeType, region"),
        ("AWS::EC2::VPCEndpoint", "ServiceName, VpcId, region"),
        # a scalable target's policy of one type, and its configuration (PutScalingPolicy); a
        # Redshift cluster's password, which Redshift uses unless it manages one (the schema's
        # words)
        (
            "AWS::ApplicationAutoScaling::ScalingPolicy",
            "PolicyName, PolicyType, ResourceId, ScalableDimension, ServiceNamespace, "
            "TargetTrackingScalingPolicyConfiguration, region",
        ),
        # a Network Firewall rule group's rules (CreateRuleGroup); an SES template's template
        # (CreateTemplate); an HTTP API's name and protocol, "Required unless you specify an
        # OpenAPI definition"; a SageMaker model's container
        ("AWS::NetworkFirewall::RuleGroup", "Capacity, RuleGroup, RuleGroupName, Type, region"),
        ("AWS::SES::Template", "Template, region"),
        ("AWS::ApiGatewayV2::Api", "Name, ProtocolType, region"),
        ("AWS::SageMaker::Model", "PrimaryContainer, region"),
        # a link's label template (CreateLink); an endpoint's role, which replication, on by
        # default, needs; a web app monitor's domain (the schema's words); an SLO's indicator;
        # a pull through cache rule's prefix; a task template's name and fields (its provider)
        ("AWS::Oam::Link", "LabelTemplate, ResourceTypes, SinkIdentifier, region"),
        ("AWS::Events::Endpoint", "EventBuses, RoleArn, RoutingConfig, region"),
        ("AWS::RUM::AppMonitor", "Domain, Name, region"),
        ("AWS::ApplicationSignals::ServiceLevelObjective", "Name, Sli, region"),
        ("AWS::ECR::PullThroughCacheRule", "EcrRepositoryPrefix, UpstreamRegistryUrl, region"),
        # and its constraints and flow ("the service requires it"; "either a ContactFlowId or a
        # field of type QUICK_CONNECT")
        (
            "AWS::Connect::TaskTemplate",
            "Constraints, ContactFlowArn, Fields, InstanceArn, Name, region",
        ),
        # a Glue schema's definition (CloudFormation's reference: "Required: Yes"); a model
        # package's group (a versioned model: or an unversioned one's name)
        ("AWS::Glue::Schema", "Compatibility, DataFormat, Name, SchemaDefinition, region"),
        ("AWS::SageMaker::ModelPackage", "ModelPackageGroupName, region"),
        # a resource data sync's destination, of the default SyncToDestination type
        ("AWS::SSM::ResourceDataSync", "S3Destination, SyncName, region"),
        # one definition source of a HealthOmics workflow; a gateway target's gateway; an API
        # key's expiry; an Elastic IP association's address and instance (the schema's words);
        # a VPC's or a subnet's CIDR block; a Dedicated Host's instance type; a transit gateway
        # route's attachment
        ("AWS::Omics::Workflow", "DefinitionUri, region"),
        ("AWS::Omics::WorkflowVersion", "DefinitionUri, VersionName, WorkflowId, region"),
        (
            "AWS::BedrockAgentCore::GatewayTarget",
            "GatewayIdentifier, TargetConfiguration, region",
        ),
        ("AWS::Location::APIKey", "ExpireTime, KeyName, Restrictions, region"),
        ("AWS::EC2::EIPAssociation", "AllocationId, InstanceId, region"),
        ("AWS::EC2::VPCCidrBlock", "CidrBlock, VpcId, region"),
        ("AWS::EC2::SubnetCidrBlock", "Ipv6CidrBlock, SubnetId, region"),
        ("AWS::EC2::Host", "AvailabilityZone, InstanceType, region"),
        (
            "AWS::EC2::TransitGatewayRoute",
            "DestinationCidrBlock, TransitGatewayAttachmentId, TransitGatewayRouteTableId, region",
        ),
        # a conformance pack's template; a TOKEN authorizer's function and identity source; a
        # Cloud Map service's namespace; a Connect instance's alias, of the users Connect manages
        ("AWS::Config::ConformancePack", "ConformancePackName, TemplateBody, region"),
        (
            "AWS::ApiGateway::Authorizer",
            "AuthorizerUri, IdentitySource, Name, RestApiId, Type, region",
        ),
        ("AWS::ServiceDiscovery::Service", "NamespaceId, region"),
        (
            "AWS::Connect::Instance",
            "Attributes, IdentityManagementType, InstanceAlias, region",
        ),
        # a QuickSight analysis's source (a definition, or a template); a data set's ID and
        # name; a DataZone domain's execution role
        ("AWS::QuickSight::Analysis", "AnalysisId, AwsAccountId, Definition, Name, region"),
        ("AWS::QuickSight::Template", "AwsAccountId, Definition, TemplateId, region"),
        ("AWS::QuickSight::DataSet", "DataSetId, ImportMode, Name, PhysicalTableMap, region"),
        ("AWS::DataZone::Domain", "DomainExecutionRole, Name, region"),
        # an IoT CA certificate's verification certificate (DEFAULT mode, the default); a custom
        # authorizer's token key and signing keys (signing is on by default); a topic rule
        # destination's one kind
        (
            "AWS::IoT::CACertificate",
            "CACertificatePem, Status, VerificationCertificatePem, region",
        ),
        (
            "AWS::IoT::Authorizer",
            "AuthorizerFunctionArn, TokenKeyName, TokenSigningPublicKeys, region",
        ),
        ("AWS::IoT::TopicRuleDestination", "HttpUrlProperties, region"),
        # a zonal autoshift's practice run configuration (CreatePracticeRunConfiguration); a PCS
        # compute node group's launch template (CreateComputeNodeGroup)
        # a flywheel's model to train (CreateFlywheel); a Transcribe vocabulary's phrases and a
        # vocabulary filter's words (one or the file: "you must choose one or the other")
        (
            "AWS::Comprehend::Flywheel",
            "DataAccessRoleArn, DataLakeS3Uri, FlywheelName, ModelType, TaskConfig, region",
        ),
        ("AWS::Transcribe::Vocabulary", "LanguageCode, Phrases, VocabularyName, region"),
        ("AWS::Transcribe::VocabularyFilter", "LanguageCode, VocabularyFilterName, Words, region"),
        (
            "AWS::ARCZonalShift::ZonalAutoshiftConfiguration",
            "PracticeRunConfiguration, ResourceIdentifier, ZonalAutoshiftStatus, region",
        ),
        (
            "AWS::PCS::ComputeNodeGroup",
            "ClusterId, CustomLaunchTemplate, IamInstanceProfileArn, InstanceConfigs, "
            "ScalingConfiguration, SubnetIds, region",
        ),
        # a Client VPN route's subnet (a VPC-based endpoint's); a V2 topic's name
        (
            "AWS::EC2::ClientVpnRoute",
            "ClientVpnEndpointId, DestinationCidrBlock, TargetVpcSubnetId, region",
        ),
        ("AWS::QuickSight::TopicV2", "Name, TopicId, region"),
        # a CloudWatch Logs delivery source's log type (PutDeliverySource requires it)
        ("AWS::Logs::DeliverySource", "LogType, Name, ResourceArn, region"),
        # a Well-Architected workload's review owner ("You also must specify ReviewOwner"); a
        # Transfer host key's body (ImportHostKey); a pentest's title (CreatePentest); a game
        # server container group's container and vCPU limit
        ("AWS::Transfer::HostKey", "HostKeyBody, ServerId, region"),
        ("AWS::SecurityAgent::Pentest", "AgentSpaceId, Assets, ServiceRole, Title, region"),
        (
            "AWS::GameLift::ContainerGroupDefinition",
            "GameServerContainerDefinition, Name, OperatingSystem, TotalMemoryLimitMebibytes, "
            "TotalVcpuLimit, region",
        ),
        # one of several, the first: an express service's container and role, a snapshot's
        # replication group, a certificate's PEM, a record set's records and TTL
        (
            "AWS::ECS::ExpressGatewayService",
            "ExecutionRoleArn, InfrastructureRoleArn, PrimaryContainer, region",
        ),
        ("AWS::ElastiCache::Snapshot", "ReplicationGroupId, SnapshotName, region"),
        ("AWS::DMS::Certificate", "CertificatePem, region"),
        ("AWS::Route53::RecordSet", "HostedZoneId, Name, ResourceRecords, TTL, Type, region"),
        # the rest of an Amplify UI component's required data; a bill scenario's name; an
        # organization conformance pack's template; a Refactor Spaces service's URL endpoint
        (
            "AWS::AmplifyUIBuilder::Component",
            "AppId, BindingProperties, ComponentType, EnvironmentName, Name, Overrides, "
            "Properties, Variants, region",
        ),
        ("AWS::BcmPricingCalculator::BillScenario", "Name, region"),
        (
            "AWS::Config::OrganizationConformancePack",
            "OrganizationConformancePackName, TemplateBody, region",
        ),
        (
            "AWS::RefactorSpaces::Service",
            "ApplicationIdentifier, EndpointType, EnvironmentIdentifier, Name, UrlEndpoint, region",
        ),
        # Route 53 ARC readiness names (the providers pass them on); an InfluxDB cluster's
        # instance type; a classic load balancer's subnets (or instead its zones); a global
        # table's key; an interconnect's remote account (the schema's words)
        ("AWS::Route53RecoveryReadiness::RecoveryGroup", "RecoveryGroupName, region"),
        ("AWS::Route53RecoveryReadiness::Cell", "CellName, region"),
        (
            "AWS::Timestream::InfluxDBCluster",
            "DbInstanceType, VpcSecurityGroupIds, VpcSubnetIds, region",
        ),
        ("AWS::ElasticLoadBalancing::LoadBalancer", "Listeners, Subnets, region"),
        ("AWS::DynamoDB::GlobalTable", "AttributeDefinitions, KeySchema, Replicas, region"),
        (
            "AWS::Interconnect::Connection",
            "AttachPoint, Bandwidth, EnvironmentId, RemoteAccount, region",
        ),
        # a REST API's name (not imported); a target group's protocol, port and VPC; a DB
        # instance's engine and class; an event source mapping's source
        ("AWS::ApiGateway::RestApi", "Name, region"),
        ("AWS::ElasticLoadBalancingV2::TargetGroup", "Port, Protocol, VpcId, region"),
        ("AWS::RDS::DBInstance", "DBInstanceClass, Engine, region"),
        ("AWS::Lambda::EventSourceMapping", "EventSourceArn, FunctionName, region"),
        # a feature group's online store (or its offline one, or both: "at least one of")
        (
            "AWS::SageMaker::FeatureGroup",
            "EventTimeFeatureName, FeatureDefinitions, FeatureGroupName, OnlineStoreConfig, "
            "RecordIdentifierFeatureName, region",
        ),
        # a workload's regions (AWS's or others, or both)
        (
            "AWS::WellArchitected::Workload",
            "AwsRegions, Description, Environment, Lenses, ReviewOwner, WorkloadName, region",
        ),
        # a multi-node Redshift cluster's nodes; a managed Batch compute environment's
        # resources; a Glue table's definition; a SageMaker domain's VPC and subnets
        (
            "AWS::Redshift::Cluster",
            "ClusterType, DBName, MasterUserPassword, MasterUsername, NodeType, NumberOfNodes, "
            "region",
        ),
        ("AWS::Batch::ComputeEnvironment", "ComputeResources, Type, region"),
        ("AWS::Glue::Table", "CatalogId, DatabaseName, TableInput, region"),
        (
            "AWS::SageMaker::Domain",
            "AuthMode, DefaultUserSettings, DomainName, SubnetIds, VpcId, region",
        ),
        # a log stream's name (its provider refuses none); a V2 domain name's configuration; an
        # endpoint service's load balancer; a capacity reservation's zone
        ("AWS::Logs::LogStream", "LogGroupName, LogStreamName, region"),
        ("AWS::ApiGatewayV2::DomainName", "DomainName, DomainNameConfigurations, region"),
        ("AWS::EC2::VPCEndpointService", "NetworkLoadBalancerArns, region"),
        (
            "AWS::EC2::CapacityReservation",
            "AvailabilityZone, InstanceCount, InstancePlatform, InstanceType, region",
        ),
        # an SNS subscription's endpoint; an HTTP API integration's payload format version
        ("AWS::SNS::Subscription", "Endpoint, Protocol, TopicArn, region"),
        ("AWS::ApiGatewayV2::Integration", "ApiId, IntegrationType, PayloadFormatVersion, region"),
        # a restore testing selection's resources by ARN (or by conditions, or both)
        (
            "AWS::Backup::RestoreTestingSelection",
            "IamRoleArn, ProtectedResourceArns, ProtectedResourceType, RestoreTestingPlanName, "
            "RestoreTestingSelectionName, region",
        ),
        # a CloudTrail channel's source (CreateChannel requires it); an on-demand AppStream
        # fleet's capacity; a Customer Profiles integration's URI (or instead its flow), a
        # segment definition's groups (or instead its SQL query); a Network Access Scope's match
        # conditions ("at least one")
        ("AWS::CloudTrail::Channel", "Destinations, Source, region"),
        ("AWS::AppStream::Fleet", "ComputeCapacity, InstanceType, Name, region"),
        ("AWS::CustomerProfiles::Integration", "DomainName, Uri, region"),
        (
            "AWS::CustomerProfiles::SegmentDefinition",
            "DisplayName, DomainName, SegmentDefinitionName, SegmentGroups, region",
        ),
        ("AWS::EC2::NetworkInsightsAccessScope", "MatchPaths, region"),
        # a DataBrew recipe job's project (or instead its dataset and recipe); a Kendra data
        # source's configuration and role (of every type but CUSTOM); a MediaConnect output's
        # and source's protocol (or instead router integration, a gateway bridge)
        ("AWS::DataBrew::Job", "Name, ProjectName, RoleArn, Type, region"),
        (
            "AWS::Kendra::DataSource",
            "DataSourceConfiguration, IndexId, Name, RoleArn, Type, region",
        ),
        ("AWS::MediaConnect::FlowOutput", "FlowArn, Protocol, region"),
        ("AWS::MediaConnect::FlowSource", "Description, FlowArn, Name, Protocol, region"),
        # Amazon Q Business data sources' and web experiences' roles (of every connector but a
        # custom one; of an Identity Center application)
        (
            "AWS::QBusiness::DataSource",
            "ApplicationId, Configuration, DisplayName, IndexId, RoleArn, region",
        ),
        ("AWS::QBusiness::WebExperience", "ApplicationId, RoleArn, region"),
        # a Route 53 ARC resource set's name (its provider passes it on, as its siblings'); a
        # PCS queue's compute node groups ("You must associate 1 or more")
        (
            "AWS::Route53RecoveryReadiness::ResourceSet",
            "ResourceSetName, ResourceSetType, Resources, region",
        ),
        ("AWS::PCS::Queue", "ClusterId, ComputeNodeGroupConfigurations, region"),
        # a Glue usage profile's configuration; a MediaLive multiplex program's name; a
        # MediaConnect bridge source's flow (or instead a network source)
        ("AWS::Glue::UsageProfile", "Configuration, Name, region"),
        (
            "AWS::MediaLive::Multiplexprogram",
            "MultiplexId, MultiplexProgramSettings, ProgramName, region",
        ),
        ("AWS::MediaConnect::BridgeSource", "BridgeArn, FlowSource, Name, region"),
        # a WAL workspace's name (its provider's create passes it, and nothing generates it);
        # a SCRAM secret batch's secrets (BatchAssociateScramSecret requires them); an MSK
        # channel's destination (one of two: S3 first)
        ("AWS::EMR::WALWorkspace", "WALWorkspaceName, region"),
        # an Audit Manager assessment's name and a Backup gateway hypervisor's (their create
        # calls require them, and nothing generates them)
        (
            "AWS::AuditManager::Assessment",
            "AssessmentReportsDestination, FrameworkId, Name, Roles, Scope, region",
        ),
        ("AWS::BackupGateway::Hypervisor", "Host, Name, region"),
        # an IAM Identity Center instance's attributes (its provider refuses a model of none);
        # Session Manager GUI connection preferences (their one write requires them); a
        # Translate terminology's merge strategy (ImportTerminology requires it)
        (
            "AWS::SSO::InstanceAccessControlAttributeConfiguration",
            "AccessControlAttributes, InstanceArn, region",
        ),
        ("AWS::SSMGuiConnect::Preferences", "ConnectionRecordingPreferences, region"),
        ("AWS::Translate::Terminology", "MergeStrategy, Name, TerminologyData, region"),
        # a WorkSpaces Instances volume's size (or instead its snapshot), an EBS volume's
        ("AWS::WorkspacesInstances::Volume", "AvailabilityZone, SizeInGB, region"),
        # an RTB Fabric responder gateway's domain name (or instead its managed endpoint)
        (
            "AWS::RTBFabric::ResponderGateway",
            "DomainName, Port, Protocol, SecurityGroupIds, SubnetIds, VpcId, region",
        ),
        # a lifecycle policy of a kind: a default policy (or instead its policy details)
        (
            "AWS::DLM::LifecyclePolicy",
            "DefaultPolicy, Description, ExecutionRoleArn, State, region",
        ),
        # a Comprehend entity recognizer endpoint's model (or instead its flywheel)
        (
            "AWS::Comprehend::EntityRecognizerEndpoint",
            "DesiredInferenceUnits, EndpointName, ModelArn, region",
        ),
        ("AWS::MSK::BatchScramSecret", "ClusterArn, SecretArnList, region"),
        (
            "AWS::MSK::Channel",
            "ChannelName, ClusterArn, S3DestinationConfiguration, TopicConfigurationList, region",
        ),
        # a SageMaker private workforce's Cognito configuration (or instead its OIDC one)
        ("AWS::SageMaker::Workforce", "CognitoConfig, WorkforceName, region"),
        # a Glue connection type's integration type, properties and authentication (as
        # RegisterConnectionType requires); a Connect user hierarchy structure's levels (its
        # create is UpdateUserHierarchyStructure, which requires them)
        (
            "AWS::Glue::ConnectionType",
            "ConnectionProperties, ConnectionType, ConnectorAuthenticationConfiguration, "
            "IntegrationType, RestConfiguration, region",
        ),
        ("AWS::Connect::UserHierarchyStructure", "InstanceArn, UserHierarchyStructure, region"),
        # a DataZone group profile's group (its provider finds and makes the profile by it)
        ("AWS::DataZone::GroupProfile", "DomainIdentifier, GroupIdentifier, region"),
        # an Athena data catalog's parameters (each type's "is required")
        ("AWS::Athena::DataCatalog", "Name, Parameters, Type, region"),
        # a Transfer agreement's base directory (or instead its custom directories)
        (
            "AWS::Transfer::Agreement",
            "AccessRole, BaseDirectory, LocalProfileId, PartnerProfileId, ServerId, region",
        ),
        # an HDFS location's Kerberos principal, keytab and krb5.conf (or instead its simple user)
        (
            "AWS::DataSync::LocationHDFS",
            "AgentArns, AuthenticationType, KerberosKeytab, KerberosKrb5Conf, KerberosPrincipal, "
            "NameNodes, region",
        ),
        # a Verified Access trust provider's user type and OIDC options, an endpoint's
        # options of its type (CreateVerifiedAccessTrustProvider, CreateVerifiedAccessEndpoint)
        (
            "AWS::EC2::VerifiedAccessTrustProvider",
            "OidcOptions, PolicyReferenceName, TrustProviderType, UserTrustProviderType, region",
        ),
        (
            "AWS::EC2::VerifiedAccessEndpoint",
            "AttachmentType, EndpointType, LoadBalancerOptions, SecurityGroupIds, "
            "VerifiedAccessGroupId, region",
        ),
        # and this session's: an endpoint's security groups (of the one attachment type, vpc);
        # a cluster's capacity providers, with its default strategy
        (
            "AWS::ECS::ClusterCapacityProviderAssociations",
            "CapacityProviders, Cluster, DefaultCapacityProviderStrategy, region",
        ),
        # a volume attachment's device name (AttachVolume)
        ("AWS::EC2::VolumeAttachment", "Device, InstanceId, VolumeId, region"),
        # a broker's users (of the default, simple, authentication); a network firewall's VPC
        # and subnets (it is attached to a VPC, a transit gateway or proxies)
        (
            "AWS::AmazonMQ::Broker",
            "BrokerName, DeploymentMode, EngineType, HostInstanceType, PubliclyAccessible, "
            "Users, region",
        ),
        (
            "AWS::NetworkFirewall::Firewall",
            "FirewallName, FirewallPolicyArn, SubnetMappings, VpcId, region",
        ),
        # a GameLift EC2 fleet's build, instance type and runtime configuration (CreateFleet); a
        # build's operating system ("There is no default value"); a matchmaking configuration's
        # queue, of its default mode
        ("AWS::GameLift::Fleet", "BuildId, EC2InstanceType, Name, RuntimeConfiguration, region"),
        ("AWS::GameLift::Build", "OperatingSystem, region"),
        (
            "AWS::GameLift::MatchmakingConfiguration",
            "AcceptanceRequired, GameSessionQueueArns, Name, RequestTimeoutSeconds, RuleSetName, "
            "region",
        ),
        # a connection notification's endpoint service (of a service or an endpoint)
        (
            "AWS::EC2::VPCEndpointConnectionNotification",
            "ConnectionEvents, ConnectionNotificationArn, ServiceId, region",
        ),
        # a Cognito log delivery's configurations (SetLogDeliveryConfiguration)
        ("AWS::Cognito::LogDeliveryConfiguration", "LogConfigurations, UserPoolId, region"),
        # an EMR instance fleet's capacity ("At least one of TargetSpotCapacity and
        # TargetOnDemandCapacity should be greater than 0")
        (
            "AWS::EMR::InstanceFleetConfig",
            "ClusterId, InstanceFleetType, TargetOnDemandCapacity, region",
        ),
    ]:
        assert f'<CopyableCode code="{params}" />' in page_of(site, pages, type_name)


def test_members_the_api_reference_or_provider_excludes_are_set_one_at_a_time(site, pages):
    # AWS::Route53::RecordSet: the schema says nothing of it, Route 53's API reference does:
    # an alias record has no records or TTL, and a record set one routing policy.
    page = page_of(site, pages, "AWS::Route53::RecordSet")
    manifest = section(page, "`INSERT` example", "`UPDATE` example").split('value="manifest"')[1]
    names = re.findall(r"- name: (\w+)", manifest)[2:]  # after the region global, the resource
    assert names == [
        "Comment",
        "HealthCheckId",
        "HostedZoneId",
        "Name",
        "ResourceRecords",
        "SetIdentifier",
        "TTL",
        "Type",
        "Weight",
    ]
    # AWS::StepFunctions::StateMachine: its provider takes one definition, and needs one.
    page = page_of(site, pages, "AWS::StepFunctions::StateMachine")
    assert '<CopyableCode code="DefinitionString, RoleArn, region" />' in page
    examples = section(page, "`INSERT` example", "`DELETE` example")
    assert "- name: DefinitionString\n" in examples
    assert "- name: Definition\n" not in examples and "DefinitionS3Location" not in examples

    # AWS::Events::Rule: a target's input is fixed, a path or a transformer, and an ECS task
    # runs by a launch type (Fargate, as a schedule's) or a capacity provider strategy
    # (EventBridge's API reference).
    page = page_of(site, pages, "AWS::Events::Rule")
    examples = section(page, "`INSERT` example", "`DELETE` example")
    assert "Input: '{{ Input }}'" in examples
    assert "InputPath" not in examples and "InputTransformer" not in examples
    assert "LaunchType: 'FARGATE'" in examples and "CapacityProviderStrategy" not in examples

    # AWS::EC2::Instance: network interfaces hold the security groups and addresses, and an
    # interface takes a number of IPv6 addresses or the addresses (CloudFormation's and EC2's
    # references; the schema's words are shorter).
    page = page_of(site, pages, "AWS::EC2::Instance")
    examples = section(page, "`INSERT` example", "`DELETE` example")
    assert "- name: NetworkInterfaces\n" in examples
    for name in ("SecurityGroupIds", "SecurityGroups", "PrivateIpAddress", "Ipv6Addresses"):
        assert f"- name: {name}\n" not in examples
    interfaces = examples.split("- name: NetworkInterfaces")[1].split("- name:")[0]
    assert "Ipv6AddressCount:" in interfaces and "Ipv6Addresses:" not in interfaces

    # AWS::EC2::SecurityGroup: a rule from an address range names no source account.
    page = page_of(site, pages, "AWS::EC2::SecurityGroup")
    examples = section(page, "`INSERT` example", "`DELETE` example")
    assert "CidrIp:" in examples and "SourceSecurityGroupOwnerId" not in examples

    # AWS::KinesisFirehose::DeliveryStream: one destination, and a stream needs one; the
    # record format converter reads with one SerDe, writes with another.
    page = page_of(site, pages, "AWS::KinesisFirehose::DeliveryStream")
    assert '<CopyableCode code="ExtendedS3DestinationConfiguration, region" />' in page
    examples = section(page, "`INSERT` example", "`DELETE` example")
    assert "RedshiftDestinationConfiguration" not in examples
    assert "HiveJsonSerDe:" in examples and "OpenXJsonSerDe:" not in examples
    assert "ParquetSerDe:" in examples and "OrcSerDe:" not in examples
    # AWS::EKS::Nodegroup: its own disk size and remote access, no launch template.
    examples = section(
        page_of(site, pages, "AWS::EKS::Nodegroup"), "`INSERT` example", "`DELETE` example"
    )
    assert "- name: DiskSize\n" in examples and "- name: LaunchTemplate\n" not in examples

    # AWS::SecretsManager::RotationSchedule: rotation by an expression or after days, not both.
    examples = section(
        page_of(site, pages, "AWS::SecretsManager::RotationSchedule"),
        "`INSERT` example",
        "`DELETE` example",
    )
    assert "ScheduleExpression:" in examples and "AutomaticallyAfterDays" not in examples


def test_a_lifecycle_rule_keeps_to_one_time_unit(site, pages):
    # AWS::S3::Bucket: "you must use the same time unit for both properties (either in days or
    # by date)": a rule expires, and its objects move, after a number of days.
    page = page_of(site, pages, "AWS::S3::Bucket")
    examples = section(page, "`INSERT` example", "`DELETE` example")
    assert "ExpirationInDays:" in examples and "TransitionInDays:" in examples
    assert "ExpirationDate" not in examples and "TransitionDate" not in examples


def test_a_resource_shut_down_sunsetting_or_in_maintenance_is_said_so(site, pages):
    # cfn-lint's "lifecycle": AWS::QLDB::Stream {"status": "shutdown", "date": "2025-07-31"},
    # AWS::Proton::ServiceTemplate "sunset", AWS::AutoScaling::LaunchConfiguration
    # "maintenance" since 2024-10-01. Under the lead sentence, before the Overview.
    page = page_of(site, pages, "AWS::QLDB::Stream")
    lead, overview = page.split("## Overview", 1)
    assert (
        "\n\n<strong>Shut down:</strong> the schema marks this resource as shut down "
        'on 2025-07-31 (<a href="https://docs.aws.amazon.com/general/latest/gr/'
        'full_shutdown_services.html">AWS services that have been shut down</a>): AWS no longer '
        "takes these requests.\n\n"
    ) in lead
    page = page_of(site, pages, "AWS::Proton::ServiceTemplate")
    assert "<strong>Sunsetting:</strong> the schema marks this resource as sunsetting" in page
    # A date in words true on either side of it (cfn-lint's data keeps "sunset" past it).
    page = page_of(site, pages, "AWS::Inspector::AssessmentTarget")
    # (the schema's date, which AWS's list gives for the end of support or for new customers'
    # last day: Fraud Detector's is the day it closed to new customers)
    assert "as sunsetting, with the date 2026-05-20 (<a href=" in page
    page = page_of(site, pages, "AWS::AutoScaling::LaunchConfiguration")
    assert "in maintenance, with no new features, since 2024-10-01 (<a href=" in page
    # A service AWS shut down whose schemas say nothing of it: data/lifecycle.json, by AWS's
    # notice (RoboMaker's), on every type of the service.
    for type_name in ("AWS::RoboMaker::Robot", "AWS::RoboMaker::Fleet"):
        assert (
            "\n\n<strong>Shut down:</strong> AWS gives 2025-09-10 as the end of support of this "
            'service (<a href="https://docs.aws.amazon.com/robomaker/latest/dg/'
            'chapter-gettingstarted.html">its notice</a>): AWS no longer takes these requests.\n\n'
        ) in page_of(site, pages, type_name)
    # Part of a service, by type: CloudTrail Lake, closed to new customers (its API reference's
    # notice), not CloudTrail's trails.
    for type_name in (
        "AWS::CloudTrail::EventDataStore",
        "AWS::CloudTrail::Channel",
        "AWS::CloudTrail::Dashboard",
    ):
        assert (
            "\n\n<strong>Maintenance:</strong> AWS gives 2026-05-31 as the date from which this "
            'takes no new customers (<a href="https://docs.aws.amazon.com/awscloudtrail/latest/'
            'userguide/cloudtrail-lake-service-availability-change.html">its notice</a>): an '
            "account that did not use it before cannot create one.\n\n"
        ) in page_of(site, pages, type_name)
    # Parts of services closed to new customers by their API references' notices, dated (IoT
    # SiteWise Monitor's portals) or not (Rekognition's stream processors).
    assert (
        "\n\n<strong>Maintenance:</strong> AWS gives 2025-11-07 as the date from which this "
        'takes no new customers (<a href="https://docs.aws.amazon.com/iot-sitewise/latest/'
        'appguide/iotsitewise-monitor-availability-change.html">its notice</a>)'
    ) in page_of(site, pages, "AWS::IoTSiteWise::Portal")
    assert (
        "\n\n<strong>Maintenance:</strong> AWS no longer takes new customers for this "
        '(<a href="https://docs.aws.amazon.com/rekognition/latest/dg/'
        'rekognition-availability-changes.html">its notice</a>): an account that did not use it '
        "before cannot create one.\n\n"
    ) in page_of(site, pages, "AWS::Rekognition::StreamProcessor")
    assert "Maintenance" not in page_of(site, pages, "AWS::IoTSiteWise::Asset")
    # A notice of the status the schema gives says more than the schema: Cloud9's maintenance
    # (cfn-lint's, "no new features") is a closing to new customers (its API reference's words).
    assert (
        "\n\n<strong>Maintenance:</strong> AWS no longer takes new customers for this "
        '(<a href="https://docs.aws.amazon.com/goto/WebAPI/cloud9-2017-09-23/'
        'CreateEnvironmentEC2">its notice</a>): an account that did not use it before cannot '
        "create one.\n\n"
    ) in page_of(site, pages, "AWS::Cloud9::EnvironmentEC2")
    # A service in service says nothing of it.
    for type_name in (
        "AWS::Lambda::EventInvokeConfig",
        "AWS::S3::Bucket",
        "AWS::CloudTrail::Trail",
    ):
        page = page_of(site, pages, type_name)
        assert "the schema marks this resource as" not in page


def test_a_schema_template_description_gives_way_to_the_generic_one(site, pages):
    # Redshift's Cluster (and 12 other schemas) give the CloudFormation CLI template's words,
    # which say nothing of the resource; the page says what 770 of AWS's schemas say instead.
    page = page_of(site, pages, "AWS::Redshift::Cluster")
    generic = "Resource Type definition for AWS::Redshift::Cluster"
    assert f"<tr><td><b>Description</b></td><td>{generic}</td></tr>" in page
    assert not [path for path, text in pages.items() if "An example resource schema" in text]


def test_an_msk_cluster_shows_the_two_subnets_aws_asks_for_at_least(site, pages):
    # CloudFormation's reference of BrokerNodeGroupInfo: "either two or three subnets".
    page = page_of(site, pages, "AWS::MSK::Cluster")
    manifest = section(page, "`INSERT` example", "`UPDATE` example").split('value="manifest"')[1]
    assert "- '{{ ClientSubnets[1] }}'" in manifest


def test_a_property_a_choice_leaves_out_that_could_be_patched_is_named(site, pages):
    # AWS::SSM::ResourceDataSync: the examples make a sync to an S3 destination (the default
    # type), whose properties are all create-only; a sync from a source may still patch its
    # SyncSource, which the choice left out: the page does not say no property can be patched.
    update = update_of(site, pages, "AWS::SSM::ResourceDataSync")
    assert (
        "There is no example: no property that the examples above set can be patched, as each "
        "is read-only or create-only, or holds such a part (see the schema). Of the properties "
        "they leave out, <code>SyncSource</code> may be patched on a "
        "<code>resource_data_sync</code> that has it.\n"
    ) in update
    manifest = section(
        page_of(site, pages, "AWS::SSM::ResourceDataSync"), "`INSERT` example", "`UPDATE` example"
    ).split('value="manifest"')[1]
    assert "- name: S3Destination\n" in manifest and "value: 'SyncToDestination'" in manifest
    assert "SyncSource" not in manifest and "- name: BucketName\n" not in manifest
