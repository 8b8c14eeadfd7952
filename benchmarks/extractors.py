"""Measure the scanner's extractors against the alternatives, per format; run by hand.

    .venv/bin/python benchmarks/extractors.py [--docs 20] [--repeat 3] [--corpus DIR]

Generates a synthetic corpus (10-page PDFs, DOCX with headings and a table, 500x8 XLSX
registers, Markdown, CSV, HTML, text; the generators need the ``test`` extras), then
times, per format, the extractor imsaudit registers against the other libraries that
are installed (python-docx, openpyxl, pypdf, html.parser, csv.Sniffer, ...) and a
baseline that only reads the bytes. Also times the phrase matcher (one trie regex over
lower-cased text vs a ``\\b`` + ``re.I`` regex per phrase) and whole scans (cold, warm
cache, 1 and N jobs). Prints Markdown tables; docs/evidence.md quotes them.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import re
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = (
    "quality policy objectives customer requirements audit programme corrective action risk "
    "opportunity management review competence training records supplier evaluation process "
    "performance improvement nonconformity documented information leadership commitment scope "
    "interested parties context innovation standardization committee laboratory calibration"
).split()


def sentence(rng: random.Random, n: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


# --------------------------------------------------------------------------- corpus


def make_corpus(folder: Path, docs: int) -> None:
    import docx
    import openpyxl
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    rng = random.Random(42)
    styles = getSampleStyleSheet()
    for folder_name in ("pdf", "docx", "xlsx", "md", "csv", "html", "txt"):
        (folder / folder_name).mkdir(parents=True, exist_ok=True)
    for i in range(docs):
        story = []
        for page in range(10):
            story.append(Paragraph(f"{page + 1} Section {page + 1}", styles["Heading1"]))
            story += [Paragraph(sentence(rng, 40), styles["BodyText"]) for _ in range(8)]
            story.append(PageBreak())
        SimpleDocTemplate(str(folder / "pdf" / f"doc{i}.pdf"), pagesize=A4, invariant=1).build(story)

        document = docx.Document()
        for section in range(6):
            document.add_heading(f"Section {section + 1}", level=1)
            for _ in range(6):
                document.add_paragraph(sentence(rng, 30))
        table = document.add_table(rows=20, cols=5)
        for row in table.rows:
            for cell in row.cells:
                cell.text = rng.choice(WORDS)
        document.save(folder / "docx" / f"doc{i}.docx")

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(["ID", "Description", "Owner", "Date", "Likelihood", "Impact", "Status", "Notes"])
        for row in range(500):
            sheet.append(
                [
                    f"R-{row}",
                    sentence(rng, 6),
                    rng.choice(WORDS),
                    date(2026, 1, 1) + timedelta(days=row % 300),
                    rng.randint(1, 5),
                    rng.randint(1, 5),
                    rng.choice(["Open", "Closed"]),
                    sentence(rng, 4),
                ]
            )
        workbook.save(folder / "xlsx" / f"doc{i}.xlsx")

        lines = ["---", f"title: Document {i}", "version: 1", "---"]
        for section in range(8):
            lines += [f"## Section {section}", "", sentence(rng, 30), "", "| a | b | c |", "|---|---|---|"]
            lines += [
                f"| {rng.choice(WORDS)} | {rng.choice(WORDS)} | {rng.randint(1, 9)} |" for _ in range(5)
            ]
            lines.append("")
        (folder / "md" / f"doc{i}.md").write_text("\n".join(lines), encoding="utf-8")

        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["ID", "Description", "Owner", "Date", "Likelihood", "Impact", "Status", "Notes"])
        for row in range(500):
            writer.writerow(
                [f"R-{row}", sentence(rng, 6), rng.choice(WORDS), "2026-03-01", 3, 4, "Open", "x"]
            )
        (folder / "csv" / f"doc{i}.csv").write_text(buffer.getvalue(), encoding="utf-8")

        body = "".join(
            f"<h2>Section {s}</h2><p>{sentence(rng, 40)}</p><ul><li>{sentence(rng)}</li></ul>"
            for s in range(10)
        )
        html = f"<html><head><title>Doc {i}</title></head><body><h1>Doc {i}</h1>{body}</body></html>"
        (folder / "html" / f"doc{i}.html").write_text(html, encoding="utf-8")
        text = "\n".join(sentence(rng, 16) for _ in range(200))
        (folder / "txt" / f"doc{i}.txt").write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------- candidates


def ours(name: str, extension: str) -> Callable[[bytes], object]:
    from imsaudit.evidence.extract import EXTRACTORS, ExtractContext, run_extractor

    extractor = EXTRACTORS.get(name)
    context = ExtractContext(path=f"bench.{extension}")

    def run(data: bytes) -> object:
        result = run_extractor(extractor, data, context)
        assert result.error is None, result.error
        return result

    return run


def pdftotext(data: bytes) -> object:
    import subprocess

    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout


def unzip_only(data: bytes) -> object:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(len(archive.read(n)) for n in archive.namelist())


def python_docx(data: bytes) -> object:
    import docx

    document = docx.Document(io.BytesIO(data))
    return [p.text for p in document.paragraphs] + [
        c.text for t in document.tables for r in t.rows for c in r.cells
    ]


def openpyxl_readonly(data: bytes) -> object:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    return [list(r) for s in workbook.worksheets for r in s.iter_rows(values_only=True)]


def pypdf_text(data: bytes) -> object:
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def stdlib_html(data: bytes) -> object:
    from html.parser import HTMLParser

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []

        def handle_data(self, text: str) -> None:
            self.parts.append(text)

    parser = Collect()
    parser.feed(data.decode("utf-8"))
    return parser.parts


def csv_sniffer(data: bytes) -> object:
    text = data.decode("utf-8")
    dialect = csv.Sniffer().sniff(text[:8192])
    return list(csv.reader(io.StringIO(text), dialect))


def counting_sniff(data: bytes) -> object:
    from imsaudit.evidence.extract.delimited import sniff_delimiter

    text = data.decode("utf-8")
    return list(csv.reader(io.StringIO(text), delimiter=sniff_delimiter(text)))


def utf8_first(data: bytes) -> object:
    from imsaudit.evidence.extract._text import decode_text

    return decode_text(data)


def charset_always(data: bytes) -> object:
    from charset_normalizer import from_bytes

    return str(from_bytes(data).best())


def readlines(data: bytes) -> object:
    return data.decode("utf-8").splitlines()


def installed(module: str) -> bool:
    if module == "pdftotext":
        import shutil

        return shutil.which("pdftotext") is not None
    try:
        __import__(module)
    except ImportError:
        return False
    return True


CANDIDATES: dict[str, list[tuple[str, Callable[[bytes], object] | None, str | None]]] = {
    # format: [(label, function or None for ours, required module)]
    "pdf": [
        ("imsaudit pdf (pypdfium2)", None, None),
        ("pypdf", pypdf_text, "pypdf"),
        ("pdftotext (poppler)", pdftotext, "pdftotext"),
    ],
    "docx": [
        ("imsaudit docx (lxml)", None, None),
        ("python-docx", python_docx, "docx"),
        ("unzip only", unzip_only, None),
    ],
    "xlsx": [
        ("imsaudit spreadsheet (calamine)", None, None),
        ("openpyxl read-only", openpyxl_readonly, "openpyxl"),
        ("unzip only", unzip_only, None),
    ],
    "html": [
        ("imsaudit html (lxml.html)", None, None),
        ("html.parser (stdlib)", stdlib_html, None),
        ("readlines", readlines, None),
    ],
    "md": [("imsaudit markdown (markdown-it-py)", None, None), ("readlines", readlines, None)],
    "csv": [
        ("imsaudit csv (counting sniff, whole Document)", None, None),
        ("counting sniff + csv.reader (parse only)", counting_sniff, None),
        ("csv.Sniffer + csv.reader (parse only)", csv_sniffer, None),
        ("readlines", readlines, None),
    ],
    "txt": [
        ("imsaudit text (whole Document)", None, None),
        ("utf-8 first, then charset-normalizer (decode only)", utf8_first, None),
        ("charset-normalizer always (decode only)", charset_always, None),
        ("readlines", readlines, None),
    ],
}
EXTRACTOR_NAMES = {
    "pdf": "pdf",
    "docx": "docx",
    "xlsx": "spreadsheet",
    "html": "html",
    "md": "markdown",
    "csv": "csv",
    "txt": "text",
}


def timed(function: Callable[[bytes], object], blobs: list[bytes], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for blob in blobs:
            function(blob)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def bench_formats(corpus: Path, repeat: int) -> None:
    print("| format | library | docs/s | MB/s | ms/doc | x baseline |")
    print("|---|---|---|---|---|---|")
    for fmt, candidates in CANDIDATES.items():
        blobs = [p.read_bytes() for p in sorted((corpus / fmt).iterdir())]
        size = sum(len(b) for b in blobs) / 1e6
        rows = []
        for label, function, module in candidates:
            if module and not installed(module):
                continue
            run = function or ours(EXTRACTOR_NAMES[fmt], fmt)
            run(blobs[0])  # warm-up: imports
            rows.append((label, timed(run, blobs, repeat)))
        baseline = rows[-1][1] if len(rows) > 1 else None
        for label, seconds in rows:
            relative = f"{seconds / baseline:.1f}" if baseline else "n/a"
            print(
                f"| {fmt} | {label} | {len(blobs) / seconds:,.1f} | {size / seconds:,.2f} |"
                f" {1000 * seconds / len(blobs):.2f} | {relative} |"
            )


# --------------------------------------------------------------------------- matcher


def bench_matcher(repeat: int) -> None:
    """Phrases of ~25 kinds (300) over prose in which they are rare, as in real documents."""
    from imsaudit.evidence.classify import PhraseMatcher

    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 10))) for _ in range(5000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]  # Zipf-like
    phrases = sorted({" ".join(rng.sample(WORDS, 2)) for _ in range(300)})
    words = rng.choices(vocabulary, weights, k=700_000)
    for position in range(0, len(words), 900):  # one phrase every ~900 words
        words[position] = rng.choice(phrases)
    text = " ".join(words).capitalize()
    megabytes = len(text) / 1e6
    matcher = PhraseMatcher(phrases)
    naive = [re.compile(r"\b" + re.escape(p) + r"\b", re.IGNORECASE) for p in phrases]

    def one_pass() -> object:
        return matcher.find(" ".join(text.lower().split()))

    def per_phrase() -> object:
        return {p.pattern for p in naive if p.search(text)}

    one = statistics.median(_time(one_pass) for _ in range(repeat))
    many = statistics.median(_time(per_phrase) for _ in range(repeat))
    expected = {p.pattern[2:-2].replace("\\", "") for p in naive if p.search(text)}
    assert set(one_pass()) == expected, "the two matchers disagree"  # type: ignore[call-overload]
    print(f"\n{len(phrases)} phrases over {megabytes:.1f} MB of text ({len(expected)} found):\n")
    print("| matcher | MB/s |")
    print("|---|---|")
    print(f"| one trie regex, lower-cased once | {megabytes / one:,.1f} |")
    print(f"| a \\b + re.I regex per phrase | {megabytes / many:,.1f} |")


def _time(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


# --------------------------------------------------------------------------- whole scans


def bench_scan(corpus: Path) -> None:
    from imsaudit.evidence.scan import ScanOptions, default_jobs, scan_folder

    count = sum(1 for p in corpus.rglob("*") if p.is_file())
    print(f"\nWhole scans of the corpus ({count} files):\n")
    print("| run | jobs | s | docs/s |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as cache:
        for label, jobs, use_cache in (
            ("no cache", 1, False),
            ("no cache", default_jobs(), False),
            ("cold cache", default_jobs(), True),
            ("warm cache", default_jobs(), True),
        ):
            options = ScanOptions(jobs=jobs, use_cache=use_cache, cache_dir=Path(cache), ocr=False)
            start = time.perf_counter()
            scan_folder(corpus, options)
            seconds = time.perf_counter() - start
            print(f"| {label} | {jobs} | {seconds:.2f} | {count / seconds:,.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20, help="documents per format")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, help="reuse (or create) the corpus here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        corpus = args.corpus or Path(scratch) / "corpus"
        if not corpus.exists():
            make_corpus(corpus, args.docs)
        print(f"Corpus: {args.docs} docs per format; median of {args.repeat}; {os.cpu_count()} cores\n")
        bench_formats(corpus, args.repeat)
        bench_matcher(args.repeat)
        bench_scan(corpus)


if __name__ == "__main__":
    main()
