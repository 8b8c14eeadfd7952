"""The check registry: discovery, one type per module, duplicates refused, docs current."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from imsaudit.checks import CHECK_TYPES, check_modules
from imsaudit.checks._reference import check_reference_markdown
from imsaudit.checks.base import CheckType, register
from imsaudit.core.registry import DuplicateNameError, Registry

REQUIRED_TYPES = {
    "present",
    "metadata",
    "fresh",
    "covers",
    "sections",
    "no_placeholders",
    "records",
    "coverage",
    "linked",
    "all_of",
    "any_of",
    "at_least",
    "manual",
}


def test_required_check_types_exist() -> None:
    assert set(CHECK_TYPES) >= REQUIRED_TYPES


@pytest.mark.parametrize("module_name", check_modules())
def test_each_module_registers_exactly_one_type(module_name: str) -> None:
    module = importlib.import_module(f"imsaudit.checks.{module_name}")
    defined = [
        obj
        for obj in vars(module).values()
        if isinstance(obj, type)
        and issubclass(obj, CheckType)
        and obj is not CheckType
        and obj.__module__ == module.__name__
    ]
    assert len(defined) == 1
    cls = defined[0]
    assert CHECK_TYPES.get(cls.name) is cls
    assert cls.name == module_name, "a check type lives in the module named after it"
    assert (cls.__doc__ and cls.__doc__.strip().split("\n")[0].endswith(")")) or cls.__doc__.strip()
    params = cls.Params
    assert params.model_config.get("extra") == "forbid"
    assert params.model_config.get("frozen") is True
    assert params.model_fields["type"].annotation.__args__ == (cls.name,)  # type: ignore[union-attr]


def test_duplicate_name_is_refused() -> None:
    with pytest.raises(DuplicateNameError):
        register(
            type("Again", (CheckType,), {"name": "present", "Params": CHECK_TYPES.get("present").Params})
        )


def test_registry_suggests_close_names() -> None:
    registry: Registry[int] = Registry("renderer")
    registry.register("markdown")(1)
    from imsaudit.core.errors import UsageError

    with pytest.raises(UsageError, match="did you mean 'markdown'"):
        registry.get("markdwn")


def test_check_reference_is_current() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "checks.md"
    assert docs.read_text(encoding="utf-8") == check_reference_markdown(), (
        "docs/checks.md is stale: run python scripts/gen_docs.py"
    )
