"""Write the worked example's layer diagram from a real build of its app.

Usage: make layers-diagram      (then `make diagrams` renders it to SVG)

The build and the diagram are docsite/examples/layer_diagram.py's; this runs
them on a lab of their own and writes snippets/diagrams/worked-example-layers.mmd.
"""

import sys

from docsite.engine import lab
from docsite.examples import layer_diagram
from docsite.paths import ROOT


def main() -> int:
    with lab.lab(pip_index=True) as private:
        image = layer_diagram.build(private.client, private.env())
        dockerfile = (layer_diagram.APP / "Dockerfile").read_text()
        layer_diagram.TARGET.write_text(layer_diagram.mermaid(private.client, image, dockerfile))
    print(
        f"wrote {layer_diagram.TARGET.relative_to(ROOT)}; now run `make diagrams` and commit both"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
