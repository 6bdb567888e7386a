from __future__ import annotations

import pytest

from bot.engine import Engine, default_engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The packaged knowledge base's engine, built once for the session (as in production, once per process)."""
    return default_engine()
