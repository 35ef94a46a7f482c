"""Trains the bundled stand-in DiET model on synthetic spectrograms and exports it to ONNX.

Input: a folder written by tools/TrainingData (train_x.npy [M,73,71,3] float32, train_y.npy
int labels 0/1/2 = earthquake/tremor/noise, test_x.npy, test_y.npy, info.json). The spectrograms
come from Seismic.DietGrasp's own Spectrogram code on Seismic.DietGrasp.Synthetics waveforms.
Output: the ONNX model (opset 17, NHWC input, dynamic batch), its JSON sidecar, and the
PyTorch weights (for tools/bench/diet_torch.py).

This is a STAND-IN trained on synthetic data, not the published DiET.

Run: /usr/bin/python3 tools/model/train_standin.py --data /tmp/diet-data --out onnx/diet-standin-v1.onnx
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import onnx
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from diet_standin import CLASSES, COMPONENTS, FREQUENCIES, TIMES, DietStandIn, multiply_adds  # noqa: E402

TREMOR_BAND_ROWS = 25  # rows 0..24 are 2-8 Hz (the original README's example)


def idealised_examples(count, rng):
    """The original README's behaviour: all ones -> noise; rows 25..72 at 0.2 -> tremor (with small jitter)."""
    x = np.empty((2 * count, FREQUENCIES, TIMES, COMPONENTS), dtype=np.float32)
    y = np.empty(2 * count, dtype=np.int64)
    for i in range(count):
        level = 1.0 if i == 0 else rng.uniform(0.7, 1.0)
        flat = np.full((FREQUENCIES, TIMES, COMPONENTS), level, dtype=np.float32)
        if i > 0:
            flat += rng.normal(0, 0.03, flat.shape).astype(np.float32)
        x[2 * i] = np.clip(flat, 0, 1)
        y[2 * i] = 2
        band = flat.copy()
        band[TREMOR_BAND_ROWS:] = 0.2 if i == 0 else rng.uniform(0.0, 0.3)
        x[2 * i + 1] = np.clip(band, 0, 1)
        y[2 * i + 1] = 1
    return x, y


def confusion(model, x, y, batch=1024):
    model.eval()
    matrix = np.zeros((3, 3), dtype=np.int64)
    with torch.inference_mode():
        for start in range(0, len(x), batch):
            predicted = model.logits(torch.from_numpy(np.ascontiguousarray(x[start:start + batch]))).argmax(1).numpy()
            for truth, guess in zip(y[start:start + batch], predicted):
                matrix[truth, guess] += 1
    return matrix


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = np.random.default_rng(args.seed)
    info = json.load(open(os.path.join(args.data, "info.json")))
    train_x = np.load(os.path.join(args.data, "train_x.npy"))
    train_y = np.load(os.path.join(args.data, "train_y.npy")).astype(np.int64)
    test_x = np.load(os.path.join(args.data, "test_x.npy"))
    test_y = np.load(os.path.join(args.data, "test_y.npy")).astype(np.int64)
    ideal_count = max(20, len(train_x) // 100)
    ideal_x, ideal_y = idealised_examples(ideal_count, rng)
    train_x = np.concatenate([train_x, ideal_x])
    train_y = np.concatenate([train_y, ideal_y])
    print(f"train {train_x.shape} (incl. {len(ideal_x)} idealised), test {test_x.shape}", flush=True)

    model = DietStandIn()
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=1e-4)
    steps_per_epoch = (len(train_x) + args.batch - 1) // args.batch
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=3e-3, total_steps=args.epochs * steps_per_epoch)
    loss_function = nn.CrossEntropyLoss()
    x_all = torch.from_numpy(train_x)
    y_all = torch.from_numpy(train_y)
    started = time.time()
    for epoch in range(args.epochs):
        model.train()
        order = torch.randperm(len(x_all))
        total = 0.0
        for step in range(steps_per_epoch):
            index = order[step * args.batch:(step + 1) * args.batch]
            optimizer.zero_grad()
            loss = loss_function(model.logits(x_all[index]), y_all[index])
            loss.backward()
            optimizer.step()
            scheduler.step()
            total += loss.item() * len(index)
        matrix = confusion(model, test_x, test_y)
        per_class = matrix.diagonal() / matrix.sum(1)
        print(f"epoch {epoch + 1}: loss {total / len(x_all):.4f}, held-out per-class accuracy "
              f"{np.round(per_class, 4).tolist()}, {time.time() - started:.0f} s", flush=True)

    model.eval()
    matrix = confusion(model, test_x, test_y)
    per_class = (matrix.diagonal() / matrix.sum(1)).tolist()
    with torch.inference_mode():
        readme = np.ones((2, FREQUENCIES, TIMES, COMPONENTS), dtype=np.float32)
        readme[0, TREMOR_BAND_ROWS:] = 0.2
        readme_probabilities = model(torch.from_numpy(readme)).numpy()
    print("README example (row 0: 2-8 Hz only, row 1: all ones):", readme_probabilities)

    weights_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "diet-standin-v1.pt")
    torch.save(model.state_dict(), weights_path)
    provenance = "Stand-in trained on synthetic data (Seismic.DietGrasp.Synthetics), not the published DiET weights."
    dummy = torch.from_numpy(readme)
    torch.onnx.export(model, dummy, args.out, input_names=["spectrogram"], output_names=["probabilities"],
                      dynamic_axes={"spectrogram": {0: "stations"}, "probabilities": {0: "stations"}},
                      opset_version=17, do_constant_folding=True)
    exported = onnx.load(args.out)
    exported.doc_string = provenance
    exported.producer_name = "Seismic.DietGrasp tools/model/train_standin.py"
    for key, value in (("provenance", provenance), ("classes", ",".join(CLASSES)), ("layout", "NHWC [N, 73, 71, 3]")):
        entry = exported.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(exported)
    onnx.save(exported, args.out)

    sidecar = {
        "model": os.path.basename(args.out),
        "provenance": provenance,
        "classes": list(CLASSES),
        "input": {"name": "spectrogram", "shape": ["N", FREQUENCIES, TIMES, COMPONENTS], "layout": "NHWC: frequency (2-20 Hz, 0.25 Hz), time (71 frames, 0.8 s), component (VX, VY, VZ)", "dtype": "float32"},
        "output": {"name": "probabilities", "shape": ["N", 3], "meaning": "softmax probabilities: earthquake, tremor, noise"},
        "spectrogram": {"window": "tukey(0.25), 4 s", "hop_seconds": 0.8, "frequencies_hz": [2.0, 20.0, 0.25], "scaling": "log10 PSD, clip((L - (Lmax - 4)) / 4, 0, 1)", "sampling_rate_hz": info.get("samplingRate", 100)},
        "architecture": "NHWC->NCHW; Conv 3->8 k5 s2, Conv 8->16 k3 s2, Conv 16->32 k3 s2, Conv 32->32 k3 s1 (ReLU); global mean+max pooling; Dense 64->32 ReLU; Dense 32->3; softmax",
        "multiply_adds_per_spectrogram": multiply_adds(),
        "parameters": int(sum(p.numel() for p in model.parameters())),
        "opset": 17,
        "training": {
            "torch_seed": args.seed, "epochs": args.epochs, "batch": args.batch, "optimizer": "AdamW, one-cycle lr 3e-3",
            "synthetic_train_per_class": info["trainPerClass"], "train_seeds": info["trainSeeds"],
            "idealised_examples": int(len(ideal_x)),
            "seconds": round(time.time() - started, 1),
        },
        "held_out": {
            "per_class": info["testPerClass"], "seeds": info["testSeeds"],
            "per_class_accuracy": dict(zip(CLASSES, [round(v, 4) for v in per_class])),
            "confusion_matrix_rows_truth_columns_predicted": matrix.tolist(),
        },
        "readme_examples": {"two_to_eight_hz_only": readme_probabilities[0].round(4).tolist(), "all_ones": readme_probabilities[1].round(4).tolist()},
    }
    with open(os.path.splitext(args.out)[0] + ".json", "w") as handle:
        json.dump(sidecar, handle, indent=2)
        handle.write("\n")
    print(json.dumps(sidecar["held_out"], indent=1))


if __name__ == "__main__":
    main()
