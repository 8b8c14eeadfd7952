"""``imsaudit diff``: what changed between two audits of the same organization."""

from __future__ import annotations

from pathlib import Path

import click

from imsaudit.cli.exit_codes import EXIT_FINDINGS, EXIT_OK
from imsaudit.cli.output import CONTEXT


@click.command(
    context_settings=CONTEXT,
    epilog="Example: imsaudit diff reports/q2/audit.json reports/q3/audit.json --fail-on-regression",
)
@click.argument("old", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--fail-on-regression", is_flag=True, help="Exit 1 when any requirement regressed.")
def diff(old: Path, new: Path, fmt: str, fail_on_regression: bool) -> None:
    """Compare two audit.json files: newly met, regressed and still open requirements."""
    from imsaudit.cli.output import echo_json
    from imsaudit.core.errors import UsageError
    from imsaudit.findings.diff import progress
    from imsaudit.findings.model import AuditResult

    audits = []
    for path in (old, new):
        try:
            audits.append(AuditResult.model_validate_json(path.read_bytes()))
        except ValueError as exc:
            raise UsageError(f"{path}: not an imsaudit audit.json ({str(exc).splitlines()[0]})") from None
    change = progress(audits[0], audits[1])
    if fmt == "json":
        echo_json(change.model_dump(mode="json"))
    else:

        def fmt_score(value: float | None) -> str:
            return "n/a" if value is None else f"{value:.1f}"

        lines = [
            f"{audits[0].as_of} -> {audits[1].as_of}: score {fmt_score(change.score_before)} -> "
            f"{fmt_score(change.score_after)}"
        ]
        lines.append(f"Newly met ({len(change.newly_met)}):")
        lines += [f"  {c.requirement}: {c.before and c.before.value} -> met" for c in change.newly_met]
        lines.append(f"Regressed ({len(change.regressed)}):")
        lines += [
            f"  {c.requirement}: {c.before and c.before.value} -> {c.after and c.after.value}"
            for c in change.regressed
        ]
        lines.append(f"Still open ({len(change.still_open)}): {', '.join(change.still_open) or '-'}")
        if change.added or change.removed:
            lines.append(
                f"New requirements: {', '.join(change.added) or '-'}; "
                f"removed: {', '.join(change.removed) or '-'}"
            )
        click.echo("\n".join(lines))
    click.get_current_context().exit(EXIT_FINDINGS if fail_on_regression and change.regressed else EXIT_OK)


command = diff
