"""Reading members of zip-based formats (DOCX, XLSX, PPTX, ODT, ODS) within limits.

A 40 KB zip can inflate to gigabytes. The total declared size is checked before
anything is read, and each member is read in chunks with the real byte count checked,
because a crafted zip can lie about its sizes.
"""

from __future__ import annotations

import io
import logging
import zipfile
import zlib

from imsaudit.evidence.extract.base import ExtractContext, ExtractError

logger = logging.getLogger(__name__)

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

    def require(self, name: str, what: str) -> bytes:
        """A member that must exist; its absence means the file is not a ``what``."""
        data = self.read(name)
        if data is None:
            raise ExtractError(f"not a {what} file (no {name}): corrupt or mislabelled")
        return data
