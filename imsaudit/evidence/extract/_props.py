"""Document properties of Office files: OOXML core/custom properties, ODF meta.xml.

Read the same way for DOCX, XLSX, PPTX (OOXML) and ODT, ODS (ODF); the names are
passed on as the file states them (``title``, ``author``, a custom ``Document ID``) and
``imsaudit.evidence.metadata`` maps them to the normalized fields.
"""

from __future__ import annotations

import logging

from imsaudit.evidence.extract._builder import ResultBuilder
from imsaudit.evidence.extract._xml import local, parse_xml
from imsaudit.evidence.extract._zip import SafeZip

logger = logging.getLogger(__name__)

_CORE_NAMES = {
    "title": "title",
    "subject": "subject",
    "creator": "author",
    "keywords": "keywords",
    "description": "description",
    "lastModifiedBy": "last modified by",
    "revision": "edit count",
    "created": "created",
    "modified": "modified",
    "category": "category",
    "contentStatus": "status",
    "identifier": "identifier",
    "version": "version",
}

_ODF_NAMES = {
    "title": "title",
    "subject": "subject",
    "description": "description",
    "keyword": "keywords",
    "creator": "last modified by",
    "initial-creator": "author",
    "creation-date": "created",
    "date": "modified",
}


def read_ooxml_properties(archive: SafeZip, builder: ResultBuilder, what: str) -> None:
    """``docProps/core.xml`` and ``docProps/custom.xml`` to properties."""
    core = archive.read("docProps/core.xml")
    if core is not None:
        for element in parse_xml(core, "docProps/core.xml"):
            name = _CORE_NAMES.get(local(element.tag))
            if name and element.text:
                builder.prop(name, element.text.strip(), f"{what} core properties")
    custom = archive.read("docProps/custom.xml")
    if custom is not None:
        for element in parse_xml(custom, "docProps/custom.xml"):
            name = element.get("name")
            value = "".join(element.itertext()).strip()
            if name and value:
                builder.prop(name, value, f"{what} custom property")


def read_odf_properties(archive: SafeZip, builder: ResultBuilder, what: str) -> None:
    """``meta.xml`` (title, creators, dates, user-defined fields) to properties."""
    meta = archive.read("meta.xml")
    if meta is None:
        return
    root = parse_xml(meta, "meta.xml")
    for element in root.iter():
        tag = local(element.tag)
        if tag == "user-defined":
            name = next((v for k, v in element.attrib.items() if local(k) == "name"), None)
            value = "".join(element.itertext()).strip()
            if name and value:
                builder.prop(name, value, f"{what} user-defined property")
        elif tag in _ODF_NAMES and element.text and element.text.strip():
            builder.prop(_ODF_NAMES[tag], element.text.strip(), f"{what} metadata")
