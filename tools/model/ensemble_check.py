"""Averages the probabilities of several trained stand-ins on the synthetic held-out windows: per-class accuracy of
each run and of every subset of two or more, and how many held-out minutes every run (or all but one) misses.

Why (onnx/README.md, "What an ensemble says about the target"): it tells whether a class's misses are the variance of
single runs (an average recovers them) or shared by every run (the data or the input, not the training). It also
prints, for each run, the best that any per-class offset of the logits (a choice of thresholds) could do for the
weakest class: an upper bound, fitted on the held-out windows themselves, not a calibration to ship.

Run (the .pt files are train_v2.py's --pt outputs; their widths and first kernel are read from the weights):
  /usr/bin/python3 tools/model/ensemble_check.py DATA_DIR name=weights.pt [name=weights.pt ...]
"""
import itertools
import json
import os
import sys
from collections import Counter

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from diet_standin import CLASSES, load_weights  # noqa: E402
from train_v2 import confusion, logits_of, softmax, synthetic_set  # noqa: E402
from visibility import signal_change  # noqa: E402


def per_class(probabilities, labels):
    matrix = confusion(probabilities.argmax(1), labels)
    return np.round(100 * matrix.diagonal() / matrix.sum(1), 1).tolist()


def best_offsets(probabilities, labels):
    """The largest weakest-class accuracy over offsets of the earthquake and tremor log-probabilities (-2..3 and -2..2
    in steps of 0.1; noise's fixed at 0, since only differences count): (accuracy per class, earthquake offset, tremor offset)."""
    logs = np.log(np.clip(probabilities, 1e-30, None))
    best = None
    for earthquake in np.arange(-2, 3.001, 0.1):
        for tremor in np.arange(-2, 2.001, 0.1):
            matrix = confusion((logs + np.array([earthquake, tremor, 0])).argmax(1), labels)
            accuracy = matrix.diagonal() / matrix.sum(1)
            if best is None or accuracy.min() > best[0].min():
                best = (accuracy, earthquake, tremor)
    return best


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    torch.set_num_threads(2)
    data = sys.argv[1]
    margin = json.load(open(os.path.join(data, "windows", "info.json")))["marginSeconds"]
    x, y, scenarios = synthetic_set(os.path.join(data, "windows"), "test", margin)
    runs = {}
    for spec in sys.argv[2:]:
        name, path = spec.split("=", 1)
        model = load_weights(path)
        runs[name] = softmax(logits_of(model, x), float(model.temperature))
        accuracy, earthquake, tremor = best_offsets(runs[name], y)
        print(f"{name}: {per_class(runs[name], y)}; with the best offsets ({earthquake:+.1f}, {tremor:+.1f}, 0): "
              f"{np.round(100 * accuracy, 1).tolist()}")
    names = list(runs)
    for size in range(2, len(names) + 1):
        for subset in itertools.combinations(names, size):
            print(f"average of {', '.join(subset)}: {per_class(sum(runs[n] for n in subset) / size, y)}")
    wrong = np.array([runs[n].argmax(1) != y for n in names])
    # With DATA_DIR/backgrounds (train_v4.sh's data): the largest pixel change each held-out signal makes (visibility.py).
    backgrounds = os.path.join(data, "backgrounds")
    change = signal_change(x, y, backgrounds, margin) if os.path.isdir(backgrounds) else None
    for k, name in enumerate(CLASSES):
        mask = y == k
        missed_by = wrong[:, mask].sum(0)
        print(f"{name}: held-out minutes by the number of runs that miss them {np.bincount(missed_by, minlength=len(names) + 1).tolist()}")
        shared = np.where(mask & (wrong.sum(0) == len(names)))[0]
        print(f"  missed by every run: {Counter(scenarios[i] for i in shared).most_common()}")
        if change is not None and k < 2:
            print(f"  their signal's largest pixel change: {sorted(round(float(change[i]), 3) for i in shared)}")


if __name__ == "__main__":
    main()
