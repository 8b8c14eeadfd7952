"""Hostile settings: an organization.yaml that is a bomb, a link out, a FIFO or too big; ids that
do not exist (named with their line); and outputs or a cache aimed into the evidence folder.
Each stops the run with one line, exit code 2, before anything is read or written."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.e2e.test_gapcorp import GAPCORP
from tests.hostile.conftest import AS_OF, PACK, Hostile, snapshot
from tests.hostile.make_hostile import CANARY_TEXT


def _folder(tmp_path: Path, extra: str = "") -> Path:
    folder = tmp_path / "evidence"
    shutil.copytree(GAPCORP, folder)
    if extra:
        with (folder / "organization.yaml").open("a", encoding="utf-8") as handle:
            handle.write(extra)
    return folder


def _audit(folder: Path, out: Path, *extra: str, exit_code: int = 2) -> str:
    args = [
        "audit",
        str(folder),
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "--out",
        str(out),
        "--no-cache",
        *extra,
    ]
    return run_cli(args, exit_code=exit_code).stderr


def _line_of(folder: Path, text: str) -> int:
    lines = (folder / "organization.yaml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_organization_alias_bomb_is_refused_at_its_key(tmp_path: Path) -> None:
    folder = tmp_path / "evidence"
    shutil.copytree(GAPCORP, folder)
    bomb = "sites: &s0 [Lyon, Lyon, Lyon, Lyon, Lyon, Lyon, Lyon, Lyon, Lyon]\n" + "".join(
        f"x{i}: &s{i} [{', '.join([f'*s{i - 1}'] * 9)}]\n" for i in range(1, 9)
    )
    (folder / "organization.yaml").write_text(f"name: Bombcorp\n{bomb}", encoding="utf-8")
    stderr = _audit(folder, tmp_path / "out")
    # sites: 10 values, x1: 91, ..., x5: 597 871: the first key over the limit is named
    assert (
        stderr
        == "organization.yaml:7:1: x5: YAML aliases expand to more than 100,000 values (an alias bomb?)\n"
    )
    assert not (tmp_path / "out").exists()


def test_organization_symlink_out_of_the_folder_is_not_read(hostile: Hostile, tmp_path: Path) -> None:
    folder = tmp_path / "evidence"
    shutil.copytree(GAPCORP, folder)
    (folder / "organization.yaml").unlink()
    (folder / "organization.yaml").symlink_to(hostile.folder.canary)
    stderr = _audit(folder, tmp_path / "out")
    assert stderr == "organization.yaml: symlink to outside the evidence folder: not read\n"
    assert CANARY_TEXT not in stderr


def test_organization_fifo_is_not_opened(tmp_path: Path) -> None:
    folder = tmp_path / "evidence"
    shutil.copytree(GAPCORP, folder)
    (folder / "organization.yaml").unlink()
    os.mkfifo(folder / "organization.yaml")  # opening it for reading would block forever
    assert _audit(folder, tmp_path / "out") == "organization.yaml: not a regular file: not read\n"


def test_organization_over_the_size_limit_is_not_parsed(tmp_path: Path) -> None:
    folder = tmp_path / "evidence"
    shutil.copytree(GAPCORP, folder)
    with (folder / "organization.yaml").open("r+b") as handle:
        handle.truncate(2 * 1024 * 1024)  # sparse
    assert _audit(folder, tmp_path / "out") == (
        "organization.yaml: file is 2,097,152 bytes, over the 1,048,576 byte limit: not read\n"
    )


def test_organization_nested_too_deeply(tmp_path: Path) -> None:
    folder = tmp_path / "evidence"
    shutil.copytree(GAPCORP, folder)
    (folder / "organization.yaml").write_text("scope: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert (
        _audit(folder, tmp_path / "out") == "organization.yaml: invalid YAML: nested deeper than 64 levels\n"
    )


# --------------------------------------------------------------------------- unknown ids, with their line


def test_unknown_verdicts_waivers_and_exclusions_name_their_line(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        "  - {clause: '8.99', pack: iso9001-2015, justification: A clause this pack does not have.}\n"
        "  - {clause: '8.3', pack: iso9001-2051, justification: A pack that does not exist at all.}\n"
        "verdicts:\n"
        "  - {requirement: QMS-5.1.1-01, verdict: met}\n"
        "  - {requirement: QMS-5.1.1-99, verdict: met}\n"
        "waivers:\n"
        "  - requirement: QMS-10.2.1-09\n"
        "    reason: A typo in the id here.\n"
        "    expires: 2026-12-31\n",
    )
    stderr = _audit(folder, tmp_path / "out", "--pack", PACK)
    lines = {
        "clause": _line_of(folder, "'8.99'"),
        "pack": _line_of(folder, "iso9001-2051"),
        "verdict": _line_of(folder, "QMS-5.1.1-99"),
        "waiver": _line_of(folder, "QMS-10.2.1-09"),
    }
    assert f"organization.yaml:{lines['clause']}: exclusion of unknown clause '8.99'\n" in stderr
    assert f"organization.yaml:{lines['pack']}: exclusion names unknown pack 'iso9001-2051'\n" in stderr
    assert f"organization.yaml:{lines['verdict']}: verdict for unknown requirement 'QMS-5.1.1-99'" in stderr
    assert f"organization.yaml:{lines['waiver']}: waiver for unknown requirement 'QMS-10.2.1-09'" in stderr
    assert ":0:" not in stderr and "organization.yaml: " not in stderr  # every problem has its line
    assert not (tmp_path / "out").exists()


def test_unknown_pack_names_its_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "packs:\n  - iso9001-2015\n  - iso9001-2051\n")
    stderr = _audit(folder, tmp_path / "out")
    line = _line_of(folder, "- iso9001-2051")
    assert stderr == (
        f"organization.yaml:{line}: packs: unknown pack 'iso9001-2051' (did you mean 'iso9001-2015'?)\n"
    )


def test_line_is_not_a_key_of_organization_yaml(tmp_path: Path) -> None:
    """Lines are recorded by the loader: an entry may not set its own."""
    folder = _folder(tmp_path, "verdicts:\n  - {requirement: QMS-5.1.1-01, verdict: met, line: 3}\n")
    line = _line_of(folder, "line: 3")
    assert f"organization.yaml:{line}:" in _audit(folder, tmp_path / "out")


# --------------------------------------------------------------------------- nothing written into the folder


def _refused(folder: Path, args: list[str], message: str) -> None:
    before = snapshot(folder)
    assert message in run_cli(args, exit_code=2).stderr
    assert snapshot(folder) == before


def test_out_inside_the_folder_is_refused_before_the_scan(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    link = tmp_path / "reports-link"
    link.symlink_to(folder, target_is_directory=True)  # outside by name, inside in fact
    for out in (folder / "reports", folder, link / "reports"):
        args = ["audit", str(folder), "--as-of", AS_OF, "--format", "json", "--out", str(out), "--no-cache"]
        _refused(folder, args, "is inside the evidence folder, which is never written to")


def test_default_out_inside_the_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from inside the folder, the default reports/<org>-<date>/ would land in it."""
    folder = _folder(tmp_path)
    monkeypatch.chdir(folder)
    _refused(
        folder,
        ["audit", ".", "--as-of", AS_OF, "--format", "json", "--no-cache"],
        "inside the evidence folder",
    )


@pytest.mark.parametrize("command", ["audit", "scan"])
def test_cache_inside_the_folder_is_refused(tmp_path: Path, command: str) -> None:
    folder = _folder(tmp_path)
    args = [command, str(folder), "--cache-dir", str(folder / ".cache")]
    if command == "audit":
        args += ["--as-of", AS_OF, "--format", "json", "--out", str(tmp_path / "out")]
    _refused(folder, args, "the cache dir must not be inside the evidence folder")


def test_init_never_writes_into_an_evidence_folder(tmp_path: Path) -> None:
    """``init`` has no evidence folder argument; it writes only into a new or empty folder,
    so an existing evidence folder (or a link to it) is refused and left as it was."""
    folder = _folder(tmp_path)
    link = tmp_path / "kit-link"
    link.symlink_to(folder, target_is_directory=True)
    for target in (folder, link):
        _refused(folder, ["init", str(target), "--pack", PACK], "init writes only into a new or empty folder")
