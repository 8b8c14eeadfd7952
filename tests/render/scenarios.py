"""Audit scenarios the renderer and end-to-end tests share: a hostile folder, waivers and a
manual verdict, and a baseline with progress; plus golden-file comparison."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from imsaudit.findings.model import AuditResult
from tests.e2e.test_gapcorp import GAPCORP, audit

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("IMSAUDIT_REGEN_GOLDEN") == "1"

HOSTILE_NAME = "=quality-policy <img src=x onerror=alert(1)>.md"
HOSTILE_TEXT = (
    "[link](http://evil) <img src=x onerror=alert(1)> @octocat www.evil.example a@b.example *x* `t` ]]>"
)


def assert_golden(relative: str, actual: bytes, root: Path = GOLDEN) -> None:
    """Compare with ``<root>/<relative>`` (default ``tests/render/golden``), line ends aside: git may
    rewrite them. ``IMSAUDIT_REGEN_GOLDEN=1`` rewrites the file instead."""
    path = root / relative
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual)
    assert path.exists(), f"{path} is missing: run with IMSAUDIT_REGEN_GOLDEN=1"
    expected = path.read_bytes().replace(b"\r\n", b"\n").decode("utf-8")
    assert actual.replace(b"\r\n", b"\n").decode("utf-8") == expected, (
        f"{relative} changed; if intended, regenerate with IMSAUDIT_REGEN_GOLDEN=1"
    )


def hostile_folder(root: Path) -> Path:
    """Gapcorp with a file name, a CSV cell and an organization name that try to be markup.

    The policy keeps its content under the name ``=quality-policy <img ...>.md`` (cited by
    5.2.1), row 4 of the NC log (cited by 10.2.1) holds a link, a tag, a mention, an
    address, a CDATA end and a BEL control character.
    """
    folder = root / "hostile"
    if folder.exists():
        return folder
    shutil.copytree(GAPCORP, folder)
    policy = folder / "quality-policy.md"
    (folder / HOSTILE_NAME).write_bytes(policy.read_bytes())
    policy.unlink()
    log = folder / "nonconformity-log.csv"
    text = log.read_text(encoding="utf-8")
    log.write_text(
        text.replace("Two operators without training records for CNC-5", HOSTILE_TEXT + " \x07 bell"),
        encoding="utf-8",
    )
    org = folder / "organization.yaml"
    org.write_text(
        org.read_text(encoding="utf-8").replace(
            "name: Gapcorp Precision Parts",
            'name: "Gapcorp <script>alert(1)</script> [x](http://evil) @acme"',
        ),
        encoding="utf-8",
    )
    return folder


def waived_result(root: Path) -> AuditResult:
    """Gapcorp with an active waiver (QMS-10.2.1-02), an expired one (QMS-10.2.1-04) and an
    auditor's verdict (QMS-4.4.1-03 met)."""
    folder = root / "waived"
    if not folder.exists():
        shutil.copytree(GAPCORP, folder)
        with (folder / "organization.yaml").open("a", encoding="utf-8") as handle:
            handle.write(
                "waivers:\n"
                "  - requirement: QMS-10.2.1-02\n"
                "    reason: Root-cause training for supervisors is scheduled for December.\n"
                "    expires: 2026-12-31\n"
                "    approved_by: J. Smith\n"
                "  - requirement: QMS-10.2.1-04\n"
                "    reason: An expired acceptance that must no longer count.\n"
                "    expires: 2026-06-30\n"
                "verdicts:\n"
                "  - requirement: QMS-4.4.1-03\n"
                "    verdict: met\n"
                "    note: Interviewed two process owners\n"
                "    auditor: R. Moreau\n"
                "    date: 2026-10-28\n"
            )
    return audit(folder)


def progress_result(root: Path) -> AuditResult:
    """A later Gapcorp audit with ``--baseline``: NC-03 got its root cause (QMS-10.2.1-02 newly
    met) and NC-01 lost its owner (regressed)."""
    later = root / "later"
    if not later.exists():
        shutil.copytree(GAPCORP, later)
        log = later / "nonconformity-log.csv"
        text = log.read_text(encoding="utf-8")
        text = text.replace("Records completed,,", "Records completed,No check,")
        text = text.replace(
            "Added context review to the MR agenda,Quality Manager,",
            "Added context review to the MR agenda,,",
        )
        log.write_text(text, encoding="utf-8")
    return audit(later, baseline=audit())
