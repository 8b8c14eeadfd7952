"""Property tests for the loader: round trip, error locations, hostile bytes."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from imsaudit.core.errors import PackError
from imsaudit.packs.load import load_library
from imsaudit.packs.model import Pack
from tests.packs.strategies import pack_data

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _dump(data: Any) -> str:
    yaml = YAML()
    yaml.default_flow_style = False
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def _load_text(text: str) -> Pack:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rnd.yaml"
        path.write_text(text, encoding="utf-8")
        return load_library([], files=[path]).pack("rnd")


@SETTINGS
@given(pack_data())
def test_round_trip(case: tuple[dict[str, Any], list[tuple[str, str]]]) -> None:
    data, edges = case
    pack = _load_text(_dump(data))
    assert pack == Pack.model_validate(data)
    again = _load_text(_dump(pack.model_dump(mode="json", exclude_defaults=True)))
    assert again == pack
    assert sorted((d.clause, c.number) for c in pack.clauses for d in c.depends_on) == sorted(edges)


@SETTINGS
@given(pack_data(), st.data())
def test_unknown_field_is_located(case: tuple[dict[str, Any], Any], data: st.DataObject) -> None:
    pack, _ = case
    clause = data.draw(st.sampled_from(pack["clauses"]))
    target = clause
    if clause.get("requirements") and data.draw(st.booleans()):
        target = data.draw(st.sampled_from(clause["requirements"]))
    target["bogus_field"] = 1
    text = _dump(pack)
    try:
        _load_text(text)
    except PackError as exc:
        lines = text.splitlines()
        assert len(exc.problems) == 1
        problem = exc.problems[0]
        assert "unknown field 'bogus_field'" in problem.message
        assert "bogus_field" in lines[problem.line - 1]
        assert lines[problem.line - 1].index("bogus_field") == problem.col - 1
    else:
        raise AssertionError("an unknown field was accepted")


@SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(blob: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rnd.yaml"
        path.write_bytes(blob)
        try:
            load_library([], files=[path])
        except PackError as exc:
            assert exc.problems
            assert all(p.path.endswith("rnd.yaml") for p in exc.problems)


def test_published_schema_is_current_and_accepts_the_packs() -> None:
    import json

    import jsonschema

    from imsaudit.packs.load import available_packs
    from imsaudit.packs.model import as_plain, pack_json_schema

    docs = Path(__file__).resolve().parents[2] / "docs" / "pack.schema.json"
    schema = json.loads(docs.read_text(encoding="utf-8"))
    assert schema == json.loads(json.dumps(pack_json_schema())), "run python scripts/gen_docs.py"
    validator = jsonschema.Draft202012Validator(schema)
    for path in available_packs().values():
        data = as_plain(YAML(typ="safe").load(path.read_text(encoding="utf-8")))
        errors = [e.message for e in validator.iter_errors(json.loads(json.dumps(data, default=str)))]
        assert not errors, (path.name, errors[:3])
