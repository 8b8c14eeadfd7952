"""XML parsing that an untrusted file cannot turn against us.

Office files (DOCX, PPTX, ODT) are XML in a zip. The parser never expands entities,
never loads a DTD and never touches the network, and a part that declares a DTD at all
is refused, before the parser sees it: Office files have no reason to carry one, and
refusing is simpler to trust than expanding carefully (billion laughs, external
entities reading local files or calling a server).
"""

from __future__ import annotations

import logging
from typing import Any

from imsaudit.evidence.extract.base import ExtractError

logger = logging.getLogger(__name__)


_SPACE = b" \t\r\n"


def declares_dtd(data: bytes) -> bool:
    """True when the XML in ``data`` has a DOCTYPE (and so may declare entities).

    Checked on the bytes, before any parser sees them: libxml2 parses the internal subset
    (and counts a billion laughs' amplification) before lxml can report the DOCTYPE.
    Only a BOM, the XML declaration, processing instructions, comments and white space
    may come before a DOCTYPE, so the prolog is stepped over, linearly, up to the first
    ``<`` that starts something else. UTF-16 parts are decoded first.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<"):
        encoding = "utf-16-be" if data[:2] in (b"\xfe\xff", b"\x00<") else "utf-16-le"
        data = data.decode(encoding, errors="replace").lstrip("\ufeff").encode("utf-8")
    position = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    size = len(data)
    while True:
        while position < size and data[position] in _SPACE:
            position += 1
        if data.startswith(b"<?", position):
            opening, close = 2, b"?>"
        elif data.startswith(b"<!--", position):
            opening, close = 4, b"-->"
        else:
            return data[position : position + 9].upper() == b"<!DOCTYPE"
        end = data.find(close, position + opening)
        if end < 0:
            return False  # an unterminated prolog: the parser rejects it
        position = end + len(close)


def parse_xml(data: bytes, part: str) -> Any:
    """The root element of one XML part; ``ExtractError`` naming the part when it is bad."""
    from lxml import etree

    if declares_dtd(data):
        raise ExtractError(f"{part}: XML declares a DTD (entities are not allowed): not read")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ExtractError(f"{part}: malformed XML ({exc})") from None
    if root is None:
        raise ExtractError(f"{part}: empty XML")
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise ExtractError(f"{part}: XML declares a DTD (entities are not allowed): not read")
    return root


def local(tag: object) -> str:
    """``{namespace}p`` -> ``p`` (comments and processing instructions give ``""``)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]
