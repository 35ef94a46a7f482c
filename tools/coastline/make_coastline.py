#!/usr/bin/env python3
"""Build src/Seismic.DietGrasp.Plotting/Coastline/ne_50m_land.bin.gz from Natural Earth 1:50m land.

Input: 50m/physical/ne_50m_land.json of martynafford/natural-earth-geojson at commit
0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e (an ogr2ogr conversion of Natural Earth's ne_50m_land
shapefile; Natural Earth is public domain, the conversion repository is CC0).

Output (gzip of little-endian binary, read by Coastlines.cs):
  b"DGCL", uint8 version (1), int32 units per degree (1000), int32 ring count,
  then per ring: varint point count, then per point zigzag-varint deltas of lon, lat in units
  (the first point's deltas are from (0, 0)).
Only outer rings are kept (lakes, the holes, are dropped); each ring is simplified with
Douglas-Peucker at TOLERANCE degrees and kept if it still has 4 points.

Usage: make_coastline.py ne_50m_land.json OUT.bin.gz
"""
import gzip
import json
import struct
import sys

UNITS = 1000        # 0.001 degree: about 110 m, below the 1:50m data's own accuracy (a few km)
TOLERANCE = 0.01    # degrees, about 1 km: invisible on maps of tens of km and more


def simplify(points, tolerance):
    """Douglas-Peucker, iterative."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = 0.0, -1
        for i in range(first + 1, last):
            x, y = points[i]
            if norm == 0:
                d = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            else:
                d = abs(dy * (x - x1) - dx * (y - y1)) / norm
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def varint(value, out):
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return


def zigzag(value):
    return (value << 1) ^ (value >> 63)


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        collection = json.load(f)
    rings = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for polygon in polygons:
            outer = [(p[0], p[1]) for p in polygon[0]]
            # A closed ring: simplify it as two halves so that its first point is not the only anchor.
            half = len(outer) // 2
            ring = simplify(outer[: half + 1], TOLERANCE)[:-1] + simplify(outer[half:], TOLERANCE)
            quantised = []
            for x, y in ring:
                q = (round(x * UNITS), round(y * UNITS))
                if not quantised or quantised[-1] != q:
                    quantised.append(q)
            if len(quantised) >= 4:
                rings.append(quantised)
    body = bytearray(b"DGCL")
    body.append(1)
    body += struct.pack("<ii", UNITS, len(rings))
    points = 0
    for ring in rings:
        varint(len(ring), body)
        px = py = 0
        for x, y in ring:
            varint(zigzag(x - px), body)
            varint(zigzag(y - py), body)
            px, py = x, y
        points += len(ring)
    with gzip.GzipFile(target, "wb", compresslevel=9, mtime=0) as f:
        f.write(bytes(body))
    print(f"{target}: {len(rings)} rings, {points} points, {len(body)} bytes before gzip")


if __name__ == "__main__":
    main()
