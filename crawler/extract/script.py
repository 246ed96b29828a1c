"""The small JavaScript government pages run, evaluated: one tokenizer, one expression evaluator.

What it models: string and number literals, names the caller's scope gives (a pager function's
parameters and ``var`` lines, the page's declared globals, or the strings a page's scripts assign),
``+ - * / %``, comparisons, ``&& || !``, ``?:``, ``parseInt``/``Number``/``String``, ``.replace``
with a string, ``.length``, and the page-number box (``document.getElementById(…).value``,
``$(…).val()``) read as the page asked for, a hidden input's (:class:`PageScripts`) as its value. Anything else (loops, regular expressions, ``if``
statements, calls of unknown functions) is not evaluated: the answer is None, never a guess.
Input is bounded: at most :data:`MAX_TOKENS` tokens and :data:`MAX_DEPTH` levels of nesting.

Its readers:

- :func:`run_pager`: the address a pager handler (``gotoPage(2)``, a GO button) sends the browser to:
  ``location.href = "list_" + p + ".html"``, ``tpl.replace("{page}", p - 1)``,
  ``"index" + (n > 1 ? "_" + (n - 1) : "") + ".html"``.
- :func:`written_html`: the list rows a script writes (``document.write`` lines, a loop over
  arrays the script fills).
- :func:`write_scripted_text`: the text a script shows (``document.write("发布时间：" + pubdate)``,
  ``getElementById("source").innerHTML = src``), put into the parsed tree; there a date stamp
  handed to a function it cannot run (the page's date formatter) after a date label shows as that
  stamp.
- :func:`written_strings`: the string each ``document.write`` call starts with (an info line's date).
- :func:`bound_click_handlers`: the click handlers a script binds by selector (a 下一页 link's).
"""

from __future__ import annotations

import html
import json
import math
import re
from itertools import islice
from urllib.parse import urlsplit

from lxml import etree

_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<str>\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*')"
    r"|(?P<tpl>`(?:[^`\\]|\\.)*`)"
    r"|(?P<name>[A-Za-z_$][\w$]*)|(?P<op>===|!==|==|!=|>=|<=|&&|\|\||[-+*/%<>!?:(),.\[\]]))"
)
MAX_TOKENS = 400
MAX_DEPTH = 30
# Every caller's code is far shorter (an argument, a handler, a function body); longer is hostile.
MAX_CHARS = 20_000


class _Fail(Exception):
    """Something the evaluator does not model: the expression has no answer here."""


class _Box:
    """The page-number box (an input the user types the page into)."""


_BOX = _Box()


class _Field:
    """A field of the page whose value is fixed (a hidden input: ``<input type="hidden"
    id="curPage" value="1">``), read as that value, not as the page asked for."""

    def __init__(self, value: str):
        self.value = value


class Element:
    """The element a handler is set on (``onclick="openArt(this)"``): what it reads of it, its
    attributes (``el.getAttribute("data-id")``, ``el.dataset.id``, ``$(el).attr("data-id")``,
    ``$(this).data("id")``, ``el.id``)."""

    def __init__(self, attrs: dict[str, str]):
        self.attrs = attrs

    def attribute(self, name) -> str:
        value = self.attrs.get(name) if isinstance(name, str) else None
        if value is None:
            raise _Fail
        return value

    def dataset(self) -> dict[str, str]:
        return {
            re.sub(r"-([a-z])", lambda m: m.group(1).upper(), k[5:]): v
            for k, v in self.attrs.items()
            if k.startswith("data-")
        }


class _Document:
    """``document`` of the page the script runs on: its fixed fields, by id and by name."""

    def __init__(self, fields: dict[str, str]):
        self.fields = fields


class PageScripts(str):
    """A page's script text carrying the values of the page's fixed fields (:func:`page_fields`),
    so that a handler reading one (``parseInt(document.getElementById("curPage").value) + 1``) is
    evaluated wherever the text is handed."""

    fields: dict[str, str]

    def __new__(cls, text: str, fields: dict[str, str] | None = None):
        made = super().__new__(cls, text)
        made.fields = fields or {}
        return made


def page_fields(root) -> dict[str, str]:
    """The page's hidden inputs' values by id and by name (a user types into no hidden input)."""
    found: dict[str, str] = {}
    for el in root.iter("input"):
        if (el.get("type") or "").lower() != "hidden" or el.get("value") is None:
            continue
        for key in (el.get("id"), el.get("name")):
            if key and key not in found:
                found[key] = el.get("value").strip()
    return found


class _Location:
    """``location`` of the page the script runs on: its ``href``, ``pathname``, ``search``…"""

    def __init__(self, url: str):
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        self.members = {
            "href": url,
            "pathname": parts.path or "/",
            "search": "?" + parts.query if parts.query else "",
            "host": parts.netloc,
            "hostname": parts.hostname or "",
            "protocol": parts.scheme + ":",
            "origin": origin,
        }


_GO_TO = re.compile(
    r"^(?:(?:window|self|top|document)\s*\.\s*)?location(?:\s*\.\s*href)?\s*=(?!=)\s*(.+)$", re.S
)
_GO_CALL = re.compile(
    r"^(?:(?:window|self|top|document)\s*\.\s*)?(?:location\s*\.\s*(?:assign|replace)|open)\s*\((.+)\)$",
    re.S,
)
_ASSIGN = re.compile(r"^(?:(?:var|let|const)\s+)?([A-Za-z_$][\w$]*)\s*=(?!=)\s*(.+)$", re.S)
_GLOBAL = re.compile(
    r"(?:\bvar|\blet|\bconst)\s+([A-Za-z_$][\w$]*)\s*=\s*(\"[^\"\n]{0,300}\"|'[^'\n]{0,300}'|\d{1,9})\s*[;,\n]"
)


def _tokens(code: str) -> list[tuple[str, str]]:
    if len(code) > MAX_CHARS:
        raise _Fail
    out, pos = [], 0
    code = code.strip()
    while pos < len(code):
        m = _TOKEN.match(code, pos)
        if not m or m.end() == pos:
            raise _Fail
        pos = m.end()
        kind = m.lastgroup
        out.append((kind, m.group(kind)))
        if len(out) > MAX_TOKENS:
            raise _Fail
    return out


def _number(value) -> float:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip() or 0)
        except ValueError:
            raise _Fail from None
    raise _Fail


def _string(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (int, str)):
        return str(value)
    raise _Fail


class _Parser:
    def __init__(self, tokens: list, env: dict, page: int | None, call=None):
        self.tokens, self.at, self.env, self.page = tokens, 0, env, page
        self.call = call  # the page's own functions: call(name, args) -> value, or _Fail

    def peek(self, value: str | None = None) -> bool:
        if self.at >= len(self.tokens):
            return False
        return value is None or self.tokens[self.at][1] == value

    def take(self, value: str | None = None) -> tuple[str, str]:
        if not self.peek(value):
            raise _Fail
        token = self.tokens[self.at]
        self.at += 1
        return token

    def expression(self, depth: int = 0):
        if depth > MAX_DEPTH:
            raise _Fail
        cond = self.binary(0, depth)
        if self.peek("?"):
            self.take("?")
            yes = self.expression(depth + 1)
            self.take(":")
            no = self.expression(depth + 1)
            return yes if cond else no
        return cond

    _LEVELS = (("||",), ("&&",), ("==", "!=", "===", "!=="), ("<", ">", "<=", ">="), ("+", "-"))

    def binary(self, level: int, depth: int):
        if level == len(self._LEVELS):
            return self.product(depth)
        left = self.binary(level + 1, depth)
        while self.peek() and self.tokens[self.at][1] in self._LEVELS[level]:
            op = self.take()[1]
            right = self.binary(level + 1, depth)
            left = _apply(op, left, right)
        return left

    def product(self, depth: int):
        left = self.unary(depth)
        while self.peek() and self.tokens[self.at][1] in ("*", "/", "%"):
            op = self.take()[1]
            right = self.unary(depth)
            a, b = _number(left), _number(right)
            if op != "*" and b == 0:
                raise _Fail
            left = a * b if op == "*" else a / b if op == "/" else a % b
        return left

    def unary(self, depth: int):
        if depth > MAX_DEPTH:
            raise _Fail
        if self.peek("!"):
            self.take()
            return not self.unary(depth + 1)
        if self.peek("-"):
            self.take()
            return -_number(self.unary(depth + 1))
        return self.postfix(depth)

    def arguments(self, depth: int) -> list:
        self.take("(")
        args = []
        while not self.peek(")"):
            args.append(self.expression(depth + 1))
            if not self.peek(")"):
                self.take(",")
        self.take(")")
        return args

    def template(self, body: str, depth: int) -> str:
        """A template literal's text, each ``${…}`` evaluated (`/list_${p - 1}.html`)."""
        out, at = [], 0
        while True:
            start = body.find("${", at)
            if start < 0:
                return "".join(out) + _unescape(body[at:])
            out.append(_unescape(body[at:start]))
            end = closing_brace(body, start + 1, 400)
            if end is None:
                raise _Fail
            inner = _Parser(_tokens(body[start + 2 : end]), self.env, self.page, self.call)
            value = inner.expression(depth + 1)
            if inner.peek():
                raise _Fail
            out.append(_string(value))
            at = end + 1

    def postfix(self, depth: int):
        kind, value = self.take()
        if kind == "num":
            result = float(value)
        elif kind == "str":
            result = _unescape(value[1:-1])
        elif kind == "tpl":
            result = self.template(value[1:-1], depth)
        elif value == "(":
            result = self.expression(depth + 1)
            self.take(")")
        elif kind == "name":
            result = self.name(value, depth)
        else:
            raise _Fail
        while self.peek(".") or self.peek("("):
            if self.peek("("):
                raise _Fail  # calling a value we do not know
            self.take(".")
            member = self.take()[1]
            if isinstance(result, _Location) and member in result.members:
                result = result.members[member]
            elif isinstance(result, dict) and member in result and not self.peek("("):
                result = result[member]  # an object's member: a pager's ``obj.curr``
            elif isinstance(result, Element) and member in ("getAttribute", "attr"):
                args = self.arguments(depth)
                result = result.attribute(args[0] if len(args) == 1 else None)
            elif isinstance(result, Element) and member == "data":
                args = self.arguments(depth)
                result = result.attribute("data-" + args[0] if len(args) == 1 else None)
            elif isinstance(result, Element) and member == "dataset":
                result = result.dataset()
            elif isinstance(result, Element) and member in ("id", "title", "name"):
                result = result.attribute(member)
            elif member == "value" and isinstance(result, _Field):
                result = result.value
            elif member == "val" and isinstance(result, _Field):
                self.arguments(depth)
                result = result.value
            elif member == "value" and result is _BOX and self.page is not None:
                result = float(self.page)
            elif member == "val" and result is _BOX and self.page is not None:
                self.arguments(depth)
                result = float(self.page)
            elif member == "replace" and isinstance(result, str):
                args = self.arguments(depth)
                if len(args) != 2 or not isinstance(args[0], str):
                    raise _Fail
                result = result.replace(args[0], _string(args[1]), 1)
            elif member in ("toString", "trim") and self.peek("("):
                self.arguments(depth)
                result = _string(result).strip()
            elif member == "length" and isinstance(result, str):
                result = float(len(result))
            elif member in ("substring", "substr", "slice") and isinstance(result, str):
                # (A template trims the stamp it prints: pubtime.substring(0,16) drops the seconds.)
                result = _cut(result, member, [_number(a) for a in self.arguments(depth)])
            elif member == "split" and isinstance(result, str):
                args = self.arguments(depth)
                if len(args) != 1 or not isinstance(args[0], str) or not args[0]:
                    raise _Fail
                self.take("[")
                index = _number(self.expression(depth + 1))
                self.take("]")
                parts = result.split(args[0])
                if not index.is_integer() or not 0 <= index < len(parts):
                    raise _Fail
                result = parts[int(index)]
            else:
                raise _Fail
        return result

    def field(self, args: list, mark: str):
        """The element a lookup names: a fixed field of the page (``mark`` opens a selector's
        id, ``#curPage``), else the page-number box."""
        doc = self.env.get("document")
        if isinstance(doc, _Document) and args and isinstance(args[0], str):
            key = args[0][len(mark) :] if mark and args[0].startswith(mark) else args[0]
            if key in doc.fields:
                return _Field(doc.fields[key])
        return _BOX

    def name(self, value: str, depth: int):
        if value in (
            "parseInt",
            "Number",
            "parseFloat",
            "String",
            "encodeURIComponent",
            "encodeURI",
        ):
            args = self.arguments(depth)
            if not args:
                raise _Fail
            if value in ("String", "encodeURIComponent", "encodeURI"):
                return _string(args[0])
            number = _number(args[0])
            return float(int(number)) if value == "parseInt" else number
        if value == "document":
            self.take(".")
            method = self.take()[1]
            if method not in ("getElementById", "querySelector", "getElementsByName"):
                raise _Fail
            args = self.arguments(depth)
            if method == "getElementsByName":
                self.take("[")
                self.take()
                self.take("]")
            return self.field(args, "#" if method == "querySelector" else "")
        if value in ("$", "jQuery"):
            args = self.arguments(depth)
            if len(args) == 1 and isinstance(args[0], Element):
                return args[0]  # $(this)
            return self.field(args, "#")
        if value in ("true", "false"):
            return value == "true"
        if value == "Math" and self.peek("."):
            self.take(".")
            method = self.take()[1]
            args = [_number(a) for a in self.arguments(depth)]
            if method in ("ceil", "floor", "round", "abs") and len(args) == 1:
                if method == "abs":
                    return abs(args[0])
                if method == "round":
                    return float(math.floor(args[0] + 0.5))
                return float(getattr(math, method)(args[0]))
            if method in ("max", "min") and args:
                return float(max(args) if method == "max" else min(args))
            raise _Fail
        if self.call is not None and self.peek("(") and self.env.get(value) is None:
            return self.call(value, self.arguments(depth))
        if value in ("window", "self", "top") and self.peek("."):
            self.take(".")
            if self.take()[1] != "location":
                raise _Fail
            value = "location"
        found = self.env.get(value)
        if found is None:
            raise _Fail
        return found


def _cut(text: str, method: str, args: list[float]) -> str:
    """``substring``, ``substr`` and ``slice`` of a string, as JavaScript counts them."""
    size = len(text)
    if not args or len(args) > 2 or any(a != a for a in args):
        raise _Fail
    start = int(args[0])
    if method == "substring":
        end = int(args[1]) if len(args) == 2 else size
        start, end = sorted((min(max(start, 0), size), min(max(end, 0), size)))
        return text[start:end]
    if method == "substr":
        start = max(size + start, 0) if start < 0 else start
        count = int(args[1]) if len(args) == 2 else size
        return text[start : start + max(count, 0)]
    end = int(args[1]) if len(args) == 2 else size
    return text[start:end] if start < size else ""


def _apply(op: str, left, right):
    if op == "||":
        return left or right
    if op == "&&":
        return left and right
    if op == "+":
        if isinstance(left, str) or isinstance(right, str):
            return _string(left) + _string(right)
        return _number(left) + _number(right)
    if op == "-":
        return _number(left) - _number(right)
    if op in ("==", "!=", "===", "!=="):
        if isinstance(left, str) and isinstance(right, str):
            same = left == right
        else:
            same = _number(left) == _number(right)
        return same if op in ("==", "===") else not same
    a, b = _number(left), _number(right)
    return {"<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[op]


def _unescape(raw: str) -> str:
    return _ESCAPE.sub(r"\1", raw) if "\\" in raw else raw


_ESCAPE = re.compile(r"\\(.)")


def evaluate(code: str, env=None, page: int | None = None, call=None):
    """The value of one JS expression, or None when it uses what is not modelled.

    ``env`` maps names to values (anything with ``.get``: a dict, or :class:`Assigned`);
    ``page`` is what the page-number box reads (None: reading it has no answer); ``call`` runs
    the page's own functions an expression calls (``pageUrl(n + 1)``)."""
    if env is None:
        env = {}
    try:
        parser = _Parser(_tokens(code), env, page, call)
        value = parser.expression()
        if parser.peek():
            return None
        return value
    except (_Fail, RecursionError, OverflowError, ValueError):
        return None


def _code_chars(text: str, start: int = 0, end: int | None = None):
    """``(index, character)`` of ``text[start:end]`` outside string literals (quotes and escapes
    left out): what bracket counting may look at."""
    end = len(text) if end is None else end
    quote, i = None, start
    while i < end:
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "\"'`":
            quote = ch
        else:
            yield i, ch
        i += 1


_STRING_END = {q: re.compile(r"[\\" + q + "]") for q in "\"'`"}
_BRACKET_OR_QUOTE = re.compile(r"[{}()\"'`]")


def _brackets(code: str):
    """``(index, character)`` of the brackets ``{}()`` outside string literals, as
    :func:`_code_chars` gives them, found by regex rather than a Python step per character."""
    i = 0
    while (m := _BRACKET_OR_QUOTE.search(code, i)) is not None:
        ch, i = m.group(), m.start()
        if ch not in "\"'`":
            yield i, ch
            i += 1
            continue
        end = _STRING_END[ch]
        i += 1
        while (m := end.search(code, i)) is not None and m.group() == "\\":
            i = m.start() + 2  # (an escaped character, a quote too, does not end the string)
        if m is None:
            return  # (an unclosed string runs to the end)
        i = m.start() + 1


def _statements(body: str) -> list[str]:
    """``body`` split at ``;`` and line ends outside strings and brackets."""
    out, depth, start = [], 0, 0
    for i, ch in _code_chars(body):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if ch == "}" and depth == 0:
                out.append(body[start : i + 1])
                start = i + 1
        elif ch in ";\n" and depth == 0:
            out.append(body[start:i])
            start = i + 1
    out.append(body[start:])
    return [s.strip() for s in out if s.strip()]


def function_body(scripts: str, name: str) -> tuple[list[str], str] | None:
    """(parameter names, body) of ``function name(…) {…}`` (or ``name = function(…) {…}``)."""
    m = re.search(
        r"(?:function\s+" + re.escape(name) + r"|\b" + re.escape(name) + r"\s*=\s*function)"
        r"\s*\(([^)]{0,200})\)\s*\{",
        scripts,
    )
    if not m:
        return None
    close = closing_brace(scripts, m.end() - 1, 4001)
    if close is None:
        return None
    return [p.strip() for p in m.group(1).split(",") if p.strip()], scripts[m.end() : close]


def page_globals(scripts: str) -> dict:
    """The page's ``var name = "…"``/number globals (the first of each name), and strings joined
    from earlier ones (``var detailUrl = ctx + "/news/{id}.html"``: a row handler's template)."""
    found: dict = {}
    for m in _GLOBAL.finditer(scripts):
        name, raw, end = m.group(1), m.group(2), m.end()
        while True:
            if name not in found:
                found[name] = raw[1:-1] if raw[0] in "\"'" else float(raw)
            if scripts[end - 1] != ",":
                break
            more = _MORE_DECLARED.match(scripts, end)  # var curPage = 1, pageTotal = 9;
            if not more:
                break
            name, raw, end = more.group(1), more.group(2), more.end()
    if "+" in scripts:
        for m in _JOINED_GLOBAL.finditer(scripts):
            if m.group(1) not in found:
                value = evaluate(m.group(2), found)
                if isinstance(value, str):
                    found[m.group(1)] = value
    return found


_JOINED_TERM = r"(?:\"[^\"\n]{0,300}\"|'[^'\n]{0,300}'|[A-Za-z_$][\w$]*)"
_JOINED_GLOBAL = re.compile(
    r"(?:\bvar|\blet|\bconst)\s+([A-Za-z_$][\w$]*)\s*=\s*("
    + _JOINED_TERM
    + r"(?:\s*\+\s*"
    + _JOINED_TERM
    + r")+)\s*[;\n]"
)
_MORE_DECLARED = re.compile(
    r"\s*([A-Za-z_$][\w$]*)\s*=\s*(\"[^\"\n]{0,300}\"|'[^'\n]{0,300}'|\d{1,9})\s*[;,\n]"
)


_SKIP = re.compile(r"^(?:(?:if|else|for|while|try|switch|do)\b|[{}])")
_CALL_STATEMENT = re.compile(r"([A-Za-z_$][\w$.]*)\s*\((.*)\)", re.S)


class Scripts:
    """A page's script text with what the evaluator looks up in it, found once: its globals and
    its functions' bodies."""

    def __init__(self, text: str):
        self.text = text
        self.fields: dict[str, str] = getattr(text, "fields", None) or {}
        self._globals: dict | None = None
        self._bodies: dict[str, tuple[list[str], str] | None] = {}

    def globals(self) -> dict:
        if self._globals is None:
            self._globals = page_globals(self.text)
        return dict(self._globals)

    def body(self, name: str) -> tuple[list[str], str] | None:
        if name not in self._bodies:
            self._bodies[name] = function_body(self.text, name)
        return self._bodies[name]


def run_pager(
    scripts: str | Scripts,
    code: str,
    page: int | None = None,
    url: str | None = None,
    env: dict | None = None,
) -> str | None:
    """The address ``code`` (a handler: ``gotoPage(2)``, ``jumpTo()``, ``location.href='…'+…``)
    sends the browser to, the page-number box reading ``page`` (None: a handler that reads the box
    has no answer); ``url`` is the page's address (what ``location.pathname`` and the like read);
    ``env`` adds names the code sees (a pager plugin's arguments). None when the page does not
    show it plainly."""
    code = code.strip()
    if code[:11].lower() == "javascript:":
        code = code[11:]
    if "__doPostBack" in code or "WebForm_" in code:
        return None  # an ASP.NET form post: no address to go to
    run = _Run(scripts if isinstance(scripts, Scripts) else Scripts(scripts), page, url)
    scope = run.scope(env)
    found = run.statements(_statements(code), scope, 0)
    return found if isinstance(found, str) else None


def written_pager_html(scripts: str | Scripts, code: str, url: str | None = None) -> list[str]:
    """The HTML that ``code`` (a top-level call: ``renderPager("fenye")``, or a whole script run
    top to bottom) writes into elements (``….innerHTML = html``, ``$(…).html(html)``) or the page
    (``document.write(pageStr)``), as far as the page shows it plainly: what a script draws a
    pager with. Loops are not run (their part of the HTML is missing)."""
    run = _Run(scripts if isinstance(scripts, Scripts) else Scripts(scripts), None, url)
    run.statements(_statements(code), run.scope(None), 0)
    return run.written


class _Return:
    """A ``return`` statement's value (None: a bare ``return``)."""

    def __init__(self, value):
        self.value = value


_MAX_STEPS = 400
_IF = re.compile(r"if\s*\(")
_ELSE = re.compile(r"else(?![\w$])\s*")
_ADD_TO = re.compile(r"^([A-Za-z_$][\w$]*)\s*([+-])=\s*(.+)$", re.S)
_STEP = re.compile(r"^(?:([A-Za-z_$][\w$]*)\s*(\+\+|--)|(\+\+|--)\s*([A-Za-z_$][\w$]*))$")
_DECLARE = re.compile(r"^(?:var|let|const)\s+(.+)$", re.S)
_WRITE_CALL = re.compile(r"^document\s*\.\s*write(?:ln)?\s*\((.+)\)$", re.S)
_HTML_INTO = re.compile(
    r"^.{1,200}?\.\s*innerHTML\s*=(?!=)\s*(.+)$|^\$\(.{1,200}?\)\s*\.\s*html\s*\((.+)\)$", re.S
)


class _Run:
    """One run of page code: statements in order, ``if``/``else`` by their evaluated condition
    (neither branch when it cannot be evaluated), the page's functions called from statements and
    from expressions (at most 3 deep, :data:`_MAX_STEPS` statements in all), loops skipped."""

    def __init__(self, scripts: Scripts, page: int | None, url: str | None):
        self.scripts, self.page, self.url = scripts, page, url
        self.steps = 0
        self.written: list[str] = []

    def scope(self, extra: dict | None) -> dict:
        env = self.scripts.globals()
        if self.url:
            env["location"] = _Location(self.url)
        if self.scripts.fields:
            env["document"] = _Document(self.scripts.fields)
        if extra:
            env.update(extra)
        return env

    def value(self, code: str, env: dict, depth: int):
        return evaluate(code, env, self.page, lambda name, args: self.call(name, args, depth))

    def call(self, name: str, args: list, depth: int):
        """The value a call of the page's function ``name`` returns (raises when none)."""
        found = self.scripts.body(name)
        if found is None or depth >= 3:
            raise _Fail
        params, body = found
        env = self.scope(None)
        env.update(zip(params, args))
        result = self.statements(_statements(body), env, depth + 1)
        if isinstance(result, _Return) and result.value is not None:
            return result.value
        raise _Fail

    def statements(self, statements: list[str], env: dict, depth: int):
        """A URL the code sends the browser to, a :class:`_Return`, or None."""
        pending = None  # after an if: True when its else runs, False when not, None unknown
        for statement in statements:
            self.steps += 1
            if self.steps > _MAX_STEPS:
                return None
            else_part = _ELSE.match(statement)
            if else_part:
                rest = statement[else_part.end() :]
                if pending is not True:
                    if not _IF.match(rest):
                        pending = None
                    continue
                if not _IF.match(rest):
                    pending = None
                    found = self.statements(_statements(_block(rest)), env, depth)
                    if found is not None:
                        return found
                    continue
                statement = rest
            if _IF.match(statement):
                parts = _if_parts(statement)
                if parts is None:
                    pending = None
                    continue
                cond = _truth(self.value(parts[0], env, depth))
                pending = None if cond is None else not cond
                if cond:
                    found = self.statements(_statements(parts[1]), env, depth)
                    if found is not None:
                        return found
                continue
            pending = None
            found = self.statement(statement, env, depth)
            if found is not None:
                return found
        return None

    def statement(self, statement: str, env: dict, depth: int):
        if statement.startswith("return"):
            rest = statement[6:].strip()
            if rest and not (statement[6:7].isspace() or statement[6:7] in "(\"'"):
                return None  # a name that starts with "return"
            return _Return(self.value(rest, env, depth) if rest else None)
        if _SKIP.match(statement):
            return None
        target = _GO_TO.match(statement)
        if target is not None:
            value = self.value(target.group(1), env, depth)
            return value if isinstance(value, str) and value else _Return(None)
        go = _GO_CALL.match(statement)
        if go:
            value = self.value(_split_top(go.group(1))[0], env, depth)
            return value if isinstance(value, str) and value else _Return(None)
        into = _HTML_INTO.match(statement)
        written = _WRITE_CALL.match(statement) if into is None else None
        if into or written:
            value = self.value(
                written.group(1) if written else into.group(1) or into.group(2), env, depth
            )
            if isinstance(value, str):
                self.written.append(value)
            return None
        declared = _DECLARE.match(statement)
        for part in _split_top(declared.group(1)) if declared else [statement]:
            found = self.assign(part.strip(), env, depth)
            if found is not None:
                return found
        return None

    def assign(self, statement: str, env: dict, depth: int):
        added = _ADD_TO.match(statement)
        step = _STEP.match(statement) if added is None else None
        if added or step:
            # ``html += …``, ``n -= 1``, ``currentPage++``, ``--n``
            if added:
                name, op = added.group(1), added.group(2)
                value = self.value(added.group(3), env, depth)
            else:
                name = step.group(1) or step.group(4)
                op, value = (step.group(2) or step.group(3))[0], 1.0
            if value is None or env.get(name) is None:
                env.pop(name, None)
            else:
                try:
                    # A step counts: "3"++ is 4, where "3" + 1 is "31".
                    start = _number(env[name]) if step else env[name]
                    env[name] = _apply(op, start, value)
                except _Fail:
                    env.pop(name, None)
            return None
        assign = _ASSIGN.match(statement)
        if assign:
            go = _GO_CALL.match(assign.group(2).strip())
            if go:  # ``var w = window.open(u, "_blank", "width=…")``: the window opens at u
                value = self.value(_split_top(go.group(1))[0], env, depth)
                return value if isinstance(value, str) and value else _Return(None)
            value = self.value(assign.group(2), env, depth)
            if value is None:
                env.pop(assign.group(1), None)
            else:
                env[assign.group(1)] = value
            return None
        call = _CALL_STATEMENT.fullmatch(statement)
        if call and depth < 3:
            found = self.scripts.body(call.group(1).split(".")[-1])
            if found is None:
                return None
            params, body = found
            args = _call_args(call.group(2), env, self.page) if call.group(2).strip() else []
            if args is None:
                return _Return(None)
            inner = self.scope(None)
            if "this" in env:
                inner["this"] = env["this"]
            inner.update(zip(params, args))
            url = self.statements(_statements(body), inner, depth + 1)
            if isinstance(url, str):
                return url
        return None


# A click handler a script binds to an element by selector: ``$("#next").click(function () {…})``,
# ``$(".next").on("click", function () {…})``, ``.bind("click", …)``,
# ``document.getElementById("next").onclick = function () {…}``.
_BOUND_CLICK = re.compile(
    r"""(?:\$|jQuery)\(\s*(['"])([#.][\w-]{1,60})\1\s*\)\s*\.\s*(?:click\s*\(|(?:on|bind)\s*\(\s*(['"])click\3\s*,)"""
    r"""\s*function\s*\([^)]{0,40}\)\s*\{"""
    r"""|getElementById\(\s*(['"])([\w-]{1,60})\4\s*\)\s*\.\s*onclick\s*=\s*function\s*\([^)]{0,40}\)\s*\{"""
)


def bound_click_handlers(scripts: str) -> dict[str, str]:
    """The bodies of the click handlers a page's scripts bind by selector (``#next``, ``.next``;
    an id bound by ``getElementById`` as ``#…``), the first of each selector."""
    found: dict[str, str] = {}
    if "click" not in scripts:
        return found
    for m in islice(_BOUND_CLICK.finditer(scripts), 50):
        selector = m.group(2) or "#" + m.group(5)
        close = closing_brace(scripts, m.end() - 1)
        if close is not None and selector not in found:
            found[selector] = scripts[m.end() : close]
    return found


def run_function(
    scripts: str | Scripts,
    params: list[str],
    body: str,
    args: list,
    url: str | None = None,
    this: dict | None = None,
) -> str | None:
    """The address a function (a pager plugin's ``jump``/``getLink``/``pageUrl``) sends the
    browser to or returns, called with ``args`` (``this`` its configuration object); None when
    the page does not show it plainly."""
    run = _Run(scripts if isinstance(scripts, Scripts) else Scripts(scripts), None, url)
    env = run.scope({"this": this} if this is not None else None)
    env.update((p, a) for p, a in zip(params, args) if a is not None)
    for p in params[len(args) :]:
        env.pop(p, None)
    found = run.statements(_statements(body), env, 0)
    if isinstance(found, _Return):
        found = found.value
    return found if isinstance(found, str) and found else None


def closing_brace(code: str, at: int, limit: int = 8000) -> int | None:
    """Where the ``{`` at ``at`` closes, outside strings (None beyond ``limit`` characters)."""
    depth = 0
    for i, ch in _code_chars(code, at, min(len(code), at + limit)):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth == 0:
            return i
    return None


def object_literal(code: str, env: dict) -> dict | None:
    """The members of a JS object literal ``{key: value, …}``: evaluated values, nested objects,
    ``("function", params, body)`` for functions and ``("name", name)`` for bare names the page
    does not define; None when ``code`` is no object literal."""
    code = code.strip()
    if not (code.startswith("{") and code.endswith("}")) or len(code) > MAX_CHARS:
        return None
    members: dict = {}
    for part in islice(_split_top(code[1:-1]), 80):
        colon = next((i for i, ch in _code_chars(part) if ch == ":"), None)
        if colon is None:
            continue
        key = part[:colon].strip().strip("\"'")
        raw = part[colon + 1 :].strip()
        if not re.fullmatch(r"[A-Za-z_$][\w$]{0,40}", key) or not raw:
            continue
        fn = _FUNCTION.match(raw) or _ARROW.match(raw)
        if fn:
            params = [x.strip() for x in fn.group(1).split(",") if x.strip()]
            members[key] = ("function", params, fn.group(2))
        elif raw.startswith("{"):
            members[key] = object_literal(raw, env)
        elif re.fullmatch(r"[A-Za-z_$][\w$]*", raw) and env.get(raw) is None:
            members[key] = ("name", raw)
        else:
            members[key] = evaluate(raw, env)
    return members


_FUNCTION = re.compile(r"function\s*[\w$]*\s*\(([^()]{0,200})\)\s*\{(.*)\}$", re.S)
_ARROW = re.compile(r"\(?([\w$,\s]{0,200}?)\)?\s*=>\s*\{(.*)\}$", re.S)


def _if_parts(statement: str) -> tuple[str, str] | None:
    """(condition, body) of ``if (…) {…}`` or ``if (…) statement``."""
    open_at = statement.index("(")
    depth = 0
    for i, ch in _code_chars(statement, open_at):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0:
            return statement[open_at + 1 : i], _block(statement[i + 1 :])
    return None


def _block(code: str) -> str:
    code = code.strip()
    return code[1:-1] if code.startswith("{") and code.endswith("}") else code


def _split_top(code: str) -> list[str]:
    """``code`` split at commas outside strings and brackets (a call's arguments)."""
    parts, depth, start = [], 0, 0
    for i, ch in _code_chars(code):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(code[start:i])
            start = i + 1
    parts.append(code[start:])
    return parts


def _call_args(code: str, env: dict, page: int | None) -> list | None:
    args = []
    for part in _split_top(code):
        value = evaluate(part, env, page)
        if value is None:
            return None
        args.append(value)
    return args


# ----------------------------------------------------------------------------- what a script writes

_WRITE = re.compile(r"document\s*\.\s*write(?:ln)?\s*\(")
_LITERAL = r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|-?\d{1,12}(?:\.\d{1,6})?"
_ARRAY_ITEM = re.compile(
    r"\b([A-Za-z_$][\w$]*)\s*\[\s*(\d{1,4})\s*\]\s*=\s*(" + _LITERAL + r")\s*(?=[;,\n)}]|$)"
)
_ARRAY_PUSH = re.compile(r"\b([A-Za-z_$][\w$]*)\s*\.\s*push\s*\(\s*(" + _LITERAL + r")\s*\)")
_ARRAY_LIST = re.compile(r"\b([A-Za-z_$][\w$]*)\s*=\s*(?:\[|new\s+Array\s*\()\s*(?=[\"'\d{\[-])")
_LIST_ITEM = re.compile(r"\s*(" + _LITERAL + r")\s*([,\])])")
_LIST_SEPARATOR = re.compile(r"\s*([,\])])")
_BOUND = r"[A-Za-z_$][\w$]*(?:\s*\.\s*length)?(?:\s*-\s*1)?|\d{1,4}"
_LOOP = re.compile(
    r"for\s*\(\s*(?:var\s+|let\s+)?([A-Za-z_$][\w$]*)\s*=\s*0\s*"
    r"(?:,\s*([A-Za-z_$][\w$]*)\s*=\s*(" + _BOUND + r")\s*)?;\s*\1\s*(<=?)\s*(" + _BOUND + r")\s*;"
)
_COUNT_DECLARED = re.compile(
    r"(?:\bvar|\blet|\bconst)?\s*\b([A-Za-z_$][\w$]*)\s*=\s*(\d{1,4}|[A-Za-z_$][\w$]*\s*\.\s*length)\s*[;,\n]"
)
_ADD_TO_NAME = re.compile(r"\b([A-Za-z_$][\w$]*)\s*\+=\s*")
_MAX_WRITTEN_ROWS = 1000
_STRING_LITERAL = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'")
_NAME = re.compile(r"(?<![\w$.])[A-Za-z_$][\w$]*")
_LOOP_NAMES = frozenset(["String", "encodeURI", "encodeURIComponent", "parseInt", "Number"])


def argument(code: str, at: int, closer: str = ")", limit: int = 600) -> str | None:
    """The source text from ``at`` (just inside a call's parenthesis, or after an ``=``) to its
    ``closer`` outside strings and brackets: ``)`` ends a call's argument; ``;`` ends an
    assignment's value (so does a line end, a comment, a ``)`` or ``}``, or the end of the code). None when
    no closer comes within ``limit`` characters."""
    depth, quote, i = 0, "", at
    end = min(len(code), at + limit)
    while i < end:
        c = code[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = ""
        elif c in "'\"":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")" and depth:
            depth -= 1
        elif depth == 0 and (c == closer or (closer == ";" and c in "\n)}")):
            return code[at:i]
        elif closer == ";" and c == "/" and code[i + 1 : i + 2] in ("/", "*"):
            return code[at:i]  # a comment ends the value (``var n = 23//共多少页``)
        i += 1
    return code[at:i] if closer == ";" and i == len(code) else None


def _arrays(code: str) -> dict[str, dict[int, object]]:
    """The arrays a script fills with literals, by index: ``urls[0] = "…"``, ``urls.push("…")``,
    ``var urls = ["…", "…"]``/``new Array("…", …)``; strings and numbers (``year[0] = 2024``)."""
    arrays: dict[str, dict[int, object]] = {}
    if "[" in code:
        for m in _ARRAY_LIST.finditer(code):
            items = _list_items(code, m.end())
            if items and not (m.group(0).rstrip().endswith("(") and len(items) == 1):
                arrays.setdefault(m.group(1), {}).update(enumerate(items))  # (new Array(8): a size)
        for m in _ARRAY_ITEM.finditer(code):
            value = evaluate(m.group(3), {}, None)
            if value is not None:
                arrays.setdefault(m.group(1), {})[int(m.group(2))] = value
    if ".push" in code:
        for m in _ARRAY_PUSH.finditer(code):
            value = evaluate(m.group(2), {}, None)
            if value is not None:
                pushed = arrays.setdefault(m.group(1), {})
                pushed[len(pushed)] = value
    return arrays


def _list_items(code: str, at: int, depth: int = 0) -> list | None:
    """The items of an array literal from ``at`` (just inside its ``[`` or ``new Array(``) to
    its close: literals, records (``{url: "…", title: "…"}``) and rows (``["…", "…"]``)."""
    items: list = []
    while len(items) < _MAX_WRITTEN_ROWS:
        while at < len(code) and code[at] in " \t\r\n":
            at += 1
        opener = code[at : at + 1]
        if opener == "{" and depth == 0:
            end = closing_brace(code, at, 4000)
            record = object_literal(code[at : end + 1], {}) if end is not None else None
            if not record:
                return None
            items.append({k: v for k, v in record.items() if isinstance(v, (str, float))})
            at = end + 1
        elif opener == "[" and depth == 0:
            row = _list_items(code, at + 1, 1)
            if row is None:
                return None
            at = row.pop()
            items.append(row)
        else:
            item = _LIST_ITEM.match(code, at)
            value = evaluate(item.group(1), {}, None) if item else None
            if value is None:
                return None
            items.append(value)
            at = item.end() - 1
        close = _LIST_SEPARATOR.match(code, at)
        if not close:
            return None
        at = close.end()
        if close.group(1) != ",":
            return items + [at] if depth else items
    return None


def _loop_count(loop: re.Match, arrays: dict, code: str) -> int | None:
    """How many times ``for (i = 0; i < BOUND; i++)`` runs: BOUND an array's ``length`` (``<=
    urls.length - 1`` alike), a number, or a name the script sets to either."""
    bound = "".join(loop.group(5).split())
    if bound == loop.group(2):
        bound = "".join(loop.group(3).split())  # for (var i = 0, n = urls.length; i < n; …)
    for _ in range(2):
        less_one = bound.endswith("-1")
        name = bound.removesuffix("-1").removesuffix(".length")
        if bound.isdigit():
            count = int(bound)
        elif name != bound.removesuffix("-1") and name in arrays:
            count = len(arrays[name]) - less_one
        else:
            declared = next(
                (d for d in _COUNT_DECLARED.finditer(code) if d.group(1) == bound), None
            )
            if declared is None:
                return None
            bound = "".join(declared.group(2).split())
            continue
        return min(count + (loop.group(4) == "<="), _MAX_WRITTEN_ROWS)
    return None


def _loop_rows(loop: re.Match, expr: str, arrays: dict, code: str) -> list[str] | None:
    """The rows a loop writes from the arrays: ``expr`` (``'<li><a href="' + urls[i] + …``)
    evaluated for each index; None when the loop or an array is not plain."""
    at = re.escape(loop.group(1))
    cell = re.compile(r"\b([A-Za-z_$][\w$]*)\s*\[\s*" + at + r"\s*\]\s*\[\s*(\d{1,2})\s*\]")
    if cell.search(expr):
        # A row of a table of rows (data[i][1]): its cell, as an array of its own.
        for m in cell.finditer(expr):
            rows = arrays.get(m.group(1), {})
            arrays = {
                **arrays,
                f"{m.group(1)}__{m.group(2)}": {
                    k: r[int(m.group(2))]
                    for k, r in rows.items()
                    if isinstance(r, list) and int(m.group(2)) < len(r)
                },
            }
        expr = cell.sub(lambda m: f"{m.group(1)}__{m.group(2)}[{loop.group(1)}]", expr)
    index = re.compile(r"\b([A-Za-z_$][\w$]*)\s*\[\s*" + at + r"\s*\]")
    used = {m.group(1) for m in index.finditer(expr)}
    if not used or not used <= arrays.keys():
        return None
    count = _loop_count(loop, arrays, code)
    if count is None:
        return None
    count = min(count, *(len(arrays[name]) for name in used))
    plain = index.sub(lambda x: x.group(1), expr)
    rows = []
    for k in range(count):
        env = {name: arrays[name][k] for name in used if k in arrays[name]}
        value = evaluate(plain, env, None)
        if isinstance(value, str):
            rows.append(value)
    return rows


def _with_aliases(loop: re.Match, expr: str, code: str) -> str:
    """``expr`` with a loop's own names for the row's values (``var t = headers[i]``, cut for
    show after) read as the values themselves."""
    aliases = {
        m.group(1): m.group(2)
        for m in re.finditer(
            r"(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=\s*([A-Za-z_$][\w$]*\s*\[\s*"
            + re.escape(loop.group(1))
            + r"\s*\])\s*[;\n]",
            code[loop.end() : loop.end() + 2000],
        )
    }
    if not aliases:
        return expr
    parts = re.split(r"(" + _STRING_LITERAL.pattern + ")", expr)
    return "".join(
        part if i % 2 else _NAME.sub(lambda n: aliases.get(n.group(0), n.group(0)), part)
        for i, part in enumerate(parts)
    )


def written_html(code: str, earlier: list[str] | None = None) -> str:
    """What :func:`script_rows` finds, wherever the script puts it."""
    return script_rows(code, earlier)[0]


def script_rows(code: str, earlier: list[str] | None = None) -> tuple[str, str | None]:
    """(The HTML an inline script writes, the id of the element it fills with it, None: where
    the script stands), as far as the page shows it plainly:
    ``document.write('<li>…</li>')`` lines, and a loop writing rows from arrays the script — or
    a script before it, ``earlier`` — fills (``urls[0]='…'; headers[0]="…"; for (i = 0; i <
    urls.length; i++) document.write(…urls[i]…)``), directly or through a string it adds the
    rows to and then writes (``html += …``; ``document.write(html)``, ``….innerHTML = html``)."""
    if "write" not in code or not _WRITE.search(code):
        if "+=" not in code or ("innerHTML" not in code and ".html(" not in code):
            return "", None
    arrays = _arrays(code)
    loops = list(_LOOP.finditer(code))
    if loops and earlier and ("[" in code or ".length" in code):
        known = arrays
        arrays = {}
        for text in earlier:
            if "[" in text or ".push" in text:
                arrays.update(_arrays(text))
        arrays.update(known)
    out = []
    into = None
    assigned = None
    written_loops = set()
    for m in islice(_WRITE.finditer(code), _MAX_WRITTEN_ROWS * 2):
        arg = argument(code, m.end(), limit=5000)
        if not arg or "<a" not in arg:
            continue
        loop = next((lp for lp in reversed(loops) if lp.start() < m.start()), None)
        if loop is not None and arrays:
            arg = _with_aliases(loop, arg, code)
        names = set(_NAME.findall(_STRING_LITERAL.sub(" ", arg)))
        unknown = names - arrays.keys() - _LOOP_NAMES.union(lp.group(1) for lp in loops)
        if unknown:
            # A row's variables the same script assigns strings to (an old TRS template's
            # ``var _url = "./…"; var _title = "…"; document.write('<li><a href="' + _url …)``,
            # one script per row); anything else is what other code computes (a pager's arguments).
            assigned = assigned or Assigned(code)
            if any(not isinstance(assigned.get(name), str) for name in unknown):
                continue
            value = evaluate(arg, assigned, None)
            if isinstance(value, str):
                out.append(value)
            continue
        if loop is not None and arrays:
            rows = _loop_rows(loop, arg, arrays, code)
            if rows is not None:
                out.extend(rows)
                written_loops.add(loop.start())
                continue
        value = evaluate(arg, {}, None)
        if isinstance(value, str):
            out.append(value)
    for loop in loops:
        if loop.start() in written_loops or not arrays:
            continue
        # Rows added to a string in the loop (``html += '<li>…' + urls[i] + …``), written after it.
        body_at = code.find("{", loop.end(), loop.end() + 40)
        body_end = closing_brace(code, body_at, 5000) if body_at >= 0 else None
        body = (
            code[loop.end() : body_end]
            if body_end is not None
            else code[loop.end() : loop.end() + 2000]
        )
        for add in _ADD_TO_NAME.finditer(body):
            expr = argument(body, add.end(), ";", 5000)
            written = (
                _writes_name(code[loop.end() :], add.group(1)) if expr and "<a" in expr else None
            )
            if written is not None:
                expr = _with_aliases(loop, expr, code)
                out.extend(_loop_rows(loop, expr, arrays, code) or ())
                into = written or None
                break
    return "".join(out), into


def _writes_name(code: str, name: str) -> str | None:
    """Where the script writes the string ``name``: "" for the page where it stands
    (``document.write(name)``), an element's id for ``getElementById("x").innerHTML = name`` or
    ``$("#x").html(name)``; None when it does not."""
    m = re.search(
        r"(?:document\s*\.\s*write(?:ln)?\s*\(|getElementById\(\s*[\"']([\w:.-]{1,80})[\"']\s*\)"
        r"\s*\.\s*innerHTML\s*=|\$\(\s*[\"']#([\w:.-]{1,80})[\"']\s*\)\s*\.\s*html\s*\()\s*"
        + re.escape(name)
        + r"\s*[);]",
        code,
    )
    return None if m is None else m.group(1) or m.group(2) or ""


# ----------------------------------------------------------------------------- what a script shows

_FILL = re.compile(
    r"""getElementById\(\s*(['"])([\w:.-]{1,80})\1\s*\)\s*\.\s*(?:innerHTML|innerText|textContent)\s*=(?!=)"""
    r"""|\$\(\s*(['"])#([\w:.-]{1,80})\3\s*\)\s*\.\s*(?:html|text)\s*\("""
)
_MARKUP_TAG = re.compile(r"<[^<>]*>")
_TAG_START = re.compile(r"</?[A-Za-z]")
_WITH_ID = etree.XPath("//*[@id]")


class Assigned:
    """The names a page's scripts assign a string to (``pubdate = "2024-01-02"``, ``var src='…'``),
    each the first string assigned to it anywhere in ``code``, else the value of the first
    expression assigned to it (``var d = $("#pubDate").val()``, a hidden input's value:
    ``fields``), looked up when asked for."""

    def __init__(self, code: str, fields: dict[str, str] | None = None):
        self.code = code
        self.found: dict = {"document": _Document(fields)} if fields else {}

    def get(self, name: str):
        if name not in self.found:
            # The name first, the character before it checked after: a pattern opening with a
            # literal is found by a fast scan, one opening with a look-behind is tried everywhere.
            named = re.escape(name) + r"(?<![\w$.]" + re.escape(name) + ")"
            m = re.search(
                named + r"""\s*=\s*(['"])((?:(?!\1)[^\\\n]|\\.){0,300})\1""",
                self.code,
            )
            self.found[name] = _unescape(m.group(2)) if m else None
            if m is None:
                m = re.search(named + r"\s*=(?!=)", self.code)
                expr = argument(self.code, m.end(), ";") if m else None
                if expr and expr.strip():
                    # (None while it is evaluated: an assignment naming itself has no value.)
                    value = evaluate(expr, self)
                    self.found[name] = value if isinstance(value, str) else None
        return self.found[name]


# A date stamp as templates hand it to their formatters: "2024-03-05 14:22:05", "2024/3/5".
_STAMP = re.compile(r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
# What a stamp a formatter writes stands beside: the info line's date label.
_STAMP_LABEL = re.compile(
    r"(?:时间|時間|日期|Date|Published|Posted|Updated|Released)\s*[:：]?\s*$", re.I
)


def _formatted_stamp(name: str, args: list):
    """A call of a function the evaluator cannot run (the page's date formatter, often in a
    file of its own: ``formatPubTime("2024-03-05 14:22:05")``): when its first argument is a
    date stamp, the date it shows is that stamp's — whatever the format, the day and time are
    the stamp's."""
    if args and isinstance(args[0], str) and _STAMP.fullmatch(args[0].strip()):
        return args[0].strip()
    raise _Fail


def _shown(expr: str | None, env: Assigned) -> tuple[str | None, bool]:
    """The string ``expr`` shows, and whether it holds a formatter's stamp
    (:func:`_formatted_stamp`: shown only after a date label, :func:`_labelled_stamp`)."""
    stamped = []

    def call(name: str, args: list):
        stamped.append(name)
        return _formatted_stamp(name, args)

    value = evaluate(expr, env, call=call) if expr else None
    return (value if isinstance(value, str) else None), bool(stamped)


def _labelled_stamp(before: str, value: str) -> bool:
    """Whether the date stamps in ``value`` (a formatter's, see :func:`_formatted_stamp`) follow a
    date label: every one of them, in the text before or the string written."""
    at = 0
    for m in _STAMP.finditer(value):
        if not _STAMP_LABEL.search((before + value[at : m.start()])[-20:]):
            return False
        before, at = "", m.end()
    return True


def _text_before(el: etree._Element, limit: int = 20) -> str:
    """The last ``limit`` characters of text the page shows before ``el`` (its label)."""
    out = ""
    for _ in range(4):
        prev = el.getprevious()
        while prev is not None and len(out) < limit:
            if prev.tag not in ("script", "style"):
                out = "".join(prev.itertext()) + (prev.tail or "") + out
            else:
                out = (prev.tail or "") + out
            prev = prev.getprevious()
        parent = el.getparent()
        if parent is None or len(out) >= limit:
            break
        out = (parent.text or "") + out
        if out.strip():
            break
        el = parent
    return out[-limit:]


def _truth(value) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value != ""
    if isinstance(value, (int, float)):
        return value != 0
    return None


_IF_BEFORE = re.compile(r"(?<![\w$])(?:(else)\s+)?if$")
_ELSE_BEFORE = re.compile(r"(?<![\w$])else$")
_ELSE_AFTER = re.compile(r"\s*else(?![\w$])")


# The two patterns above end in "$": searched over all the code before a block they try every
# position of it, for each block of each script (a tenth of a long script page's extraction).
# Searched over the last few characters instead (from before the blanks ahead of the last word,
# so the look-behind sees what it saw), they find the same match.
def _stripped_end(code: str, end: int) -> int:
    """len(code[:end].rstrip()), without the copy."""
    while end > 0 and code[end - 1].isspace():
        end -= 1
    return end


def _if_before(code: str, end: int) -> tuple[int, bool] | None:
    """Where the ``if`` or ``else if`` that ``code[:end]`` ends with (blanks aside) starts, and
    whether it is an ``else if``."""
    end = _stripped_end(code, end)
    if not code.endswith("if", 0, end):
        return None
    low = max(0, _stripped_end(code, end - 2) - 5)
    m = _IF_BEFORE.search(code[low:end])
    return None if m is None else (low + m.start(), m.group(1) is not None)


def _else_before(code: str, end: int) -> int | None:
    """Where the ``else`` that ``code[:end]`` ends with starts."""
    low = max(0, end - 5)
    m = _ELSE_BEFORE.search(code[low:end])
    return None if m is None else low + m.start()


class _Branches:
    """The ``if``/``else`` blocks of a script, so that a ``document.write`` in a branch the page
    does not take (``if (src == "") {write("来源：本站")} else {write("来源：" + src)}``) is not
    shown: a condition is evaluated like any expression; one it cannot evaluate leaves both
    branches of an if/else unshown (never a guess), and a lone ``if`` shown as before."""

    def __init__(self, code: str, env):
        self.code, self.env = code, env
        self.braces: dict[int, int] = {}  # "{" -> its "}"
        self.parens: dict[int, int] = {}  # ")" -> its "("
        open_braces, open_parens = [], []
        for i, ch in _brackets(code):
            if ch == "{":
                open_braces.append(i)
            elif ch == "}" and open_braces:
                self.braces[open_braces.pop()] = i
            elif ch == "(":
                open_parens.append(i)
            elif ch == ")" and open_parens:
                self.parens[i] = open_parens.pop()
        self.opener = {close: at for at, close in self.braces.items()}
        self.heads: dict[int, tuple[str, str | None, int | None]] = {}

    def shown(self, at: int) -> bool:
        """Whether what is written at ``at`` runs: every block around it is taken, and the
        statement itself when it is a braceless ``if (…) document.write(…)`` or its ``else``."""
        if self._bare_branch(at) is False:
            return False
        for start, end in self.braces.items():
            if start < at < end:
                taken = self._taken(start, 0)
                if taken is False:
                    return False
                if taken is None and (
                    self._head(start)[0] != "if" or _ELSE_AFTER.match(self.code, end + 1)
                ):
                    return False
        return True

    def _bare_branch(self, at: int) -> bool | None:
        """Whether the statement at ``at`` runs as the braceless body of an ``if (…)`` or of the
        ``else`` after one (``if (c) write(a); else write(b);``); None: not such a body, or a
        condition that cannot be evaluated."""
        code = self.code
        head = _stripped_end(code, at)
        if head and code[head - 1] == ")":
            open_at = self.parens.get(head - 1)
            m = _if_before(code, open_at) if open_at is not None else None
            if m is None or m[1]:
                return None
            return _truth(evaluate(code[open_at + 1 : head - 1], self.env))
        else_at = _else_before(code, head)
        if else_at is None:
            return None
        before = _stripped_end(code, else_at)
        if before and code[before - 1] == "}":
            earlier = self._any_taken(before - 1, 0)
            return None if earlier is None else not earlier
        # The braceless if before: its ")" followed by one statement ending at the ";".
        for close in sorted(self.parens, reverse=True):
            if close >= before:
                continue
            body = code[close + 1 : before]
            if "{" in body or ";" in body[:-1]:
                return None
            open_at = self.parens[close]
            m = _if_before(code, open_at)
            if m is None:
                continue
            if m[1]:
                return None
            own = _truth(evaluate(code[open_at + 1 : close], self.env))
            return None if own is None else not own
        return None

    def _head(self, start: int) -> tuple[str, str | None, int | None]:
        """("if", condition, the "}" before an ``else if``), ("else", None, the "}" before it), or
        ("", None, None) for another block (a function's body)."""
        known = self.heads.get(start)
        if known is None:
            known = self.heads[start] = self._read_head(start)
        return known

    def _read_head(self, start: int) -> tuple[str, str | None, int | None]:
        code = self.code
        head = _stripped_end(code, start)
        if head and code[head - 1] == ")":
            open_at = self.parens.get(head - 1)
            m = _if_before(code, open_at) if open_at is not None else None
            if m:
                prev = self._close_before(m[0]) if m[1] else None
                return "if", code[open_at + 1 : head - 1], prev
            return "", None, None
        else_at = _else_before(code, head)
        if else_at is not None:
            return "else", None, self._close_before(else_at)
        return "", None, None

    def _close_before(self, at: int) -> int:
        before = _stripped_end(self.code, at)
        return before - 1 if before and self.code[before - 1] == "}" else -1

    def _taken(self, start: int, depth: int) -> bool | None:
        kind, condition, prev = self._head(start)
        if not kind:
            return True
        earlier = None if prev is None else self._any_taken(prev, depth + 1)
        if kind == "else":
            return None if earlier is None else not earlier
        own = _truth(evaluate(condition, self.env)) if condition else None
        if prev is None:
            return own
        return None if earlier is None else (False if earlier else own)

    def _any_taken(self, close: int, depth: int) -> bool | None:
        """Whether a branch of the if/else-if chain ending at ``close`` was taken."""
        start = self.opener.get(close)
        if start is None or depth > 10:
            return None
        kind, condition, prev = self._head(start)
        if kind != "if":
            return None
        own = _truth(evaluate(condition, self.env)) if condition else None
        earlier = False if prev is None else self._any_taken(prev, depth + 1)
        if own is True or earlier is True:
            return True
        return None if own is None or earlier is None else False


# A script that is one formatter call is short; splitting every long script into statements to
# find out cost a tenth of a page's extraction.
_LONE_CALL_CHARS = 400


def write_scripted_text(root: etree._Element) -> list[tuple[etree._Element, str]]:
    """Put into the tree the text inline scripts show: what document.write writes (at the script's
    place) and the strings written into empty elements (a 来源 a script fills in). What a script
    writes as markup (a heading, ``document.write('<h1 class="title">关于…</h1>')``) is returned
    with its script, for the page's parser to set in the script's place."""
    placed = []
    scripts = [
        el
        for el in root.iter("script")
        if el.text and "src" not in el.attrib and len(el.text) < 20_000
    ]
    env = Assigned("\n".join(el.text for el in scripts), page_fields(root))
    values: dict[str, str] = {}
    stamped: set[str] = set()  # ids filled with a formatter's stamp: shown after a date label
    budget = 60  # evaluations per page: an old site writing its whole menu stays cheap
    for el in scripts:
        code = el.text
        written, raw = [], []
        if budget <= 0:
            break
        branches = _Branches(code, env) if "write" in code and "if" in code else None
        for match in islice(_WRITE.finditer(code), budget) if "write" in code else ():
            budget -= 1
            if branches is not None and not branches.shown(match.start()):
                continue
            value, stamped_here = _shown(argument(code, match.end()), env)
            if value and stamped_here and not _labelled_stamp(_text_before(el), value):
                continue
            if value and "<a " not in value and "<script" not in value.lower():
                # (Markup the browser parses: its entities are text, "&nbsp;" a space.)
                written.append(html.unescape(_MARKUP_TAG.sub(" ", value)))
                raw.append(value)
        if not written and "(" in code and len(code) <= _LONE_CALL_CHARS:
            lone = _statements(code)
            call = _CALL_STATEMENT.fullmatch(lone[0]) if len(lone) == 1 else None
            if call and "." not in call.group(1):
                # A formatter that writes the date itself, the script's one call at the label's
                # place (发布时间：<script>showTime("2024-06-18 14:22:05")</script>).
                value, stamped_here = _shown(lone[0], env)
                if value and stamped_here and _labelled_stamp(_text_before(el), value):
                    written.append(value)
                    raw.append(value)
        if written and len("".join(written)) <= 300:
            if _TAG_START.search("".join(raw)):
                placed.append((el, "".join(raw)))
            else:
                el.tail = "".join(written) + (el.tail or "")
        for match in islice(_FILL.finditer(code), max(budget, 0)) if "(" in code else ():
            budget -= 1
            ident = match.group(2) or match.group(4)
            expr = argument(code, match.end(), ")" if match.group(4) else ";")
            value, stamped_here = _shown(expr, env)
            if stamped_here:
                stamped.add(ident)  # (its label is the element's: judged where it stands)
            value = html.unescape(_MARKUP_TAG.sub("", value)).strip() if value else ""
            if value:
                values.setdefault(ident, value)
    if values:
        for el in _WITH_ID(root):
            ident = el.get("id")
            value = values.pop(ident, None)
            if (
                ident in stamped
                and value is not None
                and not _labelled_stamp(_text_before(el), value)
            ):
                continue
            if value is not None and not (el.text or "").strip() and len(el) == 0:
                el.text = value
    return placed


def written_strings(code: str, limit: int = 400):
    """The string literal each ``document.write`` call in ``code`` starts with (at most ``limit``
    characters): text the reader sees whatever the rest of the call adds to it."""
    if "write" not in code:
        return
    for m in _WRITE.finditer(code):
        token = _TOKEN.match(code, m.end())
        if token is not None and token.lastgroup == "str" and len(token.group("str")) <= limit + 2:
            yield _unescape(token.group("str")[1:-1])


_DECLARED = re.compile(r"(?<![\w$.])(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=(?!=)")


def declared_values(code: str, limit: int = 500) -> dict:
    """The values a script's declarations give its variables, in order: ``var next = current + 1``
    is evaluated with the declarations before it; one it cannot evaluate is left out, and a name
    keeps its first value."""
    env: dict = {}
    for m in islice(_DECLARED.finditer(code), limit):
        if m.group(1) in env:
            continue
        expr = argument(code, m.end(), closer=";")
        value = evaluate(expr, env) if expr and expr.strip() else None
        if value is not None:
            env[m.group(1)] = value
    return env


def shown_writes(code: str, limit: int = 200, url: str | None = None) -> list[str]:
    """What a script's ``document.write`` calls write, each evaluated with the script's declared
    variables (``"<a href='index_" + nextPage + ".html'>下一页</a>"``) and the page's own functions
    (``'<a href="' + pagerLink(currentPage + 1) + '">下一页</a>'``), leaving out writes in
    branches the page does not take (``if (nextPage < countPage) {…}`` on the last page) and any
    it cannot evaluate; ``url`` is the page's address (what ``location`` reads)."""
    if "write" not in code or not _WRITE.search(code):
        return []
    env = declared_values(code)
    if url:
        env["location"] = _Location(url)
    branches = _Branches(code, env) if "if" in code else None
    run = _Run(Scripts(code), None, url)
    out = []
    for m in islice(_WRITE.finditer(code), limit):
        if branches is not None and not branches.shown(m.start()):
            continue
        arg = argument(code, m.end(), limit=2000)
        value = run.value(arg, env, 0) if arg else None
        if isinstance(value, str):
            out.append(value)
    return out


# ----------------------------------------------------------------------------- a client-rendered page

# Where an app keeps its first state: window.__INITIAL_STATE__ = {…} (Vue/Vuex), __PRELOADED_STATE__
# (Redux), window.__DATA__…; a JSON script (<script type="application/json">, Next's __NEXT_DATA__).
_STATE_START = re.compile(
    r"(?:window\s*\.\s*|\b(?:var|let|const)\s+)__([A-Za-z][A-Za-z0-9_]*)__\s*=\s*"
    r"(?=\{|JSON\s*\.\s*parse\s*\(\s*[\"'])"
)
# A state written as a string the app parses: window.__DATA__ = JSON.parse("{\"title\":…}").
_PARSED_STRING = re.compile(
    r"JSON\s*\.\s*parse\s*\(\s*(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')\s*\)", re.S
)
# A state its name gives to the whole site, not to the page (window.__SITE_CONFIG__ with the menu,
# the site's name and a notice box): what it holds is the site's furniture.
_SITE_STATE = re.compile(
    r"(?:site|global)(?:_?(?:config|conf|settings?|info|data))?"
    r"|(?:app|common|layout|menu|nav|web)_?(?:config|conf|settings?)|config|conf|settings?|theme",
    re.I,
)
_RECORD_TITLE = re.compile(
    r"(?:article|doc|news|info|content|detail|main)?_?title|biaoti|subject", re.I
)
_RECORD_CONTENT = re.compile(r"\w*(?:content|body|html|text|zhengwen)\w*|detail", re.I)
# A JS object literal's bare keys and trailing commas ({detail: {title: "…",},}), for JSON.
_BARE_KEY = re.compile(r"([{,]\s*)([A-Za-z_$][\w$]*)\s*:(?=\s*[\"'{\[\dtfn-])")
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_RECORD_SOURCE = re.compile(
    r"source|(?:article|doc|content)_?source|(?:source|origin)_?name|laiyuan|copyfrom|origin|publisher",
    re.I,
)
_RECORD_DATE = re.compile(
    r"(?:publish|pub|release|issue|doc_?pub|create)_?(?:time|date|at)|published_?at|pubdate|fbsj|date",
    re.I,
)
_MAX_STATE_CHARS = 500_000


def _state_objects(root):
    """(script, name, value) of the JSON values a page's scripts hold as its app's first state:
    each ``window.__NAME__ = {…}`` of a script (a site's config first, the page's record after
    it, in one script), a JSON script whole (name "")."""

    for script in islice(root.iter("script"), 60):
        text = script.text or ""
        if len(text) < 40 or len(text) > _MAX_STATE_CHARS:
            continue
        kind = (script.get("type") or "").lower()
        if kind == "application/json" or script.get("id") == "__NEXT_DATA__":
            found = [("", text.strip())]
        elif "__" in text:
            found, at = [], 0
            while len(found) < 8 and (m := _STATE_START.search(text, at)):
                if text[m.end()] != "{":
                    parsed = _PARSED_STRING.match(text, m.end())
                    if parsed is None or (raw := _js_string(parsed.group(1))) is None:
                        at = m.end()
                        continue
                    found.append((m.group(1), raw))
                    at = parsed.end()
                    continue
                end = closing_brace(text, m.end(), limit=_MAX_STATE_CHARS)
                if end is None:
                    break
                found.append((m.group(1), text[m.end() : end + 1]))
                at = end + 1
        else:
            continue
        for name, raw in found:
            try:
                yield script, name, json.loads(raw)
            except ValueError:
                try:  # (a state written as a JS object literal, keys bare)
                    fixed = _TRAILING_COMMA.sub(r"\1", _BARE_KEY.sub(r'\1"\2":', raw))
                    yield script, name, json.loads(fixed)
                except ValueError:
                    continue


def _js_string(literal: str) -> str | None:
    """The text of a JS string literal (double or single quotes, ``\\xHH`` escapes), or None."""
    quote, inner = literal[0], literal[1:-1]

    def escape(m: re.Match) -> str:
        found = m.group(0)
        if found == '"':
            return '\\"'  # (a bare double quote inside single quotes)
        if found == "\\'":
            return "'"
        if found.startswith("\\x"):
            return "\\u00" + found[2:]
        return found

    inner = re.sub(
        r"\\x[0-9A-Fa-f]{2}|\\.|\"" if quote == "'" else r"\\x[0-9A-Fa-f]{2}|\\.", escape, inner
    )
    try:
        value = json.loads('"' + inner + '"')
    except ValueError:
        return None
    return value if isinstance(value, str) else None


def _records(value, depth: int = 0):
    """The objects (dicts) in a JSON value, breadth bounded."""
    if depth > 8:
        return
    if isinstance(value, dict):
        yield value
        children = value.values()
    elif isinstance(value, list):
        children = value[:200]
    else:
        return
    for child in islice(children, 400):
        if isinstance(child, (dict, list)):
            yield from _records(child, depth + 1)


def _field(record: dict, key: re.Pattern) -> str:
    for name, value in record.items():
        if isinstance(value, str) and key.fullmatch(name.replace("-", "_")) and value.strip():
            return value.strip()
    return ""


def state_article(root: etree._Element) -> tuple | None:
    """(script, title, content, source, date) of the one article record a client-rendered page's
    app state holds (the record with a title and the longest content, HTML or text), or None."""
    found = [
        (len(content), script, title, content, record, bool(_SITE_STATE.fullmatch(name)))
        for script, name, state in _state_objects(root)
        for record in _records(state)
        if 4 <= len(title := _field(record, _RECORD_TITLE)) <= 200
        and len(content := _field(record, _RECORD_CONTENT)) >= 40
    ]
    # (A notice in the site's config is its furniture, never the page's article.)
    found = [f for f in found if not f[5]]
    found.sort(key=lambda f: -f[0])
    # (A list's state holds many records of a kind: no one of them is the page's article.)
    if not found or (len(found) > 1 and found[0][0] < 3 * found[1][0]):
        return None
    _, script, title, content, record, _ = found[0]
    return script, title, content, _field(record, _RECORD_SOURCE), _field(record, _RECORD_DATE)


# ------------------------------------------------------------------ a table the page's script fills

# An array literal of rows assigned in a script: ``var rows = [["…", 1.2], …]``, ``data: [{…}, …]``.
_ROWS_START = re.compile(r"[\w$\]'\"]\s*[=:]\s*(?=\[\s*[\[{])")
_MAX_SCRIPTED_ROWS = 1000
_MAX_ROWS_CHARS = 500_000


def scripted_table_rows(root: etree._Element) -> list[tuple[etree._Element, list[list[str]]]]:
    """``(where the rows go, the rows)`` of each data table a page's script fills: a table with
    a header row and no row after it, whose id (or its ``<tbody>``'s) a script names, and which
    that script holds as an array literal of rows — arrays of as many values as the header has
    cells, or records of as many fields (a statistics dashboard drawn from its data: the figures
    are the page's, though only the browser writes them into the table)."""
    empty = {}
    for table in root.iter("table"):
        rows = [tr for tr in table.iter("tr")]
        if len(rows) != 1:
            continue
        width = sum(1 for cell in rows[0] if cell.tag in ("td", "th"))
        if width < 2:
            continue
        body = table.find("tbody")
        target = body if body is not None and not len(body) else table
        for el in (table, body):
            if el is not None and el.get("id"):
                empty[el.get("id")] = (target, width)
    if not empty:
        return []
    found = []
    for script in islice(root.iter("script"), 60):
        code = script.text or ""
        if len(code) > _MAX_ROWS_CHARS:
            continue
        named = [
            key for key in empty if f'"{key}"' in code or f"'{key}'" in code or f"#{key}" in code
        ]
        if not named:
            continue
        target, width = empty.pop(named[0])
        for m in _ROWS_START.finditer(code):
            try:
                value, _ = json.JSONDecoder().raw_decode(code, m.end())
            except ValueError:
                continue
            rows = _table_rows(value, width)
            if rows:
                found.append((target, rows))
                break
    return found


def _table_rows(value, width: int) -> list[list[str]] | None:
    """``value`` as rows of ``width`` cells: arrays or records of plain values, or None."""
    if not isinstance(value, list) or not value or len(value) > _MAX_SCRIPTED_ROWS:
        return None
    rows = []
    for item in value:
        cells = list(item.values()) if isinstance(item, dict) else item
        if not isinstance(cells, list) or len(cells) != width:
            return None
        if not all(isinstance(c, str | int | float) and not isinstance(c, bool) for c in cells):
            return None
        rows.append([c if isinstance(c, str) else format(c, "g") for c in cells])
    return rows
