"""A cue that opens on the first letters of its words ("\\b(?=[adeqsw])(?:quand|when|…)") names them all: a word
added with another first letter would never be found."""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse

import pytest

from bot.engine import answers_modes, courtesy_cues, cues

_OPENING = re.compile(r"\\b\(\?=\[([^\]]+)\]\)")


def first_letters(items: list) -> tuple[set[str], bool]:
    """The characters a parsed pattern can start with, and whether it can match the empty string."""
    found: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            return found | {chr(av)}, False
        if op is sre.IN:
            for kind, value in av:
                if kind is sre.LITERAL:
                    found.add(chr(value))
                elif kind is sre.RANGE:
                    found.update(chr(c) for c in range(value[0], value[1] + 1))
                elif kind is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
                    found.update("0123456789")
                else:
                    raise ValueError(f"unread set {kind} {value}")
            return found, False
        if op is sre.SUBPATTERN:
            inner, empty = first_letters(av[3])
        elif op is sre.BRANCH:
            empty = False
            inner = set()
            for alternative in av[1]:
                letters, alternative_empty = first_letters(alternative)
                inner |= letters
                empty |= alternative_empty
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            inner, empty = first_letters(av[2])
            empty = empty or av[0] == 0
        elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # reads no character
        else:
            raise ValueError(f"unread op {op}")
        found |= inner
        if not empty:
            return found, False
    return found, True


OPENED = [
    (name, pattern)
    for module in (cues, courtesy_cues, answers_modes)
    for name, pattern in vars(module).items()
    if isinstance(pattern, re.Pattern) and _OPENING.match(pattern.pattern)
]


def test_some_cues_open_on_their_letters() -> None:
    assert len(OPENED) >= 10


@pytest.mark.parametrize(("name", "pattern"), OPENED, ids=[name for name, _ in OPENED])
def test_the_opening_names_every_first_letter(name: str, pattern: re.Pattern[str]) -> None:
    opening = _OPENING.match(pattern.pattern)
    assert opening is not None
    rest = sre_parse.parse(pattern.pattern[opening.end() :], pattern.flags)
    letters, empty = first_letters(list(rest.data))
    assert not empty
    assert letters <= set(opening.group(1)), f"{name} starts with {sorted(letters - set(opening.group(1)))} too"
