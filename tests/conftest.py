"""Shared test set-up. Fixtures live in tests/support/, one module per job."""

import os

import pytest
from support.browser import pages, watch  # noqa: F401
from support.docker_env import classic_engine, docker_client, engine, run_example  # noqa: F401
from support.site import *  # noqa: F401,F403

# mkdocs-redirects imports properdocs, which prints a banner containing "WARNING"
# on every `mkdocs build` unless this is set; the strict-build checks would see it.
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

# Under CI a skipped test is a failure: CI has everything installed, so a skip
# would hide a missing engine or browser behind a green run.
IN_CI = os.environ.get("CI") == "true"


# A test that uses one of these fixtures needs Docker (or a browser): marked so
# by what it uses, the fast tier (`make check`) can leave it out.
NEEDS = {
    "docker": {"engine", "classic_engine", "docker_client", "run_example"},
    "browser": {"browser"},
}


def pytest_collection_modifyitems(items):
    for item in items:
        for marker, fixtures in NEEDS.items():
            if fixtures & set(getattr(item, "fixturenames", ())):
                item.add_marker(marker)
    # Tests that start a lab of their own go before any test takes the session's.
    items.sort(key=lambda item: item.get_closest_marker("before_lab") is None)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, which counts as a failure: {report.longrepr}"
    # The browser fixtures read this to screenshot a failed test's pages.
    setattr(item, f"rep_{report.when}", report)
