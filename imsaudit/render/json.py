"""``audit.json``: the machine-readable audit, exactly as the contract in DESIGN.md.

Sorted keys, two-space indent, UTF-8, a final newline: the same inputs give the same
bytes. Lists are already in a stable order (packs, clauses and requirements in pack
order; documents by path).
"""

from __future__ import annotations

from typing import Any

from imsaudit.core.jsontext import pretty
from imsaudit.findings.model import AuditResult
from imsaudit.render.base import Renderer, RenderOptions, register


def audit_json(result: AuditResult) -> str:
    """The audit as stable JSON text."""
    return pretty(result.model_dump(mode="json"), sort_keys=True) + "\n"


def audit_schema() -> dict[str, Any]:
    """The published JSON Schema of audit.json (docs/audit.schema.json)."""
    schema = AuditResult.model_json_schema(mode="serialization")
    schema["$id"] = "https://imsaudit.invalid/schemas/audit.schema.json"
    schema["title"] = "imsaudit audit.json"
    return schema


@register
class JsonRenderer(Renderer):
    """audit.json, the input of other tools and of ``imsaudit explain`` and ``diff``."""

    name = "json"
    filename = "audit.json"

    def render(self, result: AuditResult, options: RenderOptions) -> bytes:
        return audit_json(result).encode("utf-8")
