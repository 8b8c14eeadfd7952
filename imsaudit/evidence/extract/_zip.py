"""Reading members of zip-based formats (DOCX, XLSX, PPTX, ODT, ODS) within limits.

A 40 KB zip can inflate to gigabytes. The total declared size is checked before
anything is read, and each member is read in chunks with the real byte count checked,
because a crafted zip can lie about its sizes.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
import zlib

from imsaudit.evidence.extract._xml import declares_dtd, parse_xml
from imsaudit.evidence.extract.base import ExtractContext, ExtractError

logger = logging.getLogger(__name__)

PROLOG_BYTES = 64 * 1024
"""How much of each XML part ``SafeZip.refuse_dtds`` inflates to find its DOCTYPE."""
_EMBEDDED = re.compile(r"^(?:word|ppt|xl)/embeddings/[^/]+$|^(Object \d+)(?:/|$)", re.IGNORECASE)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Compound File Binary: legacy .doc/.xls/.ppt, and password-protected OOXML files."""

ZIP_MAGIC = b"PK"


def check_not_ole(data: bytes, what: str) -> None:
    """Give an OLE container (encrypted or legacy Office file) a precise one-line error."""
    if data.startswith(OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data.replace(b"\x00", b""):
            raise ExtractError("encrypted (password-protected Office file): not read")
        raise ExtractError(f"legacy binary Office file, not {what}: not read (save it in the current format)")


class SafeZip:
    """A zip opened from bytes, with member count and decompressed size checked up front."""

    def __init__(self, data: bytes, context: ExtractContext, what: str) -> None:
        check_not_ole(data, what)
        if not data.startswith(ZIP_MAGIC):
            raise ExtractError(f"not a {what} file (no zip signature): corrupt or mislabelled")
        self.limits = context.limits
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
            raise ExtractError(f"corrupt or truncated {what} file ({exc})") from None
        if len(infos) > self.limits.max_zip_members:
            raise ExtractError(
                f"{len(infos):,} zip members, over the {self.limits.max_zip_members:,} limit: not read"
            )
        declared = sum(i.file_size for i in infos)
        if declared > self.limits.max_unzipped_bytes:
            raise ExtractError(
                f"decompresses to {declared:,} bytes, over the {self.limits.max_unzipped_bytes:,}"
                " byte limit: not read"
            )
        if any(i.flag_bits & 0x1 for i in infos):
            raise ExtractError("encrypted (password-protected zip members): not read")
        self.names = {i.filename for i in infos}
        self._read_total = 0

    def read(self, name: str) -> bytes | None:
        """A member's bytes, or None when absent; the real decompressed size is enforced."""
        if name not in self.names:
            return None
        budget = self.limits.max_unzipped_bytes - self._read_total
        chunks: list[bytes] = []
        size = 0
        try:
            with self.zip.open(name) as member:
                while chunk := member.read(1 << 16):
                    size += len(chunk)
                    if size > budget:
                        raise ExtractError(
                            f"decompresses to more than {self.limits.max_unzipped_bytes:,}"
                            " bytes (limit): not read"
                        )
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise ExtractError(f"corrupt or truncated member {name} ({exc})") from None
        except RuntimeError as exc:  # zipfile raises it for encrypted members
            raise ExtractError(f"cannot read member {name} ({exc})") from None
        self._read_total += size
        return b"".join(chunks)

    def refuse_dtds(self) -> None:
        """Refuse the file when any XML part declares a DTD (for readers given the raw bytes).

        Spreadsheets are parsed by calamine, not by ``parse_xml``; checking the prolog of
        every part first gives a DTD the same one-line error as in a DOCX. Only the first
        64 KB of each part are inflated: the prolog is at the start.
        """
        for name in sorted(self.names):
            if not name.lower().endswith((".xml", ".rels", ".vml")):
                continue
            try:
                with self.zip.open(name) as member:
                    head = member.read(PROLOG_BYTES)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError) as exc:
                raise ExtractError(f"corrupt or truncated member {name} ({exc})") from None
            if declares_dtd(head):
                raise ExtractError(f"{name}: XML declares a DTD (entities are not allowed): not read")

    def notes(self) -> list[str]:
        """Warnings about what the package holds but a reader does not read.

        Embedded files (a workbook inside a Word file, a zip bomb inside a deck) are never
        opened; parts linked by address (``TargetMode="External"`` images, OLE objects,
        templates; hyperlinks aside) are never fetched. The auditor is told either way,
        because the document may not be all there.
        """
        warnings: list[str] = []
        embedded = sorted({found for name in self.names if (found := _embedded(name)) is not None})
        if embedded:
            shown = ", ".join(embedded[:3]) + (", ..." if len(embedded) > 3 else "")
            plural = "s" if len(embedded) > 1 else ""
            warnings.append(f"{len(embedded)} embedded file{plural} not read ({shown})")
        linked: dict[str, int] = {}
        for name in sorted(n for n in self.names if n.lower().endswith(".rels")):
            data = self.read(name)
            if data is None:
                continue
            for rel in parse_xml(data, name):
                if rel.get("TargetMode", "").lower() != "external":
                    continue
                kind = rel.get("Type", "").rsplit("/", 1)[-1] or "part"
                if kind != "hyperlink":
                    linked[kind] = linked.get(kind, 0) + 1
        if linked:
            total = sum(linked.values())
            plural = "s" if total > 1 else ""
            warnings.append(
                f"{total} linked part{plural} outside the file not read ({', '.join(sorted(linked))})"
            )
        return warnings

    def require(self, name: str, what: str) -> bytes:
        """A member that must exist; its absence means the file is not a ``what``."""
        data = self.read(name)
        if data is None:
            raise ExtractError(f"not a {what} file (no {name}): corrupt or mislabelled")
        return data


def _embedded(name: str) -> str | None:
    """The embedded file (OOXML ``*/embeddings/x``) or object (ODF ``Object 1``) a member is part of."""
    match = _EMBEDDED.match(name)
    if match is None:
        return None
    return match.group(1) or name
