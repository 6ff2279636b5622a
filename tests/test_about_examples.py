"""docs/about-examples.md: the harness every example relies on.

The normaliser and the transcript parser are the two pieces of our own code
between a real run and the page, so they are tested here on their own.
"""

import pytest

from docsite.examples import recorded_with, transcript
from docsite.examples.harness import Normaliser


def test_ids_keep_their_identity_and_width():
    normalise = Normaliser()
    full = "4f5d" + "a" * 60
    other = "b" * 64
    text = f"sha256:{full} {full[:12]} sha256:{other} {full}"
    assert normalise(text) == f"sha256:{'1' * 64} {'1' * 12} sha256:{'2' * 64} {'1' * 64}"


def test_ids_past_fifteen_never_look_like_an_earlier_one():
    normalise = Normaliser()
    ids = [f"{n:064x}" for n in range(1, 40)]
    shown = normalise(" ".join(ids)).split()
    assert len(set(shown)) == len(ids)
    assert shown[0] == "1" * 64 and shown[15] == "10" * 32


def test_fixed_ports_stay_and_colour_codes_go():
    text = '"0.0.0.0:8000" 127.0.0.1:8000 \x1b[91mwarning\x1b[0m'
    assert Normaliser()(text) == '"0.0.0.0:8000" 127.0.0.1:8000 warning'


def test_durations_timestamps_ports_and_big_sizes():
    normalise = Normaliser()
    text = (
        "Up 3 seconds\nExited (0) About a minute ago\n2026-11-28T01:02:03.123456789Z\n"
        "127.0.0.1:49153->8000/tcp\n180MB 1.2GB 9.5MB 0B 12.3kB"
    )
    assert normalise(text) == (
        "Up <duration>\nExited (0) <duration> ago\n<timestamp>\n"
        "127.0.0.1:<port>->8000/tcp\n<size> <size> 9.5MB 0B 12.3kB"
    )


def test_buildkit_timings_and_repeated_progress_lines_are_ignored():
    slow = (
        "#9 [5/6] RUN pip install -r requirements.txt\n#9 0.512 Collecting flask\n#9 DONE 1.9s\n"
        "#11 exporting layers\n#11 exporting layers 0.6s done\n#11 naming to x done\n"
    )
    fast = (
        "#9 [5/6] RUN pip install -r requirements.txt\n#9 0.2 Collecting flask\n#9 DONE 0.4s\n"
        "#11 exporting layers done\n#11 naming to x done\n"
    )
    assert Normaliser()(slow) == Normaliser()(fast)
    # Anything else in a step still counts.
    assert Normaliser()(slow) != Normaliser()(slow.replace("flask", "django"))
    assert Normaliser()(fast) != Normaliser()(fast.replace("[5/6]", "[5/7]"))


def test_transcript_round_trip_with_continuation_lines():
    text = "$ docker run \\\n    --rm alpine\nhello\n\n$ true\n"
    steps = transcript.parse(text)
    assert [s.command for s in steps] == ["docker run \\\n    --rm alpine", "true"]
    assert steps[0].output == ["hello", ""]
    assert transcript.render(steps) == text


def test_transcript_rejects_output_before_a_command():
    with pytest.raises(ValueError):
        transcript.parse("hello\n$ true\n")


# ------------------------------------------------------------------ what recorded the outputs
@pytest.mark.docker
def test_pages_name_the_engine_that_recorded_the_outputs(engine):
    """The versions on About the examples come from the engine, never typed: a
    change of engine/packages.lock without re-recording fails here."""
    assert recorded_with.committed() == recorded_with.fragments(engine.engine.version()), (
        "the engine differs from the one that recorded the outputs: re-record with `make re-record`"
    )


def test_commands_share_one_shell_session(tmp_path):
    """A transcript reads like one terminal: a variable a command sets and the
    directory it moves to are there for the next command."""
    steps = transcript.parse('$ x=$(echo hi)\n$ cd sub\n$ echo "$x from $(basename "$PWD")"\n')
    (tmp_path / "sub").mkdir()
    ran = transcript.run(steps, cwd=tmp_path, env={})
    assert ran[-1].output == ["hi from sub"]


def test_a_command_must_declare_that_it_fails(tmp_path):
    with pytest.raises(transcript.CommandFailed, match="mark it `# fails"):
        transcript.run(transcript.parse("$ exit 3\n"), cwd=tmp_path, env={})
    with pytest.raises(transcript.CommandFailed, match="but is marked `# fails`"):
        transcript.run(transcript.parse("$ true  # fails: it should\n"), cwd=tmp_path, env={})
    transcript.run(transcript.parse("$ false  # fails: as declared\n"), cwd=tmp_path, env={})


def test_a_recording_keeps_the_text_of_coloured_output_not_its_codes(tmp_path):
    """A terminal draws colour codes; a recording (and so a page) has the text."""
    ran = transcript.run(
        transcript.parse("$ printf '\\033[33mwarned\\033[0m done\\n'\n"), cwd=tmp_path, env={}
    )
    assert ran[0].output == ["warned done"]


def test_buildkit_steps_that_ran_at_once_may_come_in_either_order():
    head = '#0 building with "default" instance using docker driver\n\n'
    context = "#{n} [internal] load build context\n#{n} transferring context: 30B done\n\n"
    base = "#{n} [1/2] FROM docker.io/library/x@sha256:{h}\n#{n} DONE 0.1s\n\n"
    tail = "#4 exporting to image\n#4 DONE 0.2s\n$ echo next\nnext\n"
    one = "$ docker build .\n" + head + context.format(n=2) + base.format(n=3, h="ab" * 32) + tail
    two = "$ docker build .\n" + head + base.format(n=2, h="cd" * 32) + context.format(n=3) + tail
    assert Normaliser()(one) == Normaliser()(two)
    # What a step printed still counts, and so does its label.
    assert Normaliser()(one) != Normaliser()(one.replace("30B", "31B"))
    assert Normaliser()(one) != Normaliser()(one.replace("[1/2]", "[1/3]"))


def test_a_step_run_once_per_platform_counts_once():
    both = "#5 [internal] load build context\n#5 transferring context: 58B done\n#5 DONE 0.0s\n"
    both += both.replace("#5", "#6")
    once = both.replace("#6 transferring context: 58B done\n", "")
    assert Normaliser()(both) == Normaliser()(once)


def test_table_columns_may_widen():
    narrow = "NAMES   STATUS\nfirst   Exited (0) 5 seconds ago\n"
    wide = "NAMES   STATUS\nfirst   Exited (0) Less than a second ago\n".replace("   ", "    ")
    assert Normaliser()(narrow) == Normaliser()(wide)
    assert Normaliser()(narrow) != Normaliser()(narrow.replace("first", "other"))


def test_steps_with_one_label_compare_as_a_set_of_lines():
    first = "#5 [internal] load build context\n#5 transferring context: 58B done\n#5 DONE 0.0s\n"
    second = "#6 [internal] load build context\n#6 DONE 0.0s\n"
    assert Normaliser()(first + second) == Normaliser()(
        second.replace("#6", "#5") + first.replace("#5", "#6")
    )


def test_a_step_named_again_when_its_output_resumes_counts_once():
    once = (
        "#1 [internal] load build definition\n#1 transferring dockerfile: 94B done\n#1 DONE 0.0s\n"
    )
    again = (
        "#1 [internal] load build definition\n#1 DONE 0.0s\n\n"
        "#1 [internal] load build definition\n#1 transferring dockerfile: 94B done\n#1 DONE 0.0s\n"
    )
    assert Normaliser()(once) == Normaliser()(again)
    assert Normaliser()(once) != Normaliser()(once.replace("94B", "95B"))
