"""``imsaudit checklist``: every requirement in dependency order, to set a system up or self-assess."""

from __future__ import annotations

from pathlib import Path

import click

from imsaudit.cli.output import CONTEXT, paper_option

FORMATS = ("md", "xlsx", "pdf")


@click.command(
    context_settings=CONTEXT,
    epilog="Example: imsaudit checklist --pack iso9001-2015 --format xlsx --out qms-checklist.xlsx",
)
@click.option("--pack", "pack_ids", multiple=True, required=True, help="Pack id (repeatable).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="md",
    show_default=True,
    help="md: GitHub Markdown with checkboxes; xlsx: a workbook with a Status drop-down; pdf: to print.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write; default: checklist-<pack ids>.<format> in the current folder.",
)
@paper_option("the PDF")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
def checklist(pack_ids: tuple[str, ...], fmt: str, out: Path | None, paper: str, quiet: bool) -> None:
    """Write a self-assessment checklist: every requirement of the packs, in dependency order.

    Requirements are grouped in phases (what to put in place first), each with its clause,
    severity, the evidence that would satisfy it, what the audit checks, what an auditor
    looks for, the interview questions, and a status to fill in.
    """
    from imsaudit.core.atomic import write_atomic
    from imsaudit.kit.checklist import build_checklist
    from imsaudit.kit.checklist_render import default_filename, render_checklist
    from imsaudit.packs.load import load_library

    quiet = quiet or bool(click.get_current_context().find_root().params.get("quiet"))
    library = load_library(pack_ids)
    built = build_checklist(library, pack_ids)
    target = out or Path(default_filename(built, fmt))
    write_atomic(target, render_checklist(built, fmt, paper))
    if not quiet:
        click.echo(f"wrote {target}: {len(built.items)} requirements in {len(built.phases)} phases", err=True)


command = checklist
