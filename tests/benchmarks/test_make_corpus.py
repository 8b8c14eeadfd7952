"""The benchmark corpus generator is an interface (``make_corpus.py N DIR``): keep it working.

No timings here: benchmarks/run.py measures, by hand. These tests pin what the corpus
is: N files, the same bytes for the same seed whatever the parallelism, documents the
scanner reads without error, and evidence it recognizes as the kind it was written as.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from imsaudit.evidence.classify import classify
from imsaudit.evidence.scan import ScanOptions, scan_folder
from imsaudit.packs.load import load_library

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "make_corpus.py"


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_command_writes_n_documents_deterministically(tmp_path: Path) -> None:
    for name, jobs in (("one", "1"), ("two", "2")):
        done = subprocess.run(
            [sys.executable, str(SCRIPT), "60", str(tmp_path / name), "--seed", "3", "--jobs", jobs],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(f"wrote 60 documents to {tmp_path / name}")
    one, two = _hashes(tmp_path / "one"), _hashes(tmp_path / "two")
    assert len(one) == 60
    assert one == two
    assert {Path(p).suffix for p in one} >= {".pdf", ".docx", ".xlsx", ".md", ".csv"}
    refused = subprocess.run(
        [sys.executable, str(SCRIPT), "5", str(tmp_path / "one")], capture_output=True, text=True, check=False
    )
    assert refused.returncode != 0 and "not empty" in refused.stderr


def test_documents_read_cleanly_and_evidence_is_recognized(tmp_path: Path) -> None:
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import make_corpus
    finally:
        sys.path.remove(str(SCRIPT.parent))
    specs = make_corpus.generate(120, tmp_path / "corpus", seed=5, jobs=1)
    scan = scan_folder(tmp_path / "corpus", ScanOptions(jobs=1, use_cache=False, ocr=False))
    assert len(scan.documents) == 120
    assert [d.path for d in scan.documents if d.error] == []
    index = classify(scan.documents, load_library().kinds.values())
    intended = {s.path: s.kind.id for s in specs if s.kind is not None and s.format != "scan"}
    recognized = {path for path, kind in intended.items() if kind in {c.kind for c in index.kinds_of(path)}}
    assert len(intended) > 20
    # Most evidence is recognized as what it was written as; a few overlap with a sibling kind.
    assert len(recognized) >= 0.8 * len(intended), sorted(set(intended) - recognized)
    changed = make_corpus.change(tmp_path / "corpus", 120, 0.05, seed=5, jobs=1)
    assert len(changed) == 6
    # What run.py reports of the change (the formats changed) names the files changed.
    assert [tmp_path / "corpus" / s.path for s in make_corpus.changed_specs(120, 0.05, seed=5)] == changed
    after = _hashes(tmp_path / "corpus")
    before = {d.path: d.sha256 for d in scan.documents}
    assert sorted(p for p in after if after[p] != before[p]) == sorted(
        str(p.relative_to(tmp_path / "corpus")) for p in changed
    )
