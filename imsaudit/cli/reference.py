"""The CLI reference (docs/cli.md), generated from the click commands so it cannot drift."""

from __future__ import annotations

import click

from imsaudit.cli.main import cli


def _walk(ctx: click.Context) -> list[tuple[str, str]]:
    command = ctx.command
    entries = [(ctx.command_path, command.get_help(ctx))]
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            child = command.get_command(ctx, name)
            if child is not None and not child.hidden:
                entries += _walk(child.make_context(name, [], parent=ctx, resilient_parsing=True))
    return entries


def commands_with_help() -> list[tuple[str, str]]:
    """Every command path (``imsaudit packs show``) with its full ``--help`` text."""
    root = cli.make_context("imsaudit", [], resilient_parsing=True, terminal_width=100)
    return _walk(root)


def cli_reference_markdown() -> str:
    """Markdown: each command's ``--help`` as it prints."""
    out = [
        "# Command-line reference",
        "",
        "Generated from the commands by `python scripts/gen_docs.py`; a test fails when it drifts.",
        "",
    ]
    for path, text in commands_with_help():
        out += [f"## `{path}`", "", "```text", text.rstrip(), "```", ""]
    return "\n".join(out).rstrip() + "\n"
