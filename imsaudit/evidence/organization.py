"""``organization.yaml``: the optional profile at the root of an evidence folder.

It names the organization and the audit (scope, sites, auditor, ``as_of``), states
exclusions with their justification, records the auditor's manual verdicts, and maps
documents to evidence kinds where recognition should not guess. A typo must not be
silently ignored (a misspelt ``exclusions`` would make a clause count as a gap), so
unknown keys are errors, and every error names ``file:line:col``.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import stat
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, ValidationError

from imsaudit.checks.base import KIND_ID_PATTERN
from imsaudit.core.errors import Problem, SettingsError
from imsaudit.core.suggest import did_you_mean
from imsaudit.core.trees import expanded_size, flow_depth
from imsaudit.core.types import Outcome
from imsaudit.packs.model import PACK_ID_PATTERN

logger = logging.getLogger(__name__)

FILE_NAMES = ("organization.yaml", "organization.yml")
"""Names looked for at the root of the evidence folder (the scanner does not list them)."""


def _as_tuple(value: Any) -> Any:
    if isinstance(value, str):
        return (value,)
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Exclusion(_Strict):
    """A clause declared not applicable, with the reason (ISO 9001 4.3 asks for one)."""

    clause: Annotated[str, Field(pattern=r"^([A-Z]{2,4}-)?[1-9][0-9]?(\.[1-9][0-9]?)*$")]
    pack: str | None = Field(None, description="Pack id; omitted: the clause in every pack.")
    justification: Annotated[str, Field(min_length=10)]


class ManualVerdict(_Strict):
    """An auditor's verdict on a requirement a machine cannot judge (interview, observation)."""

    requirement: Annotated[str, Field(pattern=r"^[A-Z]{2,5}-[0-9.]+-[0-9]{2}$")]
    verdict: Outcome
    note: str | None = None
    auditor: str | None = None
    date: dt.date | None = None


class Waiver(_Strict):
    """A known gap accepted until a date (a risk acceptance), with who approved it and why.

    While it runs, the gap stays visible in every report but does not count against the
    clause's finding or score; once expired it is ignored and the report says so.
    """

    requirement: Annotated[str, Field(pattern=r"^[A-Z]{2,5}-[0-9.]+-[0-9]{2}$")]
    reason: Annotated[str, Field(min_length=10)]
    expires: dt.date
    approved_by: str | None = None


KindList = Annotated[tuple[Annotated[str, Field(pattern=KIND_ID_PATTERN)], ...], BeforeValidator(_as_tuple)]


class KindMapping(_Strict):
    """Documents (a relative path or a glob) -> the kinds they are, replacing recognition."""

    path: Annotated[str, Field(min_length=1)]
    kinds: KindList
    """Empty: the documents are evidence of nothing (a folder of old drafts)."""
    line: int = 0
    """Line in organization.yaml, for messages."""


class Organization(_Strict):
    """The organization profile; every field optional but unknown fields rejected."""

    name: str | None = None
    scope: str | None = None
    sites: tuple[str, ...] = ()
    sector: str | None = None
    size: int | str | None = Field(None, description="Headcount, or a size class (small, ...).")
    audit_type: (
        Literal[
            "internal",
            "self-assessment",
            "gap-analysis",
            "certification",
            "surveillance",
            "recertification",
            "supplier",
        ]
        | None
    ) = None
    auditor: str | None = None
    as_of: dt.date | None = None
    packs: tuple[Annotated[str, Field(pattern=PACK_ID_PATTERN)], ...] = ()
    """The packs the organization is audited against; ``--pack`` wins, none given: all."""
    exclusions: tuple[Exclusion, ...] = ()
    verdicts: tuple[ManualVerdict, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    kinds: tuple[KindMapping, ...] = ()
    _lines: dict[str, int] = PrivateAttr(default_factory=dict)
    """``"verdicts.2"`` -> its line in organization.yaml (set by the loader, not by the file)."""

    def line_of(self, section: str, index: int) -> int:
        """Line in organization.yaml of item ``index`` of ``section``; 0 when unknown.

        ``section`` is ``packs``, ``verdicts``, ``waivers`` or ``exclusions``; a profile
        not loaded from a file has no lines.
        """
        return self._lines.get(f"{section}.{index}", 0)


LISTED = ("packs", "exclusions", "verdicts", "waivers")
"""The sections whose items' lines are recorded, for messages about unknown ids."""

MAX_BYTES = 1024 * 1024
"""organization.yaml is a page of settings; a bigger file is refused, not parsed (the
pure-Python YAML parser that keeps line numbers reads ~150 KB/s)."""
MAX_VALUES = 100_000
"""Values the profile may hold once YAML aliases are expanded (a "billion laughs" has 10^9)."""
MAX_DEPTH = 64
"""Flow nesting (``[[[...``) the profile may have: the pure-Python scanner is quadratic in it."""


def find_organization(root: Path) -> Path | None:
    """The organization file at the root of an evidence folder, if there is one.

    Like the scanner, it does not follow a symlink out of the folder: a
    ``organization.yaml -> /etc/shadow`` is a ``SettingsError``, never read.
    """
    root_real = Path(os.path.realpath(root))
    for name in FILE_NAMES:
        candidate = root / name
        if not candidate.is_symlink() and not candidate.exists():
            continue
        target = Path(os.path.realpath(candidate))
        if candidate.is_symlink() and not (target == root_real or target.is_relative_to(root_real)):
            raise SettingsError([Problem(name, 0, 0, "symlink to outside the evidence folder: not read")])
        if target.is_file():
            return candidate
        raise SettingsError([Problem(name, 0, 0, "not a regular file: not read")])
    return None


def _read_text(path: Path, name: str) -> str:
    """The file's text: a regular file of at most ``MAX_BYTES``, opened without blocking."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise SettingsError([Problem(name, 0, 0, "not a regular file: not read")])
        if info.st_size > MAX_BYTES:
            message = f"file is {info.st_size:,} bytes, over the {MAX_BYTES:,} byte limit: not read"
            raise SettingsError([Problem(name, 0, 0, message)])
        data = handle.read(MAX_BYTES + 1)
    return data.decode("utf-8-sig")


def load_organization(path: Path, display: str | None = None) -> Organization:
    """Read and validate ``organization.yaml``; ``SettingsError`` lists every problem.

    ``display`` is the path used in messages (default: ``path`` as given).
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    name = display or str(path)
    try:
        text = _read_text(path, name)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise SettingsError([Problem(name, 0, 0, f"cannot read: {reason}")]) from None
    if flow_depth(text, MAX_DEPTH) > MAX_DEPTH:
        raise SettingsError([Problem(name, 0, 0, f"invalid YAML: nested deeper than {MAX_DEPTH} levels")])
    yaml = YAML(typ="rt", pure=True)
    try:
        with warnings.catch_warnings():  # a reused anchor: the later one wins, nothing to report
            warnings.simplefilter("ignore")
            data = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
        raise SettingsError([Problem(name, line, col, f"invalid YAML: {exc.problem}")]) from None
    except YAMLError as exc:
        raise SettingsError([Problem(name, 0, 0, f"invalid YAML: {' '.join(str(exc).split())}")]) from None
    except RecursionError:
        raise SettingsError([Problem(name, 0, 0, "invalid YAML: nested too deeply")]) from None
    if data is None:
        return Organization()
    if not isinstance(data, dict):
        raise SettingsError([Problem(name, 1, 1, "expected a mapping of keys (name:, scope:, ...)")])
    _check_size(data, name)
    try:
        plain = _plain(data)
    except RecursionError:
        raise SettingsError([Problem(name, 0, 0, "invalid YAML: nested too deeply")]) from None
    kinds_node = data.get("kinds")
    if isinstance(kinds_node, dict):
        plain["kinds"] = [
            {"path": str(key), "kinds": _plain(value), "line": _position(kinds_node, key)[0]}
            for key, value in kinds_node.items()
        ]
    elif kinds_node is not None:
        line, col = _position(data, "kinds")
        raise SettingsError(
            [Problem(name, line, col, "kinds: expected a mapping of document path -> kind(s)")]
        )
    lines: dict[str, int] = {}
    for section in LISTED:
        node = data.get(section)
        if isinstance(node, list):
            for index in range(len(node)):
                lines[f"{section}.{index}"] = _position(node, index)[0]
    try:
        organization = Organization.model_validate(plain)
    except ValidationError as exc:
        raise SettingsError(_problems(exc, data, name)) from None
    organization._lines.update(lines)
    return organization


def _check_size(data: dict[Any, Any], name: str) -> None:
    """Refuse aliases that expand past ``MAX_VALUES`` (or into themselves), at the key holding them."""
    try:
        total = expanded_size(data, MAX_VALUES)
    except RecursionError:
        raise SettingsError([Problem(name, 0, 0, "invalid YAML: nested too deeply")]) from None
    if (total or MAX_VALUES + 1) <= MAX_VALUES:
        return
    for key, value in data.items():
        size = expanded_size(value, MAX_VALUES)
        if size is None or size > MAX_VALUES:
            line, col = _position(data, key)
            what = "refer to themselves" if size is None else f"expand to more than {MAX_VALUES:,} values"
            raise SettingsError([Problem(name, line, col, f"{key}: YAML aliases {what} (an alias bomb?)")])
    raise SettingsError([Problem(name, 1, 1, f"more than {MAX_VALUES:,} values: not a settings file")])


def check_kind_ids(organization: Organization, known: Iterable[str], path: str) -> None:
    """Every kind named in ``kinds`` must exist in some pack; typos get "did you mean"."""
    known_ids = set(known)
    problems = [
        Problem(path, mapping.line, 0, f"kinds: unknown kind {kind!r}{did_you_mean(kind, known_ids)}")
        for mapping in organization.kinds
        for kind in mapping.kinds
        if kind not in known_ids
    ]
    if problems:
        raise SettingsError(problems)


def check_pack_ids(organization: Organization, known: Iterable[str], path: str) -> None:
    """Every pack named in ``packs`` must be available; typos get "did you mean"."""
    known_ids = set(known)
    problems = [
        Problem(
            path,
            organization.line_of("packs", index),
            0,
            f"packs: unknown pack {pack!r}{did_you_mean(pack, known_ids)}",
        )
        for index, pack in enumerate(organization.packs)
        if pack not in known_ids
    ]
    if problems:
        raise SettingsError(problems)


def _plain(value: Any) -> Any:
    from imsaudit.packs.model import as_plain

    return as_plain(value)


def _position(node: Any, key: Any) -> tuple[int, int]:
    """1-based (line, col) of a key of a mapping or an item of a sequence; (0, 0) unknown."""
    lc: Any = getattr(node, "lc", None)
    try:
        line, col = lc.key(key) if isinstance(node, dict) else lc.item(key)
        return int(line) + 1, int(col) + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return 0, 0


def _problems(error: ValidationError, data: Any, name: str) -> list[Problem]:
    problems = []
    for item in error.errors():
        loc = list(item["loc"])
        node, line, col = data, 1, 1
        shown: list[str] = []
        if loc[:1] == ["kinds"] and len(loc) >= 2 and isinstance(loc[1], int):
            kinds_node = data.get("kinds")
            keys = list(kinds_node) if isinstance(kinds_node, dict) else []
            if loc[1] < len(keys):
                line, col = _position(kinds_node, keys[loc[1]])
                shown = ["kinds", str(keys[loc[1]])]
            loc = []
        for part in loc:
            container: Any = node
            in_dict = isinstance(container, dict) and part in container
            in_list = isinstance(container, list) and isinstance(part, int) and part < len(container)
            if in_dict or in_list:
                line, col = _position(container, part)
                node = container[part]
            elif isinstance(node, dict) and item["type"] == "extra_forbidden":
                line, col = _position(node, part)
            shown.append(str(part))
        where = ".".join(shown)
        message = item["msg"]
        if item["type"] == "extra_forbidden":
            hint = did_you_mean(str(loc[-1]), _fields_at(loc[:-1]))
            message = f"unknown key{hint}"
        problems.append(Problem(name, line, col, f"{where}: {message}" if where else message))
    return problems


def _fields_at(loc: list[Any]) -> list[str]:
    """Field names of the model at a location (for "did you mean" on unknown keys)."""
    model: Any = Organization
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return []
        inner = {"exclusions": Exclusion, "verdicts": ManualVerdict, "kinds": KindMapping}.get(str(part))
        if inner is None:
            return []
        model = inner
    return list(model.model_fields)
