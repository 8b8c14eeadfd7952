"""The extractor registry: discovered modules, one extractor each, unique extensions."""

from __future__ import annotations

import importlib

from imsaudit.evidence.extract import EXTRACTORS, extractor_for, extractor_modules, supported_extensions
from imsaudit.evidence.model import DocumentFormat


def test_each_module_registers_exactly_one_extractor() -> None:
    modules = extractor_modules()
    assert len(modules) == len(EXTRACTORS)
    for name in modules:
        module = importlib.import_module(f"imsaudit.evidence.extract.{name}")
        registered = [e for _, e in EXTRACTORS.items() if e.function.__module__ == module.__name__]
        assert len(registered) == 1, name


def test_every_extractor_has_a_version_and_a_docstring() -> None:
    for name, extractor in EXTRACTORS.items():
        assert extractor.version, name
        assert extractor.function.__doc__, name
        assert extractor.label == f"{name}/{extractor.version}"


def test_extension_lookup_is_case_insensitive() -> None:
    found = extractor_for("Policies/QUALITY POLICY.DOCX")
    assert found is not None
    assert found[0].name == "docx"
    assert found[1] is DocumentFormat.DOCX
    assert extractor_for("README") is None
    assert extractor_for("archive.zip") is None


def test_supported_extensions_cover_the_issue_formats() -> None:
    assert set(supported_extensions()) >= {
        "md",
        "txt",
        "yaml",
        "yml",
        "json",
        "csv",
        "tsv",
        "xlsx",
        "docx",
        "pdf",
        "html",
        "htm",
        "pptx",
        "odt",
        "ods",
        "eml",
    }
