"""``findings.csv``: the findings register, one row per requirement, for scripts and spreadsheets.

RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or
line break, quotes doubled. Encoded UTF-8 **with a byte-order mark**: Excel opens a
BOM-less UTF-8 file as the local code page and garbles every non-ASCII character
(names, the excerpt ellipsis), while Python's ``utf-8-sig``, pandas, LibreOffice and most
CSV tools skip the BOM. Read it with ``encoding="utf-8-sig"``.

The columns are fixed (:data:`COLUMNS`), in this order, whatever the audit holds:

- ``evidence``: ``path#locator`` entries separated by ``"; "``, as cited;
- ``sha256s``: the sha256 of each cited file, in the order the files first appear;
- ``finding``: the clause's finding class; ``action``: how to close the gap (gaps only);
- ``manual_verdict``: an auditor's verdict (``met``...) when one overrides the machine;
- ``waiver``: ``active until DATE: reason`` or ``expired DATE: reason``.

Cells are evidence-derived text, so a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading apostrophe: a spreadsheet shows it as text instead of
evaluating a formula (CSV injection, OWASP). The apostrophe is visible to scripts; it is
the price of a file that is safe to double-click.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from imsaudit.core.types import Outcome
from imsaudit.findings.model import AuditResult, RequirementResult
from imsaudit.render.base import Renderer, RenderOptions, register

COLUMNS = (
    "requirement",
    "pack",
    "clause",
    "clause_title",
    "severity",
    "outcome",
    "finding",
    "message",
    "evidence",
    "sha256s",
    "owner",
    "action",
    "manual_verdict",
    "waiver",
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
GAPS = (Outcome.NOT_MET, Outcome.PARTLY_MET)


def guard(cell: str) -> str:
    """The cell as inert text for spreadsheets: a leading apostrophe before a formula start."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _waiver(r: RequirementResult) -> str:
    w = r.waiver
    if w is None:
        return ""
    state = "active until" if w.active else "expired"
    by = f" (approved by {w.approved_by})" if w.approved_by else ""
    return f"{state} {w.expires.isoformat()}{by}: {w.reason}"


def _row(r: RequirementResult, clause_title: str, finding: str) -> list[str]:
    cited = list(dict.fromkeys(f"{e.path}#{e.locator}" for e in r.evidence))
    hashes = list(dict.fromkeys({e.path: e.sha256 for e in r.evidence}.values()))
    return [
        r.id,
        r.pack,
        r.clause,
        clause_title,
        r.severity.value,
        r.outcome.value,
        finding,
        r.message,
        "; ".join(cited),
        "; ".join(hashes),
        r.owner or "",
        r.guidance.close_gap if r.outcome in GAPS else "",
        r.manual.verdict.value if r.manual else "",
        _waiver(r),
    ]


def findings_rows(result: AuditResult) -> list[list[str]]:
    """The register's rows (header first), cells not yet guarded."""
    clauses = {(c.pack, c.clause): c for c in result.clauses}
    rows: list[list[str]] = [list(COLUMNS)]
    for r in result.requirements:
        clause = clauses.get((r.pack, r.clause))
        title, finding = (clause.title, clause.finding.value) if clause else ("", "")
        rows.append(_row(r, title, finding))
    return rows


def findings_csv(rows: Sequence[Sequence[str]]) -> bytes:
    """RFC 4180 bytes (UTF-8 with BOM, CRLF) of guarded ``rows``."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows([guard(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


@register
class CsvRenderer(Renderer):
    """findings.csv: one row per requirement with outcome, evidence, hashes and action."""

    name = "csv"
    filename = "findings.csv"

    def render(self, result: AuditResult, options: RenderOptions) -> bytes:
        return findings_csv(findings_rows(result))
