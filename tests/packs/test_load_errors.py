"""Every way a pack can be broken gives one line ``file:line:col: message``.

Each case edits the valid mini pack (tests/packs/cases/mini.yaml) by replacing one
text with another, then names the line the problem must point at (by a text found on
that line of the edited file) and a fragment of the message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from imsaudit.core.errors import PackError
from imsaudit.packs.load import load_library
from tests.conftest import MINI_PACK

# (case id, old text, new text, text on the reported line, message fragment)
CASES = [
    ("yaml_syntax", "  version: 0.1.0\n", "  version: [0.1.0\n", None, "YAML syntax"),
    (
        "duplicate_key",
        "  version: 0.1.0\n",
        "  version: 0.1.0\n  version: 0.2.0\n",
        "version: 0.2.0",
        "duplicate key",
    ),
    (
        "unknown_field",
        "    summary: Know the issues",
        "    sumary: Know the issues",
        "sumary:",
        "unknown field 'sumary' (did you mean 'summary'?)",
    ),
    (
        "unknown_check_type",
        "          - type: present\n            kind: context-analysis",
        "          - type: presence\n            kind: context-analysis",
        "type: presence",
        "unknown check type 'presence' (did you mean 'present'?)",
    ),
    (
        "unknown_check_param",
        "                fields: [approved_by, approved_on]",
        "                fields: [approved_by, approved_on]\n                max_age: 3",
        "max_age: 3",
        "unknown field 'max_age'",
    ),
    (
        "bad_metadata_field",
        "fields: [approved_by, approved_on]",
        "fields: [approved_by, signed]",
        "fields: [approved_by, signed]",
        "fields",
    ),
    (
        "unquoted_number",
        '  - number: "4.1"',
        "  - number: 4.1",
        "number: 4.1",
        'must be a quoted string (write "4.1")',
    ),
    ("missing_field", "        severity: minor\n", "", "id: MIN-4.1-01", "missing required field 'severity'"),
    ("bad_severity", "severity: minor", "severity: low", "severity: low", "severity"),
    (
        "duplicate_clause",
        '  - number: "5.2"',
        '  - number: "4.1"',
        'number: "4.1"',
        "clause '4.1' is defined twice",
    ),
    ("duplicate_requirement", "id: MIN-5.2-01", "id: MIN-4.1-01", None, "should start with 'MIN-5.2-'"),
    (
        "dangling_edge",
        '      - clause: "4.1"\n        reason: Leaders',
        '      - clause: "4.2"\n        reason: Leaders',
        'clause: "4.2"',
        "depends on unknown clause '4.2' (did you mean '",
    ),
    (
        "self_edge",
        '      - clause: "4.1"\n        reason: The policy',
        '      - clause: "5.2"\n        reason: The policy',
        'clause: "5.2"',
        "depends on itself",
    ),
    (
        "ancestor_edge",
        '      - clause: "4.1"\n        reason: The policy',
        '      - clause: "5"\n        reason: The policy',
        'clause: "5"',
        "ancestor or descendant",
    ),
    (
        "unknown_kind",
        "kind: context-analysis",
        "kind: context-analysys",
        "kind: context-analysys",
        "unknown evidence kind 'context-analysys' (did you mean 'context-analysis'?)",
    ),
    (
        "row_check_on_document",
        "          - type: present\n            kind: mini-policy",
        "          - type: records\n            kind: mini-policy",
        "kind: mini-policy",
        "reads register rows, but kind 'mini-policy' is not tabular",
    ),
    (
        "bad_hs",
        '    hs: "5.2"',
        '    hs: "5.9"',
        'hs: "5.9"',
        "hs '5.9' is not a Harmonized Structure clause",
    ),
    ("bad_regex", "filename: ['polic']", "filename: ['polic(']", "filename:", "invalid regular expression"),
    ("no_parent", '  - number: "5.2"', '  - number: "6.2"', 'number: "6.2"', "has no parent clause '6'"),
    (
        "at_least_too_many",
        "          - type: any_of\n",
        "          - type: at_least\n            n: 3\n",
        "type: at_least",
        "n is 3 but only 2 checks are listed",
    ),
    ("pack_id_mismatch", "  id: mini\n", "  id: other\n", "id: other", "differs from the file name"),
    ("empty_file", None, "", None, "expected a mapping"),
]


def _write(tmp_path: Path, old: str | None, new: str) -> tuple[Path, list[str]]:
    text = MINI_PACK.read_text(encoding="utf-8")
    if old is None:
        text = new
    else:
        assert old in text, f"case text not in mini pack: {old!r}"
        text = text.replace(old, new, 1)
    path = tmp_path / "mini.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text.splitlines()


@pytest.mark.parametrize(
    ("old", "new", "line_text", "fragment"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_broken_pack_reports_file_line_col(
    tmp_path: Path, old: str | None, new: str, line_text: str | None, fragment: str
) -> None:
    path, lines = _write(tmp_path, old, new)
    with pytest.raises(PackError) as caught:
        load_library([], files=[path])
    problems = [p for p in caught.value.problems if fragment in p.message]
    assert problems, f"no problem mentions {fragment!r}: {caught.value}"
    problem = problems[0]
    assert problem.path.endswith("mini.yaml")
    if line_text is not None:
        assert problem.line >= 1
        assert line_text in lines[problem.line - 1], (problem, lines[problem.line - 1])
        assert problem.col >= 1
    assert str(problem).startswith(f"{problem.path}:")


def test_cycle_is_named(tmp_path: Path) -> None:
    text = MINI_PACK.read_text(encoding="utf-8").replace(
        '  - number: "4.1"\n    title: Issues\n    hs: "4.1"\n',
        '  - number: "4.1"\n    title: Issues\n    hs: "4.1"\n    depends_on:\n'
        '      - clause: "5.2"\n        reason: A made-up edge that closes a loop.\n',
    )
    path = tmp_path / "mini.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_library([], files=[path])
    messages = [p.message for p in caught.value.problems]
    assert any(
        m in ("dependency cycle: 4.1 -> 5.2 -> 4.1", "dependency cycle: 5.2 -> 4.1 -> 5.2") for m in messages
    ), messages


def test_all_problems_of_a_file_are_reported(tmp_path: Path) -> None:
    text = MINI_PACK.read_text(encoding="utf-8")
    text = text.replace("    summary: Know the issues", "    sumary: Know the issues")
    text = text.replace("severity: major", "severity: huge")
    text = text.replace('  - number: "5"\n', "  - number: 5\n")
    path = tmp_path / "mini.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_library([], files=[path])
    assert len(caught.value.problems) >= 3
    lines = sorted(p.line for p in caught.value.problems)
    assert len(set(lines)) >= 3


def test_duplicate_kind_across_files(tmp_path: Path) -> None:
    text = MINI_PACK.read_text(encoding="utf-8").replace("id: mini-policy", "id: context-analysis")
    text = text.replace("kind: mini-policy", "kind: context-analysis")
    path = tmp_path / "mini.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError, match="'context-analysis' is already defined in 'common'"):
        load_library([], files=[path])


def test_duplicate_requirement_id_across_packs(tmp_path: Path) -> None:
    text = MINI_PACK.read_text(encoding="utf-8")
    (tmp_path / "mini.yaml").write_text(text, encoding="utf-8")
    other = text.replace("id: mini\n", "id: mini2\n").replace("id: mini-policy", "id: mini2-policy")
    other = other.replace("kind: mini-policy", "kind: mini2-policy")
    (tmp_path / "mini2.yaml").write_text(other, encoding="utf-8")
    with pytest.raises(PackError, match=r"'MIN-4\.1-01' is already used in mini clause 4\.1"):
        load_library([], files=[tmp_path / "mini.yaml", tmp_path / "mini2.yaml"])


def test_valid_mini_pack_loads() -> None:
    library = load_library([], files=[MINI_PACK])
    pack = library.pack("mini")
    assert [c.number for c in pack.clauses] == ["4", "4.1", "5", "5.2"]
    assert pack.kinds_used() == ("context-analysis", "mini-policy")
    assert library.kind_origin["mini-policy"] == "mini"
    assert library.kind_origin["context-analysis"] == "common"


def test_fast_loader_reads_the_same_packs_as_the_round_trip_loader() -> None:
    """The C loader reads the packs; the round-trip loader only answers positions. Same data."""
    from ruamel.yaml import YAML

    from imsaudit.packs.load import default_pack_dir, load_library
    from imsaudit.packs.model import Pack, as_plain

    library = load_library()
    for pack_id, pack in library.packs.items():
        text = (default_pack_dir() / f"{pack_id}.yaml").read_text(encoding="utf-8")
        assert Pack.model_validate(as_plain(YAML(typ="rt").load(text))) == pack


def test_positions_are_parsed_only_when_asked(tmp_path: Path) -> None:
    from imsaudit.packs.source import SourceMap

    source = SourceMap("x.yaml", text="a:\n  b: [1, 2]\n")
    assert "root" not in vars(source)  # nothing parsed yet
    assert source.position(("a", "b", 1)) == (2, 10)
    assert SourceMap("bad.yaml", text="a: [\n").position(("a",)) == (1, 1)  # the file, not a crash
