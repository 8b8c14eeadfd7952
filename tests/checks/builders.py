"""Build scanner records (Document, EvidenceIndex) and an EvalContext from compact dicts.

Check cases are data (tests/checks/cases/<type>.yml): each case lists pre-extracted
documents in a short form, and these builders turn them into the real pydantic models
the checks read, so a case exercises exactly what the scanner would hand over::

    path: nc-log.xlsx                  # the format follows the extension
    kinds: [nonconformity-log]         # classifications (declared)
    score: 5                           # recognized (not declared) with this score instead
    template: false                    # true: a template (never a record)
    units: ["# Title", "text", {text: ..., locator: ..., role: heading}]
    tables: [{name: Log, header: [...], rows: [[...]], row_locators: [...]}]
    metadata: {approved_by: J. Smith, approved_on: 2026-02-14}
    sources: {approved_by: "front matter line 3"}   # default: "front matter"
    rejected: {approved_by: TBD}       # a placeholder value the scanner refused
    markers: [{text: "<Company Name>", locator: line 4}]
    pages_without_text: [2]            # a scanned page: the text is incomplete
    error: "not a zip file"            # the file could not be read at all

A unit written as a string is a text line; ``# `` at its start makes it a heading.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from pydantic import TypeAdapter

from imsaudit.checks import CheckSpec
from imsaudit.checks._matcher import PhraseMatcher
from imsaudit.checks.base import CheckParams, EvalContext, check_phrases
from imsaudit.evidence.model import (
    Classification,
    ClassificationSource,
    Document,
    DocumentFormat,
    EvidenceIndex,
    Metadata,
    Reason,
    Table,
    TemplateMarker,
    TemplateReport,
    TextUnit,
    UnitRole,
)
from imsaudit.packs.model import EvidenceKind

AS_OF = date(2026, 11, 1)
"""The audit date of a case unless it says otherwise."""

_FORMATS = {
    "md": DocumentFormat.MARKDOWN,
    "txt": DocumentFormat.TEXT,
    "csv": DocumentFormat.CSV,
    "xlsx": DocumentFormat.XLSX,
    "docx": DocumentFormat.DOCX,
    "pdf": DocumentFormat.PDF,
    "html": DocumentFormat.HTML,
    "png": DocumentFormat.IMAGE,
}

_SPEC: TypeAdapter[CheckParams] = TypeAdapter(CheckSpec)


def fake_sha256(path: str) -> str:
    """A stable, fake content hash (the checks only pass it through to evidence)."""
    return hashlib.sha256(path.encode()).hexdigest()


def unit(spec: str | Mapping[str, Any], index: int) -> TextUnit:
    """A text unit from ``"text"``, ``"# heading"`` or ``{text, locator, role, level}``."""
    if isinstance(spec, str):
        if spec.startswith("#"):
            level = len(spec) - len(spec.lstrip("#"))
            return TextUnit(
                text=spec.lstrip("#").strip(),
                locator=f"line {index + 1}",
                role=UnitRole.HEADING,
                level=level,
            )
        return TextUnit(text=spec, locator=f"line {index + 1}")
    role = UnitRole(spec.get("role", "text"))
    return TextUnit(
        text=spec["text"],
        locator=spec.get("locator", f"line {index + 1}"),
        role=role,
        level=spec.get("level", 1 if role is UnitRole.HEADING else 0),
    )


def table(spec: Mapping[str, Any]) -> Table:
    """A table from ``{name, header, rows, row_locators?}``; rows default to spreadsheet locators."""
    name = spec.get("name", "Sheet1")
    header = tuple(str(h) for h in spec.get("header", ()))
    rows = tuple(tuple(r) for r in spec.get("rows", ()))
    width = max([len(header), *(len(r) for r in rows)], default=0)
    padded = tuple(r + (None,) * (width - len(r)) for r in rows)
    locators = spec.get("row_locators") or [f"sheet {name} row {i + 2}" for i in range(len(rows))]
    return Table(
        name=name,
        locator=spec.get("locator", f"sheet {name}"),
        header=header,
        header_locator=spec.get("header_locator", f"sheet {name} row 1" if header else None),
        rows=padded,
        row_locators=tuple(locators),
    )


def metadata(spec: Mapping[str, Any]) -> Metadata:
    """Metadata from ``metadata`` / ``sources`` / ``rejected``, worded as the scanner words them."""
    values = dict(spec.get("metadata", {}))
    sources = {field: "front matter" for field in values} | dict(spec.get("sources", {}))
    rejected = {
        field: f"{str(value)!r} at {sources.get(field, 'front matter')} is a placeholder"
        for field, value in spec.get("rejected", {}).items()
    }
    return Metadata(**values, sources=sources, rejected=rejected)


def document(spec: Mapping[str, Any]) -> Document:
    """A Document (the real model) from its compact form."""
    path = spec["path"]
    markers = tuple(
        TemplateMarker(text=m["text"], rule=m.get("rule", "angle-placeholder"), locator=m["locator"])
        for m in spec.get("markers", ())
    )
    is_template = bool(spec.get("template", False))
    return Document(
        path=path,
        sha256=fake_sha256(path),
        size=1000,
        format=_FORMATS.get(path.rsplit(".", 1)[-1].lower(), DocumentFormat.OTHER),
        units=tuple(unit(u, i) for i, u in enumerate(spec.get("units", ()))),
        tables=tuple(table(t) for t in spec.get("tables", ())),
        metadata=metadata(spec),
        template=TemplateReport(
            is_template=is_template,
            reasons=("template in the file name",) if is_template else (),
            markers=markers,
        ),
        pages=spec.get("pages"),
        pages_without_text=tuple(spec.get("pages_without_text", ())),
        error=spec.get("error"),
    )


def evidence_kind(kind: str, spec: Mapping[str, Any] | None = None) -> EvidenceKind:
    """A kind with a readable title (``nonconformity-log`` -> ``Nonconformity log``)."""
    spec = spec or {}
    return EvidenceKind.model_validate(
        {
            "id": kind,
            "title": spec.get("title", kind.replace("-", " ").capitalize()),
            "description": f"Test kind {kind} for the check cases.",
            "documented_information": "retain" if spec.get("tabular") else "maintain",
            "tabular": bool(spec.get("tabular", False)),
            "recognize": {},
        }
    )


def classification(kind: str, score: int | None) -> Classification:
    """Declared (``score`` None), or recognized with ``score`` (to test ranking by strength)."""
    if score is None:
        return Classification(
            kind=kind,
            score=10,
            min_score=4,
            source=ClassificationSource.DECLARED,
            reasons=(Reason(rule="declared", detail=f"kind: {kind}", score=10),),
        )
    return Classification(
        kind=kind,
        score=score,
        min_score=4,
        source=ClassificationSource.RECOGNIZED,
        reasons=(Reason(rule="phrase", detail=f"'{kind}'", score=score),),
    )


def index(documents: Iterable[Mapping[str, Any]]) -> EvidenceIndex:
    """An EvidenceIndex where each document is of the kinds it lists (declared, or scored)."""
    built = sorted((document(d) for d in documents), key=lambda d: d.path)
    kinds_of = {d["path"]: tuple(d.get("kinds", ())) for d in documents}
    scores = {d["path"]: d.get("score") for d in documents}
    classifications = {
        path: tuple(classification(kind, scores[path]) for kind in sorted(kinds))
        for path, kinds in kinds_of.items()
        if kinds
    }
    all_kinds = sorted({k for kinds in kinds_of.values() for k in kinds})
    return EvidenceIndex(documents=tuple(built), classifications=classifications, kinds=tuple(all_kinds))


def params(spec: Mapping[str, Any], check_type: str | None = None) -> CheckParams:
    """Validated check parameters; ``type`` defaults to ``check_type``."""
    data = dict(spec)
    if check_type is not None:
        data.setdefault("type", check_type)
    return _SPEC.validate_python(data)


def context(
    documents: Sequence[Mapping[str, Any]],
    checks: Sequence[CheckParams],
    *,
    as_of: date = AS_OF,
    kinds: Mapping[str, Mapping[str, Any]] | None = None,
) -> EvalContext:
    """An EvalContext over ``documents`` with a matcher for the phrases of ``checks``."""
    evidence = index(documents)
    kind_specs = dict(kinds or {})
    referenced = {k for check in checks for node in check.walk() for k in node.kind_refs()}
    ids = set(evidence.kinds) | referenced | set(kind_specs)
    return EvalContext(
        index=evidence,
        as_of=as_of,
        kinds={k: evidence_kind(k, kind_specs.get(k)) for k in sorted(ids)},
        matcher=PhraseMatcher.of(check_phrases(checks)),
    )
