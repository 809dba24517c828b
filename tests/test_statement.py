"""Parsing StackQL statements with sqlglot: what is read, and what is refused with a reason."""

from __future__ import annotations

import pytest

from generator.model import SqlVerb
from generator.statement import ExampleError, Statement, parse_statement


def test_insert_with_hint_and_placeholders() -> None:
    sql = (
        "/*+ create */\nINSERT INTO aws.lambda.event_invoke_configs (\n FunctionName,\n"
        " MaximumRetryAttempts,\n region\n)\nSELECT\n '{{ FunctionName }}',\n 2,\n"
        " '{{ region }}';\n"
    )
    assert parse_statement(sql) == Statement(
        SqlVerb.INSERT,
        "aws.lambda.event_invoke_configs",
        ("FunctionName", "MaximumRetryAttempts", "region"),
        ("{{ FunctionName }}", 2, "{{ region }}"),
    )


def test_insert_values_form() -> None:
    statement = parse_statement("INSERT INTO a.b.c (X, region) VALUES ('x', 'us-east-1')")
    assert statement.values == ("x", "us-east-1")


def test_select_where_conditions_joined_by_and() -> None:
    statement = parse_statement(
        "SELECT region, function_name FROM aws.lambda.event_invoke_configs\n"
        "WHERE region = 'us-east-1' AND (data__Identifier = '<FunctionName>|<Qualifier>');"
    )
    assert statement.verb is SqlVerb.SELECT
    assert statement.columns == ("region", "function_name")
    assert statement.where == (
        ("region", "us-east-1"),
        ("data__Identifier", "<FunctionName>|<Qualifier>"),
    )
    assert statement.condition("data__Identifier") == "<FunctionName>|<Qualifier>"
    assert statement.condition("data__ResourceModel") is None


def test_update_reads_string_of_a_literal_as_the_text() -> None:
    statement = parse_statement(
        "/*+ update */\nUPDATE a.b.c\nSET data__PatchDocument = string('[\n"
        '  {"op": "add", "path": "/N", "value": {{ N }}}\n]\')\n'
        "WHERE data__Identifier = '<Id>'\nAND region = 'us-east-1';"
    )
    assert statement.assignments == (
        ("data__PatchDocument", '[\n  {"op": "add", "path": "/N", "value": {{ N }}}\n]'),
    )
    assert statement.where == (("data__Identifier", "<Id>"), ("region", "us-east-1"))


def test_update_and_delete_take_stackqls_await_hint() -> None:
    for sql in (
        "DELETE /*+ AWAIT */ FROM a.b.c WHERE data__Identifier = 'x'",
        "UPDATE /*+ AWAIT */ a.b.c SET data__PatchDocument = string('[]') WHERE region = 'x'",
    ):
        assert parse_statement(sql).resource_id == "a.b.c"


def test_delete() -> None:
    statement = parse_statement("DELETE FROM a.b.c WHERE data__Identifier = 'it''s'")
    assert statement == Statement(SqlVerb.DELETE, "a.b.c", where=(("data__Identifier", "it's"),))


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        (
            "SELECT region FROM WHERE region = 'us-east-1';",
            "cannot parse the statement: Expected table name but got 'WHERE' (column 24)",
        ),
        ("SELECT a FROM b.c.d; SELECT a FROM b.c.d;", "expected one statement, found 2"),
        (
            "SELECT a FROM b.c.d WHERE region = 'x' OR region = 'y'",
            "unsupported condition region = 'x' OR region = 'y': write column = 'value', "
            "joined by AND",
        ),
        (
            "SELECT a FROM b.c.d WHERE region = lower('X')",
            "region = LOWER('X'): expected a literal",
        ),
        (
            "INSERT INTO a.b.c SELECT 'x'",
            "INSERT needs its column list: INSERT INTO resource (columns) ...",
        ),
        ("INSERT INTO a.b.c (A, B) SELECT 'x'", "INSERT names 2 columns but gives 1 values"),
        (
            "SELECT count(*) FROM a.b.c",
            "select a column by name or JSON_EXTRACT(column, '$.key'), not COUNT(*)",
        ),
        (  # two paths: SQLite's array of both, which no page shows
            "SELECT JSON_EXTRACT(Properties, '$.A', '$.B') AS x FROM a.b.c",
            "select a column by name or JSON_EXTRACT(column, '$.key'), not "
            "JSON_EXTRACT(Properties, '$.A', '$.B') AS x",
        ),
        (
            "SELECT JSON_EXTRACT(Properties, '$.A') AS Identifier, Identifier FROM a.b.c",
            "the statement selects Identifier twice: name each once",
        ),
        (  # sqlglot drops an alias left empty; SQLite refuses it
            "SELECT region AS , a FROM a.b.c",
            "AS names nothing before ',': an alias is empty",
        ),
        # StackQL would send one of two values of a parameter
        (
            "SELECT a FROM b.c.d WHERE data__ResourceModel = string('{}') "
            "AND data__ResourceModel = '{}'",
            "WHERE gives data__ResourceModel twice: give each once",
        ),
        (
            "UPDATE a.b.c SET data__PatchDocument = string('[]'), data__PatchDocument = '[]' "
            "WHERE data__Identifier = 'x'",
            "SET gives data__PatchDocument twice: give each once",
        ),
        (  # StackQL's text is string('...'), not a CAST
            "UPDATE a.b.c SET data__PatchDocument = CAST('[]' AS TEXT) WHERE data__Identifier = 'x'",
            "SET data__PatchDocument = CAST('[]' AS TEXT): expected a literal",
        ),
        # A second resource or a join: the DELETE and UPDATE read the first, and passed.
        (
            "DELETE FROM a.b.c, a.s3.buckets WHERE data__Identifier = 'x'",
            "the statement names one resource, a.b.c, and no other",
        ),
        (
            "DELETE FROM a.b.c JOIN a.s3.buckets ON 1 = 1 WHERE data__Identifier = 'x'",
            "the statement names one resource, a.b.c, and no other",
        ),
        (
            "UPDATE a.b.c SET data__PatchDocument = string('[]') FROM a.s3.buckets "
            "WHERE data__Identifier = 'x'",
            "UPDATE resource SET ... WHERE ... only: no FROM",
        ),
        (
            "DELETE FROM a.b.c USING a.s3.buckets WHERE data__Identifier = 'x'",
            "DELETE FROM resource ... WHERE ... only: no USING",
        ),
        ("CREATE TABLE t (a INT)", "not a statement StackQL runs on a resource: CREATE"),
        (  # an UPDATE without its first line: sqlglot falls back to a command
            'SET data__PatchDocument = string(\'[\n  {"op": "add"}\n]\')\n'
            "WHERE data__Identifier = 'x'",
            "not a statement StackQL runs on a resource: SET",
        ),
        (
            "DELETE FROM a.b.c\nWHERE data__Identifier = 'x'\nAND region = 'us-east-1;",
            "cannot parse the statement: the ' at column 14 is never closed",
        ),
        (
            'SELECT "region FROM a.b.c',
            'cannot parse the statement: the " at column 8 is never closed',
        ),
        (
            "/*+ delete \nDELETE FROM a.b.c WHERE data__Identifier = 'it''s'",
            "cannot parse the statement: the comment at column 1 is never closed",
        ),
        (
            "SELECT a FROM b.c.d WHERE region = " + "(" * 5000 + "'x'" + ")" * 5000,
            "cannot parse the statement: nested deeper than 100 levels (column 136)",
        ),
        (
            "UPDATE a.b.c SET data__PatchDocument = string('" + "[" * 3000 + "]" * 3000 + "')",
            "cannot parse the statement: nested deeper than 100 levels (column 147)",
        ),
        (  # sqlglot reads each parenthesis by a score of calls
            "SELECT a FROM b.c.d WHERE region = " + "(" * 60 + "'x'" + ")" * 60,
            "cannot parse the statement: nested too deeply to read",
        ),
        (  # sqlglot's parser fails on it with an AttributeError of its own
            "UPDATE a.b.c SET data__PatchDocument = string('[') WHERE x = 'y'\n"
            '  {"op": "add", "value"{{: 1}}\n',
            "cannot parse the statement: sqlglot fails on it (AttributeError: 'NoneType' object "
            "has no attribute 'name')",
        ),
        # A list with an item left out, which sqlglot reads past and MySQL's grammar (and
        # SQLite) refuses; a column an INSERT names twice, which MySQL refuses (error 1110)
        (
            "SELECT a,\nb,\nFROM a.b.c WHERE region = 'us-east-1'",
            "a comma before FROM: an item is missing (column 2)",
        ),
        (
            "INSERT INTO a.b.c (A, B, region) SELECT '1',, '2', 'us-east-1'",
            "a comma before another comma: an item is missing (column 44)",
        ),
        (
            "INSERT INTO a.b.c (A, B) VALUES ('1', '2',)",
            "a comma before a closing parenthesis: an item is missing (column 42)",
        ),
        ("SELECT , a FROM a.b.c", "a comma after SELECT: an item is missing (column 8)"),
        (
            "SELECT a FROM a.b.c WHERE region = 'x',",
            "a comma before the statement's end: an item is missing (column 39)",
        ),
        (
            "INSERT INTO a.b.c (A, B, A) SELECT '1', '2', '3'",
            "INSERT names A twice: name each once",
        ),
    ],
)
def test_what_cannot_run_as_written_says_why(sql: str, reason: str) -> None:
    with pytest.raises(ExampleError) as error:
        parse_statement(sql)
    assert str(error.value) == reason


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT region FROM aws.fuzz.values WHERE region = 'us-east-1';",
        "INSERT INTO aws.insert.values (Name, region) SELECT 'a', 'us-east-1';",
        "DELETE FROM aws.where.from WHERE data__Identifier = 'x' AND region = 'us-east-1';",
    ],
)
def test_a_word_after_a_dot_in_a_name_is_a_name(sql: str) -> None:
    # As StackQL's parser (MySQL's grammar) reads it: `AWS::Fuzz::Value` is `values`, which
    # sqlglot read as the VALUES keyword (found by fuzzing).
    statement = parse_statement(sql)
    assert (
        statement.resource_id == sql.split(" FROM " if " FROM " in sql else " INTO ")[1].split()[0]
    )
    with pytest.raises(ExampleError) as error:  # an error still says where, in the text as written
        parse_statement(sql.replace(" region", " region)"))
    assert error.value.at is not None
