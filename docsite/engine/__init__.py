"""The examples' lab: a private, pinned Docker Engine and its neighbours.

Everything here runs beside whatever Docker the machine has and never talks
to it: packages.py (the pinned .debs), containerd.py and dockerd.py (the two
daemons, each with its own sockets and state), registry.py and pipindex.py
(what builds and pushes reach), baseimage.py (the stand-in base image),
leftovers.py (what a killed run left), hostcheck.py (proof the machine's own
engines were not touched) and lab.py, the one way to get all of it running.
"""


class EngineUnavailable(Exception):
    """The lab cannot run here; the message says why, in one line."""
