#!/usr/bin/env python3
"""Makes land-110m.rings.json, the coastlines `anarchy view` draws under real-world starts, from the npm package
world-atlas 2.0.2 (Natural Earth's 1:110m land, public domain, as TopoJSON; the package is ISC-licensed, see
LICENSE.world-atlas). Each ring is a flat list of longitude, latitude pairs in degrees, rounded to 0.1.

    cd src/Anarchy/View/vendor && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 land.py package/land-110m.json > land-110m.rings.json && rm -r package world-atlas-2.0.2.tgz
"""
import json
import sys


def main(path):
    topo = json.load(open(path))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # delta-encoded, quantized
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices):
        points = []
        for i in indices:
            arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
            points.extend(arc if not points else arc[1:])
        return points

    rings = []
    for geometry in topo["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for indices in polygon:
                flat = []
                for lon, lat in ring(indices):
                    flat += [round(lon, 1), round(lat, 1)]
                rings.append(flat)
    json.dump(rings, sys.stdout, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1])
