"""``run_audit``: the stages composed. No printing, no exit codes, no clock.

    packs  --load-->  Library  --build-->  ClauseGraph
    folder --scan-->  Documents --classify--> EvidenceIndex
    evaluate checks per requirement --> RequirementResults (+ exclusions, manual verdicts)
    assemble --> clause findings, propagation, scores, roadmap --> AuditResult

The audit date is a setting (``as_of``): the CLI decides it (``--as-of``, else
organization.yaml, else today, printed) and passes it in.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
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
    from imsaudit.checks.base import CheckParams
    from imsaudit.evidence.classify import Classifier
    from imsaudit.evidence.model import EvidenceIndex
    from imsaudit.evidence.organization import Organization
    from imsaudit.evidence.scan import FolderHashes, ScanOptions, ScanProgress, ScanResult
    from imsaudit.findings.incremental import CheckMemo, StateStore
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


@dataclass
class RunStats:
    """How ``run_audit`` came to its result, for the CLI to say; never part of the result."""

    looked_up: bool = False
    """The result came whole from the audit memo: nothing it depends on changed."""
    files: int = 0
    reused: int = 0
    """Documents taken from the previous audit of the folder (same path, same bytes)."""
    rebuilt: int = 0
    """Of those, the documents read again whole (from the extraction cache) for checks judged again."""
    put_back: int = 0
    """Of those, the registers whose tables were put back for a row the state does not hold."""
    checks: int = 0
    """Leaf checks evaluated (looked up or judged)."""
    judged: int = 0
    """Leaf checks judged in this run; the others were looked up."""

    def line(self) -> str | None:
        """One line for the audit's output, or None for an audit made from scratch."""
        if self.looked_up:
            return "nothing changed since the last audit with these settings: its result was reused"
        if self.reused:
            return (
                f"re-audit: {self.reused:,} of {self.files:,} documents unchanged since the last audit, "
                f"{self.judged:,} of {self.checks:,} checks judged again"
            )
        return None


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


def _digest(parts: Iterable[str]) -> str:
    """A sha256 of ``parts``, each hashed on its own (no two lists of parts collide by joining)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part.encode()).digest())
    return digest.hexdigest()


def _library_parts(library: Library) -> list[str]:
    """The packs and kinds as keys see them."""
    return [pack.model_dump_json() for _, pack in sorted(library.packs.items())] + [
        kind.model_dump_json() for _, kind in sorted(library.kinds.items())
    ]


def audit_key(settings: AuditSettings, library: Library, folder: str) -> str:
    """The memo key of an audit: a digest of every input its result depends on.

    ``folder`` is ``FolderHashes.digest`` of the evidence folder. The baseline is not
    part of it: the progress against a baseline is computed after the lookup.
    """
    return _digest(
        [
            engine_digest(),
            folder,
            str(settings.evidence_dir.resolve()),
            settings.as_of.isoformat(),
            repr(settings.pack_ids),
            settings.organization.model_dump_json() if settings.organization else "",
            repr(settings.organization_file),
            repr(settings.verdicts),
            *_library_parts(library),
        ]
    )


def run_audit(
    settings: AuditSettings, library: Library | None = None, stats: RunStats | None = None
) -> AuditResult:
    """Scan, classify, evaluate and assemble one audit, or look it up when nothing changed.

    With the cache on (``ScanOptions.use_cache``), an audit whose inputs are all
    unchanged (``audit_key``) is read back from the ``AuditMemo``: the same result, for
    the cost of hashing the folder. Otherwise the previous audit of the folder (its
    ``AuditState``) spares reading the unchanged files and judging again the checks
    whose evidence is unchanged (``findings.incremental``). ``stats`` (when given) is
    filled in with how the result was made.
    """
    from imsaudit.core import background
    from imsaudit.evidence.scan import ScanOptions, cache_dir_for, hash_folder
    from imsaudit.findings.incremental import StateStore
    from imsaudit.findings.memo import AuditMemo

    background.wait()  # an earlier audit's cache writes: this one may read them
    gc.unfreeze()  # an earlier audit's objects, kept out of the collector's walks (``_collector_aside``)
    options = settings.scan or ScanOptions()
    cache_dir = cache_dir_for(settings.evidence_dir, options) if options.use_cache else None
    library = library or _library(settings, cache_dir)
    if settings.organization is not None:
        from imsaudit.evidence.organization import check_kind_ids

        check_kind_ids(
            settings.organization, library.kinds, settings.organization_file or "organization.yaml"
        )
    _validate_references(library, settings, [r.id for p in library.packs.values() for r in p.requirements])
    if cache_dir is not None:
        hashed = hash_folder(settings.evidence_dir, options)
        memo = AuditMemo(cache_dir)
        key = audit_key(settings, library, hashed.digest)
        result = memo.get(key)
        if result is None:
            writes = CacheWrites()
            result = _audit(settings, library, stats, hashed, StateStore(cache_dir), writes)
            writes.work.append(functools.partial(memo.put, key, result))
            background.run(writes.work, detach=writes.reaudit)
        elif stats is not None:
            stats.looked_up = True
    else:
        result = _audit(settings, library, stats)
    if settings.baseline is not None:
        from imsaudit.findings.diff import progress

        result = result.model_copy(update={"progress": progress(settings.baseline, result)})
    return result


@dataclass
class CacheWrites:
    """What an audit leaves in the cache for the next (its state, its memo entry), to write at the end."""

    work: list[Callable[[], None]] = field(default_factory=list)
    reaudit: bool = False
    """Whether the audit took documents from a previous state. Then the writes run in the
    background (``core.background``). Not after a first audit: a child writing its state
    would copy most of the parent's pages (memory near the 1.5 GiB target at 10,000
    documents) to save a fraction of a second of a minute."""


def _library(settings: AuditSettings, cache_dir: Path | None) -> Library:
    """The settings' packs, from the library cache in ``cache_dir`` when the cache is on."""
    from imsaudit.packs.load import cached_library, load_library

    if cache_dir is None:
        return load_library(settings.pack_ids)
    return cached_library(settings.pack_ids, cache_dir, engine_digest())


def _state_key(settings: AuditSettings, library: Library, hashed: FolderHashes) -> str:
    """What decides the documents and their kinds: the folder, engine, library, mappings, options."""
    from imsaudit.evidence.scan import ScanOptions

    mappings = settings.organization.kinds if settings.organization else ()
    return _digest(
        [
            engine_digest(),
            str(settings.evidence_dir.resolve()),
            (settings.scan or ScanOptions()).limits.fingerprint(),
            hashed.ocr.fingerprint if hashed.ocr else "",
            *_library_parts(library),
            *(mapping.model_dump_json() for mapping in mappings),
        ]
    )


def _leaves(library: Library) -> list[CheckParams]:
    """Every check of every requirement that is not a composite (the ones that read evidence)."""
    return [node for check in library.checks() for node in check.walk() if not node.children()]


def _rebuild_stale(
    settings: AuditSettings,
    library: Library,
    scan: ScanResult,
    memo: CheckMemo,
    wanted: set[str],
    held: Mapping[str, set[str]],
    hashed: FolderHashes | None,
    classifier: Classifier,
) -> tuple[ScanResult, CheckMemo, set[str]]:
    """Rebuild the documents taken from the state that a leaf to be judged again reads whole.

    A state keeps documents without their text; a check whose evidence changed needs
    the text of the documents of its kinds, unless the readings of them the state gives
    back (``held``) are all it reads (a register check reads kept tables: ``TABLES``).
    They are put back from the extraction cache (``restore_text``; a file whose entry
    is gone is read again). Same bytes, same classifier: their kinds are the state's,
    not classified again. Also says which were rebuilt.
    """
    from imsaudit.evidence.scan import restore_text, scan_folder
    from imsaudit.findings.incremental import CheckMemo

    paths = memo.to_rebuild(_leaves(library), wanted, held, library.kinds)
    if not paths:
        return scan, memo, paths
    made = restore_text(
        settings.evidence_dir,
        settings.scan,
        (d for d in scan.documents if d.path in paths),
        hashed.ocr if hashed is not None else None,
    )
    if missing := paths - made.keys():
        full = scan_folder(settings.evidence_dir, settings.scan, hashed=hashed, only=missing)
        made.update((d.path, d) for d in full.documents)
    scan = scan.model_copy(update={"documents": tuple(made.get(d.path, d) for d in scan.documents)})
    return scan, CheckMemo(scan.index(classifier), settings.as_of, memo.previous), paths


def _audit(
    settings: AuditSettings,
    library: Library,
    stats: RunStats | None = None,
    hashed: FolderHashes | None = None,
    states: StateStore | None = None,
    writes: CacheWrites | None = None,
) -> AuditResult:
    """The audit itself: scan, classify, evaluate, assemble.

    With ``states`` (the cache is on), the previous audit's state of this folder is
    used, and storing the new one is added to ``writes`` (``findings.incremental``).
    """
    from imsaudit.evidence.classify import Classifier

    overrides = settings.organization.kinds if settings.organization else ()
    classifier = Classifier(library.kinds.values(), overrides)
    with _collector_aside():
        return _judge(settings, library, classifier, stats, hashed, states, writes)


@contextlib.contextmanager
def _collector_aside() -> Iterator[None]:
    """Keep Python's cyclic collector off an audit's objects while it runs, and after.

    A 10,000-document audit holds millions of objects (lines, rows, cells) for its whole
    run. Each full collection walks every one of them, and building them triggers a
    full collection each time they grow by a quarter: at 10,000 documents that was a
    third of putting text back from the cache and of reading the state (measured:
    1 % re-audit 15.4 -> 13.0 s, cold scan 8 % faster). Judging makes next to no
    cycles (about a hundred objects at 10,000 documents, all found by one collection
    at the end), yet with the collector on it spent 0.64 s of the cold audit's 5.2 s of
    evaluating in collections, and a 1 % re-audit 0.16-0.4 s. So the collector is
    off for the whole audit, and what the audit made is then frozen: it stays out of
    the collector's walks while the caller writes its reports (or the process exits),
    and goes back to the collector when the next audit starts (``run_audit``) or when
    this one fails. The one full collection walking them all once given back cost
    0.3-0.5 s of every 10,000-document re-audit's report writing. Reference counting
    still frees everything that is not a cycle; cycles among an audit's objects wait
    for the next audit.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    except BaseException:
        gc.unfreeze()
        raise
    else:
        gc.freeze()
    finally:
        if enabled:
            gc.enable()


def _judge(
    settings: AuditSettings,
    library: Library,
    classifier: Classifier,
    stats: RunStats | None,
    hashed: FolderHashes | None,
    states: StateStore | None,
    writes: CacheWrites | None,
) -> AuditResult:
    """``_audit`` inside ``_collector_aside``: read the evidence, then judge it and assemble."""
    from imsaudit.checks._derived import Derived
    from imsaudit.evidence.scan import TablesBack, scan_folder
    from imsaudit.findings.assemble import assemble
    from imsaudit.findings.evaluate import evaluate_library, library_matcher, phrase_reader
    from imsaudit.findings.incremental import AuditState, CheckMemo

    state_id = None
    later = None
    if states is not None and hashed is not None:
        state_id = _state_key(settings, library, hashed)
        later = states.get_later(state_id)  # validated while the scan waits for its workers
    matcher = library_matcher(library)
    scan = scan_folder(
        settings.evidence_dir,
        settings.scan,
        progress=settings.progress,
        classifier=classifier,
        hashed=hashed,
        known=later,
        reader=phrase_reader(library, matcher),
    )
    state = later.state() if later is not None else None
    for document in scan.documents:
        if (read := scan.readings.get(document.path)) is not None:
            matcher.take(document, read)
    index = scan.index(classifier)
    memo = None
    derived = Derived()
    rebuilt: set[str] = set()
    tables_back = TablesBack(settings.evidence_dir, settings.scan, hashed)
    if state_id is not None:
        memo = CheckMemo(index, settings.as_of, state.results if state else {})
        if state is not None and scan.reused:
            reused = set(scan.reused)
            wanted = memo.read_again(_leaves(library), reused)
            held = state.preload(matcher, wanted, settings.as_of)
            scan, memo, rebuilt = _rebuild_stale(
                settings, library, scan, memo, wanted, held, hashed, classifier
            )
            index = memo.index
            state.preload_dates(derived, (d for d in index.documents if d.path in wanted), settings.as_of)
            unread = reused - rebuilt
            state.keep(derived, (d for d in index.documents if d.path in unread), tables_back)
    exclusions = _exclusions(settings)
    try:
        requirements = evaluate_library(
            library,
            index,
            settings.as_of,
            exclusions=exclusions,
            verdicts=_verdicts(settings),
            waivers=_waivers(settings),
            memo=memo,
            matcher=matcher,
            derived=derived,
        )
    finally:
        tables_back.close()
    if stats is not None:
        stats.files = len(scan.documents)
        stats.reused = len(scan.reused)
        stats.rebuilt = len(rebuilt)
        stats.put_back = tables_back.count
        if memo is not None:
            stats.checks = len(memo.results)
            stats.judged = memo.judged
    if states is not None and state_id is not None and memo is not None and writes is not None:
        pieces = functools.partial(
            AuditState.after, scan.documents, scan.classified or {}, memo, matcher, derived, state
        )
        writes.work.append(lambda: states.put_json(state_id, pieces()))
        writes.reaudit = bool(scan.reused)
    clauses, summary, gaps, plan, hs_rows = assemble(library, requirements, exclusions)
    errors = [ErrorEntry(path=d.path, line=0, message=d.error) for d in scan.documents if d.error]
    errors += [ErrorEntry(path=n.path, line=n.line, message=n.message) for n in index.notes]
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
