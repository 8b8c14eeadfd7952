"""The audit memo: an unchanged audit is looked up, and any change of input audits again."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

import imsaudit.pipeline as pipeline
from imsaudit.evidence.scan import ScanOptions, hash_folder
from imsaudit.findings.memo import FOLDER
from imsaudit.findings.model import AuditResult
from imsaudit.pipeline import AuditSettings, run_audit
from imsaudit.render.json import audit_json

SAMPLE = Path(__file__).resolve().parents[2] / "evidence_samples" / "tidewater-institute"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "evidence"
    shutil.copytree(SAMPLE, target)
    return target


class Counting:
    """Wraps the real audit and counts the times it ran (instead of a memo lookup)."""

    def __init__(self) -> None:
        self.runs = 0
        self.real = pipeline._audit

    def __call__(self, *args: object) -> AuditResult:
        self.runs += 1
        return self.real(*args)  # type: ignore[arg-type]


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> Counting:
    counter = Counting()
    monkeypatch.setattr(pipeline, "_audit", counter)
    return counter


def _settings(folder: Path, cache: Path, **changes: object) -> AuditSettings:
    settings = AuditSettings(
        evidence_dir=folder,
        as_of=dt.date(2026, 11, 1),
        scan=ScanOptions(jobs=1, use_cache=True, cache_dir=cache),
    )
    return replace(settings, **changes)  # type: ignore[arg-type]


def test_an_unchanged_audit_is_looked_up_byte_for_byte(
    folder: Path, tmp_path: Path, counting: Counting
) -> None:
    first = run_audit(_settings(folder, tmp_path / "cache"))
    second = run_audit(_settings(folder, tmp_path / "cache"))
    assert counting.runs == 1
    assert audit_json(second) == audit_json(first)
    assert len(list((tmp_path / "cache" / FOLDER).iterdir())) == 1


@pytest.mark.parametrize(
    "change",
    ["edit a file", "add a file", "remove a file", "rename a file", "as-of date", "packs", "limits"],
)
def test_any_changed_input_audits_again(
    folder: Path, tmp_path: Path, counting: Counting, change: str
) -> None:
    from imsaudit.evidence.extract import Limits

    cache = tmp_path / "cache"
    before = run_audit(_settings(folder, cache))
    changes: dict[str, object] = {}
    victim = sorted(p for p in folder.rglob("*.md"))[0]
    if change == "edit a file":
        victim.write_text(victim.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    elif change == "add a file":
        (folder / "quality-policy.md").write_text(
            "# Quality policy\n\nWe commit to quality.\n", encoding="utf-8"
        )
    elif change == "remove a file":
        victim.unlink()
    elif change == "rename a file":
        victim.rename(victim.with_name("renamed-" + victim.name))
    elif change == "as-of date":
        changes["as_of"] = dt.date(2027, 11, 1)
    elif change == "packs":
        changes["pack_ids"] = ("iso9001-2015",)
    elif change == "limits":
        changes["scan"] = ScanOptions(jobs=1, use_cache=True, cache_dir=cache, limits=Limits(max_units=10))
    after = run_audit(_settings(folder, cache, **changes))
    assert counting.runs == 2
    if change in ("edit a file", "add a file", "remove a file", "rename a file", "as-of date", "packs"):
        assert audit_json(after) != audit_json(before)
    # and the changed audit is itself looked up next time
    run_audit(_settings(folder, cache, **changes))
    assert counting.runs == 2


def test_a_damaged_entry_is_a_miss(folder: Path, tmp_path: Path, counting: Counting) -> None:
    cache = tmp_path / "cache"
    first = run_audit(_settings(folder, cache))
    for entry in (cache / FOLDER).iterdir():
        entry.write_bytes(b"not an audit")
    again = run_audit(_settings(folder, cache))
    assert counting.runs == 2
    assert audit_json(again) == audit_json(first)


def test_no_cache_means_no_memo(folder: Path, tmp_path: Path, counting: Counting) -> None:
    settings = replace(_settings(folder, tmp_path / "cache"), scan=ScanOptions(jobs=1, use_cache=False))
    run_audit(settings)
    run_audit(settings)
    assert counting.runs == 2
    assert not (tmp_path / "cache").exists()


def test_folder_digest_sees_content_names_and_skipped_entries(folder: Path) -> None:
    digest = hash_folder(folder).digest
    assert hash_folder(folder).digest == digest
    (folder / ".hidden").write_text("x", encoding="utf-8")  # skipped, but listed as skipped
    hidden = hash_folder(folder).digest
    assert hidden != digest
    victim = sorted(folder.rglob("*.md"))[0]
    victim.write_bytes(victim.read_bytes().replace(b"a", b"b", 1))
    assert hash_folder(folder).digest != hidden
