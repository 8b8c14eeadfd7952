"""``imsaudit init``: a starter kit of templates and registers for a new organization."""

from __future__ import annotations

from pathlib import Path

import click

from imsaudit.cli.output import CONTEXT


@click.command(
    context_settings=CONTEXT,
    epilog="Example: imsaudit init ./our-ims --pack iso9001-2015 --pack iso56001-2024",
)
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--pack", "pack_ids", multiple=True, required=True, help="Pack id (repeatable).")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
def init(directory: Path, pack_ids: tuple[str, ...], quiet: bool) -> None:
    """Write a starter kit into DIRECTORY (new or empty): templates for every evidence kind.

    A document template per controlled document, a CSV register per register, a record
    template per record, grouped by clause area; a README with the order to fill them in
    and an organization.yaml. Until they are filled in, an audit reports each file as a
    template, never as evidence.
    """
    from collections import Counter

    from imsaudit.kit.starter import build_starter_kit, write_starter_kit
    from imsaudit.packs.load import load_library

    quiet = quiet or bool(click.get_current_context().find_root().params.get("quiet"))
    library = load_library(pack_ids)
    kit = build_starter_kit(library, pack_ids)
    written = write_starter_kit(kit, directory)
    if not quiet:
        counts = Counter(f.role for f in kit.files)
        click.echo(
            f"wrote {len(written)} files to {directory}: {counts['document']} document templates, "
            f"{counts['register']} registers, {counts['record']} record templates, "
            "README.md and organization.yaml",
            err=True,
        )
        click.echo(f"next: read {directory / 'README.md'}", err=True)


command = init
