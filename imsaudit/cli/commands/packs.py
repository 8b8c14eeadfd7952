"""``imsaudit packs``: list, show, validate and graph the requirement packs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from imsaudit.cli.output import CONTEXT, console, echo_json

if TYPE_CHECKING:
    from imsaudit.packs.load import Library
    from imsaudit.packs.model import Pack

GRAPH_FORMATS = ("dot", "mermaid", "graphml", "svg")


@click.group(context_settings=CONTEXT, epilog="Example: imsaudit packs show iso9001-2015")
def packs() -> None:
    """List, show, validate and graph the requirement packs (clauses/*.yaml)."""


@packs.command("list", epilog="Example: imsaudit packs list --format json")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def list_packs(fmt: str) -> None:
    """List the bundled packs with their clause, requirement, kind and edge counts."""
    from imsaudit.packs.load import load_library

    library = load_library()
    rows = [_row(library, pack_id) for pack_id in library.packs]
    if fmt == "json":
        echo_json(rows)
        return
    from rich.table import Table

    table = Table("id", "standard", "version", "clauses", "requirements", "kinds", "edges")
    for column in table.columns:
        column.no_wrap = column.header != "standard"
    for row in rows:
        table.add_row(
            *(str(row[k]) for k in ("id", "standard", "version", "clauses", "requirements", "kinds", "edges"))
        )
    console().print(table)


def _row(library: Library, pack_id: str) -> dict[str, object]:
    pack = library.packs[pack_id]
    return {
        "id": pack.id,
        "title": pack.pack.title,
        "standard": pack.pack.standard,
        "version": pack.pack.version,
        "clauses": len(pack.clauses),
        "requirements": len(pack.requirements),
        "kinds": len(pack.kinds_used()),
        "edges": sum(len(c.depends_on) for c in pack.clauses),
    }


@packs.command("show", epilog="Example: imsaudit packs show iso56001-2024 --requirements")
@click.argument("pack_id")
@click.option(
    "--requirements",
    "-r",
    "with_requirements",
    is_flag=True,
    help="List each clause's requirements under it.",
)
@click.option("--format", "fmt", type=click.Choice(["tree", "json"]), default="tree", show_default=True)
def show(pack_id: str, with_requirements: bool, fmt: str) -> None:
    """Show a pack as a clause tree with requirement counts, confidence and prerequisites."""
    from imsaudit.packs.load import load_library

    library = load_library([pack_id])
    pack = library.pack(pack_id)
    if fmt == "json":
        echo_json(pack.model_dump(mode="json", exclude_defaults=False))
        return
    from rich.markup import escape
    from rich.tree import Tree

    info = pack.pack
    root = Tree(
        f"[bold]{escape(info.standard)}[/] {escape(info.title)}  "
        f"[dim]({len(pack.clauses)} clauses, {len(pack.requirements)} requirements, "
        f"{len(pack.kinds_used())} evidence kinds, pack {escape(info.version)})[/]"
    )
    nodes: dict[str, Tree] = {}
    for clause in pack.clauses:
        parent = nodes.get(clause.parent, root) if clause.parent else root
        count = _total_requirements(pack, clause.number)
        marks = []
        if clause.confidence.value != "high":
            marks.append(f"confidence {clause.confidence.value}")
        if clause.title_source.value != "standard":
            marks.append("our label")
        if clause.depends_on:
            marks.append("after " + ", ".join(d.clause for d in clause.depends_on))
        extra = f"  [dim]{escape('; '.join(marks))}[/]" if marks else ""
        node = parent.add(f"[bold]{escape(clause.number)}[/] {escape(clause.title)}  [cyan]{count}[/]{extra}")
        nodes[clause.number] = node
        if with_requirements:
            for req in clause.requirements:
                node.add(f"[green]{escape(req.id)}[/] [{req.severity.value}] {escape(req.text)}")
    console().print(root)


def _total_requirements(pack: Pack, number: str) -> int:
    return sum(
        len(c.requirements) for c in pack.clauses if c.number == number or c.number.startswith(number + ".")
    )


@packs.command("validate", epilog="Example: imsaudit packs validate clauses/iso9001-2015.yaml")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Validate the bundled packs, or the pack FILES (each with the shared evidence kinds).

    Every problem is printed as file:line:col: message and the exit code is 2.
    """
    from imsaudit.packs.load import load_library

    library = load_library([] if files else None, files=files)
    for pack in library.packs.values():
        click.echo(
            f"ok  {pack.id}: {len(pack.clauses)} clauses, {len(pack.requirements)} requirements, "
            f"{len(pack.kinds_used())} evidence kinds, "
            f"{sum(len(c.depends_on) for c in pack.clauses)} prerequisite edges"
        )
    if not files:
        click.echo(f"ok  {len(library.kinds)} evidence kinds defined")


@packs.command("graph", epilog="Example: imsaudit packs graph iso9001-2015 --format mermaid")
@click.argument("pack_id")
@click.option("--format", "fmt", type=click.Choice(GRAPH_FORMATS), default="dot", show_default=True)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
def graph(pack_id: str, fmt: str, out: Path | None) -> None:
    """Print the prerequisite graph of a pack: DOT, Mermaid, GraphML or an SVG picture."""
    from imsaudit.graph.build import build_graph
    from imsaudit.graph.export import EXPORTERS
    from imsaudit.packs.load import load_library

    pack = load_library([pack_id]).pack(pack_id)
    text = EXPORTERS[fmt](build_graph([pack]))
    if out is None:
        click.echo(text, nl=False)
    else:
        from imsaudit.core.atomic import write_atomic

        write_atomic(out, text.encode("utf-8"))
        click.echo(f"wrote {out}", err=True)


@packs.command(
    "crosswalk", epilog="Example: imsaudit packs crosswalk --pack iso9001-2015 --pack iso56001-2024"
)
@click.option("--pack", "pack_ids", multiple=True, help="Pack id (repeatable); default: all.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def crosswalk_command(pack_ids: tuple[str, ...], fmt: str) -> None:
    """Show which clause of each pack sits on each Harmonized Structure clause."""
    from imsaudit.packs.crosswalk import crosswalk
    from imsaudit.packs.hs import HS_CLAUSES
    from imsaudit.packs.load import load_library

    library = load_library(pack_ids or None)
    table_data = crosswalk(library.packs.values())
    if fmt == "json":
        echo_json(table_data)
        return
    from rich.table import Table

    table = Table("HS", "HS title", *library.packs)
    for hs, row in table_data.items():
        table.add_row(hs, HS_CLAUSES[hs], *(", ".join(row.get(p, [])) for p in library.packs))
    console().print(table)


command = packs
