"""Templates and template leftovers: a template is never a record.

A folder of downloaded ISO templates must not look like a working management system,
and a procedure copied from a template and never finished is not the organization's
procedure. Two questions, two answers:

- *markers*: every template leftover, each with its locator (``<Company Name>`` at
  ``line 4``), for the ``no_placeholders`` check and the report;
- *is it a template*: decided by strong signals only, each recorded as a reason:
  "template" in the file name or title, lorem ipsum, template guidance left in
  ("delete this text"), a placeholder as the owner or approver, three or more distinct
  placeholders, or any placeholder in a document that carries no date at all.

``TBD`` and ``TBC`` are leftovers but not proof of a template: real registers say
"due date TBD".
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from imsaudit.evidence.model import Metadata, TemplateMarker, TemplateReport, TextUnit

logger = logging.getLogger(__name__)

MAX_MARKERS = 100
"""Markers kept per document (all are counted)."""

_RULES: dict[str, str] = {
    "angle-placeholder": (
        r"<(?:[A-Z][\w&'./-]*(?:[ _][\w&'./-]+){0,6}|(?i:insert|enter|add|your)[^<>\n]{0,60})>"
    ),
    "bracket-instruction": (
        r"\[(?i:insert|enter|add |describe|specify|type |fill in|include|state |name of|your"
        r"|company|organi[sz]ation|date|name|title|owner|department|process|signature"
        r"|x{2,}|\.{3}|…)[^\[\]\n]{0,80}\]"
    ),
    "curly-placeholder": r"\{\{\s*[\w .-]{1,40}\s*\}\}|\{[A-Z][A-Z0-9_]{2,40}\}",
    "xyz": r"(?<![\w])XYZ(?![\w])",
    "x-run": r"(?<![\w])(?:X{3,}|x{3,})(?![\w])",
    "date-placeholder": (
        r"(?<![\w])(?:(?:DD|dd|XX|xx)[/.-](?:MM|mm|XX|xx)[/.-](?:YYYY|yyyy|YY|yy|XXXX|20XX|20YY)"
        r"|20(?:XX|YY|xx|yy)|YYYY|yyyy)(?![\w])"
    ),
    "tbd": r"(?<![\w])(?:TBD|TBC|TBA|TODO|FIXME)(?![\w])",
    "lorem-ipsum": r"(?i:lorem ipsum)",
    "guidance-text": (
        r"(?i:delete this (?:text|note|guidance|section|box|paragraph|instruction|page)"
        r"|replace this (?:text|with)|guidance note|instructions? for (?:use|completion)"
        r"|(?:use|using|complete|customi[sz]e) this template|this template (?:is|should|can|provides)"
        r"|insert your |enter your |remove this (?:text|guidance|note)|example text|sample text"
        r"|to be completed by)"
    ),
}
_PATTERNS = {name: re.compile(rx) for name, rx in _RULES.items()}
_TRIGGERS: dict[str, tuple[str, ...]] = {
    "angle-placeholder": ("<",),
    "bracket-instruction": ("[",),
    "curly-placeholder": ("{",),
    "xyz": ("XYZ",),
    "x-run": ("XXX", "xxx"),
    "date-placeholder": ("YY", "yy", "XX", "xx"),
    "tbd": ("TBD", "TBC", "TBA", "TODO", "FIXME"),
}
"""Substrings without which a rule cannot match: ``in`` runs at memory speed, regexes do not."""
_LOWER_TRIGGERS: dict[str, tuple[str, ...]] = {
    "lorem-ipsum": ("lorem ipsum",),
    "guidance-text": (
        "delete this", "replace this", "guidance note", "instruction", "template",
        "insert your", "enter your", "remove this", "example text", "sample text",
        "to be completed",
    ),
}  # fmt: skip
_PLACEHOLDER_RULES = frozenset(
    {"angle-placeholder", "bracket-instruction", "curly-placeholder", "xyz", "x-run", "date-placeholder"}
)
_WHOLE_VALUE = re.compile(r"^\s*(?:TBD|TBC|TBA|N/?A|X+|x+|\?+|\.{3,}|…|_{3,}|-{3,})\s*$")
_TEMPLATE_WORD = re.compile(r"(?<![a-z])templates?(?![a-z])")


def active_rules(text: str) -> tuple[str, ...]:
    """The rules whose trigger substrings occur in ``text`` (a whole document's text)."""
    lower = text.lower()
    rules = [rule for rule, needles in _TRIGGERS.items() if any(n in text for n in needles)]
    rules += [rule for rule, needles in _LOWER_TRIGGERS.items() if any(n in lower for n in needles)]
    return tuple(rules)


def markers_in(text: str, rules: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """``(rule, matched text)`` for every template marker in ``text``, in order.

    Each rule is its own regex, run only when its trigger substring is present (one
    alternation of every rule ran at ~7 MB/s: no literal prefix to skip ahead with).
    Where two rules match overlapping text (``XX/XX/XXXX``), the earlier, longer wins.
    """
    found: list[tuple[int, int, str, str]] = []
    for rule in active_rules(text) if rules is None else rules:
        for match in _PATTERNS[rule].finditer(text):
            found.append((match.start(), -match.end(), rule, match.group()))
    found.sort()
    kept: list[tuple[str, str]] = []
    end = -1
    for start, negative_end, rule, matched in found:
        if start >= end:
            kept.append((rule, matched))
            end = -negative_end
    return kept


def placeholder_rule(value: str) -> str | None:
    """The rule that makes a metadata value a placeholder (``<Name>``, ``TBD``), or None."""
    if _WHOLE_VALUE.match(value):
        return "tbd" if value.strip().upper().startswith("TB") else "empty-placeholder"
    for rule, _ in markers_in(value):
        if rule in _PLACEHOLDER_RULES or rule == "tbd":
            return rule
    return None


def detect_template(path: str, units: Sequence[TextUnit], metadata: Metadata) -> TemplateReport:
    """Markers with locators, and whether the document is a template (with the reasons)."""
    markers: list[TemplateMarker] = []
    counts: dict[str, int] = {}
    distinct: set[str] = set()
    rules = active_rules("\n".join(unit.text for unit in units))
    for unit in units if rules else ():
        for rule, text in markers_in(unit.text, rules):
            counts[rule] = counts.get(rule, 0) + 1
            if rule in _PLACEHOLDER_RULES:
                distinct.add(text)
            if len(markers) < MAX_MARKERS:
                markers.append(TemplateMarker(text=text, rule=rule, locator=unit.locator))
    reasons: list[str] = []
    name = path.rsplit("/", 1)[-1].lower()
    if _TEMPLATE_WORD.search(name):
        reasons.append(f"file name {path.rsplit('/', 1)[-1]!r} says template")
    if metadata.title and _TEMPLATE_WORD.search(metadata.title.lower()):
        reasons.append(f"title {metadata.title!r} says template")
    if counts.get("lorem-ipsum"):
        reasons.append("lorem ipsum filler text")
    if counts.get("guidance-text"):
        first = next(m for m in markers if m.rule == "guidance-text")
        reasons.append(f"template guidance left in ({first.text!r} at {first.locator})")
    for field in ("owner", "approved_by", "doc_id", "title"):
        # "TBD" as the approver is an unfinished document, not a template: only template
        # placeholders (<Name>, [insert owner], XXX) in a control field make one.
        if metadata.placeholders.get(field) in _PLACEHOLDER_RULES:
            reasons.append(f"{field} is a placeholder: {metadata.rejected[field]}")
    if len(distinct) >= 3:
        shown = ", ".join(sorted(distinct)[:4])
        reasons.append(f"{len(distinct)} distinct placeholders ({shown})")
    elif distinct and metadata.approved_on is None and metadata.review_due is None and not _has_date(units):
        reasons.append(f"placeholder {sorted(distinct)[0]!r} and no date anywhere")
    return TemplateReport(is_template=bool(reasons), reasons=tuple(reasons), markers=tuple(markers))


def _has_date(units: Sequence[TextUnit]) -> bool:
    from imsaudit.evidence.metadata import find_date

    return any(find_date(unit.text) is not None for unit in units)
