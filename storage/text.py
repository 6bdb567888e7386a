"""The one policy for every text the project stores (comments, commitment titles, CCI names, people's names).

Stored text is normalised to NFC, and refused when it holds a character that makes it read differently from
what was typed or hides part of it: control characters (Cc), direction marks and overrides, and invisible
formatting characters (Cf: zero-width spaces and joiners, the byte order mark, Arabic number signs…),
surrogates and private-use code points, and separators other than the plain space.
The bot (which explains the refusal) and storage (the last guard before the database) both call `check_text`.
"""

from __future__ import annotations

import unicodedata

# Characters Unicode puts elsewhere than Cf but that reorder or hide text all the same.
_BIDI_CONTROLS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_REFUSED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}


class TextRefused(ValueError):
    """A text that cannot be stored; `message` says why in French, naming the character."""

    def __init__(self, message: str, char: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.char = char


def forbidden_char(text: str, *, multiline: bool = False) -> str | None:
    """The first character the policy refuses in `text` (tab and, when `multiline`, newline allowed), or None."""
    allowed = "\t\n" if multiline else ""
    for ch in text:
        if ch in allowed:
            continue
        if ch in _BIDI_CONTROLS or unicodedata.category(ch) in _REFUSED_CATEGORIES:
            return ch
        if ch.isspace() and ch != " " and unicodedata.category(ch) != "Zs":
            return ch
    return None


def describe(ch: str) -> str:
    """`U+202E (RIGHT-TO-LEFT OVERRIDE)`: how a refused character is named to the user."""
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")


def check_text(value: str, what: str = "Le texte", *, multiline: bool = False) -> str:
    """`value` normalised (NFC, outer spaces removed), or TextRefused saying which character is not accepted."""
    text = unicodedata.normalize("NFC", value).strip()
    bad = forbidden_char(text, multiline=multiline)
    if bad is not None:
        raise TextRefused(
            f"{what} contient un caractère invisible, de contrôle ou de sens d'écriture ({describe(bad)}), "
            "qui ferait lire autre chose que ce qui est enregistré : retapez-le sans ce caractère "
            "(il vient souvent d'un copier-coller).",
            bad,
        )
    return text


def clean_name(value: str | None) -> str | None:
    """A name given by Slack (not typed here, so not refused): NFC, refused characters dropped, one line."""
    if value is None:
        return None
    text = unicodedata.normalize("NFC", value)
    kept = "".join(ch for ch in text if forbidden_char(ch) is None)
    return " ".join(kept.split()) or None


def visible(value: str) -> str:
    """Text kept for the record though refused (the audit log's detail): each refused character shown as U+FFFD."""
    return "".join("\ufffd" if forbidden_char(ch, multiline=True) else ch for ch in value)
