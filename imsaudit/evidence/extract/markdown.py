"""Markdown (``.md``): front matter, the heading tree, paragraphs by line, tables.

markdown-it-py gives every block its source lines, so each unit is located at its real
``line N`` (paragraphs are split at their line breaks for exact locators). Inline HTML
that is not a real HTML tag is kept as text: ``<Company Name>`` parses as an HTML tag
but is a template placeholder an auditor must see.
"""

from __future__ import annotations

import logging
import re
import warnings
from datetime import date, datetime
from typing import Any

from imsaudit.evidence.extract._builder import ResultBuilder
from imsaudit.evidence.extract._text import clip_lines, decode_text
from imsaudit.evidence.extract.base import ExtractContext, register
from imsaudit.evidence.model import DocumentFormat, ExtractResult

logger = logging.getLogger(__name__)

FRONT_MATTER_MAX_LINES = 500

_HTML_TAGS = frozenset(
    """a abbr address area article aside audio b bdi bdo blockquote body br button canvas
    caption cite code col colgroup data dd del details dfn dialog div dl dt em embed fieldset
    figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input
    ins kbd label legend li link main map mark meta meter nav noscript object ol optgroup option
    output p param picture pre progress q rp rt ruby s samp script section select small source
    span strong style sub summary sup table tbody td template textarea tfoot th thead time title
    tr track u ul var video wbr center big tt strike""".split()
)
_TAG = re.compile(r"^</?([A-Za-z][A-Za-z0-9-]*)[\s/>]")
_ANY_TAG = re.compile(r"<[^<>]{1,200}>")


@register("markdown", "1", {"md": DocumentFormat.MARKDOWN, "markdown": DocumentFormat.MARKDOWN})
def extract_markdown(data: bytes, context: ExtractContext) -> ExtractResult:
    """Front matter to properties, then the block tokens to headings, lines and tables."""
    from markdown_it import MarkdownIt

    builder = ResultBuilder(context)
    text, encoding = decode_text(data, builder.warn)
    lines = clip_lines(text.split("\n"), builder)
    offset = read_front_matter(lines, builder)
    body = "\n".join(lines[offset:])
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    _walk(tokens, builder, offset)
    return builder.finish(encoding=encoding)


def read_front_matter(lines: list[str], builder: ResultBuilder) -> int:
    """Front matter keys to properties; returns the number of lines it occupies (0 if none)."""
    if not lines or lines[0].strip() != "---":
        return 0
    end = next(
        (i for i in range(1, min(len(lines), FRONT_MATTER_MAX_LINES)) if lines[i].strip() in ("---", "...")),
        None,
    )
    if end is None:
        return 0
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    yaml = YAML(typ="rt", pure=True)
    try:
        with warnings.catch_warnings():  # a reused anchor: the later one wins, nothing to report
            warnings.simplefilter("ignore")
            loaded = yaml.load("\n".join(lines[1:end]))
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        builder.warn(f"front matter is not valid YAML{where}: ignored")
        return end + 1
    if isinstance(loaded, dict):
        for key, value in loaded.items():
            line = _key_line(loaded, key)
            source = f"front matter line {line}" if line else "front matter"
            builder.prop(str(key), _plain(value), source)
    elif loaded is not None:
        builder.warn("front matter is not a mapping of keys: ignored")
    return end + 1


def _key_line(mapping: Any, key: object) -> int | None:
    try:
        return int(mapping.lc.key(key)[0]) + 2
    except (AttributeError, KeyError, TypeError):
        return None


def _plain(value: object, budget: list[int] | None = None) -> str:
    """A front matter value as one line; a node budget stops YAML alias bombs."""
    budget = [2000] if budget is None else budget
    budget[0] -= 1
    if budget[0] < 0:
        return "…"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v, budget) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_plain(v, budget)}" for k, v in value.items())
    return "" if value is None else str(value)


def _inline_lines(token: Any) -> list[str]:
    """The text of an inline token, split where the source had line breaks."""
    lines = [""]
    for child in token.children or ():
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            lines.append("")
        elif kind in ("text", "code_inline") or kind == "image":
            lines[-1] += child.content
        elif kind == "html_inline":
            match = _TAG.match(child.content + " ")
            if not (match and match.group(1).lower() in _HTML_TAGS):
                lines[-1] += child.content
    return lines


def _walk(tokens: list[Any], builder: ResultBuilder, offset: int) -> None:
    context: str | None = None
    heading_level = 0
    table_rows: list[list[str]] = []
    table_lines: list[str] = []
    tables = 0
    for token in tokens:
        if builder.full:
            return
        kind = token.type
        first = (token.map[0] + offset + 1) if token.map else None
        if kind == "heading_open":
            context, heading_level = "heading", int(token.tag[1])
        elif kind == "heading_close":
            context = None
        elif kind == "table_open":
            table_rows, table_lines = [], []
        elif kind == "tr_open":
            table_rows.append([])
            table_lines.append(f"line {first}")
        elif kind == "table_close":
            tables += 1
            builder.table(
                f"table {tables}",
                table_lines[0] if table_lines else f"table {tables}",
                table_rows,
                table_lines,
                header_index=0 if table_rows else None,
            )
        elif kind in ("th_open", "td_open"):
            context = "cell"
        elif kind in ("th_close", "td_close"):
            context = None
        elif kind == "inline" and first is not None:
            parts = _inline_lines(token)
            if context == "heading":
                builder.heading(" ".join(parts), heading_level, f"line {first}")
            elif context == "cell" and table_rows:
                table_rows[-1].append(" ".join(p.strip() for p in parts).strip())
            else:
                for number, part in enumerate(parts):
                    builder.text(part, f"line {first + number}")
        elif kind in ("fence", "code_block") and first is not None:
            start = first + 1 if kind == "fence" else first
            for number, line in enumerate(token.content.split("\n")):
                builder.text(line, f"line {start + number}")
        elif kind == "html_block" and first is not None:
            for number, line in enumerate(token.content.split("\n")):
                builder.text(_ANY_TAG.sub(" ", line), f"line {first + number}")
