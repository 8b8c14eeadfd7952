"""``run_audit``: the stages composed. No printing, no exit codes, no clock.

    packs  --load-->  Library  --build-->  ClauseGraph
    folder --scan-->  Documents --classify--> EvidenceIndex
    evaluate checks per requirement --> RequirementResults (+ exclusions, manual verdicts)
    assemble --> clause findings, propagation, scores, roadmap --> AuditResult

The audit date is a setting (``as_of``): the CLI decides it (``--as-of``, else
organization.yaml, else today, printed) and passes it in.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from imsaudit import __version__
from imsaudit.findings.evaluate import Exclusion, Verdict, Waiver
from imsaudit.findings.model import (
    AuditResult,
    DocumentEntry,
    ErrorEntry,
    KindRef,
    OrganizationInfo,
    PackRef,
    Tool,
)

if TYPE_CHECKING:
    from imsaudit.evidence.model import EvidenceIndex
    from imsaudit.evidence.organization import Organization
    from imsaudit.evidence.scan import ScanOptions, ScanProgress, ScanResult
    from imsaudit.packs.load import Library


@dataclass(frozen=True)
class AuditSettings:
    """Everything that decides an audit's result, besides the files themselves."""

    evidence_dir: Path
    as_of: dt.date
    pack_ids: tuple[str, ...] | None = None
    """None: every bundled pack."""
    organization: Organization | None = None
    """organization.yaml, read by ``read_organization``; None when the folder has none."""
    organization_file: str | None = None
    verdicts: tuple[Verdict, ...] = ()
    """Manual verdicts from the review workbook; they win over organization.yaml's."""
    scan: ScanOptions | None = None
    baseline: AuditResult | None = None
    progress: Callable[[ScanProgress], None] | None = field(default=None, compare=False)


def read_organization(evidence_dir: Path) -> tuple[Organization | None, str | None]:
    """The folder's organization.yaml (validated) and its display name, or (None, None)."""
    from imsaudit.evidence.organization import find_organization, load_organization

    path = find_organization(evidence_dir)
    if path is None:
        return None, None
    display = path.name
    return load_organization(path, display), display


def _verdicts(settings: AuditSettings) -> dict[str, Verdict]:
    verdicts: dict[str, Verdict] = {}
    if settings.organization is not None:
        for v in settings.organization.verdicts:
            verdicts[v.requirement] = Verdict(
                v.requirement,
                v.verdict,
                v.note,
                v.auditor,
                v.date,
                settings.organization_file or "organization.yaml",
            )
    for extra in settings.verdicts:
        verdicts[extra.requirement] = extra
    return verdicts


def _exclusions(settings: AuditSettings) -> tuple[Exclusion, ...]:
    if settings.organization is None:
        return ()
    return tuple(Exclusion(e.clause, e.justification, e.pack) for e in settings.organization.exclusions)


def _waivers(settings: AuditSettings) -> dict[str, Waiver]:
    if settings.organization is None:
        return {}
    return {
        w.requirement: Waiver(w.requirement, w.reason, w.expires, w.approved_by)
        for w in settings.organization.waivers
    }


def _organization_info(settings: AuditSettings) -> OrganizationInfo:
    org = settings.organization
    name = (org.name if org and org.name else None) or settings.evidence_dir.resolve().name
    if org is None:
        return OrganizationInfo(name=name)
    return OrganizationInfo(
        name=name,
        scope=org.scope,
        sites=org.sites,
        sector=org.sector,
        size=None if org.size is None else str(org.size),
        audit_type=org.audit_type,
        auditor=org.auditor,
    )


def document_entries(scan: ScanResult, index: EvidenceIndex) -> tuple[DocumentEntry, ...]:
    """The evidence register: every document with its kinds and why."""
    return tuple(
        DocumentEntry(
            path=d.path,
            sha256=d.sha256,
            size=d.size,
            format=d.format.value,
            kinds=tuple(KindRef(kind=c.kind, why=c.why) for c in index.kinds_of(d.path)),
            error=d.error,
            warnings=d.warnings,
            title=d.metadata.title,
            approved_on=d.metadata.approved_on,
            review_due=d.metadata.review_due,
            template=d.template.is_template,
        )
        for d in scan.documents
    )


def _validate_references(library: Library, settings: AuditSettings, requirement_ids: Sequence[str]) -> None:
    """Verdicts, waivers and exclusions must name requirements, packs and clauses that exist.

    A typo stops the run (a misspelt waiver would silently not apply); each problem names
    the line of its entry in organization.yaml (``Organization.line_of``).
    """
    from imsaudit.core.errors import Problem, SettingsError
    from imsaudit.core.suggest import did_you_mean

    known = set(requirement_ids)
    source = settings.organization_file or "organization.yaml"
    organization = settings.organization

    def unknown(references: Iterable[tuple[str, int, str, str]]) -> list[Problem]:
        """(file, line, what, requirement id) -> a problem for each id that does not exist."""
        return [
            Problem(path, line, 0, f"{what} for unknown requirement {rid!r}{did_you_mean(rid, known)}")
            for path, line, what, rid in references
            if rid not in known
        ]

    problems: list[Problem] = []
    if organization is not None:
        for key, what, ids in (
            ("waivers", "waiver", [w.requirement for w in organization.waivers]),
            ("verdicts", "verdict", [v.requirement for v in organization.verdicts]),
        ):
            problems += unknown(
                (source, organization.line_of(key, index), what, rid) for index, rid in enumerate(ids)
            )
        clauses = {c.number for p in library.packs.values() for c in p.clauses}
        for index, exclusion in enumerate(organization.exclusions):
            line = organization.line_of("exclusions", index)
            if exclusion.pack is not None and exclusion.pack not in library.packs:
                problems.append(Problem(source, line, 0, f"exclusion names unknown pack {exclusion.pack!r}"))
            elif exclusion.clause not in clauses:
                problems.append(Problem(source, line, 0, f"exclusion of unknown clause {exclusion.clause!r}"))
    # The review workbook names itself in each verdict's source.
    problems += unknown((v.source, 0, "verdict", v.requirement) for v in settings.verdicts)
    if problems:
        raise SettingsError(problems)


@functools.cache
def engine_digest() -> str:
    """A sha256 of the engine's own files (code, templates, bundled data).

    A memo entry written by other code, even at the same version number, is never used.
    """
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(f"{path.relative_to(root).as_posix()}\n".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def audit_key(settings: AuditSettings, library: Library, folder: str) -> str:
    """The memo key of an audit: a digest of every input its result depends on.

    ``folder`` is ``folder_digest`` of the evidence folder. The baseline is not part of
    it: the progress against a baseline is computed after the lookup.
    """
    digest = hashlib.sha256()
    parts = [
        engine_digest(),
        folder,
        str(settings.evidence_dir.resolve()),
        settings.as_of.isoformat(),
        repr(settings.pack_ids),
        settings.organization.model_dump_json() if settings.organization else "",
        repr(settings.organization_file),
        repr(settings.verdicts),
    ]
    parts += [pack.model_dump_json() for _, pack in sorted(library.packs.items())]
    parts += [kind.model_dump_json() for _, kind in sorted(library.kinds.items())]
    for part in parts:
        digest.update(hashlib.sha256(part.encode()).digest())
    return digest.hexdigest()


def run_audit(settings: AuditSettings, library: Library | None = None) -> AuditResult:
    """Scan, classify, evaluate and assemble one audit, or look it up when nothing changed.

    With the cache on (``ScanOptions.use_cache``), an audit whose inputs are all
    unchanged (``audit_key``) is read back from the ``AuditMemo``: the same result, for
    the cost of hashing the folder.
    """
    from imsaudit.evidence.scan import ScanOptions, cache_dir_for, folder_digest
    from imsaudit.findings.memo import AuditMemo

    library = library or _library(settings)
    if settings.organization is not None:
        from imsaudit.evidence.organization import check_kind_ids

        check_kind_ids(
            settings.organization, library.kinds, settings.organization_file or "organization.yaml"
        )
    _validate_references(library, settings, [r.id for p in library.packs.values() for r in p.requirements])
    options = settings.scan or ScanOptions()
    memo = key = None
    if options.use_cache:
        memo = AuditMemo(cache_dir_for(settings.evidence_dir, options))
        key = audit_key(settings, library, folder_digest(settings.evidence_dir, options))
        result = memo.get(key)
        if result is None:
            result = _audit(settings, library)
            memo.put(key, result)
    else:
        result = _audit(settings, library)
    if settings.baseline is not None:
        from imsaudit.findings.diff import progress

        result = result.model_copy(update={"progress": progress(settings.baseline, result)})
    return result


def _library(settings: AuditSettings) -> Library:
    from imsaudit.packs.load import load_library

    return load_library(settings.pack_ids)


def _audit(settings: AuditSettings, library: Library) -> AuditResult:
    """The audit itself: scan, classify, evaluate, assemble."""
    from imsaudit.evidence.classify import Classifier
    from imsaudit.evidence.scan import scan_folder
    from imsaudit.findings.assemble import assemble
    from imsaudit.findings.evaluate import evaluate_library

    overrides = settings.organization.kinds if settings.organization else ()
    classifier = Classifier(library.kinds.values(), overrides)
    scan = scan_folder(
        settings.evidence_dir, settings.scan, progress=settings.progress, classifier=classifier
    )
    index = scan.index(classifier)
    exclusions = _exclusions(settings)
    # The documents live until the end: the cyclic collector need not walk their
    # millions of objects again at each full collection during evaluation.
    gc.freeze()
    try:
        requirements = evaluate_library(
            library,
            index,
            settings.as_of,
            exclusions=exclusions,
            verdicts=_verdicts(settings),
            waivers=_waivers(settings),
        )
    finally:
        gc.unfreeze()
    clauses, summary, gaps, plan, hs_rows = assemble(library, requirements, exclusions)
    errors = [ErrorEntry(path=d.path, line=0, message=d.error) for d in scan.documents if d.error]
    errors += [ErrorEntry(path=n.path, line=0, message=n.message) for n in index.notes]
    result = AuditResult(
        tool=Tool(version=__version__),
        as_of=settings.as_of,
        organization=_organization_info(settings),
        packs=tuple(
            PackRef(id=p.id, title=p.pack.title, version=p.pack.version, standard=p.pack.standard)
            for p in library.packs.values()
        ),
        documents=document_entries(scan, index),
        requirements=requirements,
        clauses=clauses,
        summary=summary,
        roadmap=plan,
        errors=tuple(sorted(errors, key=lambda e: (e.path, e.line, e.message))),
        root_gaps=gaps,
        hs_view=hs_rows,
        skipped=tuple(ErrorEntry(path=s.path, line=0, message=s.reason) for s in scan.skipped),
    )
    return result
