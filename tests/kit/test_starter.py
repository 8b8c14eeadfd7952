"""The starter kit: one file per evidence kind, shaped by the checks; a fresh kit is never evidence.

The key property is audited through ``run_audit``, as users would: a fresh kit is recognized
file by file as the kinds it is meant to become, every file is a template, and no
requirement is met. Filled in naively (placeholders replaced, guidance deleted), the same
files stop being templates and pass the document-control, section and existence checks:
the kit's headings and columns are the ones the checks read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from imsaudit.checks.base import CheckParams
from imsaudit.checks.records import RecordsParams
from imsaudit.checks.sections import SectionsParams
from imsaudit.core.errors import UsageError
from imsaudit.core.types import Outcome
from imsaudit.evidence.organization import load_organization
from imsaudit.evidence.scan import ScanOptions
from imsaudit.findings.model import AuditResult
from imsaudit.kit.starter import StarterKit, build_starter_kit, write_starter_kit
from imsaudit.packs.load import Library, load_library
from imsaudit.pipeline import AuditSettings, read_organization, run_audit

PACK_IDS = ["iso56001-2024", "iso9001-2015", "std-integration"]
AREAS = {
    "04-context-of-the-organization",
    "05-leadership",
    "06-planning",
    "07-support",
    "08-operation",
    "09-performance-evaluation",
    "10-improvement",
}
AS_OF = dt.date(2026, 11, 1)


def kit_for(pack_id: str) -> tuple[Library, StarterKit]:
    library = load_library([pack_id])
    return library, build_starter_kit(library, [pack_id])


def audit(folder: Path, pack_id: str) -> AuditResult:
    organization, org_file = read_organization(folder)
    settings = AuditSettings(
        evidence_dir=folder,
        as_of=AS_OF,
        pack_ids=(pack_id,),
        organization=organization,
        organization_file=org_file,
        scan=ScanOptions(jobs=1, use_cache=False),
    )
    return run_audit(settings)


def front_matter(text: str) -> dict[str, object]:
    block = text.split("---\n", 2)[1]
    loaded = YAML(typ="safe", pure=True).load(block)
    assert isinstance(loaded, dict)
    return loaded


def register_rows(text: str) -> tuple[list[str], list[str]]:
    """(header, example row) of a kit register: its last two rows (a control block may come first)."""
    rows = list(csv.reader(io.StringIO(text)))
    return rows[-2], rows[-1]


def checks_of(library: Library, pack_id: str) -> list[CheckParams]:
    return [
        node for r in library.packs[pack_id].requirements for check in r.check_params for node in check.walk()
    ]


# --------------------------------------------------------------------------- contents


@pytest.mark.parametrize("pack_id", PACK_IDS)
def test_one_file_per_kind_in_its_form(pack_id: str) -> None:
    library, kit = kit_for(pack_id)
    used = library.packs[pack_id].kinds_used()
    files = kit.evidence_files
    assert sorted(f.kind for f in files if f.kind) == sorted(used)
    assert len({f.path for f in kit.files}) == len(kit.files)
    for f in files:
        kind = library.kinds[f.kind or ""]
        folder, name = f.path.split("/")
        assert folder in AREAS
        if kind.tabular:
            assert f.role == "register" and name == f"{kind.id}.csv"
        else:
            expected = "record" if kind.documented_information.value == "retain" else "document"
            assert f.role == expected and name == f"{kind.id}.md"
            meta = front_matter(f.text)
            assert meta["kind"] == kind.id and meta["title"] == kind.title
            assert meta["owner"] == "<Name>" and meta["approved_on"] == "YYYY-MM-DD"
            assert re.search(r"^\[Describe [^\]\n]{1,80}\]$", f.text, flags=re.MULTILINE)
        assert f.phase is not None and f.serves
    assert {f.path for f in kit.files} >= {"README.md", "organization.yaml"}


def test_shared_kinds_sit_in_the_same_area_for_every_pack() -> None:
    """The internal audit programme lands in 9 for ISO 9001 and ISO 56001 alike."""
    paths = [
        next(f.path for f in kit_for(p)[1].files if f.kind == "internal-audit-programme")
        for p in ("iso9001-2015", "iso56001-2024")
    ]
    assert paths == ["09-performance-evaluation/internal-audit-programme.csv"] * 2


def test_registers_have_the_columns_the_checks_read() -> None:
    library, kit = kit_for("iso9001-2015")
    log = next(f for f in kit.files if f.kind == "nonconformity-log")
    header, example = register_rows(log.text)
    assert header[:2] == ["NC ID", "Date"], "the row id first, then the date the period is judged by"
    assert {"Root cause", "Corrective action", "Correction", "Audit ID"} <= set(header)
    assert any(h.startswith("Effectiveness") for h in header)
    assert "Disposition" not in header, "columns of nonconforming output belong to that register"
    assert log.text.startswith("NC ID,"), "a retained log is rows only"
    assert example[:2] == ["<NC ID>", "<YYYY-MM-DD>"]
    assert all(cell.startswith("<") and cell.endswith(">") for cell in example)
    programme = next(f for f in kit.files if f.kind == "internal-audit-programme")
    header, _ = register_rows(programme.text)
    assert header[:3] == ["Audit ID", "Planned date", "Clauses"] and {"Auditor", "Auditee"} <= set(header)
    objectives = next(f for f in kit.files if f.kind == "quality-objectives")
    assert objectives.text.startswith("Title,Quality objectives and plan\nDocument ID,<DOC-ID>\n")
    assert "Approved on,YYYY-MM-DD" in objectives.text, "a maintained register carries its approval"
    # Every records check's required columns have a header it finds (its first alias).
    headers = {f.kind: [h.lower() for h in register_rows(f.text)[0]] for f in kit.of_role("register")}
    for check in checks_of(library, "iso9001-2015"):
        if isinstance(check, RecordsParams) and check.kind[0] in headers:
            for aliases in check.required_columns.values():
                assert any(a.lower() in headers[check.kind[0]] for a in aliases), (check.kind, aliases)


def test_documents_have_a_heading_for_every_required_section() -> None:
    library, kit = kit_for("iso9001-2015")
    docs = {f.kind: f.text.lower() for f in kit.files if f.role in ("document", "record")}
    sections = [c for c in checks_of(library, "iso9001-2015") if isinstance(c, SectionsParams)]
    assert sections
    for check in sections:
        text = docs[check.kind[0]]
        headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
        for name, phrases in check.sections.items():
            assert any(p in h for p in phrases for h in headings), (check.kind[0], name)
    policy = docs["quality-policy"]
    assert "## commitment to continual improvement" in policy
    assert "guidance note (delete this note" in policy
    assert "what the audit checks:" in policy


def test_organization_yaml_is_valid_and_so_are_its_examples(tmp_path: Path) -> None:
    library, kit = kit_for("iso9001-2015")
    text = next(f.text for f in kit.files if f.path == "organization.yaml")
    path = tmp_path / "organization.yaml"
    path.write_text(text, encoding="utf-8")
    organization = load_organization(path)
    assert organization.packs == ("iso9001-2015",)
    assert organization.name == "<Organization name>"
    mapped = {m.path: m.kinds for m in organization.kinds}
    assert mapped["README.md"] == ()
    assert set(mapped) - {"README.md"} == set(kit.mapped)
    # Uncommented, the examples are valid too, and name clauses and requirements that exist.
    lines = [re.sub(r"^# ((?:[a-z_]+:)|(?:  ))", r"\1", line) for line in text.splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    example = load_organization(path)
    assert example.exclusions and example.waivers and example.verdicts and example.as_of
    pack = library.packs["iso9001-2015"]
    requirements = {r.id for r in pack.requirements}
    assert example.exclusions[0].clause in pack.clause_map
    assert example.waivers[0].requirement in requirements
    assert example.verdicts[0].requirement in requirements


def test_readme_lists_every_file_in_phase_order() -> None:
    _, kit = kit_for("std-integration")
    text = next(f.text for f in kit.files if f.path == "README.md")
    rows = re.findall(r"^\| (\d+) \| `([^`]+)` \|", text, flags=re.MULTILINE)
    assert sorted(p for _, p in rows) == sorted(f.path for f in kit.evidence_files)
    phases = [int(n) for n, _ in rows]
    assert phases == sorted(phases)
    assert "imsaudit audit . --pack std-integration" in text


# --------------------------------------------------------------------------- writing


def test_writes_into_a_new_or_empty_folder_only(tmp_path: Path) -> None:
    _, kit = kit_for("std-integration")
    target = tmp_path / "new" / "kit"
    written = write_starter_kit(kit, target)
    assert sorted(p.relative_to(target).as_posix() for p in written) == sorted(f.path for f in kit.files)
    assert all(p.read_bytes() == f.data for p, f in zip(written, kit.files, strict=True))
    with pytest.raises(UsageError, match="is not empty"):
        write_starter_kit(kit, target)
    empty = tmp_path / "empty"
    empty.mkdir()
    assert len(write_starter_kit(kit, empty)) == len(kit.files)
    afile = tmp_path / "file.txt"
    afile.write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="not a folder"):
        write_starter_kit(kit, afile)
    assert afile.read_text(encoding="utf-8") == "x"


# --------------------------------------------------------------------------- the audit of a kit


@pytest.mark.parametrize("pack_id", PACK_IDS)
def test_a_fresh_kit_is_recognized_but_never_evidence(tmp_path: Path, pack_id: str) -> None:
    library, kit = kit_for(pack_id)
    folder = tmp_path / "kit"
    write_starter_kit(kit, folder)
    result = audit(folder, pack_id)

    met = [r.id for r in result.requirements if r.outcome is Outcome.MET]
    assert not met, f"a template made these met: {met}"
    assert {r.outcome for r in result.requirements} <= {Outcome.NOT_MET, Outcome.NEEDS_REVIEW}
    documents = {d.path: d for d in result.documents}
    assert set(documents) == {f.path for f in kit.files} - {"organization.yaml"}
    not_templates = [d.path for d in result.documents if not d.template]
    assert not not_templates, f"not detected as templates: {not_templates}"
    for f in kit.evidence_files:
        kinds = {k.kind for k in documents[f.path].kinds}
        assert f.kind in kinds, f"{f.path} is not recognized as {f.kind}: {kinds}"
    classified = {k.kind for d in result.documents for k in d.kinds}
    missing = set(library.packs[pack_id].kinds_used()) - classified
    assert not missing, f"no document classified as {missing}"
    assert not documents["README.md"].kinds, "the README is evidence of nothing"
    assert not result.errors, result.errors  # no unmatched mapping, no unreadable file
    # The messages say why: a template is not evidence.
    present = next(r for r in result.requirements if any(c.type == "present" for c in r.checks))
    assert "only a template" in " ".join(c.message for c in present.checks)


def _filled(text: str, path: str) -> str:
    """A kit file as a hurried user might fill it: every placeholder replaced, guidance deleted."""
    if path.endswith(".csv"):
        text = text.replace("<YYYY-MM-DD>", "2026-06-01").replace("<Name>", "A. Lind")
        text = text.replace("Review due,YYYY-MM-DD", "Review due,2027-06-01")
        text = text.replace("YYYY-MM-DD", "2026-06-01").replace("Status,draft", "Status,approved")
        return re.sub(r"<([^<>]+)>", lambda m: f"{m.group(1)} 1", text)
    values = {
        "<DOC-ID>": "DOC-01",
        "status: draft": "status: approved",
        "approved_on: YYYY-MM-DD": "approved_on: 2026-06-01",
        "review_due: YYYY-MM-DD": "review_due: 2027-06-01",
        "Date: YYYY-MM-DD": "Date: 2026-06-01",
        "<Name>": "A. Lind",
    }
    for old, new in values.items():
        text = text.replace(old, new)
    text = re.sub(r"^\[Describe ([^\]]+)\]$", r"We \1 as follows.", text, flags=re.MULTILINE)
    return "\n".join(line for line in text.splitlines() if not line.startswith(">")) + "\n"


def test_a_filled_in_kit_passes_the_checks_on_its_skeleton(tmp_path: Path) -> None:
    _, kit = kit_for("iso9001-2015")
    folder = tmp_path / "kit"
    write_starter_kit(kit, folder)
    for f in kit.evidence_files:
        (folder / f.path).write_text(_filled(f.text, f.path), encoding="utf-8")
    result = audit(folder, "iso9001-2015")

    templates = [d.path for d in result.documents if d.template]
    assert templates == ["README.md"]
    by_type: dict[str, list[tuple[str, Outcome]]] = {}
    for r in result.requirements:
        for check in r.checks:
            by_type.setdefault(check.type, []).append((r.id, check.outcome))
    for check_type in ("present", "metadata", "sections", "no_placeholders"):
        failed = [(rid, o.value) for rid, o in by_type[check_type] if o is not Outcome.MET]
        assert not failed, f"{check_type} checks not met on a filled-in kit: {failed}"
    # One example row is one record: a register check asking for one row in the year passes.
    assert ("QMS-10.2.1-02", Outcome.MET) in by_type["records"]
