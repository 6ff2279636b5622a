"""Controls for the example harness (docsite/examples/harness.py): each breaks an example
on purpose, in a scratch copy, and expects the failure the harness promises.
None of them needs Docker: the scripts here print without it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from support.site import build, scratch_copy

from docsite.examples import harness as examples
from docsite.examples import transcript
from docsite.examples.harness import Example, ExampleFailed, OutputChanged, run_python
from docsite.markdown import includes


def script(tmp_path: Path, monkeypatch, text: str) -> Example:
    """`text` as snippets/demo/example.py in a scratch snippets folder."""
    snippets = tmp_path / "snippets"
    (snippets / "demo").mkdir(parents=True)
    (snippets / "demo" / "example.py").write_text(textwrap.dedent(text).lstrip())
    monkeypatch.chdir(tmp_path)
    return Example("demo/example.py", snippets)


GOOD = """
    import uuid

    first, second = uuid.uuid4().hex * 2, uuid.uuid4().hex * 2
    print(first)
    #> {a}
    print(second)
    #> {b}
    print(first)
    #> {a}
"""
A, B = "ab" * 32, "cd" * 32  # two IDs as recorded (any hex; the run prints others)


def test_outputs_are_compared_after_normalising_both_sides(tmp_path, monkeypatch, eval_example):
    run_python(script(tmp_path, monkeypatch, GOOD.format(a=A, b=B)), eval_example, update=False)


def test_which_ids_are_equal_still_counts(tmp_path, monkeypatch, eval_example):
    # Recorded: three different IDs; the run prints the first one twice.
    example = script(tmp_path, monkeypatch, GOOD.format(a=A, b=B).replace(A, "ef" * 32, 1))
    with pytest.raises(OutputChanged, match="demo/example.py"):
        run_python(example, eval_example, update=False)


def test_a_recorded_output_under_a_print_that_never_runs_fails(tmp_path, monkeypatch, eval_example):
    text = """
        leaked = False
        print("checked")
        #> checked
        if leaked:
            print("the token is in the history")
            #> the token is in the history
    """
    with pytest.raises(OutputChanged) as failure:
        run_python(script(tmp_path, monkeypatch, text), eval_example, update=False)
    assert "demo/example.py:6: #> the token is in the history" in str(failure.value)


def test_a_recorded_output_with_no_print_fails(tmp_path, monkeypatch, eval_example):
    text = """
        value = 1 + 1
        #> 2
    """
    with pytest.raises(OutputChanged, match="demo/example.py:2: #> 2"):
        run_python(script(tmp_path, monkeypatch, text), eval_example, update=False)


def test_a_print_with_no_recorded_output_fails(tmp_path, monkeypatch, eval_example):
    with pytest.raises(OutputChanged, match=r"\+#> 2"):
        run_python(script(tmp_path, monkeypatch, "print(1 + 1)\n"), eval_example, update=False)


def test_an_example_that_raises_names_its_line(tmp_path, monkeypatch, eval_example):
    text = """
        print("before")
        #> before
        {}["missing"]
    """
    with pytest.raises(ExampleFailed, match=r"demo/example.py:3: .*\nKeyError: 'missing'"):
        run_python(script(tmp_path, monkeypatch, text), eval_example, update=False)


def test_a_failing_example_fails_its_test_and_the_run_goes_on(tmp_path):
    """A failing example is one failed test with one report: pytest-examples' own
    rewritten tracebacks crash pytest (INTERNALERROR) and stop the whole run."""
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "bad.py").write_text('{}["missing"]\n')
    (tmp_path / "snippets" / "good.py").write_text('print("ok")\n#> ok\n')
    (tmp_path / "test_two.py").write_text(
        textwrap.dedent(
            f"""
            import pytest
            from docsite.examples import harness as examples

            @pytest.mark.parametrize("name", ["bad.py", "good.py"])
            def test_example(name, eval_example):
                snippets = __import__("pathlib").Path({str(tmp_path / "snippets")!r})
                try:
                    example = examples.Example(name, snippets)
                    examples.run_python(example, eval_example, update=False)
                except examples.ExampleFailed as error:
                    pytest.fail(str(error), pytrace=False)
            """
        )
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert "INTERNALERROR" not in result.stdout + result.stderr
    assert "1 failed, 1 passed" in result.stdout, result.stdout[-2000:]
    assert 'bad.py:1: `{}["missing"]`' in result.stdout


def test_update_writes_what_ran_and_leaves_a_failing_example_alone(tmp_path):
    """--update-examples goes through pytest-examples' run_print_update: the file
    gets the outputs of the prints that ran, and loses any other `#>` line."""
    (tmp_path / "snippets").mkdir()
    stale = 'print("now")\n#> then\nif False:\n    print("never")\n    #> never\n'
    (tmp_path / "snippets" / "stale.py").write_text(stale)
    (tmp_path / "snippets" / "bad.py").write_text('print("a")\n#> a\n{}["missing"]\n')
    (tmp_path / "test_update.py").write_text(
        textwrap.dedent(
            f"""
            import pytest
            from docsite.examples import harness as examples

            @pytest.mark.parametrize("name", ["stale.py", "bad.py"])
            def test_example(name, eval_example):
                snippets = __import__("pathlib").Path({str(tmp_path / "snippets")!r})
                examples.run_python(examples.Example(name, snippets), eval_example, update=True)
            """
        )
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--update-examples"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert "1 failed, 1 passed" in result.stdout, result.stdout[-2000:]
    assert (tmp_path / "snippets" / "stale.py").read_text() == (
        'print("now")\n#> now\nif False:\n    print("never")\n'
    )
    assert (tmp_path / "snippets" / "bad.py").read_text() == 'print("a")\n#> a\n{}["missing"]\n'


def test_a_snippet_a_page_includes_is_run_without_being_listed(tmp_path):
    docs, snippets = tmp_path / "docs", tmp_path / "snippets"
    (snippets / "new").mkdir(parents=True)
    docs.mkdir()
    (snippets / "new" / "thing.console").write_text("$ docker ps\n")
    (snippets / "new" / "forgotten.py").write_text("print(1)\n")
    (snippets / "facts").mkdir()
    (snippets / "facts" / "rule.md").write_text('--8<-- "new/via-fragment.console"\n')
    (snippets / "new" / "via-fragment.console").write_text("$ true\n")
    (docs / "page.md").write_text(
        '=== "CLI"\n\n    ```console\n    --8<-- "new/thing.console"\n    ```\n\n'
        '--8<-- "facts/rule.md"\n'
    )
    found = [str(e) for e in examples.discover(docs, snippets)]
    assert found == ["new/thing.console", "new/via-fragment.console"]
    assert examples.unshown(docs, snippets) == ["new/forgotten.py"]


def test_a_moved_debian_says_the_base_image_changed_and_how_to_re_record(tmp_path):
    from docsite.engine import baseimage

    tar, packages = tmp_path / "rootfs.tar", tmp_path / "rootfs.packages"
    tar.write_bytes(b"a root file system")
    packages.write_text("python3.13-minimal\t3.13.5-2\nzlib1g\t1:1.3.dfsg+really1.3.1-1+b1\n")
    lock = tmp_path / "base-image.lock"
    lock.write_text(baseimage.record(tar, packages))
    baseimage.check(tar, packages, lock)  # as recorded: fine
    packages.write_text(packages.read_text().replace("3.13.5-2", "3.13.6-1"))
    with pytest.raises(baseimage.BaseImageChanged) as changed:
        baseimage.check(tar, packages, lock)
    assert "python3.13-minimal 3.13.6-1" in str(changed.value)
    assert "make re-record" in str(changed.value)


# ------------------------------------------------------------ authoring mistakes, one line each
def test_a_missing_include_is_named_by_file_and_line():
    text = '# Page\n\nSome text.\n\n--8<-- "nowhere/none.console"\n'
    assert includes.missing(text, "docs/demo.md") == [
        'docs/demo.md:5: --8<-- "nowhere/none.console": no such file under snippets/'
    ]
    assert examples.missing_includes() == []


def test_the_build_names_a_missing_include_in_one_line(tmp_path):
    project = scratch_copy(tmp_path / "project")
    page = project / "docs" / "faq.md"
    lines = page.read_text().splitlines(keepends=True)
    lines.insert(9, '--8<-- "faq/no-such-example.console"\n')
    page.write_text("".join(lines))
    result = build(tmp_path / "site", project)
    assert result.returncode != 0
    expected = 'docs/faq.md:10: --8<-- "faq/no-such-example.console": no such file under snippets/'
    assert expected in result.stdout.splitlines()[-3], result.stdout[-2000:]
    assert "Traceback" not in result.stdout


def test_a_command_that_hangs_is_named_by_file_and_line(tmp_path):
    steps = transcript.parse("$ true\n$ sleep 30\n", "demo/x.console")
    with pytest.raises(transcript.CommandFailed) as failure:
        transcript.run(steps, cwd=tmp_path, env={}, name="demo/x.console", timeout=0.5)
    assert str(failure.value) == 'snippets/demo/x.console:2: "sleep 30" did not finish in 0.5 s'


def test_a_failing_command_is_named_by_file_and_line(tmp_path):
    steps = transcript.parse("$ echo one\none\n$ ls /nonexistent\n", "demo/x.console")
    with pytest.raises(transcript.CommandFailed) as failure:
        transcript.run(steps, cwd=tmp_path, env={}, name="demo/x.console")
    assert str(failure.value).startswith(
        'snippets/demo/x.console:3: "ls /nonexistent" exited with status 2'
    )


def test_a_malformed_transcript_is_named_by_file_and_line():
    with pytest.raises(transcript.Malformed) as failure:
        transcript.parse("# a note\n$ true\n", "demo/x.console")
    assert str(failure.value).startswith("snippets/demo/x.console:1: output before the first")
