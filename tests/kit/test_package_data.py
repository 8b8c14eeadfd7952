"""The checklist's template and style sheet ship in the wheel (hatchling includes package data)."""

from __future__ import annotations

import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_carries_the_kit_templates(tmp_path: Path) -> None:
    from hatchling.builders.wheel import WheelBuilder

    wheels = list(WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"]))
    names = set(zipfile.ZipFile(wheels[0]).namelist())
    templates = {
        f"imsaudit/kit/templates/{p.name}" for p in (ROOT / "imsaudit" / "kit" / "templates").iterdir()
    }
    assert templates >= {"imsaudit/kit/templates/checklist.html.j2", "imsaudit/kit/templates/checklist.css"}
    assert templates <= names, templates - names
