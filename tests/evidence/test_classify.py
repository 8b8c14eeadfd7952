"""Recognition: scores and reasons, one matcher for every phrase, overrides, declarations,
templates never counting as records."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from imsaudit.evidence.classify import PhraseMatcher, classify
from imsaudit.evidence.model import ClassificationSource, Document, DocumentFormat, TextUnit, UnitRole
from imsaudit.evidence.organization import KindMapping
from imsaudit.evidence.scan import ScanOptions, ScanResult, scan_folder
from imsaudit.packs.model import EvidenceKind

from .conftest import FIXTURES, kind

EXPECTED = {
    "intranet/context.html": ["context-analysis"],
    "manual/Innovation management manual.odt": ["innovation-management-manual"],
    "policies/ISP-002 Information security policy (signed scan).pdf": ["information-security-policy"],
    "policies/Quality Policy.docx": ["quality-policy"],
    "procedures/Document control procedure.pdf": ["document-control-procedure"],
    "procedures/internal-audit-procedure.md": ["internal-audit-procedure", "internal-audit-programme"],
    "records/Management review Q1 2026.pptx": ["management-review-record"],
    "records/Management review Q1 2026 approval.eml": ["management-review-record"],
    "records/training-attendance-scan.png": ["training-records"],  # scans: by name (no OCR here)
    "registers/Risk register 2026.xlsx": ["risk-opportunity-register"],
    "registers/audit-programme.ods": ["internal-audit-programme"],
    "registers/suppliers.tsv": ["supplier-evaluation"],
    "registers/training_records.csv": ["training-records"],
    "templates/Corrective action report TEMPLATE.docx": ["corrective-action-report"],
    "templates/policy-template.md": ["quality-policy"],
}


def test_fixture_folder_classification(fixture_scan: ScanResult, kinds: list[EvidenceKind]) -> None:
    index = classify(fixture_scan.documents, kinds)
    actual = {path: [c.kind for c in found] for path, found in index.classifications.items()}
    assert actual == EXPECTED
    for found in index.classifications.values():
        for classification in found:
            assert classification.why
            assert classification.reasons


def test_why_names_the_rules_and_scores(fixture_scan: ScanResult, kinds: list[EvidenceKind]) -> None:
    index = classify(fixture_scan.documents, kinds)
    policy = index.classification("policies/Quality Policy.docx", "quality-policy")
    assert policy is not None and policy.source is ClassificationSource.RECOGNIZED
    assert policy.score == 17 and policy.min_score == 4
    rules = {(r.rule, r.score) for r in policy.reasons}
    assert {("filename", 3), ("title", 4), ("heading", 2), ("phrase", 2), ("phrase", 3)} <= rules
    assert policy.why.startswith(
        "score 17 >= 4: filename /quality[-_ ]?policy/ matches 'Quality Policy.docx' (+3)"
    )
    phrase = next(r for r in policy.reasons if r.detail == "'continual improvement'")
    assert phrase.locator == 'section "Purpose" paragraph 2'
    declared = index.classification("procedures/internal-audit-procedure.md", "internal-audit-procedure")
    assert declared is not None and declared.source is ClassificationSource.DECLARED
    assert declared.why == "declared kind: internal-audit-procedure (front matter line 10)"


def test_templates_never_count_as_records(fixture_scan: ScanResult, kinds: list[EvidenceKind]) -> None:
    index = classify(fixture_scan.documents, kinds)
    assert index.documents_of("corrective-action-report") == ()
    assert [d.path for d in index.documents_of("corrective-action-report", include_templates=True)] == [
        "templates/Corrective action report TEMPLATE.docx"
    ]
    assert [d.path for d in index.documents_of("quality-policy")] == ["policies/Quality Policy.docx"]


def test_a_folder_of_templates_is_not_a_management_system(kinds: list[EvidenceKind]) -> None:
    result = scan_folder(FIXTURES / "templates", ScanOptions(jobs=1, use_cache=False))
    index = classify(result.documents, kinds)
    assert index.classifications  # recognized as templates *of* these kinds...
    assert all(index.documents_of(k.id) == () for k in kinds)  # ...but no record of any kind


def test_min_score_is_required() -> None:
    weak = kind("quality-policy", filename=[r"policy"], phrases={"quality": 1}, min_score=5)
    document = _document("policy.md", "We care about quality.")
    assert classify([document], [weak]).classifications == {}
    strong = kind("quality-policy", filename=[r"policy"], phrases={"quality": 2}, min_score=5)
    assert [c.kind for c in classify([document], [strong]).kinds_of("policy.md")] == ["quality-policy"]


def test_one_document_may_be_several_kinds() -> None:
    kinds = [
        kind("management-review-record", phrases={"management review": 4}),
        kind("review-minutes", phrases={"review minutes": 4}),
    ]
    document = _document("minutes.md", "Management review minutes, March.")
    assert [c.kind for c in classify([document], kinds).kinds_of("minutes.md")] == [
        "management-review-record",
        "review-minutes",
    ]


def test_organization_mapping_replaces_recognition(
    fixture_scan: ScanResult, kinds: list[EvidenceKind]
) -> None:
    overrides = (
        KindMapping(path="registers/*.csv", kinds=("supplier-evaluation",), line=7),
        KindMapping(path="policies/Quality Policy.docx", kinds=(), line=8),
        KindMapping(path="nothing/here.pdf", kinds=("quality-policy",), line=9),
        KindMapping(path="**/*.pptx", kinds=("management-review-record", "kind-of-another-pack"), line=10),
    )
    index = classify(fixture_scan.documents, kinds, overrides=overrides)
    training = index.kinds_of("registers/training_records.csv")
    assert [(c.kind, c.source) for c in training] == [
        ("supplier-evaluation", ClassificationSource.ORGANIZATION)
    ]
    assert training[0].reasons[0].locator == "organization.yaml line 7"
    assert index.kinds_of("policies/Quality Policy.docx") == ()
    assert [c.kind for c in index.kinds_of("records/Management review Q1 2026.pptx")] == [
        "management-review-record"
    ]
    assert [(n.line, n.message) for n in index.notes] == [
        (9, "kinds mapping 'nothing/here.pdf' matches no document")
    ]


def test_declared_kind_unknown_to_the_selected_packs_is_a_note() -> None:
    document = _document("x.md", "text").model_copy(
        update={
            "metadata": _document("x.md", "").metadata.model_copy(
                update={"declared_kinds": ("mystery-kind",)}
            )
        }
    )
    index = classify([document], [kind("quality-policy", phrases={"policy": 4})])
    assert index.notes[0].message == "declares kind 'mystery-kind', which no selected pack defines"


def _document(path: str, *lines: str, headings: tuple[str, ...] = ()) -> Document:
    units = [
        TextUnit(text=h, locator=f"line {i}", role=UnitRole.HEADING, level=1)
        for i, h in enumerate(headings, 1)
    ]
    units += [TextUnit(text=t, locator=f"line {i + len(headings)}") for i, t in enumerate(lines, 1) if t]
    return Document(path=path, sha256="0" * 64, size=1, format=DocumentFormat.MARKDOWN, units=tuple(units))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the audit programme is", {"audit", "audit programme", "programme"}),
        ("audit programmes are", {"audit"}),
        ("preaudit programme", {"programme"}),
        ("management review minutes", {"management review", "review minutes", "review"}),
        ("reviewed", set()),
        ("audit", {"audit"}),
        ("an audit-programme", {"audit", "programme"}),
    ],
)
def test_phrase_matcher_boundaries_and_overlaps(text: str, found: set[str]) -> None:
    matcher = PhraseMatcher(
        ["audit", "audit programme", "programme", "management review", "review minutes", "review"]
    )
    assert set(matcher.find(text)) == found


def test_phrases_match_across_line_breaks_and_case() -> None:
    kinds = [kind("quality-policy", phrases={"Continual  Improvement": 4})]
    document = _document("p.txt", "We commit to continual", "IMPROVEMENT of the system.")
    found = classify([document], kinds).kinds_of("p.txt")
    assert found and found[0].reasons[0].locator == "line 1"


def test_many_phrases_sharing_words() -> None:
    matcher = PhraseMatcher([f"phrase number {i}" for i in range(300)])
    assert matcher.find("this has phrase number 42 and phrase number 7.") == {
        "phrase number 42": 9,
        "phrase number 7": 30,
    }


def test_headings_and_columns(tmp_path: Path) -> None:
    kinds = [
        kind(
            "risk-register",
            headings=[r"risk register"],
            columns=["likelihood", "impact", "owner"],
            min_score=4,
        )
    ]
    folder = tmp_path / "evidence"
    folder.mkdir()
    (folder / "risks.md").write_text(
        "# Risk register\n\n| Risk | Likelihood | Impact (1-5) | Owner |\n"
        "|---|---|---|---|\n| x | 1 | 2 | y |\n",
        encoding="utf-8",
    )
    result = scan_folder(folder, ScanOptions(jobs=1, use_cache=False))
    found = classify(result.documents, kinds).kinds_of("risks.md")
    # "Owner" is a generic header (every register has one): it scores nothing.
    assert found and found[0].score == 4
    assert [r.rule for r in found[0].reasons] == ["heading", "column", "column"]


def test_a_register_kind_needs_a_table(tmp_path: Path) -> None:
    """Words alone never make a register: a policy citing its phrases is not the register."""
    kinds = [
        kind(
            "legal-register",
            phrases={"regulatory requirements": 3, "legislation": 2},
            columns=["legislation", "applies to"],
            min_score=4,
            tabular=True,
        )
    ]
    folder = tmp_path / "evidence"
    folder.mkdir()
    (folder / "policy.md").write_text(
        "# Policy\n\nWe meet regulatory requirements and all legislation.\n", encoding="utf-8"
    )
    (folder / "register.md").write_text(
        "# Legal register\n\n| Legislation | Applies to | Owner |\n|---|---|---|\n| Act 1 | all | Q |\n",
        encoding="utf-8",
    )
    index = classify(scan_folder(folder, ScanOptions(jobs=1, use_cache=False)).documents, kinds)
    assert index.kinds_of("policy.md") == ()
    assert [c.kind for c in index.kinds_of("register.md")] == ["legal-register"]


def test_generic_columns_do_not_make_a_register(tmp_path: Path) -> None:
    kinds = [
        kind(
            "improvement-register",
            columns=["improvement", "owner", "status", "due date", "id", "date"],
            min_score=4,
            tabular=True,
        )
    ]
    folder = tmp_path / "evidence"
    folder.mkdir()
    (folder / "log.csv").write_text(
        "ID,Date,Owner,Status,Due date,Description\nX-1,2026-01-02,A,open,2026-02-01,d\n", encoding="utf-8"
    )
    index = classify(scan_folder(folder, ScanOptions(jobs=1, use_cache=False)).documents, kinds)
    assert index.kinds_of("log.csv") == ()


def test_a_scan_without_text_is_recognized_by_its_name_alone(kinds: list[EvidenceKind]) -> None:
    """Without OCR a scanned policy has only its name: recognized, so checks say needs_review."""
    scan = Document(
        path="Quality Policy (signed).pdf",
        sha256="0" * 64,
        size=1,
        format=DocumentFormat.PDF,
        pages_without_text=(1, 2),
    )
    readable = _document("Quality Policy (signed).md", "Signed by the director.")
    index = classify([scan, readable], kinds)
    found = index.classification(scan.path, "quality-policy")
    assert found is not None and found.score == 3 and found.min_score == 3
    assert [r.rule for r in found.reasons] == ["filename", "unreadable"]
    assert "the file name alone decides" in found.why
    # A document whose text was read is held to the kind's own threshold: a name is not enough.
    assert index.classification(readable.path, "quality-policy") is None
    nameless = scan.model_copy(update={"path": "scan-0001.pdf"})
    assert classify([nameless], kinds).classifications == {}


@pytest.mark.parametrize(
    ("headings", "matched"),
    [
        (("Purpose", "3. Inputs"), "3. Inputs"),  # anchored pattern, not the first heading
        (("Inputs and outputs",), None),  # anchored: the whole heading must be the word
        (("Purpose", "Scope"), None),
        (("Decisions", "Inputs"), "Decisions"),  # the first heading that matches is cited
    ],
)
def test_heading_rules_see_every_heading(headings: tuple[str, ...], matched: str | None) -> None:
    """One search over all headings dismisses a kind; a hit names the same heading as before."""
    review = kind("review-record", min_score=2, headings=[r"^(\d+\.?\s*)?inputs?$", r"^decisions$"])
    index = classify([_document("minutes.md", "Text.", headings=headings)], [review])
    found = index.classification("minutes.md", "review-record")
    if matched is None:
        assert found is None
    else:
        assert found is not None
        assert [r.detail.rsplit(" matches heading ", 1)[1] for r in found.reasons] == [repr(matched)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_classifying_while_scanning_equals_classifying_after(
    fixture_scan: ScanResult, kinds: list[EvidenceKind], jobs: int, tmp_path: Path
) -> None:
    """The scanner's workers classify as they read; the index is the one ``classify`` makes,
    and a document of no kind keeps only its register fields (nothing judges its text)."""
    from imsaudit.evidence.classify import Classifier

    overrides = (KindMapping(path="registers/suppliers.tsv", kinds=("training-records",), line=3),)
    classifier = Classifier(kinds, overrides)
    options = ScanOptions(jobs=jobs, use_cache=True, cache_dir=tmp_path / "cache", ocr=False)
    for _ in range(2):  # cold, then every document from the cache
        scanned = scan_folder(FIXTURES, options, classifier=classifier)
        index = scanned.index(classifier)
        expected = classify(fixture_scan.documents, kinds, overrides=overrides)
        assert index.classifications == expected.classifications
        assert index.notes == expected.notes
        by_path = {d.path: d for d in fixture_scan.documents}
        for document in scanned.documents:
            full = by_path[document.path]
            if document.path in index.classifications:
                assert document == full
            else:
                assert (document.units, document.tables, document.sections) == ((), (), ())
                assert (
                    document.model_copy(
                        update={"units": full.units, "tables": full.tables, "sections": full.sections}
                    )
                    == full
                )
    assert scanned.stats.cache_hits == scanned.stats.files - sum(
        1 for d in scanned.documents if d.extractor is None
    )


_WORDS = ["management", "review", "minutes", "risk", "register", "quality", "policy", "é", "x1"]
_PHRASES = [
    "management review",
    "review minutes",
    "review",
    "risk register",
    "risk",
    "quality policy",
    "policy",
    "é",  # no ASCII word: looked for in every text
    "policyé review",  # an ASCII word joined to a non-ASCII letter
    "risk- register",  # punctuation inside the phrase
    "x1",
]


def _first_occurrences(text: str, phrases: list[str]) -> dict[str, int]:
    """By definition: every position of every phrase, the first one whose word boundaries hold."""
    found = {}
    for phrase in phrases:
        for start in range(len(text)):
            end = start + len(phrase)
            if (
                text.startswith(phrase, start)
                and (start == 0 or not text[start - 1].isalnum())
                and (end == len(text) or not (phrase[-1].isalnum() and text[end].isalnum()))
            ):
                found[phrase] = start
                break
    return found


@given(
    st.lists(
        st.tuples(st.sampled_from(_WORDS), st.sampled_from(["", "", "", "s", "-", ",", "é", "\u2019"])),
        min_size=1,
        max_size=14,
    )
)
@example([("management", ""), ("review", ""), ("minutes", "")])  # starts inside a longer match
@example([("quality", ""), ("policy", "s"), ("policy", "")])  # a prefix joined to a letter, then whole
@example([("risk", "é"), ("risk", ""), ("register", ",")])
@example([("policy", "é"), ("review", ""), ("é", "é")])
@example([("policy", "\u2019"), ("review", "\u2019")])  # non-ASCII punctuation ends a word
@example([("risk", "-"), ("register", ""), ("x1", "s"), ("x1", "")])
def test_phrase_matcher_finds_every_first_whole_word_occurrence(parts: list[tuple[str, str]]) -> None:
    """Overlaps ("management review minutes"), prefixes and words joined to letters included."""
    text = " ".join(word + tail for word, tail in parts)
    assert PhraseMatcher(_PHRASES).find(text) == _first_occurrences(text, _PHRASES)


@pytest.mark.parametrize(
    ("patterns", "name"),
    [
        ([r"(no)thing", r"(ab)\1[-_]log"], "abab-log.md"),  # joined, \1 would be "(no)"
        ([r"nothing", r"(?i)zzz[-_]log"], "ZZZ_log.md"),  # a global flag: cannot be joined
        ([r"(?P<w>yy)[-_]log", r"(?P<w>qq)[-_]log"], "qq-log.md"),  # the same group name twice
        ([r"nothing", r"plain[-_]log"], "plain-log.md"),
    ],
)
def test_filename_patterns_that_cannot_be_joined_still_match(patterns: list[str], name: str) -> None:
    kinds = [kind("some-log", filename=patterns, min_score=3)]
    found = classify([_document(name, "Some text.")], kinds).kinds_of(name)
    assert [c.reasons[0].rule for c in found] == ["filename"]
    assert classify([_document("other.md", "Some text.")], kinds).kinds_of("other.md") == ()


_IP = kind("ip-procedure", phrases={"freedom to operate": 2, "patent": 1, "prior art": 1}, min_score=4)
_IP_TEXT = "We checked prior art and patent families; freedom to operate is clear."


def _scanned(tmp_path: Path, name: str, text: str) -> Document:
    folder = tmp_path / "evidence"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    result = scan_folder(folder, ScanOptions(jobs=1, use_cache=False))
    return next(d for d in result.documents if d.path == name)


@pytest.mark.parametrize(
    ("text", "recognized"),
    [
        # One section of a document of several: a concept paper's IP position.
        (f"# Concept\n\nA new sensor.\n\n# Risks and IP position\n\n{_IP_TEXT}\n\n# Plan\n\nPilot.\n", False),
        # The same phrases, spread over two sections.
        (
            "# Searches\n\nWe checked prior art and patent families.\n\n# Clearance\n\nFreedom to operate.\n",
            True,
        ),
        # A document that is all one part: nothing else in it to weigh against.
        (f"{_IP_TEXT}\n", True),
        (f"# IP position\n\n{_IP_TEXT}\n", True),
    ],
)
def test_phrases_from_one_part_of_a_document_count_at_most_one_below_the_threshold(
    tmp_path: Path, text: str, recognized: bool
) -> None:
    document = _scanned(tmp_path, "paper.md", text)
    assert bool(classify([document], [_IP]).kinds_of("paper.md")) is recognized


def test_the_cap_is_a_reason_and_other_rules_still_count(tmp_path: Path) -> None:
    ip = kind(
        "ip-procedure", filename=[r"ip[-_ ]procedure"], phrases=dict(_IP.recognize.phrases), min_score=4
    )
    text = f"# Purpose\n\nHow we work.\n\n# Searches\n\n{_IP_TEXT}\n"
    (found,) = classify([_scanned(tmp_path, "ip-procedure.md", text)], [ip]).kinds_of("ip-procedure.md")
    assert [(r.rule, r.score) for r in found.reasons] == [
        ("filename", 3),
        ("phrase", 2),
        ("phrase", 1),
        ("phrase", 1),
        ("capped", -1),
    ]
    assert found.score == 6
    assert (
        str(found.reasons[-1])
        == 'capped phrases at 3: all are in section "Searches", one part of the document (-1)'
    )


def test_pages_are_parts_when_there_are_no_sections() -> None:
    units = (
        TextUnit(text=_IP_TEXT, locator="page 1"),
        TextUnit(text="Budget and milestones.", locator="page 2"),
    )
    document = Document(path="p.pdf", sha256="0" * 64, size=1, format=DocumentFormat.PDF, units=units)
    assert classify([document], [_IP]).kinds_of("p.pdf") == ()
    one_page = document.model_copy(update={"units": units[:1]})
    assert classify([one_page], [_IP]).kinds_of("p.pdf")


_LOG = kind(
    "ip-log", tabular=True, phrases={"patent": 2, "prior art": 2}, columns=["patent family"], min_score=4
)


@pytest.mark.parametrize(
    ("title", "recognized"),
    [
        # A training log whose rows mention a patent course is not an IP log: rows are
        # what a register records, its columns what it is.
        ("Log", False),
        # The same rows under a heading that names the register's subject.
        ("Patent log", True),
    ],
)
def test_register_phrases_found_only_in_rows_count_at_most_half_the_threshold(
    tmp_path: Path, title: str, recognized: bool
) -> None:
    text = (
        f"# Notes\n\nSee below.\n\n# {title}\n\n| Patent family | Note |\n|---|---|\n"
        "| A | prior art found |\n| B | patent granted |\n"
    )
    found = classify([_scanned(tmp_path, "log.md", text)], [_LOG]).kinds_of("log.md")
    assert bool(found) is recognized


def test_the_rows_cap_is_a_reason_and_columns_still_count(tmp_path: Path) -> None:
    log = kind(
        "ip-log",
        tabular=True,
        phrases={"patent": 2, "prior art": 2},
        columns=["patent family", "filing office", "priority date"],
        min_score=4,
    )
    text = (
        "# Log\n\n| Patent family | Filing office | Priority date |\n|---|---|---|\n"
        "| A | EPO, prior art found | 2025-01-02 |\n| B | USPTO, patent granted | 2024-03-04 |\n"
    )
    (found,) = classify([_scanned(tmp_path, "log.md", text)], [log]).kinds_of("log.md")
    assert [(r.rule, r.score) for r in found.reasons] == [
        ("phrase", 2),
        ("phrase", 2),
        ("capped", -2),
        ("column", 1),
        ("column", 1),
        ("column", 1),
    ]
    assert str(found.reasons[2]) == (
        "capped phrases at 2: all are in table rows, what a register records, not what it is (-2)"
    )


@pytest.mark.parametrize(
    ("name", "text", "recognized"),
    [
        # A register whose rows mention patents and prior art is not the IP procedure.
        ("ip-register.csv", "Item,Note\nA,patent filed\nB,prior art search; freedom to operate\n", False),
        # Its name says what it is: the cells then add their capped share.
        ("ip-procedure.csv", "Item,Note\nA,patent filed\nB,prior art search; freedom to operate\n", True),
        # Prose besides the table: the document is not all tables.
        ("notes.md", f"# Notes\n\n{_IP_TEXT}\n\n| Item | Note |\n|---|---|\n| A | patent filed |\n", True),
    ],
)
def test_a_document_that_is_all_tables_is_not_a_prose_kind_from_its_cells_alone(
    tmp_path: Path, name: str, text: str, recognized: bool
) -> None:
    ip = kind(
        "ip-procedure", filename=[r"ip[-_ ]procedure"], phrases=dict(_IP.recognize.phrases), min_score=4
    )
    found = classify([_scanned(tmp_path, name, text)], [ip]).kinds_of(name)
    assert bool(found) is recognized
    if found and name.endswith(".csv"):
        assert str(found[0].reasons[-1]) == (
            "capped phrases at 3: all are in the rows of a document that is all tables (-1)"
        )


SAMPLES = Path(__file__).resolve().parents[2] / "evidence_samples"


@pytest.mark.parametrize(
    "folder", [FIXTURES, *sorted(p for p in SAMPLES.iterdir() if p.is_dir())], ids=lambda p: p.name
)
def test_kinds_left_unscored_would_have_scored_nothing(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only kinds some rule of which hits are scored (``_Candidates``): scoring every kind of
    every bundled pack gives the same kinds, scores and reasons, document by document."""
    from imsaudit.evidence.classify import Classifier, _Candidates
    from imsaudit.packs.load import load_library

    documents = scan_folder(folder, ScanOptions(jobs=1, use_cache=False, ocr=False)).documents
    classifier = Classifier(load_library(None).kinds.values())
    found = [classifier.document(d) for d in documents]
    scored: list[int] = []

    def every_kind(self: _Candidates, prepared: object) -> set[int]:
        scored.append(len(classifier.rules))
        return set(range(len(classifier.rules)))

    monkeypatch.setattr(_Candidates, "of_document", every_kind)
    assert [classifier.document(d) for d in documents] == found
    assert scored and any(f.classifications for f in found)


def test_phrases_worth_the_threshold_together_are_scored() -> None:
    """A kind with phrases only is scored once those found reach ``min_score`` (at 4, two
    phrases of 2), and not below it (one of them): the kind is not found then either."""
    both = _document("notes.md", "We checked prior art and the freedom to operate.")
    one = _document("notes.md", "We checked prior art.")
    kinds = [kind("ip-notes", phrases={"prior art": 2, "freedom to operate": 2}, min_score=4)]
    assert [c.score for c in classify([both], kinds).kinds_of("notes.md")] == [4]
    assert classify([one], kinds).kinds_of("notes.md") == ()
