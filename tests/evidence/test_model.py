"""Model behaviour other stages rely on."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from imsaudit.evidence.model import (
    Document,
    DocumentFormat,
    Table,
    TextUnit,
    pages_without_text_message,
)


def test_models_are_frozen() -> None:
    unit = TextUnit(text="a", locator="line 1")
    with pytest.raises(ValidationError):
        unit.text = "b"  # type: ignore[misc]


def test_records_pad_and_name_columns() -> None:
    table = Table(
        name="t",
        locator="t",
        header=("ID", ""),
        rows=(("R1", "x"), ("R2", None)),
        row_locators=("row 2", "row 3"),
    )
    assert list(table.records()) == [
        ("row 2", {"ID": "R1", "column 2": "x"}),
        ("row 3", {"ID": "R2", "column 2": None}),
    ]


def test_text_completeness() -> None:
    complete = Document(path="a.md", sha256="0" * 64, size=1, format=DocumentFormat.MARKDOWN)
    assert complete.text_complete and complete.unreadable_reason is None
    scanned = complete.model_copy(update={"pages_without_text": (1, 3)})
    assert not scanned.text_complete
    assert scanned.unreadable_reason == "2 pages have no text layer (scanned?)"
    broken = complete.model_copy(update={"error": "corrupt"})
    assert broken.unreadable_reason == "corrupt"
    assert pages_without_text_message(1) == "1 page has no text layer (scanned?)"


def test_document_text_and_name() -> None:
    document = Document(
        path="a/b c.md",
        sha256="0" * 64,
        size=1,
        format=DocumentFormat.MARKDOWN,
        units=(TextUnit(text="one", locator="line 1"), TextUnit(text="two", locator="line 2")),
    )
    assert document.name == "b c.md"
    assert document.text == "one\ntwo"
