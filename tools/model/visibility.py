"""How much of each held-out earthquake and tremor reaches the model's input, and what the models miss.

For every held-out synthetic window (tools/TrainingData `windows`, seeds 1,000,001..) the same window
without its earthquake or tremor (tools/TrainingData `backgrounds`: SyntheticTrainingWindow.GenerateWithoutSignal,
the same noise, glitches, gains and offsets) goes through the same filter, minute cut and scaled spectrogram
(train_v2.synthetic_set). The signal's trace in the input is the largest change of any pixel (the scaled
spectrogram runs 0..1 over 4 decades of power, so 0.05 is 0.2 decades, a factor 1.6). A minute whose signal
changes no pixel by more than a threshold carries no usable trace of it: the 4-decade scaling of a louder
glitch or noise has put it under the floor, and no model reading the spectrogram can label it.

  /usr/bin/python3 tools/model/visibility.py WINDOWS_DIR BACKGROUNDS_DIR MODEL.pt [MODEL.pt ...]
prints, per model, the held-out accuracy per class on all minutes and on minutes whose signal changes a
pixel by at least 0.05, 0.1 and 0.2, and the misses by change.
"""
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import train_v2  # noqa: E402
from diet_standin import CLASSES, load_weights  # noqa: E402

THRESHOLDS = (0.05, 0.1, 0.2)


def signal_change(x, y, backgrounds, margin):
    """Per held-out spectrogram x (labels y), the largest change of any pixel that its signal makes: x against the same
    window without its signal (BACKGROUNDS_DIR, in the same order); 0 for noise."""
    b, by, _ = train_v2.synthetic_set(backgrounds, "test", margin)
    assert np.array_equal(y, by), "the two sets are not in the same order"
    noise = y == 2
    assert np.array_equal(x[noise], b[noise]), "noise windows differ: the generator changed since the held-out set was made"
    return np.abs(x - b).reshape(len(x), -1).max(axis=1)


def main():
    windows, backgrounds, models = sys.argv[1], sys.argv[2], sys.argv[3:]
    torch.set_num_threads(2)
    x, y, scenarios = train_v2.synthetic_set(windows, "test", 20)
    change = signal_change(x, y, backgrounds, 20)
    print(f"{len(x)} held-out minutes; the signal's largest pixel change, quantiles 1/5/10/50%:")
    for k, name in enumerate(CLASSES[:2]):
        values = change[y == k]
        print(f"  {name}: {np.round(np.quantile(values, [0.01, 0.05, 0.1, 0.5]), 3).tolist()}; "
              + ", ".join(f"under {t}: {(values < t).sum()}" for t in THRESHOLDS))
    for path in models:
        model = load_weights(path)
        p = train_v2.softmax(train_v2.logits_of(model, x), float(model.temperature))
        predicted = p.argmax(1)
        print(f"\n{path}")
        for k, name in enumerate(CLASSES):
            mine = y == k
            row = [f"all {np.mean(predicted[mine] == k):.4f} ({(predicted[mine] != k).sum()} missed of {mine.sum()})"]
            for t in THRESHOLDS:
                kept = mine & ((change >= t) | (y == 2))
                row.append(f">= {t}: {np.mean(predicted[kept] == k):.4f} ({(predicted[kept] != k).sum()} of {kept.sum()})")
            print(f"  {name}: " + "; ".join(row))
        for k, name in enumerate(CLASSES[:2]):
            missed = np.flatnonzero((y == k) & (predicted != k))
            print(f"  missed {name}: pixel change " + ", ".join(f"{change[i]:.3f}" for i in missed[np.argsort(change[missed])]))
        print("  missed noise: " + ", ".join(f"{scenarios[i]} -> {CLASSES[predicted[i]]}" for i in np.flatnonzero((y == 2) & (predicted != 2))))


if __name__ == "__main__":
    main()
