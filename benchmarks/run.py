"""Time a whole audit against the floor of its extraction libraries; run by hand, never in CI.

    .venv/bin/python benchmarks/run.py [--docs 10000] [--corpus DIR] [--jobs 2]
                                       [--scaling 1000,5000,10000] [--out FILE]

On one corpus (``benchmarks/make_corpus.py``; made in a scratch folder unless --corpus
names one to reuse), in this order, each measurement in a fresh process so its peak
memory is its own:

a. **floor**: the chosen libraries alone over every file, ``--jobs`` processes:
   pypdfium2 text per page (tesseract on pages without text, as the scanner does), lxml
   over the DOCX body XML, python-calamine over every sheet, markdown-it-py, plain reads
   for CSV and text; and, separately, sha256 of every file (the floor of a warm audit);
b. **cold audit**: scan, classify, evaluate and audit.json, with an empty cache;
c. **warm audit**: the same again, nothing changed (every file hashed, the audit memo
   hit);
d. **1 % changed**: a hundredth of the files rewritten with new content, audited again
   (the memo misses; the other 99 % come from the extraction cache);
e. **PDF report** of that audit (pages counted).

Then the evaluation alone with the bundled packs and with four times their requirements
(each pack copied three times under new ids), and ``imsaudit --help``. It prints
Markdown (documents per second, each stage's share, peak RSS of the main process and of
the largest worker, the peak summed PSS of all of them, the target ratios) and writes it
to --out when given. ``--scaling`` repeats (a)-(c) on corpora of those sizes for the scaling table.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import io
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

AS_OF = dt.date(2026, 11, 1)
MiB = 1024 * 1024


# --------------------------------------------------------------------------- the floor


def _floor_one(path: str) -> int:
    """Extract one file with the bare library the scanner uses for its format; characters read."""
    suffix = Path(path).suffix.lower()
    data = Path(path).read_bytes()
    if suffix == ".pdf":
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(data)
        total = 0
        for index in range(len(document)):
            page = document[index]
            text_page = page.get_textpage()
            text = text_page.get_text_range()
            text_page.close()
            if len(text.strip()) < 3 and shutil.which("tesseract"):
                bitmap = page.render(scale=300 / 72, grayscale=True)
                image = bitmap.to_pil()
                header = f"P5 {image.width} {image.height} 255\n".encode()
                done = subprocess.run(
                    ["tesseract", "stdin", "stdout"],
                    input=header + image.tobytes(),
                    capture_output=True,
                    env={**os.environ, "OMP_THREAD_LIMIT": "1"},
                    check=False,
                )
                text = done.stdout.decode("utf-8", "replace")
            total += len(text)
            page.close()
        document.close()
        return total
    if suffix == ".docx":
        import zipfile

        from lxml import etree

        with zipfile.ZipFile(path) as archive:
            root = etree.fromstring(archive.read("word/document.xml"))
        return sum(len(t) for t in root.itertext())
    if suffix in (".xlsx", ".xls", ".ods"):
        from python_calamine import CalamineWorkbook

        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        return sum(
            len(str(cell))
            for name in workbook.sheet_names
            for row in workbook.get_sheet_by_name(name).to_python()
            for cell in row
        )
    if suffix == ".md":
        from markdown_it import MarkdownIt

        return len(MarkdownIt("commonmark").enable("table").parse(data.decode("utf-8")))
    return len(data.decode("utf-8", "replace"))


def _hash_one(path: str) -> str:
    with Path(path).open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _files(corpus: Path) -> list[str]:
    return sorted(str(p) for p in corpus.rglob("*") if p.is_file())


def _pool_map(function: Callable[[str], Any], items: list[str], jobs: int) -> None:
    with ProcessPoolExecutor(jobs) as pool:
        for _ in pool.map(function, items, chunksize=16):
            pass


def stage_floor(corpus: Path, jobs: int) -> dict[str, Any]:
    files = _files(corpus)
    start = time.perf_counter()
    _pool_map(_floor_one, files, jobs)
    extract = time.perf_counter() - start
    start = time.perf_counter()
    _pool_map(_hash_one, files, jobs)
    hashing = time.perf_counter() - start
    return {"files": len(files), "floor_s": extract, "hash_s": hashing}


# --------------------------------------------------------------------------- audits


@contextmanager
def _timed_stages(times: dict[str, float]) -> Iterator[None]:
    """Wrap the pipeline's stage functions (imported by run_audit at call time) with timers."""
    import imsaudit.evidence.classify as classify_module
    import imsaudit.evidence.scan as scan_module
    import imsaudit.findings.assemble as assemble_module
    import imsaudit.findings.evaluate as evaluate_module
    import imsaudit.packs.load as load_module
    from imsaudit.core import background
    from imsaudit.findings.incremental import StateStore

    targets: list[tuple[Any, str, str]] = [
        (load_module, "load_library", "load packs"),
        (scan_module, "hash_folder", "hash the folder"),
        (StateStore, "get_later", "read the previous audit's state (validated during the scan)"),
        (scan_module, "scan_folder", "scan + classify (workers)"),
        (scan_module, "restore_text", "restore text from the extraction cache"),
        (classify_module, "classify", "classify"),
        (evaluate_module, "evaluate_library", "evaluate"),
        (assemble_module, "assemble", "assemble"),
        (background, "run", "store the state and memo (a re-audit: hand them to a child)"),
    ]
    originals = [(module, name, getattr(module, name)) for module, name, _ in targets]

    def wrap(function: Callable[..., Any], label: str) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                times[label] = times.get(label, 0.0) + time.perf_counter() - start

        return timed

    for (module, name, label), (_, _, original) in zip(targets, originals, strict=True):
        setattr(module, name, wrap(original, label))
    try:
        yield
    finally:
        for module, name, original in originals:
            setattr(module, name, original)


def stage_audit(corpus: Path, jobs: int, cache: Path, out: Path, packs: Sequence[str]) -> dict[str, Any]:
    from imsaudit.core import background
    from imsaudit.evidence.scan import ScanOptions
    from imsaudit.pipeline import AuditSettings, RunStats, run_audit
    from imsaudit.render.json import audit_json

    times: dict[str, float] = {}
    settings = AuditSettings(
        evidence_dir=corpus,
        as_of=AS_OF,
        pack_ids=tuple(packs) or None,
        scan=ScanOptions(jobs=jobs, use_cache=True, cache_dir=cache),
    )
    start = time.perf_counter()
    with _timed_stages(times):
        made = RunStats()
        result = run_audit(settings, stats=made)
    begin = time.perf_counter()
    data = audit_json(result)
    times["audit.json"] = time.perf_counter() - begin
    # The audit is done when what it leaves for the next is written (as the CLI exits).
    begin = time.perf_counter()
    background.wait()
    times["wait for the child's writes"] = time.perf_counter() - begin
    total = time.perf_counter() - start
    out.mkdir(parents=True, exist_ok=True)
    (out / "audit.json").write_text(data, encoding="utf-8")
    return {
        "total_s": total,
        "stages": times,
        "documents": len(result.documents),
        "requirements": len(result.requirements),
        "made": dataclasses.asdict(made),
    }


def stage_pdf(out: Path) -> dict[str, Any]:
    import pypdfium2 as pdfium

    from imsaudit.findings.model import AuditResult
    from imsaudit.render import RENDERERS, RenderOptions

    result = AuditResult.model_validate_json((out / "audit.json").read_bytes())
    start = time.perf_counter()
    data = RENDERERS.get("pdf")().render(result, RenderOptions())
    seconds = time.perf_counter() - start
    (out / "report.pdf").write_bytes(data)
    return {"total_s": seconds, "pages": len(pdfium.PdfDocument(data)), "bytes": len(data)}


def _four_times_packs(scratch: Path) -> tuple[list[str], list[Path]]:
    """Each bundled pack copied three times under new ids and prefixes (kinds stay shared)."""
    from ruamel.yaml import YAML

    from imsaudit.packs.load import available_packs, default_pack_dir

    yaml = YAML(typ="rt")
    ids: list[str] = []
    files: list[Path] = []
    for pack_id, path in sorted(available_packs(default_pack_dir()).items()):
        ids.append(pack_id)
        for copy in "BCD":
            data = yaml.load(path.read_text(encoding="utf-8"))
            prefix = data["pack"]["requirement_prefix"]
            new_prefix = (prefix + copy)[:5]
            data["pack"]["id"] = f"{pack_id}-{copy.lower()}"
            data["pack"]["requirement_prefix"] = new_prefix
            data["evidence_kinds"] = []
            for clause in data["clauses"]:
                for requirement in clause.get("requirements", []):
                    old = requirement["id"].split("-", 1)[0]
                    requirement["id"] = requirement["id"].replace(old, (old + copy)[:5], 1)
            target = scratch / f"{pack_id}-{copy.lower()}.yaml"
            with target.open("w", encoding="utf-8") as handle:
                yaml.dump(data, handle)
            files.append(target)
    return ids, files


def stage_evaluate(corpus: Path, jobs: int, cache: Path) -> dict[str, Any]:
    """Evaluation alone, 1x and 4x the requirements, on one scan and classification.

    The copies share the bundled kinds, so one evidence index serves both libraries.
    """
    from imsaudit.evidence.classify import Classifier
    from imsaudit.evidence.scan import ScanOptions, scan_folder
    from imsaudit.findings.evaluate import evaluate_library
    from imsaudit.packs.load import load_library

    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as scratch:
        ids, files = _four_times_packs(Path(scratch))
        single = load_library(ids)
        classifier = Classifier(single.kinds.values())
        scan = scan_folder(
            corpus, ScanOptions(jobs=jobs, use_cache=True, cache_dir=cache), classifier=classifier
        )
        index = scan.index(classifier)
        for label, library in (("1x", single), ("4x", load_library(ids, files=files))):
            assert set(library.kinds) == set(single.kinds)
            start = time.perf_counter()
            results = evaluate_library(library, index, AS_OF)
            figures[label] = {"s": time.perf_counter() - start, "requirements": len(results)}
    return figures


def stage_help() -> dict[str, Any]:
    binary = ROOT / ".venv" / "bin" / "imsaudit"
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([str(binary), "--help"], capture_output=True, check=True)
        runs.append(time.perf_counter() - start)
    return {"best_s": min(runs), "median_s": sorted(runs)[2]}


# --------------------------------------------------------------------------- orchestration


def _child(stage: str, **kwargs: Any) -> dict[str, Any]:
    """Run one stage in a fresh interpreter; its figures plus its own and its workers' peak RSS."""
    code = (
        "import json, resource, sys; sys.path.insert(0, sys.argv[1]); import run; "
        "from pathlib import Path; "
        "kw = json.loads(sys.argv[3]); "
        "kw = {k: Path(v) if k in ('corpus', 'cache', 'out') else v for k, v in kw.items()}; "
        "figures = getattr(run, 'stage_' + sys.argv[2])(**kw); "
        "figures['rss_main_mib'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024; "
        "figures['rss_worker_mib'] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024; "
        "print(json.dumps(figures))"
    )
    plain = {k: str(v) if isinstance(v, Path) else v for k, v in kwargs.items()}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        # files, not pipes: a chatty stage cannot fill a pipe and stall while sampled
        process = subprocess.Popen(
            [sys.executable, "-c", code, str(ROOT / "benchmarks"), stage, json.dumps(plain)],
            stdout=out,
            stderr=err,
            text=True,
        )
        peak = _sample_tree_pss(process)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode != 0:
        raise SystemExit(f"stage {stage} failed:\n{stderr}")
    figures: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    figures["pss_tree_mib"] = peak
    return figures


def _sample_tree_pss(process: subprocess.Popen[str], every: float = 0.05) -> float:
    """Peak of the summed PSS of ``process`` and its descendants, sampled until it exits.

    The per-process peaks (``ru_maxrss``) happen at different moments (the workers are
    gone when the main process evaluates), so their sum overstates; this is what the
    machine had to hold at once, to within one sampling interval. PSS (proportional set
    size) counts a page that n processes share as 1/n in each: forked workers
    (``scan.pool_context``) share the main process's pages, which summed RSS would count
    once per process.
    """
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, sum(_pss_kib(pid) for pid in _tree(process.pid)) / 1024)
        time.sleep(every)
    return peak


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, ()))
    return found


def _pss_kib(pid: int) -> int:
    """The PSS of ``pid`` (its RSS on kernels without ``smaps_rollup``), 0 once it is gone."""
    for name, field in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
                if line.startswith(field):
                    return int(line.split()[1])
        except OSError:
            continue
    return 0


def _machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    cores = len(os.sched_getaffinity(0))
    system = f"Python {platform.python_version()}, {platform.system()}"
    return f"{model}, {cores} cores, {memory:.0f} GiB RAM, {system}"


def measure(corpus: Path, docs: int, jobs: int, full: bool) -> dict[str, Any]:
    """(a)-(e) on one corpus; (d), (e) and the 4x evaluation only when ``full``."""
    import make_corpus

    figures: dict[str, Any] = {"docs": docs}
    with tempfile.TemporaryDirectory() as scratch:
        cache, out = Path(scratch) / "cache", Path(scratch) / "out"
        figures["floor"] = _child("floor", corpus=corpus, jobs=jobs)
        figures["cold"] = _child("audit", corpus=corpus, jobs=jobs, cache=cache, out=out, packs=[])
        figures["warm"] = _child("audit", corpus=corpus, jobs=jobs, cache=cache, out=out, packs=[])
        if full:
            marker = corpus.with_name(corpus.name + ".variant")
            variant = int(marker.read_text()) + 1 if marker.exists() else 1
            changed = make_corpus.change(corpus, docs, 0.01, variant=variant, jobs=jobs)
            marker.write_text(str(variant))
            figures["changed_files"] = len(changed)
            formats = Counter(s.format for s in make_corpus.changed_specs(docs, 0.01, variant=variant))
            figures["changed_formats"] = dict(sorted(formats.items()))
            figures["changed"] = _child("audit", corpus=corpus, jobs=jobs, cache=cache, out=out, packs=[])
            read = figures["changed"]["documents"] - figures["changed"]["made"]["reused"]
            if read < len(changed):
                raise SystemExit(
                    f"the 1 % change of {corpus} gave {len(changed) - read} of its {len(changed)} files"
                    f" the bytes they had (variant {variant} used before?): write a higher number"
                    f" into {marker} and run again"
                )
            figures["pdf"] = _child("pdf", out=out)
            figures["evaluate"] = _child("evaluate", corpus=corpus, jobs=jobs, cache=cache)
    return figures


def _corpus(docs: int, given: Path | None, scratch: Path, jobs: int) -> Path:
    import make_corpus

    folder = given or scratch / f"corpus-{docs}"
    if not folder.exists() or not any(folder.iterdir()):
        start = time.perf_counter()
        make_corpus.generate(docs, folder, jobs=jobs)
        print(f"made a corpus of {docs} documents in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return folder


def report(
    main: dict[str, Any], scaling: list[dict[str, Any]], help_figures: dict[str, Any], jobs: int
) -> str:
    docs = main["docs"]
    floor, cold, warm = main["floor"], main["cold"], main["warm"]
    lines = [
        f"Measured {dt.date.today().isoformat()} on {_machine()}; `--jobs {jobs}`; "
        f"{docs:,} documents, {cold['requirements']} requirements (three packs).",
        "",
        "| run | s | docs/s | peak RSS main / worker, PSS together (MiB) |",
        "|---|---|---|---|",
        f"| (a) floor: libraries alone | {floor['floor_s']:.1f} | {docs / floor['floor_s']:,.0f} | "
        f"{floor['rss_main_mib']:.0f} / {floor['rss_worker_mib']:.0f} / {floor['pss_tree_mib']:.0f} |",
        f"| hashing every file | {floor['hash_s']:.1f} | {docs / floor['hash_s']:,.0f} | |",
    ]
    for key, label in (
        ("cold", "(b) cold audit"),
        ("warm", "(c) warm audit"),
        ("changed", "(d) 1 % changed"),
    ):
        if key in main:
            run = main[key]
            lines.append(
                f"| {label} | {run['total_s']:.1f} | {docs / run['total_s']:,.0f} | "
                f"{run['rss_main_mib']:.0f} / {run['rss_worker_mib']:.0f} / {run['pss_tree_mib']:.0f} |"
            )
    if "pdf" in main:
        pdf = main["pdf"]
        lines.append(
            f"| (e) PDF report ({pdf['pages']} pages) | {pdf['total_s']:.1f} | | {pdf['rss_main_mib']:.0f} |"
        )
    if "changed" in main and "made" in main["changed"]:
        made = main["changed"]["made"]
        lines += [
            "",
            f"After the change: {made['reused']:,} documents taken from the previous audit's state, "
            f"{made['rebuilt']:,} of them given their text back from the extraction cache; "
            f"{made.get('put_back', 0):,} registers given their tables back for a row to cite; "
            f"{made['judged']:,} of {made['checks']:,} distinct checks judged again.",
        ]
    if "changed_formats" in main:
        shown = ", ".join(f"{count} {fmt}" for fmt, count in main["changed_formats"].items())
        lines += [
            "",
            f"The {main['changed_files']:,} changed files: {shown} (a `scan` is a scanned PDF, read by OCR: "
            "which files change decides much of that run's time).",
        ]
    lines += [
        "",
        "Share of each stage:",
        "",
        "| stage | cold s | cold % | warm s | warm % | 1 % changed s | 1 % changed % |",
        "|---|---|---|---|---|---|---|",
    ]
    changed = main.get("changed")
    for stage in dict.fromkeys([*cold["stages"], *(changed["stages"] if changed else ())]):
        c, w = cold["stages"].get(stage, 0.0), warm["stages"].get(stage, 0.0)
        row = f"| {stage} | {c:.2f} | {100 * c / cold['total_s']:.0f} | "
        row += f"{w:.2f} | {100 * w / warm['total_s']:.0f} |"
        if changed is not None:
            d = changed["stages"].get(stage, 0.0)
            row += f" {d:.2f} | {100 * d / changed['total_s']:.0f} |"
        else:
            row += " | |"
        lines.append(row)
    lines += ["", "Targets:", "", "| target | measured | met |", "|---|---|---|"]

    def target(name: str, value: float, limit: float, unit: str = "") -> None:
        lines.append(
            f"| {name} (at most {limit:g}{unit}) | {value:.2f}{unit} | {'yes' if value <= limit else 'no'} |"
        )

    target("cold / floor", cold["total_s"] / floor["floor_s"], 1.5)
    target("warm / cold", warm["total_s"] / cold["total_s"], 0.10)
    lines.append(f"| warm / hashing (reported) | {warm['total_s'] / floor['hash_s']:.2f} | |")
    if "changed" in main:
        allowed = warm["total_s"] + 0.02 * cold["total_s"]
        target("1 % changed, s (warm + 2 % of cold)", main["changed"]["total_s"], allowed, " s")
    if "evaluate" in main:
        ev = main["evaluate"]
        target(
            f"evaluation 4x / 1x ({ev['4x']['requirements']} vs {ev['1x']['requirements']} requirements)",
            ev["4x"]["s"] / ev["1x"]["s"],
            1.5,
        )
    peak = max(main[key]["pss_tree_mib"] for key in ("cold", "warm", "changed") if key in main)
    target("peak memory of the audit (summed PSS of the processes alive together, sampled), MiB", peak, 1536)
    upper = cold["rss_main_mib"] + cold["rss_worker_mib"] * jobs
    lines.append(
        f"| sum of the per-process peaks of the cold audit, an upper bound (reported) | {upper:.0f} | |"
    )
    if "pdf" in main:
        target("PDF render / cold audit", main["pdf"]["total_s"] / cold["total_s"], 1.0)
    target("`imsaudit --help`, s", help_figures["best_s"], 0.3, "")
    if scaling:
        lines += [
            "",
            "Scaling:",
            "",
            "| documents | floor s | cold s | cold/floor | warm s | docs/s cold | peak main MiB |",
            "|---|---|---|---|---|---|---|",
        ]
        for row in scaling:
            f, c, w = row["floor"], row["cold"], row["warm"]
            lines.append(
                f"| {row['docs']:,} | {f['floor_s']:.1f} | {c['total_s']:.1f} | "
                f"{c['total_s'] / f['floor_s']:.2f} | "
                f"{w['total_s']:.1f} | {row['docs'] / c['total_s']:,.0f} | {c['rss_main_mib']:.0f} |"
            )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path, help="reuse (or make) the corpus here")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--scaling", default="", help="comma-separated corpus sizes, e.g. 1000,5000,10000")
    parser.add_argument("--out", type=Path, help="also write the Markdown here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        corpus = _corpus(args.docs, args.corpus, scratch, args.jobs)
        main_figures = measure(corpus, args.docs, args.jobs, full=True)
        scaling = []
        for size in [int(s) for s in args.scaling.split(",") if s.strip()]:
            if size == args.docs:
                scaling.append(main_figures)
                continue
            scaling.append(measure(_corpus(size, None, scratch, args.jobs), size, args.jobs, full=False))
        text = report(main_figures, scaling, stage_help(), args.jobs)
    print(text)
    print(json.dumps({"main": main_figures, "scaling": scaling}, indent=1), file=sys.stderr)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
