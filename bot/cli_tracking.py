"""`srom db …`, `srom report …`, `srom commitments …`: commitment tracking and the Bureau report."""

from __future__ import annotations

import argparse


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Add this group's sub-commands to the `srom` parser."""


def run(args: argparse.Namespace) -> int | None:
    """Run the command if it is one of this group's (its exit code), else None."""
    return None
