"""CSV and TSV: encoding detected, dialect sniffed cheaply, one row per record, ``row N``.

``csv.Sniffer`` costs ~6x the parse itself (extraction-figures.md), so the delimiter is
chosen by counting candidates on the first lines: the one that splits them into the
same number of fields, most often, wins. ``row N`` is the record number, which is the
row a spreadsheet shows when the file is opened in one.
"""

from __future__ import annotations

import csv
import io
import logging
from collections import Counter

from imsaudit.evidence.extract._builder import ResultBuilder
from imsaudit.evidence.extract._tables import header_row, normalize_cell
from imsaudit.evidence.extract._text import decode_text
from imsaudit.evidence.extract.base import ExtractContext, ExtractError, register
from imsaudit.evidence.model import Cell, DocumentFormat, ExtractResult

logger = logging.getLogger(__name__)

CANDIDATES = (",", ";", "\t", "|")
SNIFF_LINES = 30


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most consistently (``,`` when in doubt)."""
    lines = [line for line in text.split("\n", SNIFF_LINES)[:SNIFF_LINES] if line.strip()]
    if not lines:
        return ","
    best, best_score = ",", (0, 0)
    for candidate in CANDIDATES:
        counts = [line.count(candidate) for line in lines]
        mode, frequency = Counter(counts).most_common(1)[0]
        if mode == 0:
            continue
        score = (frequency, mode)
        if score > best_score:
            best, best_score = candidate, score
    return best


@register("csv", "1", {"csv": DocumentFormat.CSV, "tsv": DocumentFormat.TSV}, names_file=True)
def extract_delimited(data: bytes, context: ExtractContext) -> ExtractResult:
    """Rows as a table (header detected) and as ``row N`` units."""
    builder = ResultBuilder(context)
    text, encoding = decode_text(data, builder.warn)
    delimiter = "\t" if context.extension == "tsv" else sniff_delimiter(text)
    rows: list[list[Cell]] = []
    truncated = False
    try:
        for record in csv.reader(io.StringIO(text), delimiter=delimiter):
            if len(rows) >= context.limits.max_rows:
                truncated = True
                break
            rows.append([normalize_cell(cell) for cell in record])
    except csv.Error as exc:
        raise ExtractError(f"malformed CSV at row {len(rows) + 1} ({exc})") from None
    if truncated:
        builder.warn(f"only the first {context.limits.max_rows:,} rows were read (limit)")
    name = context.path.rsplit("/", 1)[-1]
    locators = [f"row {i + 1}" for i in range(len(rows))]
    keep = [i for i, row in enumerate(rows) if any(c is not None for c in row)]
    rows = [rows[i] for i in keep]
    locators = [locators[i] for i in keep]
    if rows:
        builder.table(name, "row 1", rows, locators, header_index=header_row(rows), truncated=truncated)
    return builder.finish(encoding=encoding)
