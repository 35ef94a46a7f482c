#!/usr/bin/python3
"""Small .npy files written by numpy itself, for the C# reader tests.

    /usr/bin/python3 tools/io/make_npy_fixtures.py
Every file holds np.arange(24).reshape(2, 3, 4) * 0.5 - 3 (or a variant named below).
"""
import os
import numpy as np
from numpy.lib import format as npformat

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "tests", "Seismic.DietGrasp.Tests", "TestData", "IO")
BASE = np.arange(24).reshape(2, 3, 4) * 0.5 - 3


def save(name, array, version=None):
    path = os.path.join(OUT, name)
    with open(path, "wb") as f:
        if version is None:
            np.save(f, array)
        else:
            npformat.write_array(f, array, version=version)


def main():
    os.makedirs(OUT, exist_ok=True)
    save("f4_v1.npy", BASE.astype("<f4"))
    save("f8_v1.npy", BASE.astype("<f8"))
    save("f4_v2.npy", BASE.astype("<f4"), version=(2, 0))
    save("f8_v3.npy", BASE.astype("<f8"), version=(3, 0))
    save("f4_big.npy", BASE.astype(">f4"))
    save("f8_big.npy", BASE.astype(">f8"))
    save("f8_1d.npy", np.array([1.5, -2.25, np.pi]))
    save("f4_scalar.npy", np.float32(7.5).reshape(()))
    save("f4_empty.npy", np.zeros((0, 3), dtype="<f4"))
    save("fortran.npy", np.asfortranarray(BASE.astype("<f8")))
    save("int32.npy", np.arange(6, dtype="<i4"))
    print(sorted(os.listdir(OUT)))


if __name__ == "__main__":
    main()
