"""Read pack files: ruamel.yaml for positions, pydantic for shape, then semantic validation.

Every problem in every file is collected and raised together as one ``PackError``, each
line formatted ``file:line:col: message``: fixing a pack should not be a loop of
one-error-at-a-time runs.
"""

from __future__ import annotations

import logging
import types
import typing
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from imsaudit.checks import CHECK_TYPES
from imsaudit.checks.base import CheckParams
from imsaudit.core.errors import PackError, Problem, UsageError
from imsaudit.core.suggest import did_you_mean
from imsaudit.core.trees import expanded_size
from imsaudit.packs.model import EvidenceKind, KindCatalog, Pack, as_plain
from imsaudit.packs.source import SourceMap

log = logging.getLogger(__name__)

COMMON_KINDS_FILE = "common-kinds.yaml"
MAX_PACK_BYTES = 8 * 1024 * 1024
"""A pack is text written by people; anything larger is not a pack (or is hostile)."""
MAX_PACK_VALUES = 500_000
"""Values a pack may hold once YAML aliases are expanded (a bundled pack holds ~10 000)."""


def default_pack_dir() -> Path:
    """The bundled packs: ``clauses/`` in a source checkout, ``imsaudit/_clauses`` in a wheel."""
    checkout = Path(__file__).resolve().parents[2] / "clauses"
    if (checkout / COMMON_KINDS_FILE).is_file():
        return checkout
    return Path(str(resources.files("imsaudit") / "_clauses"))


def available_packs(pack_dir: Path | None = None) -> dict[str, Path]:
    """Pack id -> file for the packs in ``pack_dir`` (a pack file is named after its id)."""
    directory = pack_dir or default_pack_dir()
    return {p.stem: p for p in sorted(directory.glob("*.yaml")) if p.name != COMMON_KINDS_FILE}


@dataclass(frozen=True)
class LoadedPack:
    """A validated pack and where its nodes are, for later problems."""

    pack: Pack
    source: SourceMap


@dataclass(frozen=True)
class LoadedCatalog:
    catalog: KindCatalog
    source: SourceMap


@dataclass(frozen=True)
class Library:
    """The packs of one run and every evidence kind they can use."""

    packs: dict[str, Pack]
    kinds: dict[str, EvidenceKind]
    kind_origin: dict[str, str] = field(default_factory=dict)
    """Kind id -> id of the pack or catalog that defines it."""

    def checks(self) -> list[CheckParams]:
        """Every requirement's checks (composites as they are), pack by pack, in clause order."""
        return [c for pack in self.packs.values() for r in pack.requirements for c in r.check_params]

    def pack(self, pack_id: str) -> Pack:
        """The pack called ``pack_id``; unknown ids are usage errors with a suggestion."""
        try:
            return self.packs[pack_id]
        except KeyError:
            raise UsageError(f"unknown pack {pack_id!r}{did_you_mean(pack_id, self.packs)}") from None


# --------------------------------------------------------------------------- reading YAML


def read_yaml(path: Path, display: str) -> tuple[Any, SourceMap | None, list[Problem]]:
    """Parse one YAML file; syntax errors become problems with positions (see SourceMap)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        size = path.stat().st_size
        if size > MAX_PACK_BYTES:
            return (
                None,
                None,
                [Problem(display, 0, 0, f"file is {size} bytes; packs are limited to {MAX_PACK_BYTES}")],
            )
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, None, [Problem(display, 0, 0, f"cannot read: {exc}")]
    too_deep = [Problem(display, 0, 0, "YAML nested too deeply: not a pack")]
    try:
        # The C loader when ruamel.yaml.clib is there; positions come later, only if needed.
        with warnings.catch_warnings():  # a reused anchor: the later one wins, nothing to report
            warnings.simplefilter("ignore")
            return YAML(typ="safe").load(text), SourceMap(display, text=text), []
    except YAMLError:
        pass  # parsed again round-trip below, for the message and position users get
    except RecursionError:
        return None, None, too_deep
    yaml = YAML(typ="rt")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            data = yaml.load(text)
    except RecursionError:
        return None, None, too_deep
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        return None, None, [Problem(display, line, col, f"YAML syntax: {message}")]
    except YAMLError as exc:
        return None, None, [Problem(display, 0, 0, f"YAML syntax: {' '.join(str(exc).split())}")]
    return data, SourceMap(display, data), []


def _display(path: Path) -> str:
    """The path as the user would write it: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# --------------------------------------------------------------------------- pydantic errors


def _unwrap(annotation: Any) -> list[Any]:
    """The model classes an annotation may hold (through Annotated, Optional, list, tuple, dict)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, tuple, typing.Union, types.UnionType, dict):
        args = typing.get_args(annotation)
        if origin is dict:
            args = args[1:]
        return [m for arg in args if arg is not Ellipsis for m in _unwrap(arg)]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


def _model_at(root: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model class that owns the last element of ``loc`` (for 'did you mean' on fields)."""
    current: list[type[BaseModel]] = [root]
    for key in loc:
        if isinstance(key, int):
            continue
        if key in CHECK_TYPES and any(len(c.model_fields) and "type" in c.model_fields for c in current):
            current = [CHECK_TYPES.get(key).Params]
            continue
        nxt: list[type[BaseModel]] = []
        for model in current:
            info = model.model_fields.get(key)
            if info is not None:
                nxt.extend(_unwrap(info.annotation))
        if not nxt:
            return current[0] if current else None
        current = nxt
    return current[0] if len(current) == 1 else None


_FORM_HINTS = {
    "number": 'a clause number such as "4.1" or "SI-3.1", quoted',
    "clause": 'a clause number such as "4.1", quoted',
    "hs": 'a Harmonized Structure clause such as "9.2", quoted',
    "id": "an id of the documented form (see docs/pack-format.md)",
    "kind": "a kind id: lower-case words joined by hyphens",
}


def _describe(error: Any, root: type[BaseModel]) -> tuple[list[str | int], str]:
    """Turn one pydantic error into (path to point at, one-line message)."""
    loc: list[str | int] = list(error["loc"])
    kind = error["type"]
    last = loc[-1] if loc else ""
    name = str(last)
    if kind == "union_tag_invalid":
        tag = error["ctx"]["tag"]
        return [*loc, "type"], f"unknown check type {tag!r}{did_you_mean(tag, CHECK_TYPES)}"
    if kind == "union_tag_not_found":
        return loc, f"check has no 'type' (one of: {', '.join(CHECK_TYPES)})"
    if kind == "missing":
        return loc[:-1], f"missing required field {name!r}"
    if kind == "extra_forbidden":
        owner = _model_at(root, loc[:-1])
        hint = did_you_mean(name, owner.model_fields) if owner else ""
        return loc, f"unknown field {name!r}{hint}"
    field_name = next((str(k) for k in reversed(loc) if isinstance(k, str) and k not in CHECK_TYPES), "")
    if kind == "string_type" and isinstance(error.get("input"), int | float):
        return loc, f'{field_name}: {error["input"]!r} must be a quoted string (write "{error["input"]}")'
    if kind == "string_pattern_mismatch":
        form = _FORM_HINTS.get(field_name, "the documented form")
        return loc, f"{field_name}: {error['input']!r} is not {form}"
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    return loc, f"{field_name}: {message}" if field_name else message


def _validate_model(
    model: type[BaseModel], data: Any, source: SourceMap
) -> tuple[BaseModel | None, list[Problem]]:
    # A YAML alias inside its own anchor is a tree without end, and nine aliases of nine
    # aliases are 10^9 values: copying either (as_plain) would never return.
    try:
        size = expanded_size(data, MAX_PACK_VALUES)
        if size is None or size > MAX_PACK_VALUES:
            what = "refer to themselves" if size is None else f"expand to over {MAX_PACK_VALUES:,} values"
            return None, [Problem(source.path, 1, 1, f"YAML aliases {what}: not a pack")]
        return model.model_validate(as_plain(data)), []
    except RecursionError:
        return None, [Problem(source.path, 1, 1, "YAML nested too deeply: not a pack")]
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc, message = _describe(error, model)
            line, col = source.position(loc)
            problems.append(Problem(source.path, line, col, message))
        return None, problems


# --------------------------------------------------------------------------- files


def load_file(path: Path) -> tuple[LoadedPack | LoadedCatalog | None, list[Problem]]:
    """Load one pack or kind-catalog file; returns it (or None) and its shape problems."""
    display = _display(path)
    data, source, problems = read_yaml(path, display)
    if problems or source is None:
        return None, problems
    if not isinstance(data, dict):
        return None, [Problem(display, 1, 1, "expected a mapping with a 'pack' or 'catalog' key")]
    if "catalog" in data:
        catalog, problems = _validate_model(KindCatalog, data, source)
        return (LoadedCatalog(catalog, source) if isinstance(catalog, KindCatalog) else None), problems
    if "pack" not in data:
        line, col = source.position(())
        return None, [Problem(display, line, col, "expected a top-level 'pack' (or 'catalog') key")]
    pack, problems = _validate_model(Pack, data, source)
    if isinstance(pack, Pack) and pack.id != path.stem:
        line, col = source.position(("pack", "id"))
        problems.append(
            Problem(display, line, col, f"pack id {pack.id!r} differs from the file name {path.name!r}")
        )
    return (LoadedPack(pack, source) if isinstance(pack, Pack) else None), problems


def load_library(
    pack_ids: Iterable[str] | None = None,
    *,
    files: Iterable[Path] = (),
    pack_dir: Path | None = None,
) -> Library:
    """Load the bundled common kinds, the packs named (default: all bundled) and extra files.

    Raises ``PackError`` with every problem of every file when anything is invalid, and
    ``UsageError`` for an unknown pack id.
    """
    from imsaudit.packs.validate import validate_library

    problems: list[Problem] = []
    loaded_packs: list[LoadedPack] = []
    catalogs: list[LoadedCatalog] = []
    for path in library_files(pack_ids, files=files, pack_dir=pack_dir):
        item, found = load_file(path)
        problems.extend(found)
        if isinstance(item, LoadedPack):
            loaded_packs.append(item)
        elif isinstance(item, LoadedCatalog):
            catalogs.append(item)
    library, found = validate_library(loaded_packs, catalogs)
    problems.extend(found)
    if problems:
        raise PackError(problems)
    log.debug("loaded packs %s with %d kinds", list(library.packs), len(library.kinds))
    return library


def library_files(
    pack_ids: Iterable[str] | None = None, *, files: Iterable[Path] = (), pack_dir: Path | None = None
) -> list[Path]:
    """The files ``load_library`` reads, each once: common kinds, the packs named, extra files.

    ``UsageError`` for an unknown pack id.
    """
    directory = pack_dir or default_pack_dir()
    bundled = available_packs(directory)
    extra = [Path(f) for f in files]
    if pack_ids is None:
        wanted = [] if extra else sorted(bundled)
    else:
        wanted = list(dict.fromkeys(pack_ids))
    for pack_id in wanted:
        if pack_id not in bundled:
            raise UsageError(
                f"unknown pack {pack_id!r}{did_you_mean(pack_id, bundled)}; "
                f"available: {', '.join(bundled) or 'none'}"
            )
    paths = [directory / COMMON_KINDS_FILE] + [bundled[i] for i in wanted] + extra
    unique: dict[Path, Path] = {}
    for path in paths:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


class StoredLibrary(BaseModel):
    """A ``Library`` as the library cache keeps it (``cached_library``)."""

    packs: dict[str, Pack]
    kinds: dict[str, EvidenceKind]
    kind_origin: dict[str, str]


LIBRARIES = "libraries-v1"
"""The library cache's folder in the cache dir."""


def cached_library(
    pack_ids: Iterable[str] | None,
    cache_dir: Path,
    engine: str,
    *,
    files: Iterable[Path] = (),
    pack_dir: Path | None = None,
) -> Library:
    """``load_library``, looked up in ``cache_dir`` by the bytes of its files and the engine.

    Reading and validating the bundled packs' YAML is 0.27 s of every audit, a fifth of
    a warm one's at 10,000 documents and most of a small folder's; the validated library
    read back from JSON is 0.06 s. The key digests ``engine`` (``pipeline.engine_digest``:
    the code that validates) and each file's path and bytes, so an edited pack is read
    again. Only a valid library is stored: problems are reported from the files, as
    ``load_library`` reports them.
    """
    import hashlib

    from imsaudit.core.store import ModelStore

    pack_ids = None if pack_ids is None else list(pack_ids)
    files = list(files)
    paths = library_files(pack_ids, files=files, pack_dir=pack_dir)
    digest = hashlib.sha256(f"{engine}\n".encode())
    try:
        for path in paths:
            digest.update(f"{path.resolve()}\n".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    except OSError:
        return load_library(pack_ids, files=files, pack_dir=pack_dir)  # it says what cannot be read
    store = ModelStore(cache_dir / LIBRARIES, StoredLibrary, keep=8)
    key = digest.hexdigest()
    stored = store.get(key)
    if stored is not None:
        return Library(stored.packs, stored.kinds, stored.kind_origin)
    library = load_library(pack_ids, files=files, pack_dir=pack_dir)
    store.put(key, StoredLibrary(packs=library.packs, kinds=library.kinds, kind_origin=library.kind_origin))
    return library
