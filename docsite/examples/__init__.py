"""The example harness: finding the examples the pages show (harness.py), running
transcripts as one terminal session (transcript.py), comparing through the one normaliser."""
