from __future__ import annotations

import pytest

from bot.engine import Engine
from srom_data.loader import load_default


@pytest.fixture(scope="session")
def engine() -> Engine:
    """The packaged knowledge base's engine, built once for the session (as in production, once per process),
    without tracked progress: other tests install a status provider on the process's default engine, and the
    recorded answers must not depend on the order tests run in."""
    return Engine(load_default())
