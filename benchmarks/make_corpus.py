"""Write a realistic mixed evidence corpus of N documents, deterministic from a seed.

    .venv/bin/python benchmarks/make_corpus.py N DIR [--seed 7] [--jobs 2]

This is the interface the benchmarks (``benchmarks/run.py``) and other checks use: keep
its arguments. What it writes looks like an institute's shared drive, not like N copies
of one file:

- about a third of the documents are management-system evidence: one of the evidence
  kinds the bundled packs define (policies, procedures, registers, minutes, reports),
  titled and laid out so the scanner recognizes them (registers carry the kind's own
  columns and 100-600 rows, controlled documents an approval line and the headings);
- the rest is the ordinary content of a research organization (project reports, lab
  notes, specifications, meeting notes) that recognition must look at and let go;
- formats in the proportions of such drives: PDF (2-12 pages with tables) 30 %, DOCX
  (headings, a table) 25 %, XLSX 15 %, Markdown 15 %, CSV 14 %, and one scanned
  (image-only) PDF per thousand documents, at least one from 100 documents on.

Every file is a function of (seed, index, variant): the same arguments give the same
bytes whatever ``--jobs``, and :func:`change` rewrites a share of the files with a new
variant (what ``run.py`` uses for its "1 % changed" measurement). DOCX is written as
raw OOXML and XLSX with xlsxwriter (both far faster than their object models); PDFs
with reportlab's canvas in invariant mode; scans with Pillow.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import sys
import zipfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

AS_OF = dt.date(2026, 11, 1)
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
FORMATS = (("pdf", 30), ("docx", 25), ("xlsx", 15), ("md", 15), ("csv", 14))
EVIDENCE_SHARE = 0.34

UNITS = (
    "quality",
    "management",
    "standardization",
    "human-resources",
    "research/materials-lab",
    "research/photonics",
    "research/ai-systems",
    "research/energy",
    "projects/horizon",
    "projects/industry",
    "innovation-office",
    "procurement",
    "facilities",
)
PEOPLE = (
    "A. Moreau",
    "B. Okafor",
    "C. Lindqvist",
    "D. Tanaka",
    "E. Rossi",
    "F. Haddad",
    "G. Novak",
    "H. Silva",
    "I. Kowalski",
    "J. Osei",
)
WORDS = (
    "the institute reviews measurement results against objectives and records decisions on "
    "calibration prototype validation patent filing standard contribution working group "
    "supplier evaluation customer feedback risk treatment opportunity assessment resource "
    "allocation competence training laboratory safety process performance improvement "
    "nonconformity corrective action innovation portfolio experiment hypothesis dataset "
    "interface specification committee draft ballot comment resolution technology transfer"
).split()
NOISE = (
    ("Project report", "report"),
    ("Lab notebook summary", "lab-notes"),
    ("Technical specification", "spec"),
    ("Meeting notes", "meeting-notes"),
    ("Experiment plan", "experiment-plan"),
    ("Conference trip report", "trip-report"),
    ("Grant proposal draft", "proposal"),
    ("Equipment quotation", "quotation"),
)
COLUMN_VALUES = {
    "date": "date",
    "due": "date",
    "deadline": "date",
    "owner": "person",
    "responsible": "person",
    "auditor": "person",
    "status": "status",
    "clause": "clause",
    "id": "id",
}


@dataclass(frozen=True)
class KindSpec:
    """What the corpus needs to know of an evidence kind: enough to write a believable one."""

    id: str
    title: str
    tabular: bool
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Spec:
    """One file of the corpus: where it goes, its format, and what it is."""

    index: int
    path: str
    format: str
    kind: KindSpec | None
    title: str


# --------------------------------------------------------------------------- the plan


def load_kinds() -> tuple[KindSpec, ...]:
    """Every evidence kind of the bundled packs, sorted by id (the corpus is about them)."""
    from imsaudit.packs.load import load_library

    library = load_library()
    return tuple(
        KindSpec(k.id, k.title, k.tabular, tuple(k.recognize.columns))
        for k in sorted(library.kinds.values(), key=lambda k: k.id)
    )


def plan(n: int, seed: int, kinds: Sequence[KindSpec]) -> list[Spec]:
    """The N files: formats by share, a third of them evidence, paths by unit and year."""
    rng = random.Random(f"plan:{seed}")
    scanned = n // 1000 or (1 if n >= 100 else 0)
    weights = [w for _, w in FORMATS]
    specs: list[Spec] = []
    for index in range(n):
        unit = rng.choice(UNITS)
        year = AS_OF.year - rng.choice((0, 0, 0, 1, 1, 2, 3))
        kind = rng.choice(kinds) if rng.random() < EVIDENCE_SHARE else None
        if index < scanned:
            fmt = "scan"
        elif kind is not None and kind.tabular:
            fmt = "xlsx" if rng.random() < 0.55 else "csv"
        elif kind is not None:
            fmt = rng.choice(("docx", "docx", "pdf", "md"))
        else:
            fmt = rng.choices([f for f, _ in FORMATS], weights)[0]
        if kind is not None:
            title = f"{kind.title} - {unit.split('/')[-1].replace('-', ' ').title()} {year}"
            stem = _slug(f"{kind.title} {unit.split('/')[-1]} {year}")
        else:
            label, slug = rng.choice(NOISE)
            number = rng.randrange(100, 9999)
            title = f"{label} {number}"
            stem = f"{slug}-{number}"
        extension = "pdf" if fmt == "scan" else fmt
        specs.append(Spec(index, f"{unit}/{year}/{stem}-{index:05d}.{extension}", fmt, kind, title))
    return specs


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


# --------------------------------------------------------------------------- content


class Content:
    """Sentences, dates and register rows of one file, from its own random stream."""

    def __init__(self, spec: Spec, seed: int, variant: int) -> None:
        self.spec = spec
        self.variant = variant
        self.rng = random.Random(f"{seed}:{spec.index}:{variant}")
        self.approved = AS_OF - dt.timedelta(days=self.rng.randrange(20, 1100))
        self.owner = self.rng.choice(PEOPLE)

    def sentence(self, words: int = 16) -> str:
        text = " ".join(self.rng.choice(WORDS) for _ in range(words))
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences: int = 4) -> str:
        return " ".join(self.sentence(self.rng.randrange(10, 24)) for _ in range(sentences))

    def control_line(self) -> str:
        return (
            f"Version {1 + self.variant}.{self.rng.randrange(0, 9)} | Owner: {self.owner} | "
            f"Approved by: {self.rng.choice(PEOPLE)} | Approved on: {self.approved.isoformat()}"
        )

    def headings(self) -> list[str]:
        base = ["Purpose", "Scope", "Responsibilities", "Method", "Records", "Review"]
        if self.spec.kind is None:
            base = ["Summary", "Background", "Approach", "Results", "Discussion", "Next steps"]
        return base[: self.rng.randrange(4, 7)]

    def columns(self) -> list[str]:
        kind_columns = list(self.spec.kind.columns) if self.spec.kind else []
        generic = ["ID", "Date", "Description", "Owner", "Status"]
        seen: set[str] = set()
        return [
            c
            for c in generic[:2] + kind_columns + generic[2:]
            if not (c.lower() in seen or seen.add(c.lower()))
        ]

    def rows(self, count: int) -> Iterator[list[str]]:
        columns = self.columns()
        for row in range(count):
            values = []
            for column in columns:
                role = next((r for key, r in COLUMN_VALUES.items() if key in column.lower()), "text")
                if role == "date":
                    values.append((self.approved - dt.timedelta(days=self.rng.randrange(0, 400))).isoformat())
                elif role == "person":
                    values.append(self.rng.choice(PEOPLE))
                elif role == "status":
                    values.append(self.rng.choice(("Open", "Closed", "In progress", "Verified")))
                elif role == "clause":
                    values.append(self.rng.choice(("4", "5", "6", "7", "8", "9", "10")))
                elif role == "id":
                    values.append(f"R-{row + 1:04d}")
                else:
                    values.append(self.sentence(self.rng.randrange(3, 9)).rstrip("."))
            yield values

    def table(self) -> list[list[str]]:
        header = ["Item", "Owner", "Due", "Status"]
        return [header] + [
            [self.sentence(4).rstrip("."), self.rng.choice(PEOPLE), self.approved.isoformat(), "Open"]
            for _ in range(self.rng.randrange(4, 12))
        ]


# --------------------------------------------------------------------------- writers


def write_file(spec: Spec, root: Path, seed: int, variant: int = 0) -> None:
    """Write one file of the plan (any variant) under ``root``."""
    content = Content(spec, seed, variant)
    target = root / spec.path
    target.parent.mkdir(parents=True, exist_ok=True)
    data = WRITERS[spec.format](content)
    target.write_bytes(data)


def _markdown(c: Content) -> bytes:
    lines = ["---", f"title: {c.spec.title}", f"owner: {c.owner}", f"approved: {c.approved.isoformat()}"]
    lines += [f"version: {1 + c.variant}.0", "---", "", f"# {c.spec.title}", ""]
    if c.spec.kind is not None:
        lines += [c.control_line(), ""]
    for heading in c.headings():
        lines += [f"## {heading}", "", c.paragraph(c.rng.randrange(2, 6)), ""]
    table = c.table()
    lines += ["| " + " | ".join(table[0]) + " |", "|" + "---|" * len(table[0])]
    lines += ["| " + " | ".join(row) + " |" for row in table[1:]]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _csv(c: Content) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(c.columns())
    writer.writerows(c.rows(c.rng.randrange(100, 600)))
    return buffer.getvalue().encode("utf-8")


def _xlsx(c: Content) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    workbook.set_properties(
        {
            "title": c.spec.title,
            "author": c.owner,
            "created": dt.datetime.combine(c.approved, dt.time(9, 0)),
        }
    )
    sheet = workbook.add_worksheet("Register")
    sheet.write_row(0, 0, c.columns())
    for number, row in enumerate(c.rows(c.rng.randrange(100, 600)), start=1):
        sheet.write_row(number, 0, row)
    if c.rng.random() < 0.3:
        notes = workbook.add_worksheet("Notes")
        for number in range(5):
            notes.write(number, 0, c.sentence())
    workbook.close()
    return buffer.getvalue()


_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/'
    'vnd.openxmlformats-package.core-properties+xml"/></Types>'
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
    'metadata/core-properties" Target="docProps/core.xml"/></Relationships>'
)
_DOCX_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/></Relationships>'
)
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_DOCX_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {_W}>'
    + "".join(
        f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>'
        f'<w:pPr><w:outlineLvl w:val="{level}"/></w:pPr></w:style>'
        for sid, name, level in (
            ("Title", "Title", 0),
            ("Heading1", "heading 1", 0),
            ("Heading2", "heading 2", 1),
        )
    )
    + "</w:styles>"
)


def _docx(c: Content) -> bytes:
    def paragraph(text: str, style: str | None = None) -> str:
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f'<w:p>{props}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'

    def cell(text: str) -> str:
        return f"<w:tc>{paragraph(text)}</w:tc>"

    body = [paragraph(c.spec.title, "Title")]
    if c.spec.kind is not None:
        body.append(paragraph(c.control_line()))
    for heading in c.headings():
        body.append(paragraph(heading, "Heading1"))
        body += [paragraph(c.paragraph()) for _ in range(c.rng.randrange(1, 4))]
    body.append(
        "<w:tbl>"
        + "".join("<w:tr>" + "".join(cell(v) for v in row) + "</w:tr>" for row in c.table())
        + "</w:tbl>"
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>'
        + "".join(body)
        + "</w:body></w:document>"
    )
    stamp = f"{c.approved.isoformat()}T09:00:00Z"
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        "<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(c.spec.title)}</dc:title><dc:creator>{escape(c.owner)}</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (
            ("[Content_Types].xml", _DOCX_TYPES),
            ("_rels/.rels", _DOCX_RELS),
            ("word/_rels/document.xml.rels", _DOCX_DOC_RELS),
            ("word/document.xml", document),
            ("word/styles.xml", _DOCX_STYLES),
            ("docProps/core.xml", core),
        ):
            archive.writestr(zipfile.ZipInfo(name, date_time=ZIP_TIME), text, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _pdf(c: Content) -> bytes:
    import reportlab.rl_config

    reportlab.rl_config.invariant = 1
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    canvas.setTitle(c.spec.title)
    canvas.setAuthor(c.owner)
    height = A4[1]
    pages = c.rng.randrange(2, 13)
    headings = c.headings()
    for page in range(pages):
        y = height - 60
        if page == 0:
            canvas.setFont("Helvetica-Bold", 16)
            canvas.drawString(50, y, c.spec.title)
            y -= 24
            if c.spec.kind is not None:
                canvas.setFont("Helvetica", 9)
                canvas.drawString(50, y, c.control_line())
                y -= 20
        canvas.setFont("Helvetica-Bold", 12)
        canvas.drawString(50, y, f"{page + 1} {headings[page % len(headings)]}")
        y -= 18
        canvas.setFont("Helvetica", 9.5)
        for _ in range(c.rng.randrange(18, 34)):
            canvas.drawString(50, y, c.sentence(c.rng.randrange(10, 15)))
            y -= 13
            if y < 260:
                break
        if page % 2 == 0:  # a ruled table every other page
            rows = c.table()[:8]
            y -= 10
            for row in rows:
                for column, value in enumerate(row):
                    canvas.drawString(55 + column * 125, y, value[:24])
                canvas.line(50, y - 4, 550, y - 4)
                y -= 16
        canvas.setFont("Helvetica", 8)
        canvas.drawString(50, 30, f"{c.spec.title} - page {page + 1} of {pages}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _scan(c: Content) -> bytes:
    """One page of text as a 150-dpi grayscale image, saved as an image-only PDF."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    title_font = ImageFont.load_default(size=34)
    font = ImageFont.load_default(size=24)
    draw.text((90, 100), c.spec.title, fill=0, font=title_font)
    y = 180
    for _ in range(24):
        draw.text((90, y), c.sentence(9), fill=30, font=font)
        y += 40
    draw.text((90, y + 40), f"Signed: {c.owner}    Date: {c.approved.isoformat()}", fill=0, font=font)
    buffer = io.BytesIO()
    stamp = dt.datetime.combine(c.approved, dt.time(9, 0)).timetuple()  # Pillow takes struct_time
    image.save(buffer, "PDF", resolution=150.0, title=c.spec.title, creationDate=stamp, modDate=stamp)
    return buffer.getvalue()


WRITERS = {"md": _markdown, "csv": _csv, "xlsx": _xlsx, "docx": _docx, "pdf": _pdf, "scan": _scan}


# --------------------------------------------------------------------------- driver


def _write_chunk(args: tuple[list[Spec], str, int, int]) -> int:
    specs, root, seed, variant = args
    for spec in specs:
        write_file(spec, Path(root), seed, variant)
    return len(specs)


def generate(n: int, out: Path, seed: int = 7, jobs: int = 2) -> list[Spec]:
    """Write the corpus of ``n`` files into ``out`` (created; must be empty or absent)."""
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} is not empty; give a new folder")
    out.mkdir(parents=True, exist_ok=True)
    specs = plan(n, seed, load_kinds())
    _run(specs, out, seed, 0, jobs)
    return specs


def changed_specs(n: int, fraction: float, seed: int = 7, variant: int = 1) -> list[Spec]:
    """The files :func:`change` rewrites, in corpus order (what a re-audit's time depends on)."""
    specs = plan(n, seed, load_kinds())
    rng = random.Random(f"change:{seed}:{variant}")
    return sorted(rng.sample(specs, max(1, round(len(specs) * fraction))), key=lambda s: s.index)


def change(out: Path, n: int, fraction: float, seed: int = 7, jobs: int = 2, variant: int = 1) -> list[Path]:
    """Rewrite ``fraction`` of a corpus made by :func:`generate` with new content; the paths."""
    chosen = changed_specs(n, fraction, seed, variant)
    _run(chosen, out, seed, variant, jobs)
    return [out / s.path for s in chosen]


def _run(specs: list[Spec], out: Path, seed: int, variant: int, jobs: int) -> None:
    chunks = [specs[i : i + 50] for i in range(0, len(specs), 50)]
    if jobs <= 1:
        for chunk in chunks:
            _write_chunk((chunk, str(out), seed, variant))
        return
    with ProcessPoolExecutor(jobs) as pool:
        for _ in pool.map(_write_chunk, [(chunk, str(out), seed, variant) for chunk in chunks]):
            pass


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("dir", type=Path, help="output folder (new or empty)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    specs = generate(args.n, args.dir, args.seed, args.jobs)
    counts: dict[str, int] = {}
    for spec in specs:
        counts[spec.format] = counts.get(spec.format, 0) + 1
    evidence = sum(1 for s in specs if s.kind is not None)
    shown = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"wrote {len(specs)} documents to {args.dir} ({shown}; {evidence} evidence documents)")


if __name__ == "__main__":
    main()
