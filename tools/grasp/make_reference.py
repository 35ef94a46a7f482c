#!/usr/bin/python3
"""Reference data for the GrASP geodesy tests, from pyproj (Debian's /usr/bin/python3, pyproj 3.4).

Writes, under tests/Seismic.DietGrasp.Tests/TestData/Grasp/:
  distances.csv    lat1,lon1,lat2,lon2,s12_m: Geod(ellps='WGS84').inv distances, S-net pairs and hard cases
  projections.csv  epsg,lat,lon,x,y: Transformer.from_crs(4326, epsg, always_xy=True)
  Stadis_array_original.csv  the S-net N x N distance matrix in km (no header), also the sample's copy
Run from the repository root: /usr/bin/python3 tools/grasp/make_reference.py
"""
import csv
import os

import numpy as np
import pyproj

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "Seismic.DietGrasp.Tests", "TestData", "Grasp")
STATIONS = os.path.join(ROOT, "samples", "Data", "Station_info.csv")

geod = pyproj.Geod(ellps="WGS84")
names, lats, lons = [], [], []
with open(STATIONS) as f:
    reader = csv.reader(f)
    next(reader)
    for name, lat, lon in reader:
        names.append(name)
        lats.append(float(lat))
        lons.append(float(lon))
lats = np.array(lats)
lons = np.array(lons)
n = len(names)

# Distance matrix, km
i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
_, _, d = geod.inv(lons[i.ravel()], lats[i.ravel()], lons[j.ravel()], lats[j.ravel()])
D = (np.asarray(d) / 1000).reshape(n, n)
for path in (os.path.join(OUT, "Stadis_array_original.csv"), os.path.join(ROOT, "samples", "Data", "Stadis_array_original.csv")):
    np.savetxt(path, D, delimiter=",", fmt="%.17g")

rng = np.random.default_rng(20260124)
pairs = []
for _ in range(60):
    a, b = rng.integers(0, n, 2)
    pairs.append((lats[a], lons[a], lats[b], lons[b]))
hard = [
    (0, 0, 0, 180),                 # antipodal on the equator
    (0, 0, 0, 179.5),               # equatorial, nearly antipodal
    (0, 0, 0, 179.9),
    (0.5, 0, -0.5, 179.7),          # nearly antipodal (astroid start)
    (30, 0, -30, 179.9),
    (-41.32, 174.81, 40.96, -5.50), # Karney's example
    (89.9, 10, -89.9, -170),        # through the poles
    (90, 0, -90, 0),                # pole to pole
    (90, 0, 45, 123),               # from a pole
    (-90, 30, -89.999, -150),
    (0, 10, 0, 20),                 # equator
    (0, -179.5, 0, 179.5),          # equator across the antimeridian
    (10, 45, 60, 45),               # meridian
    (-70, 45, 70, -135),            # meridian over a pole
    (38.0, 142.0, 38.0, 142.0),     # same point
    (38.0, 142.0, 38.0, 142.00000001),  # ~1 mm
    (38.0, 142.0, 38.0000001, 142.0),   # ~1 cm
    (38.0, 142.0, 38.00001, 142.00001), # ~1.4 m
    (35.0, 140.0, 35.0005, 140.0004),   # ~65 m
    (48.522876735459, 0, -48.52287673545898293, 179.599720456223079643),
    (56.320923501171, 0, -56.320923501171, 179.664747671772880215),
    (88.202499451857, 0, -88.202499451857, 179.981022032992859592),
    (36.0, 141.0, 41.0, 145.0),
    (-33.9, 18.4, 35.7, 139.7),
    (0.0, 0.0, 0.0, 0.0),
    (1e-10, 0, -1e-10, 180),
]
rows = pairs + hard
with open(os.path.join(OUT, "distances.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["lat1", "lon1", "lat2", "lon2", "s12_m"])
    for lat1, lon1, lat2, lon2 in rows:
        _, _, s = geod.inv(lon1, lat1, lon2, lat2)
        w.writerow([repr(float(lat1)), repr(float(lon1)), repr(float(lat2)), repr(float(lon2)), repr(float(s))])

points = [
    (32654, 38.0, 142.0), (32654, 35.8968, 141.0535), (32654, 41.2, 144.5), (32654, 38.0, 138.1),
    (32601, 60.0, -177.0), (32631, 51.5, 0.1), (32633, 0.0, 15.0), (32660, 10.0, 178.0), (32618, 40.7, -74.0),
    (32701, -14.3, -170.7), (32721, -34.6, -58.4), (32733, -33.9, 18.4), (32756, -33.9, 151.2), (32760, -41.3, 174.8),
    (32755, -37.8, 144.9), (32654, 0.5, 141.0), (32754, -0.5, 141.0), (32655, 70.0, 150.0),
]
with open(os.path.join(OUT, "projections.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["epsg", "lat", "lon", "x", "y"])
    for epsg, lat, lon in points:
        t = pyproj.Transformer.from_crs(4326, epsg, always_xy=True)
        x, y = t.transform(lon, lat)
        w.writerow([epsg, repr(lat), repr(lon), repr(float(x)), repr(float(y))])
print("pyproj", pyproj.__version__, "proj", pyproj.proj_version_str)
