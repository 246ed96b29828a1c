"""Shared fixtures: a local site server in a subprocess. Helpers live in support/harness.py.
Under pytest-xdist (the README's test command), tests sharing an expensive fixture run in one
worker: see ``pytest_xdist_make_scheduler``."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path

import pytest

from support.harness import SiteServer, start_site_server

# With PYTHONDONTWRITEBYTECODE set (as on our machines), nothing is cached as bytecode: every
# crawl the tests start (a crawl process, its store writer, its extraction worker) compiled the
# project's sources again, ~0.3 s of CPU each, and every xdist worker rewrote every test module.
# Caching is safe with many processes at once (each .pyc is written to a temporary file and
# renamed); the caches go to the git-ignored __pycache__ folders.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# A shell without job control starts a background job (`pytest ... &`, nohup, some CI runners)
# with SIGINT ignored, and an ignored signal stays ignored in every process started from it: the
# crawls the tests stop with Ctrl-C would never see it and the tests would hang. A handler (not an
# ignore) is reset to the default at exec, so each crawl starts with Python's own Ctrl-C.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# Fixtures shared by several test modules live in tests/support and reach the tests from here.
pytest_plugins = ["support.alerts", "support.robots"]


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


# Scheduling under pytest-xdist (`-n 4 --dist loadgroup`). Tests that share a module-scoped
# fixture (a crawled store, a served site, a kill trial's baseline) must run in one worker, or each
# worker builds the fixture again. xdist's own `xdist_group` marks do not work with pytest 9 (they
# rename `item._nodeid`, which pytest 9 no longer reads), so the workers, which see the fixtures,
# write each test's group to a file and our scheduler, in the controlling process, reads it.


def _groups_file(config) -> Path:
    return Path(tempfile.gettempdir()) / f"bulletin-xdist-groups-{os.getpid()}.json"


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    node.workerinput["bulletin_groups"] = str(_groups_file(node.config))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist", "no") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    path = _groups_file(config)

    class SharedFixtureScheduling(LoadScopeScheduling):
        """One work unit per group of tests sharing fixtures, one per test otherwise; units of
        many tests are handed out first (xdist's reordering), then the rest in collection order."""

        groups: dict[str, str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            if self.groups is None:
                self.groups = json.loads(path.read_text()) if path.exists() else {}
            return self.groups.get(nodeid, nodeid)

    return SharedFixtureScheduling(config, log)


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput"):
        _groups_file(config).unlink(missing_ok=True)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """In an xdist worker: the tests of modules that run real processes (crawls, site servers,
    the CLI) go first and the thousands of quick in-process ones last, so that no worker is left
    running a long crawl while the others have stopped; and each test's group is written for the
    scheduler. Fixtures used together by a test join one group; a test that asks for one by name
    (``request.getfixturevalue`` of a parameter) counts as using it."""
    target = getattr(config, "workerinput", {}).get("bulletin_groups")
    if target is None:
        return
    items.sort(key=lambda item: not _runs_processes(item))
    shared = {item: _module_fixtures(item) for item in items}
    parent = {}

    def root(key):
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    for names in shared.values():
        for name in names[1:]:
            parent[root(name)] = root(names[0])
    groups = {item.nodeid: "::".join(root(names[0])) for item, names in shared.items() if names}
    temporary = Path(f"{target}.{os.getpid()}")
    temporary.write_text(json.dumps(groups), encoding="utf-8")
    temporary.replace(target)


_PROCESS_HELPERS = {"run_cli", "start_crawl", "finish_crawl", "start_site_server", "subprocess"}
_PROCESS_FIXTURES = {"serve_site", "demo_site"}


def _runs_processes(item) -> bool:
    module = getattr(item, "module", None)
    return bool(
        _PROCESS_HELPERS & set(vars(module) if module else ())
        or _PROCESS_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def _module_fixtures(item) -> list[tuple[str, str]]:
    """(where, name) of each module- or wider-scoped fixture of our own (tests/ and its modules,
    not pytest's or a plugin's) that ``item`` uses."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return []
    names = set(info.names_closure)
    callspec = getattr(item, "callspec", None)
    if callspec is not None:
        names |= {value for value in callspec.params.values() if isinstance(value, str)}
    found = []
    for name in sorted(names):
        for fixturedef in item.session._fixturemanager.getfixturedefs(name, item) or ():
            if fixturedef.baseid and fixturedef.scope in ("module", "package", "session"):
                found.append((fixturedef.baseid, name))
                break
    return found
