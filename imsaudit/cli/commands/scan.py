"""``imsaudit scan``: what is in an evidence folder, what kind of evidence each file is, and why.

Thin by design: the command parses options, loads the packs' evidence kinds and the
optional organization.yaml, calls ``imsaudit.evidence`` and prints. Library errors
(``UsageError``, ``SettingsError``) propagate to the CLI main, which maps them to exit
code 2. Heavy imports happen inside the command so ``imsaudit --help`` stays fast.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from imsaudit.cli.output import CONTEXT, extraction_options, scan_progress

if TYPE_CHECKING:
    from imsaudit.evidence.model import Document, EvidenceIndex
    from imsaudit.evidence.scan import ScanResult
    from imsaudit.packs.model import EvidenceKind

logger = logging.getLogger(__name__)


def selected_kinds(pack_ids: tuple[str, ...]) -> list[EvidenceKind]:
    """The evidence kinds of the selected packs (all bundled packs when none is named).

    An unknown pack id is a ``UsageError`` with a suggestion (raised by the loader).
    """
    from imsaudit.packs.load import load_library

    library = load_library(pack_ids or None)
    return [library.kinds[k] for k in sorted(library.kinds)]


@click.command(
    "scan",
    context_settings=CONTEXT,
    epilog="Example: imsaudit scan ./evidence --pack iso9001-2015 --format json",
)
@click.argument("evidence_dir", type=click.Path(path_type=Path))
@click.option(
    "--pack",
    "pack_ids",
    multiple=True,
    metavar="ID",
    help="Recognize the evidence kinds of this pack (repeatable; default: all packs).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@extraction_options
@click.option("--quiet", is_flag=True, help="No progress bar and no summary on stderr.")
def scan(
    evidence_dir: Path,
    pack_ids: tuple[str, ...],
    output_format: str,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path | None,
    quiet: bool,
) -> None:
    """List the documents of EVIDENCE_DIR, the evidence kinds each one is, and why.

    Every file is listed with its format, its sha256, the kinds it was recognized as
    (with the rules that matched and their scores), and the warnings or the one-line
    error of files that could not be read completely. The folder is never written to.
    """
    from imsaudit.evidence.classify import classify
    from imsaudit.evidence.organization import (
        check_kind_ids,
        find_organization,
        load_organization,
    )
    from imsaudit.evidence.scan import ScanOptions, scan_folder

    kinds = selected_kinds(pack_ids)
    organization = None
    organization_path = find_organization(evidence_dir) if evidence_dir.is_dir() else None
    if organization_path is not None:
        organization = load_organization(organization_path)
        check_kind_ids(organization, (k.id for k in kinds), str(organization_path))
    options = ScanOptions(jobs=jobs, use_cache=not no_cache, cache_dir=cache_dir)
    with scan_progress(not quiet) as progress:
        result = scan_folder(evidence_dir, options, progress=progress)
    index = classify(result.documents, kinds, overrides=organization.kinds if organization else ())
    if output_format == "json":
        from imsaudit.core.jsontext import pretty

        click.echo(pretty(scan_report(result, index)))
    else:
        _print_table(result, index)
    if not quiet:
        click.echo(_summary(result, index), err=True)


def document_entry(document: Document, index: EvidenceIndex) -> dict[str, Any]:
    """One document as the audit.json contract names its fields (plus template and metadata)."""
    metadata = document.metadata.model_dump(
        mode="json", exclude={"sources", "rejected", "declared_kinds"}, exclude_none=True
    )
    return {
        "path": document.path,
        "sha256": document.sha256,
        "size": document.size,
        "format": document.format.value,
        "kinds": [
            {"kind": c.kind, "why": c.why, "score": c.score, "source": c.source.value}
            for c in index.kinds_of(document.path)
        ],
        "template": document.template.is_template,
        "template_reasons": list(document.template.reasons),
        "metadata": metadata,
        "pages": document.pages,
        "error": document.error,
        "warnings": list(document.warnings),
    }


def scan_report(result: ScanResult, index: EvidenceIndex) -> dict[str, Any]:
    """The JSON output: documents, skipped entries, classification notes; sorted, stable."""
    return {
        "documents": [document_entry(d, index) for d in index.documents],
        "skipped": [{"path": s.path, "reason": s.reason} for s in result.skipped],
        "notes": [{"path": n.path, "line": n.line, "message": n.message} for n in index.notes],
        "kinds_considered": list(index.kinds),
    }


def _print_table(result: ScanResult, index: EvidenceIndex) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(width=None if sys.stdout.isatty() else 200, highlight=False)
    table = Table(show_lines=True)
    table.add_column("path", overflow="fold")
    table.add_column("format")
    table.add_column("kinds and why", overflow="fold")
    table.add_column("warnings", overflow="fold")
    for document in index.documents:
        kinds = Text()
        for classification in index.kinds_of(document.path):
            if kinds:
                kinds.append("\n")
            kinds.append(classification.kind, style="bold")
            kinds.append(f": {classification.why}")
        if document.template.is_template:
            if kinds:
                kinds.append("\n")
            kinds.append("template (not a record): ", style="yellow")
            kinds.append("; ".join(document.template.reasons))
        problems = Text()
        if document.error:
            problems.append(f"error: {document.error}", style="red")
        for warning in document.warnings:
            if problems:
                problems.append("\n")
            problems.append(warning, style="yellow")
        # Text, not str: a file named "[red]x.md" must show as it is, not as rich markup.
        table.add_row(Text(document.path), document.format.value, kinds, problems)
    console.print(table)
    for skipped in result.skipped:
        console.print(f"skipped {skipped.path}: {skipped.reason}", markup=False)
    for note in index.notes:
        where = f"{note.path}:{note.line}" if note.line else note.path
        console.print(f"note {where}: {note.message}", markup=False)


def _summary(result: ScanResult, index: EvidenceIndex) -> str:
    documents = index.documents
    errors = sum(1 for d in documents if d.error)
    templates = sum(1 for d in documents if d.template.is_template)
    classified = sum(1 for d in documents if index.kinds_of(d.path))
    stats = result.stats
    return (
        f"{len(documents)} documents: {classified} of a known kind, {templates} templates,"
        f" {errors} unreadable; {stats.cache_hits} from cache, {stats.extracted} read"
    )


command = scan
