"""organization.yaml: a valid profile loads; every mistake is reported at file:line:col."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from imsaudit.core.errors import SettingsError
from imsaudit.core.types import Outcome
from imsaudit.evidence.organization import check_kind_ids, find_organization, load_organization

VALID = """\
name: Northwind Applied Research
scope: Applied research and testing services at both sites
sites: [Berlin, Graz]
sector: research
size: 48
audit_type: internal
auditor: J. Osei
as_of: 2026-03-01
exclusions:
  - clause: "8.3"
    pack: iso9001-2015
    justification: The institute performs no product design; customers specify the tests.
verdicts:
  - requirement: QMS-5.1-01
    verdict: met
    note: Leadership interview with the director on 20 February.
    auditor: J. Osei
    date: 2026-02-20
kinds:
  "policies/Quality Policy.docx": quality-policy
  "registers/*.csv": [training-records, supplier-evaluation]
  "old/**": []
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "organization.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_profile_loads(tmp_path: Path) -> None:
    organization = load_organization(_write(tmp_path, VALID))
    assert organization.name == "Northwind Applied Research"
    assert organization.as_of == date(2026, 3, 1)
    assert organization.sites == ("Berlin", "Graz")
    assert organization.exclusions[0].clause == "8.3"
    assert organization.verdicts[0].verdict is Outcome.MET
    assert [(m.path, m.kinds, m.line) for m in organization.kinds] == [
        ("policies/Quality Policy.docx", ("quality-policy",), 20),
        ("registers/*.csv", ("training-records", "supplier-evaluation"), 21),
        ("old/**", (), 22),
    ]
    assert find_organization(tmp_path) == tmp_path / "organization.yaml"


def test_empty_file_is_an_empty_profile(tmp_path: Path) -> None:
    assert load_organization(_write(tmp_path, "")).name is None


def _problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(SettingsError) as info:
        load_organization(_write(tmp_path, text), display="organization.yaml")
    return [str(p) for p in info.value.problems]


def test_unknown_keys_are_rejected_with_line_and_suggestion(tmp_path: Path) -> None:
    assert _problems(tmp_path, "name: X\nexclusion:\n  - clause: '8.3'\n") == [
        "organization.yaml:2:1: exclusion: unknown key (did you mean 'exclusions'?)"
    ]


def test_nested_errors_point_at_the_value(tmp_path: Path) -> None:
    text = "verdicts:\n  - requirement: QMS-5.1-01\n    verdict: perfect\n    auditr: me\n"
    problems = _problems(tmp_path, text)
    assert any(p.startswith("organization.yaml:3:5: verdicts.0.verdict:") for p in problems)
    assert "organization.yaml:4:5: verdicts.0.auditr: unknown key (did you mean 'auditor'?)" in problems


def test_bad_dates_and_short_justifications(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "as_of: someday\nexclusions:\n  - clause: '8.3'\n    justification: no\n")
    assert problems[0].startswith("organization.yaml:1:1: as_of:")
    assert problems[1].startswith("organization.yaml:4:5: exclusions.0.justification:")


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "name: X\nscope: [unclosed\n")
    assert problems[0].startswith("organization.yaml:3:1: invalid YAML") or problems[0].startswith(
        "organization.yaml:2"
    )


def test_kind_mappings_must_be_a_mapping(tmp_path: Path) -> None:
    assert _problems(tmp_path, "kinds: [a, b]\n") == [
        "organization.yaml:1:1: kinds: expected a mapping of document path -> kind(s)"
    ]


def test_bad_kind_id_in_mapping(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "kinds:\n  a.docx: Quality Policy\n")
    assert problems[0].startswith("organization.yaml:2:3: kinds.a.docx:")


def test_unknown_kinds_get_did_you_mean(tmp_path: Path) -> None:
    organization = load_organization(_write(tmp_path, "kinds:\n  a.docx: quality-polcy\n"))
    with pytest.raises(SettingsError) as info:
        check_kind_ids(organization, ["quality-policy", "risk-register"], "organization.yaml")
    assert (
        str(info.value)
        == "organization.yaml:2: kinds: unknown kind 'quality-polcy' (did you mean 'quality-policy'?)"
    )


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    assert _problems(tmp_path, "- a\n- b\n") == [
        "organization.yaml:1:1: expected a mapping of keys (name:, scope:, ...)"
    ]


def test_the_documented_example_loads(tmp_path: Path) -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "evidence.md"
    text = docs.read_text(encoding="utf-8").split("## organization.yaml", 1)[1]
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    organization = load_organization(_write(tmp_path, example))
    assert organization.name == "Northwind Applied Research"
    assert organization.verdicts[0].verdict is Outcome.MET
    assert [m.path for m in organization.kinds] == ["policies/Quality Policy.docx", "registers/*.csv"]
