"""Property tests: random bytes and random structures never make a reader raise.

Every extractor is taken from the registry (a new format is covered the day it is
registered) and fed every strategy, not only "its own": random bytes, zip packages with
random OOXML/ODF members and random XML trees in them, PDF-ish bytes, and random YAML/JSON
trees (with anchors and aliases) written as YAML, JSON, front matter, CSV or HTML. An
extractor may only answer with a result or one line of error; it may not reach
``run_extractor``'s last-resort ``could not read (SomeException: ...)``, which would mean a
parser bug escaped the extractor's own checks.

The pack loader and the organization loader get random bytes and random YAML trees: they
return a value or raise their own ``PackError`` / ``SettingsError``, nothing else.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imsaudit.core.errors import PackError, SettingsError
from imsaudit.evidence.extract import EXTRACTORS, ExtractContext, Limits, run_extractor
from imsaudit.evidence.organization import Organization, load_organization
from imsaudit.packs.load import load_library

NAMES = sorted(name for name, _ in EXTRACTORS.items())
SMALL = Limits(max_units=2_000, max_rows=500, max_unzipped_bytes=8 * 1024 * 1024, max_pages=20)
"""Small limits keep each example fast; the limits themselves are tested on the hostile folder."""
PROPERTY = settings(
    max_examples=25, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _check(name: str, extension: str, data: bytes) -> None:
    extractor = EXTRACTORS.get(name)
    result = run_extractor(extractor, data, ExtractContext(path=f"hostile/sample.{extension}", limits=SMALL))
    if result.error is not None:
        assert "\n" not in result.error and result.error.strip() == result.error and result.error
        assert not result.units and not result.tables
        assert not result.error.startswith("could not read ("), result.error  # an exception escaped
    assert len(result.units) <= SMALL.max_units


def _extensions(name: str) -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(EXTRACTORS.get(name).formats))


# --------------------------------------------------------------------------- strategies

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["2026-02-14", "TBD", "<Company Name>", "=cmd|' /C calc'!A0", "Quality policy", "owner"]),
)
TREES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.text(min_size=1, max_size=12), children, max_size=5),
    ),
    max_leaves=30,
)
"""Random YAML/JSON-shaped trees."""


@st.composite
def yaml_texts(draw: st.DrawFn) -> str:
    """YAML with anchors and aliases (some of them recursive, some dangling), as text."""
    tree = draw(TREES)
    text = json.dumps(tree, ensure_ascii=False, indent=draw(st.sampled_from([None, 2])))
    anchors = draw(st.lists(st.sampled_from("abc"), max_size=3))
    lines = [f"{a}: &{a} [*{draw(st.sampled_from('abcz'))}, {draw(st.integers(0, 9))}]" for a in anchors]
    lines.append(f"tree: {text}" if text.startswith(("{", "[")) else f"tree: {json.dumps(text)}")
    if draw(st.booleans()):
        lines.append(f"again: *{draw(st.sampled_from('abcz'))}")
    return "\n".join(lines) + "\n"


@st.composite
def tree_documents(draw: st.DrawFn) -> bytes:
    """A random tree written as one of the text formats the extractors read."""
    tree = draw(TREES)
    form = draw(st.sampled_from(["json", "yaml", "front-matter", "csv", "html"]))
    if form == "json":
        text = json.dumps(tree, ensure_ascii=False)
    elif form == "yaml":
        text = draw(yaml_texts())
    elif form == "front-matter":
        text = "---\n" + draw(yaml_texts()) + "---\n# Title\n\n" + json.dumps(tree)
    elif form == "csv":
        rows = tree if isinstance(tree, list) else [tree]
        text = "\n".join(
            ",".join(json.dumps(cell)[:40] for cell in (r if isinstance(r, list) else [r])) for r in rows
        )
    else:
        body = json.dumps(tree)
        text = f"<html><head><title>{body[:60]}</title></head><body><p>{body}</p></body></html>"
    return text.encode(draw(st.sampled_from(["utf-8", "utf-16", "cp1252"])), errors="replace")


MEMBERS = [
    "[Content_Types].xml",
    "_rels/.rels",
    "word/document.xml",
    "word/styles.xml",
    "word/header1.xml",
    "word/_rels/document.xml.rels",
    "word/embeddings/oleObject1.bin",
    "docProps/core.xml",
    "docProps/custom.xml",
    "ppt/presentation.xml",
    "ppt/_rels/presentation.xml.rels",
    "ppt/slides/slide1.xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/worksheets/sheet1.xml",
    "xl/sharedStrings.xml",
    "mimetype",
    "content.xml",
    "meta.xml",
    "Object 1/content.xml",
]
NAMESPACES = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://schemas.openxmlformats.org/presentationml/2006/main",
    "http://schemas.openxmlformats.org/drawingml/2006/main",
    "http://schemas.openxmlformats.org/package/2006/relationships",
    "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
]
TAGS = ["document", "body", "p", "r", "t", "tbl", "tr", "tc", "pPr", "pStyle", "outlineLvl", "sdt",
        "presentation", "sldIdLst", "sldId", "sld", "sp", "txBody", "ph", "graphicFrame",
        "Relationships", "Relationship", "document-content", "text", "h", "table", "table-row",
        "table-cell", "list", "user-defined", "coreProperties", "title"]  # fmt: skip


@st.composite
def xml_trees(draw: st.DrawFn, depth: int = 0) -> str:
    """A random element of the Office vocabularies, with attributes the readers look at."""
    namespace = draw(st.sampled_from(NAMESPACES))
    tag = draw(st.sampled_from(TAGS))
    attributes = draw(
        st.dictionaries(
            st.sampled_from(
                [
                    "val",
                    "id",
                    "type",
                    "Target",
                    "TargetMode",
                    "Id",
                    "outline-level",
                    "number-columns-repeated",
                    "name",
                    "c",
                ]
            ),
            st.one_of(
                st.sampled_from(["1", "-1", "99999999", "External", "title", "../x", "/y"]),
                st.text(alphabet="abc1/.", max_size=8),
            ),
            max_size=3,
        )
    )
    attrs = "".join(f' {k}="{v}"' for k, v in attributes.items())
    children = draw(st.lists(xml_trees(depth + 1), max_size=3)) if depth < 3 else []
    text = draw(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=10))
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    return f'<x:{tag} xmlns:x="{namespace}"{attrs}>{escaped}{"".join(children)}</x:{tag}>'


@st.composite
def zips(draw: st.DrawFn) -> bytes:
    """Zip packages with random members: random bytes or random Office XML, sometimes cut short."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in draw(st.lists(st.sampled_from(MEMBERS), unique=True, max_size=7)):
            if draw(st.booleans()):
                body = ("<?xml version='1.0'?>" + draw(xml_trees())).encode("utf-8")
            else:
                body = draw(st.binary(max_size=200))
            method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
            archive.writestr(name, body, compress_type=method)
    data = buffer.getvalue()
    if draw(st.booleans()):
        data = data[: draw(st.integers(min_value=0, max_value=len(data)))]
    return data


@st.composite
def pdfish(draw: st.DrawFn) -> bytes:
    """A PDF header, then random bytes or random PDF objects (sometimes with an xref and trailer)."""
    objects = draw(
        st.lists(
            st.sampled_from(
                [
                    b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n",
                    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n",
                    b"2 0 obj << /Type /Pages /Kids [3 0 R 3 0 R] /Count 99999999 >> endobj\n",
                    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\n",
                    b"4 0 obj << /Length 44 >> stream\nBT /F1 12 Tf 72 720 Td (Quality policy) Tj ET\n"
                    b"endstream endobj\n",
                    b"5 0 obj << /Filter /FlateDecode /Length 9 >> stream\nxxxxxxxxx\nendstream endobj\n",
                    b"trailer << /Root 1 0 R /Encrypt 9 0 R >>\n",
                    b"trailer << /Root 1 0 R >>\n%%EOF\n",
                ]
            ),
            max_size=6,
        )
    )
    return (
        b"%PDF-1."
        + draw(st.sampled_from([b"4", b"7"]))
        + b"\n"
        + b"".join(objects)
        + draw(st.binary(max_size=200))
    )


# --------------------------------------------------------------------------- extractors


@pytest.mark.parametrize("name", NAMES)
@PROPERTY
@given(data=st.data(), blob=st.binary(max_size=2048))
def test_random_bytes(name: str, data: st.DataObject, blob: bytes) -> None:
    _check(name, data.draw(_extensions(name)), blob)


@pytest.mark.parametrize("name", NAMES)
@PROPERTY
@given(data=st.data(), blob=zips())
def test_random_zip_packages(name: str, data: st.DataObject, blob: bytes) -> None:
    _check(name, data.draw(_extensions(name)), blob)


@pytest.mark.parametrize("name", NAMES)
@PROPERTY
@given(data=st.data(), blob=pdfish())
def test_random_pdf_like_bytes(name: str, data: st.DataObject, blob: bytes) -> None:
    _check(name, data.draw(_extensions(name)), blob)


@pytest.mark.parametrize("name", NAMES)
@PROPERTY
@given(data=st.data(), blob=tree_documents())
def test_random_trees_as_documents(name: str, data: st.DataObject, blob: bytes) -> None:
    _check(name, data.draw(_extensions(name)), blob)


def test_every_registered_extractor_is_covered() -> None:
    """The strategies above run on NAMES, read from the registry: nothing is listed by hand."""
    assert set(NAMES) == {name for name, _ in EXTRACTORS.items()} and len(NAMES) >= 11


# --------------------------------------------------------------------------- loaders

LOADER = settings(max_examples=40, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _loaders_text(text: bytes, stem: str) -> tuple[Path, tempfile.TemporaryDirectory[str]]:
    directory = tempfile.TemporaryDirectory()
    path = Path(directory.name) / f"{stem}.yaml"
    path.write_bytes(text)
    return path, directory


def _load_pack(blob: bytes) -> None:
    path, directory = _loaders_text(blob, "rnd")
    with directory:
        try:
            load_library([], files=[path])
        except PackError as exc:
            assert exc.problems and all(p.path.endswith("rnd.yaml") for p in exc.problems)


def _load_organization(blob: bytes) -> None:
    path, directory = _loaders_text(blob, "organization")
    with directory:
        try:
            assert isinstance(load_organization(path, "organization.yaml"), Organization)
        except SettingsError as exc:
            assert exc.problems and all(p.path == "organization.yaml" for p in exc.problems)


@st.composite
def pack_like(draw: st.DrawFn) -> bytes:
    """Random trees under the keys a pack has, with aliases (some recursive) between them."""
    tree: dict[str, Any] = {"pack": draw(TREES), "clauses": draw(TREES)}
    if draw(st.booleans()):
        tree["evidence_kinds"] = draw(TREES)
    text = "\n".join(f"{key}: {json.dumps(value)}" for key, value in tree.items()) + "\n"
    return (text + draw(yaml_texts()).replace("tree:", "extra:")).encode("utf-8")


@st.composite
def organization_like(draw: st.DrawFn) -> bytes:
    """Random values under organization.yaml's own keys, and aliases."""
    keys = ["name", "scope", "sites", "as_of", "packs", "exclusions", "verdicts", "waivers", "kinds", "size"]
    tree = draw(st.dictionaries(st.sampled_from(keys), TREES, max_size=5))
    text = "\n".join(f"{key}: {json.dumps(value)}" for key, value in tree.items()) + "\n"
    if draw(st.booleans()):
        text = draw(yaml_texts()).replace("tree:", "scope:").replace("again:", "name:") + text.replace(
            "scope:", "sector:"
        )
    return text.encode("utf-8")


@LOADER
@given(blob=st.one_of(st.binary(max_size=400), pack_like()))
def test_pack_loader_raises_only_pack_errors(blob: bytes) -> None:
    _load_pack(blob)


@LOADER
@given(blob=st.one_of(st.binary(max_size=400), organization_like()))
def test_organization_loader_raises_only_settings_errors(blob: bytes) -> None:
    _load_organization(blob)


@pytest.mark.parametrize(
    "text",
    [
        b"pack: &p {id: x, again: *p}\n",  # recursive: the C loader builds it
        b"a: &a [*a]\n",
        b"[" * 5000 + b"]" * 5000,
        b"pack:\n" + b"".join(b"  " * i + b"- \n" for i in range(1, 400)),
        (
            'a: &a ["l","l","l","l","l","l","l","l","l"]\n'
            + "".join(
                f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n"
                for p, c in zip("abcdefgh", "bcdefghi", strict=True)
            )
        ).encode(),
    ],
    ids=["recursive-mapping", "recursive-list", "deep-flow", "deep-block", "billion-laughs"],
)
def test_loaders_on_known_hostile_yaml(text: bytes) -> None:
    _load_pack(text)
    _load_organization(text)
