"""The Harmonized Structure (ISO/IEC Directives Part 1, Annex SL Appendix 2, 2021+).

Clause numbers and titles are facts (reference/standards.md section 3.1). Every pack
clause names the HS clause it sits on (``hs``), so packs map onto each other and the
integrated view can show each pack's verdict per HS clause. ``(discipline)`` stands for
Annex SL's XXX: quality, innovation...
"""

from __future__ import annotations

HS_CLAUSES: dict[str, str] = {
    "4": "Context of the organization",
    "4.1": "Understanding the organization and its context",
    "4.2": "Understanding the needs and expectations of interested parties",
    "4.3": "Determining the scope of the (discipline) management system",
    "4.4": "(Discipline) management system",
    "5": "Leadership",
    "5.1": "Leadership and commitment",
    "5.2": "(Discipline) policy",
    "5.3": "Roles, responsibilities and authorities",
    "6": "Planning",
    "6.1": "Actions to address risks and opportunities",
    "6.2": "(Discipline) objectives and planning to achieve them",
    "6.3": "Planning of changes",
    "7": "Support",
    "7.1": "Resources",
    "7.2": "Competence",
    "7.3": "Awareness",
    "7.4": "Communication",
    "7.5": "Documented information",
    "7.5.1": "General",
    "7.5.2": "Creating and updating documented information",
    "7.5.3": "Control of documented information",
    "8": "Operation",
    "8.1": "Operational planning and control",
    "9": "Performance evaluation",
    "9.1": "Monitoring, measurement, analysis and evaluation",
    "9.2": "Internal audit",
    "9.2.1": "General",
    "9.2.2": "Internal audit programme",
    "9.3": "Management review",
    "9.3.1": "General",
    "9.3.2": "Management review inputs",
    "9.3.3": "Management review results",
    "10": "Improvement",
    "10.1": "Continual improvement",
    "10.2": "Nonconformity and corrective action",
}

HS_SECTIONS: tuple[str, ...] = ("4", "5", "6", "7", "8", "9", "10")
"""The seven requirement clauses that scores are grouped by."""


def hs_section(hs: str) -> str:
    """The top-level HS section (``"9"``) of an HS clause number (``"9.2.1"``)."""
    return hs.split(".", 1)[0]
