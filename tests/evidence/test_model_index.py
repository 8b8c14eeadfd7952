"""``EvidenceIndex`` lookups, indexed once, answer as a scan of every document would.

Every check asks ``documents_of`` and ``classification``; the index builds its kind
lookups once (a scan per call made evaluation grow with documents x checks). These
tests pin the indexed answers to the plain definitions.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from imsaudit.evidence.model import (
    Classification,
    ClassificationSource,
    Document,
    DocumentFormat,
    EvidenceIndex,
    Reason,
    TemplateReport,
)

KINDS = ["policy", "log", "minutes", "plan"]


def _classification(kind: str, score: int) -> Classification:
    return Classification(
        kind=kind,
        score=score,
        min_score=4,
        source=ClassificationSource.RECOGNIZED,
        reasons=(Reason(rule="phrase", detail=kind, score=score),),
    )


@st.composite
def indexes(draw: st.DrawFn) -> EvidenceIndex:
    count = draw(st.integers(0, 8))
    documents = tuple(
        Document(
            path=f"d{i:02}.md",
            sha256="0" * 64,
            size=1,
            format=DocumentFormat.MARKDOWN,
            template=TemplateReport(is_template=draw(st.booleans())),
        )
        for i in range(count)
    )
    classifications = {}
    for document in documents:
        # Kinds may repeat (two classifications of one kind): the first one is the answer.
        kinds = draw(st.lists(st.sampled_from(KINDS), max_size=3))
        if kinds:
            classifications[document.path] = tuple(
                _classification(kind, draw(st.integers(1, 20))) for kind in kinds
            )
    # A classification may name a path that is not among the documents.
    if draw(st.booleans()):
        classifications["gone.md"] = (_classification("policy", 5),)
    return EvidenceIndex(documents=documents, classifications=classifications, kinds=tuple(KINDS))


@settings(max_examples=200, deadline=None)
@given(indexes())
def test_documents_of_and_classification_answer_as_a_scan(index: EvidenceIndex) -> None:
    for kind in [*KINDS, "unknown"]:
        for templates in (False, True):
            expected = tuple(
                d
                for d in index.documents
                if any(c.kind == kind for c in index.classifications.get(d.path, ()))
                and (templates or not d.template.is_template)
            )
            assert index.documents_of(kind, include_templates=templates) == expected
        for path in [*(d.path for d in index.documents), "gone.md", "missing.md"]:
            first = next((c for c in index.classifications.get(path, ()) if c.kind == kind), None)
            assert index.classification(path, kind) is first


def test_indexed_lookups_leave_the_model_unchanged() -> None:
    document = Document(path="a.md", sha256="0" * 64, size=1, format=DocumentFormat.MARKDOWN)
    index = EvidenceIndex(documents=(document,), classifications={"a.md": (_classification("policy", 9),)})
    dumped = index.model_dump_json()
    assert index.documents_of("policy") == (document,)
    assert index.classification("a.md", "policy") is not None
    assert index.model_dump_json() == dumped
    assert index == EvidenceIndex.model_validate_json(dumped)


@settings(max_examples=100, deadline=None)
@given(indexes(), indexes())
def test_a_copy_answers_from_its_own_documents(first: EvidenceIndex, second: EvidenceIndex) -> None:
    for kind in KINDS:  # fill the original's cached lookups first
        first.documents_of(kind)
    first.by_path  # noqa: B018
    copy = first.model_copy(update={"documents": second.documents, "classifications": second.classifications})
    for kind in KINDS:
        assert copy.documents_of(kind, include_templates=True) == second.documents_of(
            kind, include_templates=True
        )
    assert copy.by_path == second.by_path
