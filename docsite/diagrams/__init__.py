"""Diagrams: where each pre-rendered SVG lives and the key that says it is current
(cache.py, read by the build), and the post-processing `make diagrams` applies (svg.py)."""
