#!/usr/bin/python3
"""How often a model's call on one minute changes with the sampling rate, on held-out minutes at four rates.

ModelRobustnessTests checks 24 minutes (8 seeds a class) at 50, 100, 128 and 200 Hz and fails on one change; a model
that changes 2% of minutes passes it about three times in five. This measures the same property on TrainingData
`filtered-paired`'s held-out set (seeds 7,000,001.., 100 a class, rows of four rates), from the probabilities that
`dietgrasp classify --spectrograms DIR/test_x.npy --model M.onnx --out P.csv` writes:
    /usr/bin/python3 tools/model/rate_consistency.py DIR/test_y.npy P.csv [P.csv ...]
prints per file the minutes whose most likely class is not the same at all four rates, per true class, and the
accuracy at each rate.
"""
import csv
import sys

import numpy as np

CLASSES = ("earthquake", "tremor", "noise")
RATES = ("50", "100", "128", "200")


def main():
    labels = np.load(sys.argv[1]).astype(int).reshape(-1, len(RATES))[:, 0]
    for path in sys.argv[2:]:
        with open(path) as handle:
            probabilities = np.array([[float(row[c]) for c in CLASSES] for row in csv.DictReader(handle)])
        calls = probabilities.argmax(1).reshape(-1, len(RATES))
        if len(calls) != len(labels):
            raise SystemExit(f"{path}: {len(calls)} minutes, the labels have {len(labels)}")
        changes = (calls != calls[:, :1]).any(1)
        per_class = ", ".join(f"{name} {changes[labels == k].sum()} of {(labels == k).sum()}" for k, name in enumerate(CLASSES))
        accuracy = ", ".join(f"{rate} Hz {(calls[:, i] == labels).mean():.4f}" for i, rate in enumerate(RATES))
        print(f"{path}: the call changes with the rate on {changes.sum()} of {len(changes)} minutes ({per_class}); "
              f"accuracy {accuracy}")


if __name__ == "__main__":
    main()
