"""``imsaudit explain``: the audit trail of one requirement, from an audit.json."""

from __future__ import annotations

from pathlib import Path

import click

from imsaudit.cli.output import CONTEXT


def _tree(check: object, depth: int = 0) -> list[str]:
    from imsaudit.core.results import CheckResult

    assert isinstance(check, CheckResult)
    pad = "  " * depth
    lines = [f"{pad}- {check.type}: {check.outcome.value}: {check.message}"]
    if check.looked_at and not check.children:
        lines.append(f"{pad}  looked at: {', '.join(check.looked_at)}")
    for child in check.children:
        lines += _tree(child, depth + 1)
    return lines


@click.command(
    context_settings=CONTEXT,
    epilog="Example: imsaudit explain reports/acme-2026-11-01/audit.json QMS-9.2.2-01",
)
@click.argument("audit_json", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("requirement_id")
def explain(audit_json: Path, requirement_id: str) -> None:
    """Show how a requirement's verdict was reached: checks run, documents seen, evidence cited."""
    from imsaudit.core.errors import UsageError
    from imsaudit.core.suggest import did_you_mean
    from imsaudit.findings.model import AuditResult

    try:
        result = AuditResult.model_validate_json(audit_json.read_bytes())
    except ValueError as exc:
        raise UsageError(f"{audit_json}: not an imsaudit audit.json ({str(exc).splitlines()[0]})") from None
    found = {r.id: r for r in result.requirements}
    if requirement_id not in found:
        raise UsageError(
            f"no requirement {requirement_id!r} in {audit_json}{did_you_mean(requirement_id, found)}"
        )
    r = found[requirement_id]
    clause = next(c for c in result.clauses if c.pack == r.pack and c.clause == r.clause)
    lines = [
        f"{r.id} ({r.pack} clause {r.clause} {clause.title}), severity {r.severity.value}",
        f"  {r.text}",
        f"Outcome: {r.outcome.value}"
        + (f" (machine: {r.machine_outcome.value})" if r.outcome != r.machine_outcome else ""),
        f"Clause finding: {clause.finding.value}"
        + (f", at risk because of {', '.join(clause.root_causes)}" if clause.at_risk else ""),
        f"Why: {r.message}",
    ]
    if r.manual:
        m = r.manual
        lines.append(
            f"Manual verdict: {m.verdict.value} by {m.auditor or 'unnamed auditor'}"
            f" on {m.date or 'no date'} ({m.source}){': ' + m.note if m.note else ''}"
        )
    if r.excluded:
        lines.append(f"Excluded: {r.excluded}")
    lines.append("Checks:")
    for check in r.checks:
        lines += ["  " + line for line in _tree(check)]
    lines.append("Evidence cited:" if r.evidence else "Evidence cited: none")
    for ref in r.evidence:
        quote = f' "{ref.excerpt}"' if ref.excerpt else ""
        lines.append(f"  {ref.path} ({ref.locator}, sha256 {ref.sha256[:12]}){quote}")
    lines += [
        f"Auditor looks for: {r.guidance.look_for}",
        f"To close the gap: {r.guidance.close_gap}",
        "Questions:",
    ]
    lines += [f"  - {q}" for q in r.questions]
    click.echo("\n".join(lines))


command = explain
