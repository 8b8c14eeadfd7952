"""Architecture kept by a test: who may import whom (STYLE.md practice 9)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "imsaudit"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(subpackage: str) -> list[Path]:
    return sorted((PACKAGE / subpackage).rglob("*.py"))


@pytest.mark.parametrize("path", _modules("core"), ids=lambda p: p.name)
def test_core_imports_nothing_of_ours(path: Path) -> None:
    ours = {n for n in _imports(path) if n.startswith("imsaudit") and not n.startswith("imsaudit.core")}
    assert not ours, f"{path.name} imports {ours}"


@pytest.mark.parametrize(
    "path",
    [p for p in PACKAGE.rglob("*.py") if "cli" not in p.parts and p.name != "__main__.py"],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_nothing_imports_the_cli(path: Path) -> None:
    assert not {n for n in _imports(path) if n.startswith("imsaudit.cli")}


@pytest.mark.parametrize(
    "path",
    [p for p in PACKAGE.rglob("*.py") if "graph" not in p.parts],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_networkx_stays_in_graph(path: Path) -> None:
    assert not {n for n in _imports(path) if n.split(".")[0] == "networkx"}


def test_render_never_imports_checks() -> None:
    render = PACKAGE / "render"
    for path in sorted(render.rglob("*.py")) if render.exists() else []:
        assert not {n for n in _imports(path) if n.startswith("imsaudit.checks")}, path.name


def test_no_print_in_the_library() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "cli" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not offenders


def test_only_the_cli_imports_the_kit() -> None:
    """The checklist and starter kit sit on top of the pipeline's stages; no stage depends on them."""
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if not {"cli", "kit"} & set(path.parts)
        and {n for n in _imports(path) if n.startswith("imsaudit.kit")}
    ]
    assert not offenders


@pytest.mark.parametrize("path", _modules("kit"), ids=lambda p: p.name)
def test_kit_reads_no_audit(path: Path) -> None:
    """Setting a system up needs packs, not an audit: the kit never reads findings or the pipeline."""
    names = _imports(path)
    assert not {n for n in names if n.startswith(("imsaudit.findings", "imsaudit.pipeline"))}, path.name
