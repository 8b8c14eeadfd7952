"""The same audit of the hostile folder gives byte-identical audit.json whatever the process,
working directory, hash seed and number of jobs; and no absolute path leaks into it."""

from __future__ import annotations

from tests.hostile.conftest import DeterministicRun, FullAudit, Hostile


def test_same_bytes_with_other_jobs_seed_and_working_directory(
    full_audit: FullAudit, deterministic_runs: tuple[DeterministicRun, ...]
) -> None:
    reference = (full_audit.out / "audit.json").read_bytes()
    assert {r.jobs for r in deterministic_runs} == {"1", "4"}
    assert len({r.run.cwd for r in deterministic_runs} | {full_audit.run.cwd}) == 3
    for run in deterministic_runs:
        assert run.audit_json == reference, f"--jobs {run.jobs}, PYTHONHASHSEED={run.hashseed}"


def test_no_temporary_path_in_audit_json(
    hostile: Hostile, deterministic_runs: tuple[DeterministicRun, ...]
) -> None:
    """The folder is named relative to itself; the temp folder holding it appears nowhere."""
    for run in deterministic_runs:
        text = run.audit_json.decode("utf-8")
        assert str(hostile.evidence) not in text
        assert hostile.folder.root.name not in text
        assert str(run.run.cwd) not in text
