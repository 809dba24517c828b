"""Statements: the SQL of a page's example, parsed with sqlglot into what StackQL runs.

StackQL's statements on a Cloud Control resource are simple: one resource, literal values,
`column = 'value'` conditions joined by AND. `parse_statement` reads exactly that (hints and
placeholders included, which sit in comments and string literals) and says why when it cannot.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import Any

import sqlglot
from sqlglot import exp
from sqlglot.tokens import Tokenizer, TokenType

from generator.errors import DocgenError
from generator.model import SqlVerb

Scalar = str | int | float | bool | None
IDENTIFIER, PATCH, MODEL = "data__Identifier", "data__PatchDocument", "data__ResourceModel"
TYPE_NAME = "data__TypeName"  # a parameter of aws.cloud_control.resources
_TOKEN = re.compile(r"<Token token_type: [^,]*, text: ([^,]*), [^>]*>")
# sqlglot warns on stderr, in lines of the statement's text, when it reads a statement as a
# command it does not know (`SET ...` without its UPDATE): that is the example's failure, and
# it is reported as such, once.
logging.getLogger("sqlglot").setLevel(logging.ERROR)
# Parentheses, brackets and braces a statement may nest, in its SQL and in the JSON text of its
# literals: sqlglot, json and jsonschema read nesting by recursion. The pages nest 19 at most,
# the braces of placeholders counted.
MAX_NESTING = 100


class ExampleError(DocgenError):
    """An example that does not work: `code` is Cloud Control's error code when it refused."""

    def __init__(self, message: str, code: str = "", at: tuple[int, int] | None = None) -> None:
        self.message = message
        self.code = code
        self.at = at  # the line and column in the example's text where it goes wrong, if known
        super().__init__(f"{code}: {message}" if code else message)


@dataclass(frozen=True, slots=True)
class Statement:
    """One parsed statement: the parts StackQL maps onto Cloud Control, literals as written.

    `columns` are the selected columns (SELECT) or the target columns (INSERT); `values` the
    INSERT values; `where` the `column = literal` conditions (joined by AND); `assignments` the
    `SET column = literal` pairs of an UPDATE. `string('...')` is read as its text, and `texts`
    names the WHERE and SET columns given so (StackQL sends a plain literal that is a JSON
    object or array as that JSON, and `string('...')` as text). `extracts` are the selected
    `JSON_EXTRACT(column, '$.a.b')` items: the name each selects as, its column and its path
    as written (SQLite reads it when the row is there).
    """

    verb: SqlVerb
    resource_id: str
    columns: tuple[str, ...] = ()
    values: tuple[Scalar, ...] = ()
    where: tuple[tuple[str, Scalar], ...] = ()
    assignments: tuple[tuple[str, Scalar], ...] = ()
    texts: frozenset[str] = frozenset()
    extracts: tuple[tuple[str, str, str], ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()  # `column AS name`: the name and its column

    def condition(self, column: str) -> Scalar:
        """The value a WHERE condition gives a column (None when there is none)."""
        return next((v for c, v in self.where if c == column), None)


# --- parsing -----------------------------------------------------------------------------------


def parse_statement(sql: str) -> Statement:
    """Parse one StackQL statement; raises ExampleError when it cannot be run as written.

    >>> parse_statement("SELECT region FROM aws.s3.buckets WHERE region = 'us-east-1';").where
    (('region', 'us-east-1'),)
    """
    if (deep := _too_deep(sql)) is not None:
        raise ExampleError(
            f"cannot parse the statement: nested deeper than {MAX_NESTING} levels "
            f"(column {deep[1]})",
            at=deep,
        )
    try:
        return _statement(sql)
    except RecursionError:  # sqlglot reads and writes nested expressions by recursion
        raise ExampleError("cannot parse the statement: nested too deeply to read") from None


def _statement(sql: str) -> Statement:
    """`parse_statement`, but for statements too deep to read."""
    try:
        trees = [t for t in _parsed(sql) if t is not None]
    except sqlglot.errors.ParseError as error:
        message, at = _parse_error(error)
        raise ExampleError(f"cannot parse the statement: {message}", at=at) from None
    except sqlglot.errors.TokenError as error:  # text that is no tokens: a quote left open, ...
        message, at = _token_error(error, sql)
        raise ExampleError(f"cannot parse the statement: {message}", at=at) from None
    except (AttributeError, IndexError, KeyError, TypeError, ValueError) as error:
        # sqlglot's parser trips over some text it should refuse (`{"a"{{: 1}`): refused all
        # the same, in its words.
        raise ExampleError(
            f"cannot parse the statement: sqlglot fails on it ({type(error).__name__}: {error})"
        ) from None
    if len(trees) != 1:
        raise ExampleError(f"expected one statement, found {len(trees)}")
    tree = trees[0]
    if isinstance(tree, exp.Insert):
        return _insert(tree)
    if isinstance(tree, exp.Select):
        return _select(tree, sql)
    if isinstance(tree, (exp.Update, exp.Delete)):  # one resource, by WHERE: no FROM, USING
        allowed = ("this", "expressions", "where", "hint")  # StackQL's /*+ AWAIT */
        extra = [k.rstrip("_").upper() for k, v in tree.args.items() if v and k not in allowed]
        if extra:
            form = "UPDATE resource SET" if isinstance(tree, exp.Update) else "DELETE FROM resource"
            raise ExampleError(f"{form} ... WHERE ... only: no {', '.join(extra)}")
    if isinstance(tree, exp.Update):
        assignments, set_texts = _pairs(tree.expressions, "SET")
        where, texts = _where(tree)
        return Statement(
            SqlVerb.UPDATE,
            _table(tree.this),
            where=where,
            assignments=assignments,
            texts=texts | set_texts,
        )
    if isinstance(tree, exp.Delete):
        where, texts = _where(tree)
        return Statement(SqlVerb.DELETE, _table(tree.this), where=where, texts=texts)
    if isinstance(tree, exp.Command):  # what sqlglot does not know, by its first word
        raise ExampleError(f"not a statement StackQL runs on a resource: {tree.name.upper()}")
    raise ExampleError(f"not a statement StackQL runs on a resource: {tree.key.upper()}")


# What a comma may not stand before (nor after an opening parenthesis or SELECT): an item left
# out of a list, which sqlglot reads past and StackQL's parser (MySQL's grammar) refuses. (Not
# VALUES: a column may be named so, as an Amplify UI Builder theme's is. No property is named
# From or Where: no statement could name it, so such a schema is refused.)
_NO_ITEM = {
    TokenType.COMMA: "another comma",
    TokenType.FROM: "FROM",
    TokenType.R_PAREN: "a closing parenthesis",
    TokenType.SEMICOLON: "the statement's end",
    TokenType.WHERE: "WHERE",
}


def _refuse_stray_commas(tokens: list[Any]) -> None:
    """Refuse a list with an item left out (`SELECT a, FROM`, `'x',,`, `(, a)`) at its comma.

    >>> _refuse_stray_commas(Tokenizer().tokenize("SELECT a, b FROM c"))
    >>> _refuse_stray_commas(Tokenizer().tokenize("SELECT a,\\nFROM c"))
    Traceback (most recent call last):
    generator.statement.ExampleError: a comma before FROM: an item is missing (column 9)
    """
    for i, token in enumerate(tokens):
        if token.token_type is not TokenType.COMMA:
            continue
        after = tokens[i + 1].token_type if i + 1 < len(tokens) else None
        before = tokens[i - 1].token_type if i else None
        if after is None or after in _NO_ITEM:
            where = f"before {_NO_ITEM.get(after, _NO_ITEM[TokenType.SEMICOLON])}"
        elif before is None:
            where = "at the statement's start"
        elif before in (TokenType.L_PAREN, TokenType.SELECT):
            where = "after " + ("(" if before is TokenType.L_PAREN else "SELECT")
        else:
            continue
        raise ExampleError(
            f"a comma {where}: an item is missing (column {token.col})", at=(token.line, token.col)
        )


def _parse_error(error: sqlglot.errors.ParseError) -> tuple[str, tuple[int, int] | None]:
    """sqlglot's first complaint, without terminal colours, `message (column C)`, and its line
    and column where sqlglot says."""
    first = error.errors[0] if error.errors else {}
    message = _TOKEN.sub(lambda m: repr(m[1]), str(first.get("description") or error))
    line, column = first.get("line"), first.get("col")
    if isinstance(line, int) and isinstance(column, int):
        return f"{message} (column {column})", (line, column)
    return message, None


def _too_deep(sql: str) -> tuple[int, int] | None:
    """The line and column where the text nests deeper than MAX_NESTING, if it does.

    >>> _too_deep("SELECT '" + "[" * 101 + "'"), _too_deep("SELECT '[{}]'")
    ((1, 109), None)
    """
    depth = 0
    for i, char in enumerate(sql):
        if char in "([{":
            depth += 1
            if depth > MAX_NESTING:
                return line_column(sql, i)
        elif char in ")]}":
            depth -= 1
    return None


def line_column(text: str, offset: int) -> tuple[int, int]:
    """The line and column (1-based) of the character at `offset` in `text`.

    >>> line_column("a: b\\nc: d", 8), line_column("", 0)
    ((2, 4), (1, 1))
    """
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _token_error(error: sqlglot.errors.TokenError, sql: str) -> tuple[str, tuple[int, int] | None]:
    """Why the statement cannot be split into tokens: where a quote or comment opens that
    never closes (and that place), else sqlglot's words (without its snippet of the text)."""
    opened = _unclosed(sql)
    if opened is not None:
        line, column = line_column(sql, opened)
        what = "comment" if sql.startswith("/*", opened) else sql[opened]
        return f"the {what} at column {column} is never closed", (line, column)
    cause = error.__cause__
    if isinstance(cause, sqlglot.errors.TokenError):  # `Numeric string contains ...`
        return re.sub(r" from \d+:\d+$", "", str(cause)), None
    return "cannot split it into tokens", None


def _unclosed(sql: str) -> int | None:
    """Where a string, quoted identifier or block comment opens that never closes, if one does.

    >>> _unclosed("SELECT a FROM b WHERE c = 'it''s"), _unclosed("SELECT 'a' /* b */ -- '")
    (26, None)
    """
    i = 0
    while i < len(sql):
        if sql[i] in "'\"":  # a quote doubled stands for itself
            end = i + 1
            while (end := sql.find(sql[i], end)) >= 0 and sql.startswith(sql[i] * 2, end):
                end += 2
            if end < 0:
                return i
            i = end + 1
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            i = len(sql) if end < 0 else end + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            if end < 0:
                return i
            i = end + 2
        else:
            i += 1
    return None


def _insert(tree: exp.Insert) -> Statement:
    """INSERT INTO r (cols) SELECT vals / VALUES (vals)."""
    target = tree.this
    if not isinstance(target, exp.Schema):
        raise ExampleError("INSERT needs its column list: INSERT INTO resource (columns) ...")
    columns = tuple(c.name for c in target.expressions)
    # (as written: an SNS subscription's Region beside StackQL's region is two columns)
    twice = sorted({c for c in columns if columns.count(c) > 1})
    if twice:
        raise ExampleError(f"INSERT names {', '.join(twice)} twice: name each once")
    source = tree.expression
    if isinstance(source, exp.Select) and not source.args.get("from_"):
        items = source.expressions
    elif isinstance(source, exp.Values) and len(source.expressions) == 1:
        items = source.expressions[0].expressions
    else:
        raise ExampleError("INSERT takes one row of literals: SELECT 'a', 'b' or VALUES ('a', 'b')")
    values = tuple(_literal(item, "an INSERT value") for item in items)
    if len(values) != len(columns):
        raise ExampleError(f"INSERT names {len(columns)} columns but gives {len(values)} values")
    return Statement(SqlVerb.INSERT, _table(target.this), columns, values)


def _select(tree: exp.Select, sql: str) -> Statement:
    """SELECT cols FROM r WHERE ..."""
    source = tree.args.get("from_")
    extra = [k for k in ("joins", "group", "having", "order", "limit", "with_") if tree.args.get(k)]
    if source is None or extra:
        raise ExampleError("SELECT must read one resource: SELECT columns FROM resource WHERE ...")
    columns = []
    extracts = []
    aliases = []
    tokens = [t for t in Tokenizer().tokenize(sql) if t.token_type is not TokenType.BREAK]
    for before, after in zip(tokens, tokens[1:], strict=False):
        if before.token_type is TokenType.ALIAS and after.token_type in _NOT_A_NAME:
            raise ExampleError(f"AS names nothing before {after.text!r}: an alias is empty")
    paths = iter(_json_paths(tokens))
    for item in tree.expressions:
        if isinstance(item, exp.Alias) and not item.alias:
            raise ExampleError(f"an alias is empty: {item.sql()}")
        inner = item.this if isinstance(item, exp.Alias) else item
        if isinstance(item, exp.Star):
            columns.append("*")
        elif isinstance(item, exp.Column) and isinstance(item.this, exp.Identifier):
            columns.append(item.name)
        elif isinstance(inner, exp.Column) and isinstance(inner.this, exp.Identifier):
            columns.append(item.alias)
            aliases.append((item.alias, inner.name))
        elif (
            isinstance(inner, exp.JSONExtract)
            and isinstance(inner.this, exp.Column)
            and not inner.expressions
            and (path := next(paths, None)) is not None
        ):
            name = item.alias if isinstance(item, exp.Alias) else item.sql()
            columns.append(name)
            extracts.append((name, inner.this.name, path))
        else:
            raise ExampleError(
                f"select a column by name or JSON_EXTRACT(column, '$.key'), not {item.sql()}"
            )
    twice = sorted({c for c in columns if columns.count(c) > 1})
    if twice:
        raise ExampleError(f"the statement selects {', '.join(twice)} twice: name each once")
    where, texts = _where(tree)
    return Statement(
        SqlVerb.SELECT,
        _table(source.this),
        tuple(columns),
        where=where,
        texts=texts,
        extracts=tuple(extracts),
        aliases=tuple(aliases),
    )


# What may not follow `AS` in a select list (sqlglot drops an alias left empty so).
_NOT_A_NAME = frozenset({TokenType.COMMA, TokenType.FROM, TokenType.SEMICOLON})


def _json_paths(tokens: list[Any]) -> list[str]:
    """The path of each `JSON_EXTRACT(column, 'path')` as written, in order: sqlglot rewrites
    the paths it reads (`'Name'` becomes `'$.Name'`), which SQLite would refuse.

    >>> sql = "SELECT JSON_EXTRACT(Properties, 'Name'), json_extract(a, '$.b') FROM t"
    >>> _json_paths(Tokenizer().tokenize(sql))
    ['Name', '$.b']
    """
    paths = []
    for i, token in enumerate(tokens[:-4]):
        if token.text.upper() == "JSON_EXTRACT" and [
            t.token_type for t in tokens[i + 1 : i + 5]
        ] == [TokenType.L_PAREN, TokenType.VAR, TokenType.COMMA, TokenType.STRING]:
            paths.append(tokens[i + 4].text)
    return paths


def _parsed(sql: str) -> list[Any]:
    """sqlglot's trees of the statements, where a word after a dot in a name is a name, as
    StackQL's parser (MySQL's grammar) reads it: `aws.fuzz.values`, which sqlglot reads as
    VALUES. (A statement that does not parse so is parsed as written, for its error.) A list
    with an item left out is refused first (`_refuse_stray_commas`)."""
    try:
        tokens = Tokenizer().tokenize(sql)
    except sqlglot.errors.TokenError:
        return sqlglot.parse(sql)
    _refuse_stray_commas(tokens)
    names = (TokenType.VAR, TokenType.IDENTIFIER)
    quoted, end, name = [], 0, False  # (whether the token before the dot is a name)
    for i, token in enumerate(tokens):
        after_dot = i > 1 and tokens[i - 1].token_type is TokenType.DOT and name
        if (
            after_dot
            and token.token_type not in names
            and token.text.isidentifier()
            and sql[token.start : token.end + 1] == token.text
        ):
            quoted += [sql[end : token.start], f'"{token.text}"']
            end = token.end + 1
            name = True
        elif token.token_type is not TokenType.DOT:
            name = token.token_type in names
    if not quoted:
        return sqlglot.parse(sql)
    try:
        return sqlglot.parse("".join(quoted) + sql[end:])
    except (sqlglot.errors.ParseError, sqlglot.errors.TokenError):
        return sqlglot.parse(sql)


def _table(node: Any) -> str:
    """The `provider.service.resource` a statement names."""
    if not isinstance(node, exp.Table) or not node.name:
        raise ExampleError("the statement names no resource (provider.service.resource)")
    if node.args.get("joins"):  # `DELETE FROM r, other` or `... JOIN other`: one resource
        raise ExampleError(f"the statement names one resource, {_name(node)}, and no other")
    return _name(node)


def _name(node: exp.Table) -> str:
    """A table's `provider.service.resource`."""
    return ".".join(p for p in (node.catalog, node.db, node.name) if p)


def _where(tree: exp.Expression) -> tuple[tuple[tuple[str, Scalar], ...], frozenset[str]]:
    """The `column = literal` conditions of a WHERE clause, which may only join them by AND,
    and the columns given `string('...')`."""
    clause = tree.args.get("where")
    if clause is None:
        return (), frozenset()
    conditions: list[exp.Expression] = []
    pending = [clause.this]
    while pending:
        node = pending.pop(0)
        if isinstance(node, exp.Paren):
            pending.insert(0, node.this)
        elif isinstance(node, exp.And):
            pending[:0] = [node.this, node.expression]
        elif isinstance(node, exp.EQ) and isinstance(node.this, exp.Column):
            conditions.append(node)
        else:
            raise ExampleError(
                f"unsupported condition {node.sql()}: write column = 'value', joined by AND"
            )
    return _pairs(conditions, "WHERE")


def _pairs(
    nodes: list[exp.Expression], place: str
) -> tuple[tuple[tuple[str, Scalar], ...], frozenset[str]]:
    """`column = literal` or `column = string('...')` items of a WHERE or SET, each parameter
    (`region`, `data__...`) once (StackQL would send one of two); and the columns given
    `string('...')`: text, whatever it holds (StackQL's function for text sent as it is)."""
    pairs: list[tuple[str, Scalar]] = []
    texts: set[str] = set()
    for node in nodes:
        if not isinstance(node, exp.EQ) or not isinstance(node.this, exp.Column):
            raise ExampleError(f"unsupported {place} item {node.sql()}: write column = 'value'")
        column, value = node.this.name, node.expression
        if isinstance(value, exp.String) and isinstance(value.this, exp.Literal):
            value = value.this
            texts.add(column)
        label = f"{column} =" if place == "WHERE" else f"{place} {column} ="
        pairs.append((column, _literal(value, label)))
    columns = [c for c, _ in pairs]
    twice = sorted({c for c in columns if columns.count(c) > 1 and _parameter(c)})
    if twice:
        raise ExampleError(f"{place} gives {', '.join(twice)} twice: give each once")
    return tuple(pairs), frozenset(texts)


def _parameter(column: str) -> bool:
    """Whether a column is a parameter of the request rather than a field to filter on."""
    return column == "region" or column.startswith("data__")


def _literal(node: exp.Expression, where: str) -> Scalar:
    """The Python value of a SQL literal."""
    if isinstance(node, exp.Literal):
        return node.this if node.is_string else _number(node.this)
    if isinstance(node, exp.Neg) and isinstance(node.this, exp.Literal) and not node.this.is_string:
        return -_number(node.this.this)
    if isinstance(node, exp.Boolean):
        return bool(node.this)
    if isinstance(node, exp.Null):
        return None
    raise ExampleError(f"{where} {node.sql()}: expected a literal")


def _number(text: str) -> int | float:
    """A numeric SQL literal as int or float.

    >>> _number("3"), _number("2.5")
    (3, 2.5)
    """
    try:
        return int(text)
    except ValueError:
        return float(text)


def text_of(value: Any) -> str:
    """A value as the text of a placeholder or an identifier part.

    >>> text_of("a"), text_of(3), text_of(True), text_of({"a": 1})
    ('a', '3', 'true', '{"a": 1}')
    """
    return value if isinstance(value, str) else json.dumps(value)
