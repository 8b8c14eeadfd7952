"""XML parsing that an untrusted file cannot turn against us.

Office files (DOCX, PPTX, ODT) are XML in a zip. The parser never expands entities,
never loads a DTD and never touches the network, and a part that declares a DTD at all
is refused: Office files have no reason to carry one, and refusing is simpler to trust
than expanding carefully (billion laughs, external entities reading local files).
"""

from __future__ import annotations

import logging
from typing import Any

from imsaudit.evidence.extract.base import ExtractError

logger = logging.getLogger(__name__)


def parse_xml(data: bytes, part: str) -> Any:
    """The root element of one XML part; ``ExtractError`` naming the part when it is bad."""
    from lxml import etree

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
