"""``imsaudit packs ...`` through the real entry point, exit codes included."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from imsaudit.cli.reference import cli_reference_markdown, commands_with_help
from tests.conftest import MINI_PACK, run_cli

PACK_IDS = ["iso56001-2024", "iso9001-2015", "std-integration"]


def test_validate_bundled_packs() -> None:
    result = run_cli(["packs", "validate"])
    for pack_id in PACK_IDS:
        assert f"ok  {pack_id}:" in result.stdout


def test_validate_a_file() -> None:
    result = run_cli(["packs", "validate", str(MINI_PACK)])
    assert "ok  mini: 4 clauses, 2 requirements" in result.stdout


def test_broken_pack_is_one_line_per_problem_and_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "mini.yaml"
    broken.write_text(
        MINI_PACK.read_text(encoding="utf-8").replace("type: present", "type: presnt"), encoding="utf-8"
    )
    result = run_cli(["packs", "validate", str(broken)], exit_code=2)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert any(":35:13: unknown check type 'presnt' (did you mean 'present'?)" in line for line in lines)
    assert "Traceback" not in result.stderr + result.stdout


def test_broken_pack_from_a_fresh_process_has_no_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "mini.yaml"
    broken.write_text(MINI_PACK.read_text(encoding="utf-8").replace('hs: "4.1"', "hs: 4.1"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "imsaudit", "packs", "validate", str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().endswith('hs: 4.1 must be a quoted string (write "4.1")')


def test_list_json() -> None:
    rows = json.loads(run_cli(["packs", "list", "--format", "json"]).stdout)
    assert [r["id"] for r in rows] == PACK_IDS
    assert all(r["requirements"] > 0 and r["clauses"] > 0 for r in rows)


def test_list_table() -> None:
    out = run_cli(["packs", "list"]).stdout
    for pack_id in PACK_IDS:
        assert pack_id in out


def test_show_tree_with_requirements() -> None:
    out = run_cli(["packs", "show", "iso9001-2015", "--requirements"]).stdout
    assert "9.2 Internal audit" in out
    assert "QMS-9.2.2-01" in out


def test_show_marks_low_confidence_clauses() -> None:
    out = run_cli(["packs", "show", "iso56001-2024"]).stdout
    assert "confidence low" in out or "confidence medium" in out


def test_show_unknown_pack_suggests() -> None:
    result = run_cli(["packs", "show", "iso9001"], exit_code=2)
    assert "unknown pack 'iso9001' (did you mean 'iso9001-2015'?)" in result.stderr


@pytest.mark.parametrize("fmt", ["dot", "mermaid", "graphml"])
def test_graph_formats(fmt: str, tmp_path: Path) -> None:
    out = run_cli(["packs", "graph", "iso9001-2015", "--format", fmt]).stdout
    marker = {"dot": "digraph clauses", "mermaid": "flowchart TB", "graphml": "<graphml"}[fmt]
    assert marker in out
    target = tmp_path / f"g.{fmt}"
    run_cli(["packs", "graph", "iso9001-2015", "--format", fmt, "--out", str(target)])
    assert target.read_text(encoding="utf-8") == out


def test_graph_rejects_unknown_format() -> None:
    result = run_cli(["packs", "graph", "iso9001-2015", "--format", "png"], exit_code=2)
    assert "Invalid value" in result.stderr


def test_crosswalk_json() -> None:
    table = json.loads(run_cli(["packs", "crosswalk", "--format", "json"]).stdout)
    # One internal audit programme serves both systems: both packs sit on HS 9.2.2.
    assert table["9.2.2"]["iso9001-2015"] == ["9.2.2"]
    assert table["9.2.2"]["iso56001-2024"] == ["9.2.2"]
    assert "10.3" in table["10.1"]["iso9001-2015"]
    assert table["5.3"]["iso56001-2024"] == ["5.5"]


def test_every_command_has_help_with_an_example() -> None:
    for path, text in commands_with_help():
        assert "Example:" in text, f"{path} --help has no example"


def test_cli_reference_is_current() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
    assert docs.read_text(encoding="utf-8") == cli_reference_markdown(), (
        "docs/cli.md is stale: run python scripts/gen_docs.py"
    )


def test_help_is_fast_to_import() -> None:
    """--help must not import the heavy libraries (the speed itself is a benchmark)."""
    code = (
        "import sys; from imsaudit.cli.main import main; main(['--help']); "
        "heavy = [m for m in ('networkx', 'pydantic', 'rich', 'weasyprint', 'pypdfium2', 'lxml') "
        "if m in sys.modules]; print(heavy)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
