"""Pytest fixtures around the examples' lab (docsite/engine/lab.py).

- `engine`: the private Docker Engine 28 (containerd image store, BuildKit) for
  the session, with the stand-in python:3.13-slim, the local package index and
  registry. Where it cannot run, every test that needs it skips with one line
  saying why (a failure under CI=true). At the end the machine's own Docker is
  checked: what it held before is untouched.
- `classic_engine`: the same on the classic overlay2 store, started on first use.
- `run_example`: runs one example, then returns the engine to its starting state.
- Ctrl-C stops the run with one line; the lab is stopped and deleted on the way out.
"""

from __future__ import annotations

import contextlib
import shutil
import signal
from pathlib import Path

import pytest

from docsite.engine import EngineUnavailable, lab
from docsite.engine.baseimage import BaseImageChanged
from docsite.engine.report import say
from docsite.examples import harness as examples
from docsite.examples import transcript


@contextlib.contextmanager
def lab_or_skip(store: str, **options):
    """lab.started(), with "cannot run here" as one line: a skip, or a failure under CI."""
    try:
        with lab.started(store, **options) as running:
            versions = running.engine.version()
            say(
                f"private engine: Docker Engine {versions['engine']}, containerd "
                f"{versions['containerd']}, {store} store ({running.host})"
            )
            yield running
    except EngineUnavailable as error:
        pytest.skip(str(error))
    except BaseImageChanged as error:
        pytest.fail(str(error), pytrace=False)


@contextlib.contextmanager
def on_the_terminal(request):
    """What the lab says while starting or stopping (whose lock it waits for, what
    an earlier run left) reaches the terminal, not pytest's captured output."""
    capture = request.config.pluginmanager.getplugin("capturemanager")
    with capture.global_and_fixture_disabled():
        yield


@contextlib.contextmanager
def entered(request, context):
    """Enter and leave context with its lines on the terminal; yield what it gives."""
    with contextlib.ExitStack() as stack:
        with on_the_terminal(request):
            value = stack.enter_context(context)
        try:
            yield value
        finally:
            with on_the_terminal(request):
                stack.close()


@contextlib.contextmanager
def engine_session():
    try:
        with lab.session(), lab_or_skip("containerd", registry=True, pip_index=True) as running:
            yield running
    except EngineUnavailable as error:
        pytest.skip(str(error))
    except lab.HostTouched as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def engine(request):
    with entered(request, engine_session()) as running:
        yield running


@pytest.fixture(scope="session")
def classic_engine(request, engine):
    # Inside the session that `engine` holds; started after it, stopped before it.
    with entered(request, lab_or_skip("classic")) as running:
        yield running


class Broken:
    """Fail (not crash) every later example once an engine stops answering."""

    reason: str | None = None


def check_alive(running) -> None:
    if Broken.reason is None:
        try:
            running.client.ping()
        except Exception as error:  # noqa: BLE001 - any failure means it is gone
            log = running.engine.log.read_text(errors="replace").splitlines()[-5:]
            Broken.reason = f"the private engine stopped answering ({error}); its log ends: {log}"
    if Broken.reason:
        pytest.fail(Broken.reason, pytrace=False)


def reset(running) -> None:
    try:
        running.reset()
    except lab.NotClean as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture
def docker_client(engine):
    """A docker-py client for the private engine, for the tests' own checks."""
    check_alive(engine)
    yield engine.client
    reset(engine)


@contextlib.contextmanager
def ctrl_c_stops_the_run():
    """pytest-examples turns a KeyboardInterrupt inside an example into a printed
    line; note Ctrl-C here and stop the whole run after the example returns."""
    pressed = []

    def handler(signum, frame):
        pressed.append(signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed:
        pytest.exit("interrupted (Ctrl-C): stopping the examples' engines", returncode=2)


@pytest.fixture
def run_example(request, tmp_path, monkeypatch):
    """Run one discovered example on the engine its name asks for."""

    def run(example: examples.Example, eval_example=None) -> None:
        running = request.getfixturevalue(
            "classic_engine" if example.store == "classic" else "engine"
        )
        check_alive(running)
        work = tmp_path / "snippets"
        shutil.copytree(examples.SNIPPETS, work, ignore=shutil.ignore_patterns("__pycache__"))
        cwd = work / Path(example.name).parent
        update = request.config.getoption("update_examples")
        failure = None
        with ctrl_c_stops_the_run():
            try:
                if example.kind == "console":
                    examples.run_console(example, cwd=cwd, env=running.env(), update=update)
                else:
                    for key, value in running.env().items():
                        monkeypatch.setenv(key, value)
                    monkeypatch.chdir(cwd)
                    examples.run_python(example, eval_example, update=update)
            except (
                examples.OutputChanged,
                examples.ExampleFailed,
                transcript.CommandFailed,
            ) as error:
                failure = str(error)
        reset(running)
        if failure:  # outside the except block, so the report is this one line
            pytest.fail(failure, pytrace=False)

    return run
