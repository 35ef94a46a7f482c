#!/usr/bin/python3
"""Expected output of `dietgrasp evaluate` for the CLI test, computed here independently of the C# code.

Run with Debian's interpreter (numpy 1.24):
    /usr/bin/python3 tools/evaluate/make_cli_fixture.py
Writes tests/Seismic.DietGrasp.Tests/TestData/Evaluation/:
    values.csv         the channel values v[i] below, one minute a row (the test builds the [12, 73, 71, 3]
                       spectrograms from them, minute i constant per channel, rather than commit 750 KB)
    labels.csv         header `label`, one class per minute
    confusion.csv, metrics.csv, misclassified.csv: what evaluate must write with the test model
                       TestData/DietClassifier/mean-softmax-dynamic.onnx, whose output is
                       softmax(mean over frequency and time) = softmax(v[i]) (computed here in float32)
Conventions (docs/CLI.md): argmax ties to the earlier class; precision/recall 0 when undefined;
ECE over 15 equal-width bins of [0, 1], p = 1 in the last bin; `macro` = means over the classes;
`all` = micro averages (= accuracy) and the top-label (confidence) ECE; numbers with 6 decimals.
"""
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "tests", "Seismic.DietGrasp.Tests", "TestData", "Evaluation")
CLASSES = ["earthquake", "tremor", "noise"]
BINS = 15

# Channel values (multiples of 1/8, so the model's mean is exact) and labels.
# Misclassified rows' probabilities are at least 2e-7 from a 6-decimal rounding edge, so float32
# rounding differences between ONNX Runtime and numpy cannot change the text. Minute 5 is a
# tremor/noise tie (argmax goes to tremor, the earlier class).
V = [(1.0, 0.0, 0.0), (0.75, 0.25, 0.0), (0.0, 0.375, 0.125), (0.0, 0.0, 0.875),
     (0.0, 1.0, 0.0), (0.25, 0.5, 0.5), (0.5, 0.125, 0.25), (0.0, 0.25, 1.0),
     (0.0, 0.0, 1.0), (0.25, 0.125, 0.75), (0.875, 0.0, 0.5), (0.0, 0.5, 0.25)]
LABELS = ["earthquake", "earthquake", "earthquake", "earthquake",
          "tremor", "tremor", "tremor", "tremor",
          "noise", "noise", "noise", "noise"]


def fmt(x):
    return "" if x is None or np.isnan(x) else f"{x:.6f}"


def ece(scores, outcomes):
    n = len(scores)
    total = 0.0
    for b in range(BINS):
        members = [i for i in range(n) if min(BINS - 1, int(np.floor(scores[i] * BINS))) == b]
        if members:
            mean = sum(scores[i] for i in members) / len(members)
            freq = sum(outcomes[i] for i in members) / len(members)
            total += len(members) / n * abs(freq - mean)
    return total


def average_precision(scores, positive):
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    support = sum(positive)
    ap, tp, previous = 0.0, 0, 0.0
    for k, i in enumerate(order):
        tp += positive[i]
        if k + 1 < len(order) and scores[order[k + 1]] == scores[i]:
            continue
        recall = tp / support
        ap += (recall - previous) * (tp / (k + 1))
        previous = recall
    return ap


def main():
    os.makedirs(OUT, exist_ok=True)
    v = np.array(V, dtype=np.float32)
    with open(os.path.join(OUT, "values.csv"), "w") as f:
        f.write("".join(",".join(repr(float(x)) for x in row) + "\n" for row in V))
    with open(os.path.join(OUT, "labels.csv"), "w") as f:
        f.write("label\n" + "".join(label + "\n" for label in LABELS))

    e = np.exp(v - v.max(axis=1, keepdims=True))
    p = (e / e.sum(axis=1, keepdims=True)).astype(np.float32).astype(np.float64)
    truth = [CLASSES.index(label) for label in LABELS]
    predicted = []
    for row in p:
        best = 0
        for c in (1, 2):
            if row[c] > row[best]:
                best = c
        predicted.append(best)
    n = len(truth)

    confusion = np.zeros((3, 3), dtype=int)
    for t, q in zip(truth, predicted):
        confusion[t, q] += 1
    with open(os.path.join(OUT, "confusion.csv"), "w") as f:
        f.write("label," + ",".join(CLASSES) + "\n")
        for t in range(3):
            f.write(CLASSES[t] + "," + ",".join(str(x) for x in confusion[t]) + "\n")

    rows, precisions, recalls, f1s, eces, aps = [], [], [], [], [], []
    for c in range(3):
        tp = confusion[c, c]
        called = confusion[:, c].sum()
        support = confusion[c, :].sum()
        precision = tp / called if called else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores = list(p[:, c])
        positive = [1 if t == c else 0 for t in truth]
        class_ece = ece(scores, positive)
        ap = average_precision(scores, positive)
        precisions.append(precision)
        recalls.append(recall)
        f1s.append(f1)
        eces.append(class_ece)
        aps.append(ap)
        rows.append([CLASSES[c], fmt(precision), fmt(recall), fmt(f1), str(support), fmt(class_ece), fmt(ap)])
    accuracy = sum(1 for t, q in zip(truth, predicted) if t == q) / n
    confidence = [p[i].max() for i in range(n)]
    right = [1 if truth[i] == predicted[i] else 0 for i in range(n)]
    rows.append(["macro", fmt(np.mean(precisions)), fmt(np.mean(recalls)), fmt(np.mean(f1s)), str(n), fmt(np.mean(eces)), fmt(np.mean(aps))])
    rows.append(["all", fmt(accuracy), fmt(accuracy), fmt(accuracy), str(n), fmt(ece(confidence, right)), ""])
    with open(os.path.join(OUT, "metrics.csv"), "w") as f:
        f.write("class,precision,recall,f1,support,ece,average_precision\n")
        f.write("".join(",".join(r) + "\n" for r in rows))

    with open(os.path.join(OUT, "misclassified.csv"), "w") as f:
        f.write("index,label,predicted," + ",".join(CLASSES) + "\n")
        for i in range(n):
            if truth[i] != predicted[i]:
                f.write(f"{i},{CLASSES[truth[i]]},{CLASSES[predicted[i]]}," + ",".join(fmt(x) for x in p[i]) + "\n")


if __name__ == "__main__":
    main()
