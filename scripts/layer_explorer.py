"""Write the layer explorer's files from real builds of the images it shows.

Usage: make layers

The images and their builds are docsite/examples/layer_explorer.py's; this
builds each on a lab of its own (containerd image store, the stand-in base
image, the local package index), saves it with `docker save` and writes
docs/explorer/<name>.json and snippets/explorer/<name>.md (docsite/layers/).
"""

import sys

from docsite.engine import lab
from docsite.examples import layer_explorer
from docsite.layers import output
from docsite.paths import ROOT


def main() -> int:
    with lab.lab(pip_index=True) as private:
        for source in layer_explorer.IMAGES:
            output.write(layer_explorer.explore(private.env(), source))
            written = ", ".join(str(p.relative_to(ROOT)) for p in output.paths(source.name))
            print(f"wrote {written}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
