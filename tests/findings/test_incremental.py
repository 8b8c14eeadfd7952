"""Re-audits: what the previous audit's state spares must never change a result.

Two kinds of tests. The first checks the fact the shortcut rests on: every leaf check
of every bundled pack, judged on an index holding only the documents of the kinds it
names, gives the result it gives on the whole index. The others edit, add, remove
and rename files, change the audit date and damage the state, and compare each
re-audit byte for byte with an audit made from scratch (``use_cache=False``).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from imsaudit.checks._derived import Derived, StoredTable
from imsaudit.checks._evidence import HEADING, first_heading
from imsaudit.checks._matcher import PhraseMatcher
from imsaudit.checks.base import (
    CHECK_TYPES,
    PHRASES,
    TABLES,
    CheckParams,
    EvalContext,
    check_phrases,
    run_check,
)
from imsaudit.checks.fresh import StoredDates, preload_dates, stored_dates
from imsaudit.core import background
from imsaudit.core.compress import compress, decompress
from imsaudit.core.results import CheckResult
from imsaudit.core.store import SUFFIX
from imsaudit.evidence.cache import CACHE_FILE
from imsaudit.evidence.classify import Classified
from imsaudit.evidence.model import Document, EvidenceIndex
from imsaudit.evidence.scan import ScanOptions, build_index
from imsaudit.findings.incremental import (
    FOLDER,
    AuditState,
    CheckMemo,
    StateEntry,
    StateLater,
    StoredReading,
    phrase_reading,
    register_fields,
    stored_phrases,
    tables_json,
)
from imsaudit.findings.memo import FOLDER as MEMO_FOLDER
from imsaudit.packs.load import Library, load_library
from imsaudit.pipeline import AuditSettings, RunStats, read_organization, run_audit
from imsaudit.render.json import audit_json

SAMPLES = Path(__file__).resolve().parents[2] / "evidence_samples"
AS_OF = dt.date(2026, 11, 1)


def _index(library: Library, sample: str) -> EvidenceIndex:
    """A sample's evidence index, classified with every bundled kind and its organization.yaml."""
    folder = SAMPLES / sample
    organization, _ = read_organization(folder)
    options = ScanOptions(jobs=1, use_cache=False)
    return build_index(folder, library.kinds.values(), organization=organization, options=options)[1]


def _whole(sample: str) -> tuple[Library, EvidenceIndex, list[CheckParams], EvalContext]:
    """Every bundled pack, a sample's index, every check, and the context judging on all of it."""
    library = load_library(None)
    index = _index(library, sample)
    checks = library.checks()
    matcher = PhraseMatcher.of(check_phrases(checks))
    return library, index, checks, EvalContext(index=index, as_of=AS_OF, kinds=library.kinds, matcher=matcher)


def _leaves(checks: list[CheckParams]) -> list[CheckParams]:
    found: dict[str, CheckParams] = {}
    for check in checks:
        for node in check.walk():
            if not node.children():
                found.setdefault(node.model_dump_json(), node)
    return list(found.values())


def _only_kinds(index: EvidenceIndex, kinds: set[str]) -> EvidenceIndex:
    """``index`` cut down to the documents of ``kinds``, each with those kinds only."""
    classifications = {
        path: kept
        for path, found in index.classifications.items()
        if (kept := tuple(c for c in found if c.kind in kinds))
    }
    return EvidenceIndex(
        documents=tuple(d for d in index.documents if d.path in classifications),
        classifications=classifications,
        kinds=index.kinds,
    )


@pytest.mark.parametrize("sample", ["helix-institute", "fenwick-enclosures", "tidewater-institute"])
def test_every_leaf_reads_only_the_documents_of_its_kinds(sample: str) -> None:
    _, index, checks, whole = _whole(sample)
    leaves = _leaves(checks)
    assert len(leaves) > 300
    differ = []
    for leaf in leaves:
        alone = replace(whole, index=_only_kinds(index, set(leaf.kind_refs())), derived=Derived())
        if run_check(leaf, alone) != run_check(leaf, whole):
            differ.append(leaf.model_dump_json()[:200])
    assert differ == []


@pytest.mark.parametrize("sample", ["helix-institute", "fenwick-enclosures"])
def test_readings_decode_as_validating_them_would(sample: str) -> None:
    """``phrase_reading`` (orjson, trusted) and ``AuditState.tables`` (orjson, then validated)
    give what validating the JSON text gives: what was read."""
    _library, index, checks, whole = _whole(sample)
    for leaf in _leaves(checks):
        run_check(leaf, whole)
    compared = tables = 0
    for document in index.documents:
        reading = whole.matcher.reading(document)
        if reading is not None:
            phrases, _ = stored_phrases(whole.matcher, reading)
            assert phrase_reading(phrases) == StoredReading.model_validate_json(phrases).reading() == reading
            compared += bool(reading.hits)
        stored = whole.derived.stored_tables(document)
        entry = StateEntry(
            document=document, classified=Classified(classifications=()), tables=tables_json(stored)
        )
        assert (
            AuditState().tables(entry)
            == TypeAdapter(tuple[StoredTable | None, ...]).validate_json(entry.tables or "[]")
            == stored
        )
        tables += any(t is not None and t.columns for t in stored)
    assert compared > 0 and tables > 0
    with pytest.raises(KeyError):
        phrase_reading('{"units": {}}')


@pytest.mark.parametrize("sample", ["helix-institute", "fenwick-enclosures", "tidewater-institute"])
def test_checks_judge_textless_documents_they_say_they_do_not_need(sample: str) -> None:
    """What a re-audit does: documents a check type does not ``needs_text`` of stay textless."""
    library, index, checks, whole = _whole(sample)
    matcher = whole.matcher
    leaves = _leaves(checks)
    expected = [run_check(leaf, whole) for leaf in leaves]

    # Readings go through the state's stored form, as they do between two audits.
    textless = {d.path: register_fields(d) for d in index.documents}
    full = {d.path: d for d in index.documents}
    stored = []
    for document in index.documents:
        reading = matcher.reading(document)
        tables = whole.derived.stored_tables(document)
        phrases, masks = stored_phrases(matcher, reading) if reading is not None else ("", ("", ""))
        stored.append(
            StateEntry(
                document=textless[document.path],
                classified=Classified(classifications=()),
                dates=stored_dates(whole.derived, document, AS_OF),
                tables=tables_json(tables),
                heading=first_heading(document),
                phrases=phrases,
                masks=masks,
            )
        )
    state = AuditState.model_validate_json(AuditState(as_of=AS_OF, documents=tuple(stored)).model_dump_json())
    entries = {entry.document.path: entry for entry in state.documents}
    textless = {path: entry.document for path, entry in entries.items()}
    loaded = PhraseMatcher.of(check_phrases(checks))
    held = state.preload(loaded, set(entries), AS_OF)
    assert all({TABLES, HEADING} <= names for names in held.values())
    assert sample == "tidewater-institute" or any(PHRASES in names for names in held.values())
    put_back: list[str] = []

    def tables_back(document: Document) -> Document:
        put_back.append(document.path)
        return document.model_copy(update={"tables": full[document.path].tables})

    def judged(leaf: CheckParams, documents: list[Document], *, readings: bool = True) -> CheckResult:
        mixed = EvidenceIndex(
            documents=tuple(documents), classifications=index.classifications, kinds=index.kinds
        )
        derived = Derived()
        for document in documents:
            if document is textless[document.path]:  # kept, as a re-audit keeps it
                entry = entries[document.path]
                preload_dates(derived, document, entry.dates)
                derived.keep(document, partial(state.tables, entry) if readings else tuple, tables_back)
                derived.preload(document, HEADING, entry.heading)
        ctx = EvalContext(index=mixed, as_of=AS_OF, kinds=library.kinds, matcher=loaded, derived=derived)
        return run_check(leaf, ctx)

    spared = 0
    registers_read = registers_put_back = 0
    for leaf, result in zip(leaves, expected, strict=True):
        check = CHECK_TYPES.get(leaf.type)
        bare = list(textless.values())
        needed = [check.needs_text(leaf, d, held[d.path], library.kinds) for d in bare]
        spared += needed.count(False)
        mixed = [full[d.path] if need else d for d, need in zip(bare, needed, strict=True)]
        put_back.clear()
        assert judged(leaf, mixed) == result, leaf.model_dump_json()[:200]
        if check.tables_suffice:
            # Each register of its kinds that the state read is judged from those readings.
            kinds = set(leaf.kind_refs())
            read = {
                d.path for d in bare if d.tables and kinds & {c.kind for c in index.classifications[d.path]}
            }
            registers_read += len(read)
            assert set(put_back) <= read
            registers_put_back += len(set(put_back))
            # Without any readings, every row is put back and the verdict is the same.
            assert judged(leaf, mixed, readings=False) == result, leaf.model_dump_json()[:200]
    assert spared > 0
    assert {"records", "linked", "coverage"} <= {leaf.type for leaf in leaves}
    # The textless documents really have no text: a check cannot judge them without it.
    registers = [(leaf, r) for leaf, r in zip(leaves, expected, strict=True) if leaf.type == "records"]
    empty = [d.model_copy(update={"tables": ()}) for d in textless.values()]
    assert sample == "tidewater-institute" or any(judged(leaf, empty) != r for leaf, r in registers)
    # Registers' dates are their rows': fresh checks judge them from the stored dates alone.
    assert sample == "tidewater-institute" or any("dates with rows" in names for names in held.values())
    # Some registers are judged from what the state read of them alone. Here most verdicts
    # cite a row of their kind's only register; at scale a verdict cites few of many.
    assert sample == "tidewater-institute" or registers_put_back < registers_read


@pytest.mark.parametrize("sample", ["helix-institute", "fenwick-enclosures", "tidewater-institute"])
def test_register_checks_judge_from_the_tables_alone(sample: str) -> None:
    """A type that says ``tables_suffice`` judges every document reduced to its tables as in full."""
    _, index, checks, whole = _whole(sample)
    reduced = EvidenceIndex(
        documents=tuple(register_fields(d).model_copy(update={"tables": d.tables}) for d in index.documents),
        classifications=index.classifications,
        kinds=index.kinds,
    )
    differ: dict[str, int] = {}
    for leaf in _leaves(checks):
        alone = replace(
            whole, index=reduced, derived=Derived(), matcher=PhraseMatcher.of(check_phrases(checks))
        )
        if run_check(leaf, alone) != run_check(leaf, whole):
            differ[leaf.type] = differ.get(leaf.type, 0) + 1
    suffice = {name for name, check in CHECK_TYPES.items() if check.tables_suffice}
    assert suffice == {"records", "linked", "coverage"}
    assert not suffice & differ.keys(), differ
    # The reduction is not vacuous: other types read the text (tidewater has next to no evidence).
    assert sample == "tidewater-institute" or "covers" in differ


# --------------------------------------------------------------------------- re-audits


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "evidence"
    shutil.copytree(SAMPLES / "helix-institute", target)
    return target


def _settings(folder: Path, cache: Path | None, as_of: dt.date = AS_OF) -> AuditSettings:
    organization, name = read_organization(folder)
    return AuditSettings(
        evidence_dir=folder,
        as_of=as_of,
        pack_ids=organization.packs if organization and organization.packs else None,
        organization=organization,
        organization_file=name,
        scan=ScanOptions(jobs=1, use_cache=cache is not None, cache_dir=cache),
    )


def _reaudit(folder: Path, cache: Path, as_of: dt.date = AS_OF) -> tuple[str, RunStats]:
    """(audit.json of a re-audit, how it was made), after checking it equals a fresh audit."""
    stats = RunStats()
    again = audit_json(run_audit(_settings(folder, cache, as_of), stats=stats))
    assert again == audit_json(run_audit(_settings(folder, None, as_of)))
    return again, stats


def test_reaudits_after_edits_equal_fresh_audits(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first, stats = _reaudit(folder, cache)
    assert (stats.reused, stats.judged) == (0, stats.checks)

    # An edit that takes a topic out of the scope: its checks are judged again, and
    # the result changes (the comparison with a fresh audit is not vacuous).
    scope = folder / "01 Strategy" / "ims-scope.md"
    scope.write_text(scope.read_text(encoding="utf-8").replace("exclusions", "remarks"), encoding="utf-8")
    edited, stats = _reaudit(folder, cache)
    assert edited != first
    files = stats.files
    assert stats.reused == files - 1
    assert 0 < stats.judged < stats.checks / 4

    # A new register, a removed bulletin, a renamed report.
    (folder / "11 Improvement" / "extra-log.csv").write_text("Date,Event\n2026-10-01,Kick-off\n")
    (folder / "09 Standardization" / "standards-bulletin-2026-09.md").unlink()
    report = folder / "10 Performance" / "Internal Audit Report IA-2026-04.docx"
    report.rename(report.with_name("IA-2026-04 report.docx"))
    _, stats = _reaudit(folder, cache)
    assert stats.files == files
    assert stats.reused == files - 2
    assert 0 < stats.judged < stats.checks

    # Nothing changed: the memo answers.
    _, stats = _reaudit(folder, cache)
    assert stats.looked_up

    # Another audit date: the documents are reused, every check is judged again.
    _, stats = _reaudit(folder, cache, AS_OF + dt.timedelta(days=200))
    assert stats.reused == files
    assert stats.judged == stats.checks


def test_a_reaudit_writes_its_state_and_memo_in_the_background(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first audit writes them at once; a re-audit hands them to ``core.background``,
    and the audit after it (here, the fresh one ``_reaudit`` compares with) waits for them."""
    detached: list[bool] = []
    run = background.run

    def recorded(work: Sequence[Callable[[], None]], *, detach: bool) -> None:
        detached.append(detach)
        run(work, detach=detach)

    monkeypatch.setattr(background, "run", recorded)
    cache = tmp_path / "cache"
    _reaudit(folder, cache)
    (folder / "01 Strategy" / "ims-scope.md").write_text("# Scope\n\nNothing yet.\n", encoding="utf-8")
    _reaudit(folder, cache)
    _, stats = _reaudit(folder, cache)
    assert detached == [False, True]
    assert stats.looked_up


def test_a_damaged_state_means_a_full_audit(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _reaudit(folder, cache)
    (states,) = (cache / FOLDER).glob(f"*{SUFFIX}")
    states.write_bytes(b"not a state")
    (folder / "01 Strategy" / "ims-scope.md").write_text("# Scope\n\nNothing yet.\n", encoding="utf-8")
    _, stats = _reaudit(folder, cache)
    assert stats.reused == 0
    assert stats.judged == stats.checks


def test_a_state_whose_entries_fail_later_means_a_full_audit(folder: Path, tmp_path: Path) -> None:
    """Unchanged files are known from each entry's first fields, the entries validated while the
    scan waits: when one then fails, the files taken as known are read after all."""
    cache = tmp_path / "cache"
    _reaudit(folder, cache)
    (path,) = (cache / FOLDER).glob(f"*{SUFFIX}")
    head, first, *rest = decompress(path.read_bytes()).split(b"\n")
    first = first.replace(b'"classified":{', b'"classified":{"unknown field":1,', 1)
    later = StateLater(b"\n".join([head, first, *rest]))
    assert later.state() is None
    path.write_bytes(compress(b"\n".join([head, first, *rest])))
    (folder / "01 Strategy" / "ims-scope.md").write_text("# Scope\n\nNothing yet.\n", encoding="utf-8")
    _, stats = _reaudit(folder, cache)
    assert stats.reused == 0 and stats.judged == stats.checks


def test_a_state_is_known_from_its_entries_first_fields() -> None:
    """``StateLater`` says which files are unchanged before validating an entry."""
    entries = [
        StateEntry(
            document=Document(path=f'dir/"quoted" {n}.md', sha256=f"{n:064x}", size=n, format="markdown"),
            classified=Classified(classifications=()),
        )
        for n in range(450)
    ]
    data = b"\n".join([b'{"as_of":"2026-11-01"}', *(e.model_dump_json().encode() for e in entries), b"{}"])
    later = StateLater(data)
    assert StateLater(b"one line, not a state").state() is None
    assert later.same('dir/"quoted" 7.md', f"{7:064x}", 7)
    assert not later.same('dir/"quoted" 7.md', f"{7:064x}", 8)
    assert (later.step(), later.step(), later.step()) == (True, True, False)  # slices of 200
    state = later.state()
    assert state is not None and state.documents == tuple(entries)
    known = later.get('dir/"quoted" 449.md')
    assert known is not None and known.document == entries[-1].document


def _state_lines(cache: Path) -> list[bytes]:
    """The lines of the newest state in ``cache``."""
    newest = max((cache / FOLDER).glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime_ns)
    return decompress(newest.read_bytes()).split(b"\n")


def test_entries_no_check_read_are_written_back_as_they_were(folder: Path, tmp_path: Path) -> None:
    """A state line of a document a re-audit did not read comes back byte for byte, and loads."""
    cache = tmp_path / "cache"
    _reaudit(folder, cache)
    before = _state_lines(cache)
    register = folder / "04 Portfolio" / "stage-gate-decision-log.csv"
    lines = register.read_text(encoding="utf-8").splitlines()
    register.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    _, stats = _reaudit(folder, cache)
    after = _state_lines(cache)
    assert len(after) == len(before) == stats.files + 2  # the audit date, the documents, the results
    kept = set(before[1:-1]) & set(after[1:-1])
    assert 0 < len(kept) < stats.files
    # That state loads: without the audit memo, the next audit takes everything from it.
    shutil.rmtree(cache / MEMO_FOLDER)
    _, again = _reaudit(folder, cache)
    assert (again.looked_up, again.reused, again.judged) == (False, stats.files, 0)


def test_documents_gone_from_the_extraction_cache_are_read_again(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first, _ = _reaudit(folder, cache)
    with sqlite3.connect(cache / CACHE_FILE) as db:
        db.execute("DELETE FROM extraction")
    # Another audit date: fresh checks read registers' rows again, whole, and the
    # cache no longer has them.
    again, stats = _reaudit(folder, cache, AS_OF + dt.timedelta(days=200))
    assert again != first
    assert stats.rebuilt > 0


def test_registers_are_judged_again_from_what_the_state_read_of_them(folder: Path, tmp_path: Path) -> None:
    """An edit to one register judges the register checks of its kinds again without reading the others."""
    cache = tmp_path / "cache"
    first, _ = _reaudit(folder, cache)
    with sqlite3.connect(cache / CACHE_FILE) as db:
        db.execute("DELETE FROM extraction")  # nothing could be put back from the cache
    register = folder / "04 Portfolio" / "stage-gate-decision-log.csv"
    lines = register.read_text(encoding="utf-8").splitlines()
    register.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")  # the last decision is gone
    again, stats = _reaudit(folder, cache)
    assert again != first
    # Its references point into the portfolio register, whose ids the state holds.
    assert stats.judged > 0
    assert (stats.rebuilt, stats.put_back) == (0, 0)


def test_another_manual_verdict_judges_nothing_again(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first, _ = _reaudit(folder, cache)
    profile = folder / "organization.yaml"
    text = profile.read_text(encoding="utf-8")
    assert "    verdict: met\n" in text
    profile.write_text(text.replace("    verdict: met\n", "    verdict: not_met\n", 1), encoding="utf-8")
    again, stats = _reaudit(folder, cache)
    assert again != first
    assert stats.reused == stats.files
    assert stats.judged == 0


def test_other_kind_mappings_mean_a_full_audit(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _reaudit(folder, cache)
    profile = folder / "organization.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8") + 'kinds:\n  "01 Strategy/ims-scope.md": innovation-policy\n',
        encoding="utf-8",
    )
    _, stats = _reaudit(folder, cache)
    assert stats.reused == 0


def test_no_cache_keeps_no_state(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    settings = replace(_settings(folder, cache), scan=ScanOptions(jobs=1, use_cache=False, cache_dir=cache))
    run_audit(settings)
    assert not (cache / FOLDER).exists()


# --------------------------------------------------------------------------- keys


def test_a_leaf_key_follows_the_documents_of_its_kinds_only() -> None:
    library = load_library(None)
    index = _index(library, "helix-institute")
    kinds = {c.kind for found in index.classifications.values() for c in found}
    leaf = next(
        n
        for p in library.packs.values()
        for r in p.requirements
        for c in r.check_params
        for n in c.walk()
        if len(n.kind_refs()) == 1 and n.kind_refs()[0] in kinds and not n.children()
    )
    (kind,) = leaf.kind_refs()
    key = CheckMemo(index, AS_OF, {}).key(leaf)
    assert CheckMemo(index, AS_OF, {}).key(leaf) == key
    assert CheckMemo(index, AS_OF + dt.timedelta(days=1), {}).key(leaf) != key

    def edited(path: str) -> EvidenceIndex:
        documents = tuple(
            d.model_copy(update={"sha256": "0" * 64}) if d.path == path else d for d in index.documents
        )
        # A new index (model_copy would keep the cached lookups of the old one).
        return EvidenceIndex(documents=documents, classifications=index.classifications, kinds=index.kinds)

    mine = index.documents_of(kind, include_templates=True)[0].path
    other = next(p for p, found in index.classifications.items() if kind not in {c.kind for c in found})
    assert CheckMemo(edited(mine), AS_OF, {}).key(leaf) != key
    assert CheckMemo(edited(other), AS_OF, {}).key(leaf) == key


def test_stored_dates_are_given_back_for_their_own_audit_date_only() -> None:
    """A stored date is the newest on or before the state's audit date; on another day it says nothing."""
    document = register_fields(_index(load_library(None), "helix-institute").documents[0])
    newest = (dt.date(2026, 9, 30), "sheet Log row 2", "is dated", "x")
    dates = {"dates with rows": StoredDates(newest=newest)}
    entry = StateEntry(document=document, classified=Classified(classifications=()), dates=dates)
    state = AuditState(as_of=AS_OF, documents=(entry,))
    matcher = PhraseMatcher.of(())
    always = {TABLES, HEADING}
    assert state.preload(matcher, {document.path}, AS_OF) == {document.path: {"dates with rows"} | always}
    assert state.preload(matcher, {document.path}, AS_OF + dt.timedelta(days=1)) == {document.path: always}
    derived = Derived()
    state.preload_dates(derived, [document], AS_OF + dt.timedelta(days=1))
    assert derived.computed(document, ("fresh dates", True)) is None
    state.preload_dates(derived, [document], AS_OF)
    given = derived.computed(document, ("fresh dates", True))
    assert given is not None and given.newest(AS_OF).day == dt.date(2026, 9, 30)
