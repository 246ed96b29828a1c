"""Atom (RFC 4287) building blocks shared by the release export and the event feed."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

ATOM_NS = "http://www.w3.org/2005/Atom"
GENERATOR = "bulletin-monitor"
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def atom_name(tag: str) -> str:
    """``tag`` in the Atom namespace, as ElementTree names it."""
    return f"{{{ATOM_NS}}}{tag}"


def atom_text(parent, tag: str, text: str):
    """A child Atom element holding ``text`` (characters XML cannot carry dropped)."""
    element = ET.SubElement(parent, atom_name(tag))
    element.text = clean_xml(text)
    return element


def clean_xml(text) -> str:
    """``text`` without the control characters XML 1.0 cannot carry."""
    return _XML_INVALID.sub("", str(text))


def now_rfc3339() -> str:
    """The current time as an RFC 3339 UTC timestamp."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def rfc3339(value: str | None) -> str | None:
    """An RFC 3339 timestamp for a stored time; a bare date becomes midnight UTC."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")
