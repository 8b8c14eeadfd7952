"""E-mail messages (``.eml``): headers, the body as text or HTML, attachments listed.

Decisions are often only on record as an e-mail: a management review's minutes
approved by reply, a policy sent to staff, a customer complaint. The standard library
reads the MIME structure (no dependency, no network). The subject is the message's
heading and its title; From, To, Cc and Date are units at ``header From`` and so on,
so a verdict can cite them. Of the body, the HTML version is read when there is one
(it keeps tables, which the plain-text version flattens), through the HTML extractor,
at ``body line N`` of that part; otherwise the plain text, one unit per line, at
``body line N`` of the decoded text (a quoted-printable or base64 body has no line of
the file to point at). Attachments are listed, not read: each is its own evidence
once saved into the folder.
"""

from __future__ import annotations

import contextlib
import email.errors
import email.header
import email.parser
import email.policy
from email.message import Message

from imsaudit.evidence.extract._builder import ResultBuilder
from imsaudit.evidence.extract._text import clip_lines, decode_text
from imsaudit.evidence.extract.base import ExtractContext, ExtractError, register
from imsaudit.evidence.extract.html import extract_html
from imsaudit.evidence.extract.plaintext import add_lines
from imsaudit.evidence.model import DocumentFormat, ExtractResult, UnitRole

_HEADERS = ("From", "To", "Cc", "Date")
"""Headers kept as units and properties besides the subject, in this order."""
MAX_ATTACHMENTS = 100
"""Attachments named one by one; beyond, the warning counts them."""


@register("mail", "1", {"eml": DocumentFormat.EMAIL})
def extract_mail(data: bytes, context: ExtractContext) -> ExtractResult:
    """Subject as heading, headers as units, then the body; attachments named in a unit each.

    Parsed with the ``compat32`` policy and headers decoded on demand: the default
    policy parses every header of every part into objects, 0.1 ms each (a message of
    20,000 parts took 9 s; now under 1).
    """
    message = email.parser.BytesParser(policy=email.policy.compat32).parsebytes(data)
    builder = ResultBuilder(context)
    subject = _header(message, "Subject")
    if not subject and not any(_header(message, name) for name in _HEADERS):
        builder.warn("no e-mail headers (From, To, Date, Subject): read as plain text")
    if subject:
        builder.prop("title", subject, "e-mail Subject")
        builder.heading(subject, 1, "header Subject")
    for name in _HEADERS:
        value = _header(message, name)
        if value:
            builder.prop(name.lower(), value, f"e-mail {name}")
            builder.text(f"{name}: {value}", f"header {name}")
    body, attachments = _parts(message)
    if body is not None:
        _add_body(builder, body, context)
    for number, part in enumerate(attachments[:MAX_ATTACHMENTS], start=1):
        name = _decoded_header(part.get_filename() or "") or "(no name)"
        payload = part.get_payload(decode=True)
        size = len(payload) if isinstance(payload, bytes) else 0
        builder.text(
            f"Attachment: {name} ({part.get_content_type()}, {size:,} byte{'s' if size != 1 else ''})",
            f"attachment {number}",
        )
    if count := len(attachments):
        listed = "listed" if count <= MAX_ATTACHMENTS else f"({MAX_ATTACHMENTS} listed)"
        them = "it" if count == 1 else "them"
        builder.warn(
            f"{count:,} attachment{'s' if count != 1 else ''} {listed}, not read: "
            f"save {them} into the evidence folder to audit {them}"
        )
    return builder.finish()


def _parts(message: Message) -> tuple[Message | None, list[Message]]:
    """The body (the first HTML part not attached, else the first plain-text one) and the other parts.

    A message of one part is its own body when it is text (the default type), else its
    one attachment.
    """
    html = plain = None
    others: list[Message] = []
    for part in message.walk():
        if part.is_multipart():
            continue
        attached = (part.get("Content-Disposition") or "").strip().lower().startswith("attachment")
        kind = part.get_content_type()
        if not attached and kind == "text/html" and html is None:
            html = part
        elif not attached and kind == "text/plain" and plain is None:
            plain = part
        else:
            others.append(part)
    return html or plain, others


def _decoded_header(value: str) -> str:
    """An encoded header (``=?utf-8?q?...?=``) as text, unfolded; as it is when it does not decode."""
    with contextlib.suppress(ValueError, LookupError, UnicodeError, email.errors.HeaderParseError):
        value = str(email.header.make_header(email.header.decode_header(value)))
    return " ".join(value.split())


def _header(message: Message, name: str) -> str:
    """A header's value, decoded and unfolded ('' when absent)."""
    value = message.get(name)
    return _decoded_header(str(value)) if value is not None else ""


def _add_body(builder: ResultBuilder, part: Message, context: ExtractContext) -> None:
    """The body part: HTML through the HTML extractor, anything else as lines of text."""
    raw = part.get_payload(decode=True)
    if not isinstance(raw, bytes) or not raw.strip():
        return
    try:
        text = _decoded(part, raw, builder)
    except ExtractError as exc:  # binary bytes in a text part
        builder.warn(f"body not read: {exc}")
        return
    if part.get_content_type() == "text/html":
        _add_html(builder, text.encode("utf-8"), context)
        return
    add_lines(builder, clip_lines(text.split("\n"), builder), label="body line")


def _decoded(part: Message, raw: bytes, builder: ResultBuilder) -> str:
    """The part's text in its declared charset, else as the text extractor detects it."""
    charset = part.get_content_charset()
    if charset:
        try:
            return raw.decode(charset).replace("\r\n", "\n")
        except (LookupError, UnicodeDecodeError):
            builder.warn(f"the body is not in its declared charset {charset!r}: decoded as detected")
    text, _ = decode_text(raw, builder.warn)
    return text.replace("\r\n", "\n")


def _add_html(builder: ResultBuilder, html: bytes, context: ExtractContext) -> None:
    """An HTML body read by the HTML extractor, its units and tables located in the body."""
    result = extract_html(html, context)
    for unit in result.units:  # in the body's order, rows too (their tables add none)
        if builder.full:
            return
        where = f"body {unit.locator}"
        if unit.role is UnitRole.HEADING:
            builder.heading(unit.text, (unit.level or 1) + 1, where)  # under the subject
        else:
            builder.text(unit.text, where, unit.role)
    for table in result.tables:
        header = [list(table.header)] if table.header else []
        header_locator = [f"body {table.header_locator}"] if table.header and table.header_locator else []
        builder.table(
            f"body {table.name}",
            f"body {table.locator}",
            header + [list(row) for row in table.rows],
            header_locator + [f"body {where}" for where in table.row_locators],
            header_index=0 if header_locator else None,
            truncated=table.truncated,
            emit_units=False,
        )
    for warning in result.warnings:
        builder.warn(f"body: {warning}")
