"""Entry point: the ``imsaudit`` group, command discovery, and error -> exit code mapping.

The library raises; this module translates. An ``ImsauditError`` becomes one line per
problem on stderr (``path:line:col: message``) and exit code 2, with no traceback unless
``--debug`` is given (or ``IMSAUDIT_DEBUG=1``).
"""

from __future__ import annotations

import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Sequence

import click

from imsaudit import __version__
from imsaudit.cli import commands
from imsaudit.cli.exit_codes import EXIT_INPUT, EXIT_OK, exit_code_for
from imsaudit.cli.output import CONTEXT
from imsaudit.core.errors import ImsauditError, InputError


class _Commands(click.Group):
    """Finds commands in ``imsaudit.cli.commands`` when asked, importing only the one run."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(m.name.replace("_", "-") for m in pkgutil.iter_modules(commands.__path__))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.list_commands(ctx):
            return None
        module = importlib.import_module(f"{commands.__name__}.{cmd_name.replace('-', '_')}")
        command: click.Command = module.command
        return command


@click.group(
    cls=_Commands,
    context_settings=CONTEXT,
    epilog="Example: imsaudit packs validate",
)
@click.version_option(__version__, prog_name="imsaudit")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.option("--quiet", "-q", is_flag=True, help="Print only results and errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool, quiet: bool) -> None:
    """Audit a management system's own documents against ISO requirement packs.

    Packs: ISO 9001:2015 (quality), ISO 56001:2024 (innovation) and standardization
    integrated into research. Run a command with --help for its options and an example.
    """
    level = logging.DEBUG if debug else logging.WARNING if quiet else logging.INFO
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    ctx.ensure_object(dict)
    ctx.obj.update(debug=debug, quiet=quiet)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (``sys.exit`` is left to the console script)."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or os.environ.get("IMSAUDIT_DEBUG") == "1"
    try:
        # Not standalone: click returns ctx.exit()'s code instead of calling sys.exit.
        returned = cli.main(args=args, prog_name="imsaudit", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exit_code_for(exc)
    except click.ClickException as exc:
        exc.show()
        return exit_code_for(exc)
    except click.Abort:
        click.echo("Aborted.", err=True)
        return EXIT_INPUT
    except ImsauditError as exc:
        if debug:
            raise
        lines = [str(p) for p in exc.problems] if isinstance(exc, InputError) else [str(exc)]
        for line in lines:
            click.echo(f"error: {line}" if not isinstance(exc, InputError) else line, err=True)
        if isinstance(exc, InputError) and len(lines) > 1:
            click.echo(f"{len(lines)} problems", err=True)
        return exit_code_for(exc)
    except Exception as exc:
        if debug:
            raise
        click.echo(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True)
        return exit_code_for(exc)
    return returned if isinstance(returned, int) else EXIT_OK


def run() -> None:
    """Console-script wrapper."""
    sys.exit(main())
