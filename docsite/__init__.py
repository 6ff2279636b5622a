"""Code that the tests, scripts, benchmarks and build hooks share.

Importable from the virtual environment (the Makefile puts the repository root
on its path with a .pth file, as an editable install would), so nothing edits
sys.path.
"""
