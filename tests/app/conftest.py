"""The app tests run as ``make run`` serves the app: on 127.0.0.1 (full rights without a users
file), whatever directory pytest starts in. A test may set another address itself."""

from __future__ import annotations

import pytest
from streamlit import config


@pytest.fixture(autouse=True)
def _served_on_this_machine():
    before = config.get_option("server.address")
    config.set_option("server.address", "127.0.0.1")
    yield
    config.set_option("server.address", before)
