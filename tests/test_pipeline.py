"""The pipeline's own behaviour around the stages (each stage is tested in its package)."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import pytest

from imsaudit.evidence.scan import ScanOptions
from imsaudit.findings import evaluate
from imsaudit.pipeline import AuditSettings, run_audit


@pytest.mark.parametrize("enabled", [True, False])
def test_an_audit_leaves_the_cyclic_collector_as_it_found_it(
    tmp_path: Path, enabled: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The collector is paused while an audit runs, judging included (``_collector_aside``).

    A program that calls ``run_audit`` gets its collector back as it was. The audit's
    objects stay frozen after it (a full collection would walk them all while the
    reports are written) until the next audit starts, and not after one that fails.
    """
    folder = tmp_path / "evidence"
    folder.mkdir()
    (folder / "quality-policy.md").write_text("# Quality policy\n\nWe commit to improvement.\n")
    settings = AuditSettings(
        evidence_dir=folder, as_of=dt.date(2026, 11, 1), scan=ScanOptions(jobs=1, use_cache=False)
    )
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        assert run_audit(settings).documents
        assert gc.isenabled() == enabled and gc.get_freeze_count() > 0

        def broken(*args: object, **kwargs: object) -> None:
            assert not gc.isenabled()  # judging makes next to no cycles: no collections
            raise RuntimeError("judging failed")

        monkeypatch.setattr(evaluate, "evaluate_library", broken)
        with pytest.raises(RuntimeError, match="judging failed"):
            run_audit(settings)
        assert (gc.isenabled(), gc.get_freeze_count()) == (enabled, 0)
    finally:
        (gc.enable if was else gc.disable)()


SAMPLES = Path(__file__).resolve().parents[1] / "evidence_samples"


def test_phrase_readings_made_by_the_scan_workers_judge_as_the_matcher_would(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The scan's workers read the documents of every phrase check's kinds (``phrase_reader``);
    the audit is the same as when the matcher reads them itself, after the scan."""
    from imsaudit.checks._matcher import PhraseMatcher
    from imsaudit.render.json import audit_json

    settings = AuditSettings(
        evidence_dir=SAMPLES / "helix-institute",
        as_of=dt.date(2026, 11, 1),
        scan=ScanOptions(jobs=2, use_cache=False),
    )
    scanned: list[str] = []
    scan = PhraseMatcher._scan

    def counted(self: PhraseMatcher, document: object) -> object:
        scanned.append(document.path)  # type: ignore[attr-defined]
        return scan(self, document)  # type: ignore[arg-type]

    monkeypatch.setattr(PhraseMatcher, "_scan", counted)
    taken = audit_json(run_audit(settings))
    assert scanned == []  # every document the checks read was read in a worker (another process)

    def nothing(library: object, matcher: PhraseMatcher) -> object:
        from imsaudit.evidence.scan import Reader

        return Reader(frozenset(), matcher.read)

    monkeypatch.setattr(evaluate, "phrase_reader", nothing)
    made_here = audit_json(run_audit(settings))
    assert len(set(scanned)) > 20  # now the matcher read them itself
    assert taken == made_here
