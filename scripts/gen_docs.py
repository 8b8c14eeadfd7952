"""Regenerate docs/checks.md, docs/cli.md and docs/pack.schema.json from the code."""

from __future__ import annotations

import json
from pathlib import Path

from imsaudit.checks._reference import check_reference_markdown
from imsaudit.cli.reference import cli_reference_markdown
from imsaudit.packs.model import pack_json_schema
from imsaudit.render.json import audit_schema

DOCS = Path(__file__).resolve().parents[1] / "docs"

if __name__ == "__main__":
    (DOCS / "checks.md").write_text(check_reference_markdown(), encoding="utf-8")
    (DOCS / "cli.md").write_text(cli_reference_markdown(), encoding="utf-8")
    schema = json.dumps(pack_json_schema(), indent=2, sort_keys=True) + "\n"
    (DOCS / "pack.schema.json").write_text(schema, encoding="utf-8")
    audit = json.dumps(audit_schema(), indent=2, sort_keys=True) + "\n"
    (DOCS / "audit.schema.json").write_text(audit, encoding="utf-8")
    print("wrote docs/checks.md, docs/cli.md, docs/pack.schema.json and docs/audit.schema.json")
