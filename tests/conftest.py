"""Shared fixtures: a local site server in a subprocess. Helpers live in support/harness.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.harness import SiteServer, start_site_server

# Fixtures shared by several test modules live in tests/support and reach the tests from here.
pytest_plugins = ["support.alerts"]


@pytest.fixture
def serve_site(tmp_path):
    """Factory: ``serve_site(folder)`` copies ``folder`` to a temporary place and serves it."""
    servers = []

    def serve(folder: Path) -> SiteServer:
        root = tmp_path / f"site{len(servers)}"
        shutil.copytree(folder, root)
        server = start_site_server(root, tmp_path / f"requests{len(servers)}.log")
        servers.append(server)
        return server

    yield serve
    for server in servers:
        server.stop()


@pytest.fixture
def demo_site(serve_site):
    from crawler.demo import SITE_DIR

    return serve_site(SITE_DIR)
