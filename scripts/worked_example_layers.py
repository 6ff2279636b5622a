"""Write the worked example's layer diagram from a real build of its app.

Usage: make layers-diagram      (then `make diagrams` renders it to SVG)
       python scripts/worked_example_layers.py --from-record
                                (no Docker: rewrite the diagrams from the
                                 committed record, after a change of wording)

The build and the diagram are docsite/examples/layer_diagram.py's; this runs
them on a lab of their own, records the layers in
snippets/diagrams/worked-example-layers.json and writes the diagram from that
record in each language: worked-example-layers.mmd and worked-example-layers.zh.mmd.
"""

import argparse
import sys

from docsite.examples import layer_diagram
from docsite.paths import ROOT


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--from-record", action="store_true", help="no build: use the committed record"
    )
    args = parser.parse_args()
    if args.from_record:
        layers = layer_diagram.Layers.from_json(layer_diagram.RECORD.read_text())
    else:
        from docsite.engine import lab

        with lab.lab(pip_index=True) as private:
            image = layer_diagram.build(private.client, private.env())
            dockerfile = (layer_diagram.APP / "Dockerfile").read_text()
            layers = layer_diagram.record(private.client, image, dockerfile)
        layer_diagram.RECORD.write_text(layers.to_json())
    written = [] if args.from_record else [layer_diagram.RECORD]
    for language in layer_diagram.LANGUAGES:
        path = layer_diagram.target(language)
        path.write_text(layer_diagram.mermaid(layers, language), encoding="utf-8")
        written.append(path)
    names = ", ".join(str(p.relative_to(ROOT)) for p in written)
    print(f"wrote {names}; now run `make diagrams` and commit them all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
