"""The rules engine's check types, discovered from this package's modules.

Each module (other than ``base``) registers exactly one check type. Discovery with
``pkgutil`` means adding a check touches its own module and its case file, never a
list here. ``CheckSpec`` is the discriminated union of every type's parameter model:
pydantic then reports an error in a check's parameters at the exact YAML key.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Annotated, Any, Union

from pydantic import Field

from imsaudit.checks.base import CHECK_TYPES, CheckParams, CheckType

__all__ = ["CHECK_TYPES", "CheckParams", "CheckSpec", "CheckType", "check_modules"]


def check_modules() -> list[str]:
    """Names of the modules that define check types, sorted (``base`` and ``_private`` excluded)."""
    return sorted(
        m.name for m in pkgutil.iter_modules(__path__) if m.name != "base" and not m.name.startswith("_")
    )


for _module in check_modules():
    importlib.import_module(f"{__name__}.{_module}")

_params = tuple(cls.Params for _, cls in CHECK_TYPES.items())
CheckSpec: Any = Annotated[Union[_params], Field(discriminator="type")]  # noqa: UP007
"""A validated check as written in a pack: ``{type: present, kind: quality-policy}``."""

for _cls in _params:
    if "checks" in _cls.model_fields:
        _cls.model_rebuild(_types_namespace={"CheckSpec": CheckSpec})
