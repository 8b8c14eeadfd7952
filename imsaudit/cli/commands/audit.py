"""``imsaudit audit``: judge an evidence folder against the packs and write the reports."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from imsaudit.cli.exit_codes import EXIT_FINDINGS, EXIT_OK

if TYPE_CHECKING:
    from imsaudit.findings.evaluate import Verdict
from imsaudit.cli.output import CONTEXT, extraction_options, paper_option

FAIL_LEVELS = {"none": (), "major": ("major_nc",), "minor": ("major_nc", "minor_nc")}
DEFAULT_FORMATS = ("pdf", "html", "json")


def slug(text: str) -> str:
    """``ACME Research Institute`` -> ``acme-research-institute`` (for the default --out)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "organization"


def read_verdict_workbook(path: Path) -> tuple[Verdict, ...]:
    """Manual verdicts from the review workbook's Review sheet."""
    from python_calamine import CalamineWorkbook

    from imsaudit.core.errors import Problem, SettingsError
    from imsaudit.findings.workbook import REVIEW_SHEET, verdicts_from_rows

    try:
        book = CalamineWorkbook.from_path(str(path))
        if REVIEW_SHEET not in book.sheet_names:
            raise SettingsError(
                [
                    Problem(
                        path.name, 0, 0, f"no sheet {REVIEW_SHEET!r} (sheets: {', '.join(book.sheet_names)})"
                    )
                ]
            )
        rows = book.get_sheet_by_name(REVIEW_SHEET).to_python()
    except SettingsError:
        raise
    except Exception as exc:  # calamine raises several types for broken files
        raise SettingsError([Problem(path.name, 0, 0, f"cannot read the workbook: {exc}")]) from None
    return verdicts_from_rows(rows, path.name)


@click.command(
    context_settings=CONTEXT,
    epilog="Example: imsaudit audit ./evidence --as-of 2026-11-01 --format json --fail-on major",
)
@click.argument("evidence_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--pack",
    "pack_ids",
    multiple=True,
    help="Pack id (repeatable); default: organization.yaml's packs, else all packs.",
)
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Audit date; default: organization.yaml's as_of, else today.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder; default: reports/<organization>-<as-of>/.",
)
@click.option(
    "--format",
    "formats",
    default=None,
    help="Comma-separated outputs (available: see below); default: pdf,html,json where available.",
)
@paper_option("the PDF report")
@click.option(
    "--fail-on",
    type=click.Choice(list(FAIL_LEVELS)),
    default="none",
    show_default=True,
    help="Exit 1 when a clause has a finding at or above this level.",
)
@click.option(
    "--baseline",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An earlier audit.json: adds progress since that audit.",
)
@click.option(
    "--fail-on-regression",
    is_flag=True,
    help="With --baseline: exit 1 when a requirement regressed since that audit.",
)
@click.option(
    "--verdicts",
    "verdict_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The review workbook (xlsx) with an auditor's verdicts filled in.",
)
@extraction_options
@click.option("--quiet", "-q", is_flag=True, help="Print only errors.")
@click.option("--debug", is_flag=True, hidden=True)
def audit(
    evidence_dir: Path,
    pack_ids: tuple[str, ...],
    as_of: dt.datetime | None,
    out: Path | None,
    formats: str | None,
    paper: str,
    fail_on: str,
    baseline: Path | None,
    fail_on_regression: bool,
    verdict_file: Path | None,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path | None,
    quiet: bool,
    debug: bool,
) -> None:
    """Audit EVIDENCE_DIR against the packs: verdicts with cited evidence, findings, roadmap.

    The evidence folder is only read, never written. Exit codes: 0 the audit ran and no
    finding reached --fail-on; 1 findings at or above --fail-on; 2 usage or input error.
    """
    from imsaudit.cli.output import console, scan_progress
    from imsaudit.core.atomic import write_atomic
    from imsaudit.core.errors import UsageError
    from imsaudit.evidence.scan import ScanOptions
    from imsaudit.findings.model import AuditResult
    from imsaudit.pipeline import AuditSettings, RunStats, read_organization, run_audit
    from imsaudit.render import RENDERERS, RenderOptions

    quiet = quiet or bool(click.get_current_context().find_root().params.get("quiet"))
    wanted = (
        [f.strip() for f in formats.split(",") if f.strip()]
        if formats
        else [f for f in DEFAULT_FORMATS if f in RENDERERS]
    )
    for name in wanted:
        RENDERERS.get(name)  # unknown formats are usage errors, before any work
    organization, org_file = read_organization(evidence_dir)
    if organization is not None and organization.packs and not pack_ids:
        from imsaudit.evidence.organization import check_pack_ids
        from imsaudit.packs.load import available_packs, default_pack_dir

        check_pack_ids(organization, available_packs(default_pack_dir()), org_file or "organization.yaml")
    if as_of is not None:
        day = as_of.date()
    elif organization is not None and organization.as_of is not None:
        day = organization.as_of
    else:
        day = dt.date.today()  # the only clock read: here, printed, recorded in the output
        if not quiet:
            click.echo(f"as-of date not given: using today, {day.isoformat()}", err=True)
    old = None
    if baseline is not None:
        try:
            old = AuditResult.model_validate_json(baseline.read_bytes())
        except ValueError as exc:
            first = str(exc).splitlines()[0]
            raise UsageError(f"{baseline}: not an imsaudit audit.json ({first})") from None
    if fail_on_regression and baseline is None:
        raise UsageError("--fail-on-regression needs --baseline OLD.json")
    verdicts = read_verdict_workbook(verdict_file) if verdict_file else ()
    # Decided before the scan: the folder is never written, and a refused --out costs nothing.
    org_name = (
        organization.name if organization and organization.name else None
    ) or evidence_dir.resolve().name
    target = out or Path("reports") / f"{slug(org_name)}-{day.isoformat()}"
    if target.resolve().is_relative_to(evidence_dir.resolve()):
        raise UsageError(f"--out {target} is inside the evidence folder, which is never written to")
    settings = AuditSettings(
        evidence_dir=evidence_dir,
        as_of=day,
        pack_ids=pack_ids or (organization.packs if organization and organization.packs else None),
        organization=organization,
        organization_file=org_file,
        verdicts=verdicts,
        scan=ScanOptions(jobs=jobs, use_cache=not no_cache, cache_dir=cache_dir),
        baseline=old,
    )
    stats = RunStats()
    with scan_progress(not quiet) as progress:
        result = run_audit(replace(settings, progress=progress), stats=stats)
    options = RenderOptions(paper=paper)
    written = []
    for name in wanted:
        renderer = RENDERERS.get(name)()
        path = target / renderer.filename
        write_atomic(path, renderer.render(result, options))
        written.append(path)
    s = result.summary
    if not quiet:
        score = "n/a" if s.overall_score is None else f"{s.overall_score:.0f}/100"
        counts = ", ".join(f"{v} {k}" for k, v in s.counts.items() if v)
        con = console(stderr=True)
        if line := stats.line():
            con.print(line, markup=False)
        con.print(
            f"{result.organization.name}: score {score}, maturity {s.maturity} ({s.maturity_label}); "
            f"clauses: {counts}; {s.needs_review} requirements need an auditor",
            markup=False,
        )
        for path in written:
            con.print(f"wrote {path}", markup=False)
    failing = FAIL_LEVELS[fail_on]
    hit = [c for c in result.clauses if c.finding.value in failing and c.requirements]
    regressed = bool(fail_on_regression and result.progress and result.progress.regressed)
    if result.progress and not quiet:
        p = result.progress
        console(stderr=True).print(
            f"since {p.baseline_as_of}: {len(p.newly_met)} newly met, {len(p.regressed)} regressed, "
            f"{len(p.still_open)} still open",
            markup=False,
        )
    click.get_current_context().exit(EXIT_FINDINGS if hit or regressed else EXIT_OK)


command = audit
