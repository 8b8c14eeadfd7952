"""The check-type reference (docs/checks.md), generated from the registry so it cannot drift."""

from __future__ import annotations

import inspect

from imsaudit.checks import CHECK_TYPES


def _default(info: object) -> str:
    from pydantic.fields import FieldInfo
    from pydantic_core import PydanticUndefined

    assert isinstance(info, FieldInfo)
    if info.is_required():
        return "required"
    if info.default_factory is not None:
        return "empty"
    if info.default is PydanticUndefined or info.default is None:
        return "none"
    value = info.default
    return str(value.value if hasattr(value, "value") else value).lower()


def check_reference_markdown() -> str:
    """Markdown: one section per check type with its summary and parameter table."""
    out = [
        "# Check types",
        "",
        "Generated from the registry by `python scripts/gen_docs.py`; a test fails when it drifts.",
        "Each check is written in a pack as `{type: <name>, ...parameters}`.",
        "",
    ]
    for name, cls in CHECK_TYPES.items():
        doc = inspect.cleandoc(cls.__doc__ or "")
        out += [f"## `{name}`", "", doc, "", "| parameter | default | meaning |", "|---|---|---|"]
        for field, info in cls.Params.model_fields.items():
            if field == "type":
                continue
            description = (info.description or "").replace("|", "\\|")
            out.append(f"| `{field}` | {_default(info)} | {description} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
