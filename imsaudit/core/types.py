"""Enumerations shared by packs, checks, findings and renderers.

They are ``StrEnum`` so that JSON and YAML carry the plain names that the audit.json
contract fixes (``"met"``, ``"major_nc"``...).
"""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    """How serious an unmet requirement is (ISO/IEC 17021-1 major / minor nonconformity)."""

    MAJOR = "major"
    MINOR = "minor"


class DocumentedInformation(StrEnum):
    """What a requirement asks to be written down.

    ``maintain`` is a controlled document that is kept up to date (policy, procedure),
    ``retain`` is a record kept as evidence (audit report, review minutes), ``available``
    is the Harmonized Structure 2021 wording ("shall be available as documented
    information") that does not say which, ``none`` asks for no documented information.
    """

    MAINTAIN = "maintain"
    RETAIN = "retain"
    AVAILABLE = "available"
    NONE = "none"


class Confidence(StrEnum):
    """How sure we are of a clause's number and title (reference/standards.md legend)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class TitleSource(StrEnum):
    """Whether a clause title is the standard's own or a label we gave an untitled paragraph."""

    STANDARD = "standard"
    IMSAUDIT = "imsaudit"


class Outcome(StrEnum):
    """What a check, and then a requirement, concluded from the evidence."""

    MET = "met"
    PARTLY_MET = "partly_met"
    NOT_MET = "not_met"
    NEEDS_REVIEW = "needs_review"
    NOT_APPLICABLE = "not_applicable"


class Finding(StrEnum):
    """Finding class of a clause (ISO 19011 / ISO/IEC 17021-1)."""

    CONFORMITY = "conformity"
    MINOR_NC = "minor_nc"
    MAJOR_NC = "major_nc"
    OFI = "ofi"
    NOT_APPLICABLE = "not_applicable"
    NOT_ASSESSED = "not_assessed"


class MetadataField(StrEnum):
    """The normalized document-control fields the scanner reads and checks test."""

    TITLE = "title"
    DOC_ID = "doc_id"
    VERSION = "version"
    OWNER = "owner"
    APPROVED_BY = "approved_by"
    APPROVED_ON = "approved_on"
    REVIEW_DUE = "review_due"
    STATUS = "status"
