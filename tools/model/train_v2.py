"""Trains the stand-in DiET model v2, calibrates it and exports onnx/diet-standin-v2.onnx + sidecar.

Data (see onnx/README.md, "diet-standin-v2"):
- synthetic windows of tools/TrainingData `windows` mode (Seismic.DietGrasp.Synthetics
  SyntheticTrainingWindow: field-like ocean-bottom, land and town noise, glitches, micro to strong
  earthquakes, continuous and bursty tremor; 50/100/125/200 Hz), filtered here as the pipeline does
  (zero-phase 1 Hz high-pass on the window, minute cut 20 s from its edges);
- legacy synthetic minutes (tools/TrainingData default mode, v1's generator, NOT high-passed), so
  that spectrograms made without the pipeline's filter are still read sensibly;
- real records (../shared/data real-earthquakes, real-noise), split by station (v2_data), the
  training stations augmented (positions, rates, gains, real noise under real events);
- the original README's idealised examples (all ones -> noise; rows 25.. at 0.2 -> tremor).
Calibration: one temperature dividing the logits, fitted (NLL) on the validation set (synthetic
held-out + real validation stations), exported inside the graph.

Run (tools/model/train_v2.sh does everything):
  /usr/bin/python3 tools/model/train_v2.py --data DATA_DIR --out onnx/diet-standin-v2.onnx
"""
import argparse
import glob
import json
import os
import sys
import time

import numpy as np
import onnx
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
# --paired: the weight of the four-rate minutes' own cross-entropy beside the consistency term (v8).
PAIRED_CROSS_ENTROPY_WEIGHT = 0.5
sys.path.insert(0, HERE)
import v2_data  # noqa: E402
import v2_real  # noqa: E402
from diet_standin import CLASSES, DietStandIn, DietStandInV2, load_weights, multiply_adds  # noqa: E402
from train_standin import TREMOR_BAND_ROWS, idealised_examples  # noqa: E402


# Every data source of v2 (the card's provenance; details in ../shared/data/*/README.md).
DATA_SOURCES = {
    "synthetic": "Seismic.DietGrasp.Synthetics SyntheticTrainingWindow (tools/TrainingData windows) and SyntheticStationMinute (legacy, unfiltered)",
    "real_earthquakes": "../shared/data/real-earthquakes: NCEDC waveforms via AI4EPS/DeepDenoiser @ b3c98f95857d06502d2e22cfeed2a4f859085acc, Dataset/train/*.npz; label: catalogue local events, P at 30 s",
    "real_noise": "../shared/data/real-noise: congcy/ELEP @ 2f3f22a9 (PB.B204, UW.SHW; BSD-3-Clause), fjornelas/hvsrprocpy @ c7a8197f (NX.USC6; GPL-3.0), "
                  "srivastavaresearchgroup/SAIPy @ 3d9105f5 (PR.PR34; GPL-3.0), alirezaniki/OBSTransformer @ f11ff440 (ocean-bottom noise samples; MIT); "
                  "label: catalogue/detector/eye checks or the dataset's own noise label (windows.csv rationale)",
    "idealised": "the original DiET README's two examples (all ones -> noise; rows 25.. at 0.2 -> tremor)",
}


def synthetic_set(folder, name, margin):
    """Spectrograms of every {name}_{fs}hz.npy window file (cached as {name}_{fs}hz_spec.npy)."""
    xs, ys, scenarios = [], [], []
    for path in sorted(glob.glob(os.path.join(folder, f"{name}_*hz.npy"))):
        if path.endswith("_y.npy") or path.endswith("_spec.npy"):
            continue
        fs = float(os.path.basename(path)[len(name) + 1:-len("hz.npy")])
        cache = path[:-4] + "_spec.npy"
        if not os.path.exists(cache):
            started = time.time()
            windows = np.load(path, mmap_mode="r")
            np.save(cache, v2_data.spectrograms_of_windows(windows, fs, margin))
            print(f"  {os.path.basename(path)}: {len(windows)} spectrograms in {time.time() - started:.0f} s", flush=True)
        xs.append(np.load(cache))
        ys.append(np.load(path[:-4] + "_y.npy").astype(np.int64))
        with open(path[:-4] + ".csv") as handle:
            scenarios += [line.rstrip("\n").split(",", 2)[2] for line in list(handle)[1:]]
    return np.concatenate(xs), np.concatenate(ys), scenarios


def logits_of(model, x, batch=1024):
    model.eval()
    out = []
    with torch.inference_mode():
        for start in range(0, len(x), batch):
            out.append(model.logits(torch.from_numpy(np.ascontiguousarray(x[start:start + batch], dtype=np.float32))))
    return torch.cat(out).numpy().astype(np.float64)


def softmax(logits, temperature=1.0):
    z = logits / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_temperature(logits, labels):
    """The temperature that minimises the negative log-likelihood (grid, then refined)."""
    def nll(t):
        p = softmax(logits, t)
        return -np.mean(np.log(np.maximum(p[np.arange(len(labels)), labels], 1e-12)))
    grid = np.exp(np.linspace(np.log(0.2), np.log(20), 201))
    best = grid[np.argmin([nll(t) for t in grid])]
    fine = np.linspace(best * 0.97, best * 1.03, 61)
    return float(fine[np.argmin([nll(t) for t in fine])])


def ece_per_class(probabilities, labels, bins=15):
    """Expected calibration error of each class's probability (one-vs-rest, equal-width bins)."""
    out = {}
    for k, name in enumerate(CLASSES):
        p = probabilities[:, k]
        hit = (labels == k).astype(np.float64)
        edges = np.linspace(0, 1, bins + 1)
        which = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
        total = 0.0
        for b in range(bins):
            mask = which == b
            if mask.any():
                total += mask.sum() * abs(p[mask].mean() - hit[mask].mean())
        out[name] = round(total / len(p), 4)
    return out


def confusion(predicted, labels):
    matrix = np.zeros((3, 3), dtype=np.int64)
    for truth, guess in zip(labels, predicted):
        matrix[truth, guess] += 1
    return matrix


def real_figures(probabilities, labels, groups):
    """Per validation group: minutes, and the share called earthquake / tremor / noise (argmax)."""
    predicted = probabilities.argmax(1)
    out = {}
    for group in sorted(set(groups)):
        mask = np.array([g == group for g in groups])
        counts = np.bincount(predicted[mask], minlength=3)
        out[group] = {"minutes": int(mask.sum()), **{name: int(c) for name, c in zip(CLASSES, counts)}}
    return out


def summarise_real(probabilities, labels, groups):
    """Earthquake recall overall and by P position; noise false alarms per source (argmax earthquake or tremor)."""
    predicted = probabilities.argmax(1)
    groups = np.array(groups)
    quake = labels == 0
    summary = {"earthquake_recall": round(float((predicted[quake] == 0).mean()), 4), "earthquake_minutes": int(quake.sum())}
    for position in sorted({g.split(" (")[0] for g in groups[quake]}):
        mask = np.array([g.split(" (")[0] == position for g in groups])
        summary[f"recall, {position}"] = round(float((predicted[mask] == 0).mean()), 4)
    acc = np.array(["accelerometer" in g for g in groups]) & quake
    summary["recall, accelerometers"] = round(float((predicted[acc] == 0).mean()), 4)
    summary["recall, velocity sensors"] = round(float((predicted[quake & ~acc] == 0).mean()), 4)
    noise = labels == 2
    summary["noise_false_alarms"] = f"{int((predicted[noise] != 2).sum())} of {int(noise.sum())}"
    for source in sorted({" ".join(g.split(" ")[1:-1]) for g in groups[noise]}):
        mask = np.array([g.startswith("noise " + source + " ") for g in groups])
        summary[f"false alarms, {source}"] = f"{int((predicted[mask] != 2).sum())} of {int(mask.sum())}"
    return summary


def retag(value, tag):
    """The sidecar with every "v2..." key renamed "{tag}..." (the script names the model it trains v2 by default)."""
    if isinstance(value, dict):
        return {(tag + k[2:] if k.startswith("v2") else k): retag(v, tag) for k, v in value.items()}
    return value


def gain_augment(x, share, low=0.25, high=4.0):
    """Random per-component gains on scaled spectrograms [B, 73, 71, 3] (values (L - (Lmax - 4)) / 4).

    A gain g on one component adds 2 log10(g) decades to its log-PSD; the minute's maximum moves with
    the loudest component. Values above the floor are shifted exactly; pixels already at 0 (more than
    4 decades under the maximum) stay 0, which is exact where the component's gain does not rise
    relative to the new maximum and a lower bound where it does. v2's per-component gains were 0.5-2
    on the waveforms; 0.3-3 turned strong earthquakes to noise (ModelRobustnessTests)."""
    pick = torch.rand(x.shape[0]) < share
    if not bool(pick.any()):
        return x
    xs = x[pick]
    decades = torch.empty(xs.shape[0], 1, 1, 3).uniform_(np.log10(low), np.log10(high)) * 2.0 / 4.0
    component_max = xs.amax(dim=(1, 2), keepdim=True)
    new_max = (component_max + decades).amax(dim=3, keepdim=True)
    shifted = torch.where(xs > 0, (xs + decades - (new_max - 1.0)).clamp(0.0, 1.0), xs)
    out = x.clone()
    out[pick] = shifted
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True, help="folder with windows/ (TrainingData windows) and legacy/ (TrainingData default mode)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--per-event", type=int, default=30, help="augmented training minutes per real training event")
    parser.add_argument("--real-repeat", type=int, default=1, help="draw each real training record this many times as often (minutes per event and per noise record): keeps the real records' share when the synthetic windows grow")
    parser.add_argument("--extra-noise", action="append", default=[], help="PATH.npy,FS,NAME,REPEATS: more real noise minutes ([M, 3, 60 FS]) for training, drawn REPEATS times each as the shared training noise is (repeatable)")
    parser.add_argument("--extra-noise-source", default="", help="with --extra-noise: where those minutes come from (repository @ commit, licence, label rationale), written into the sidecar's data_sources and the provenance")
    parser.add_argument("--synthetic-fraction", type=float, default=1.0, help="share of the synthetic training windows used (a quicker run)")
    parser.add_argument("--filtered", help="v3: folder of tools/TrainingData `filtered` (v1's minutes through the pipeline's per-minute preprocessing at 50-200 Hz)")
    parser.add_argument("--gain-augment", type=float, default=0.0, help="v3: share of each batch given random per-component gains (0.25-4, on the spectrogram)")
    parser.add_argument("--init", help="start from these weights (a DietStandInV2 .pt, e.g. tools/model/diet-standin-v2.pt): fine-tuning")
    parser.add_argument("--lr", type=float, default=3e-3, help="peak learning rate of the one-cycle schedule")
    parser.add_argument("--tag", default="v2", help="model name in the sidecar and the .pt file (v2, v3)")
    parser.add_argument("--pt", help="where the PyTorch weights go (default tools/model/diet-standin-{tag}.pt)")
    parser.add_argument("--extra-windows", action="append", default=[], help="v5: a folder of tools/TrainingData `scenarios` windows added to the synthetic training windows (repeatable)")
    parser.add_argument("--widths", default="8,16,32,32", help="output channels of the four convolutions (v1/v2: 8,16,32,32)")
    parser.add_argument("--first-kernel", type=int, default=5, help="size of the first convolution (v1-v4: 5)")
    parser.add_argument("--teachers", default="", help="comma-separated DietStandInV2 .pt files (any width): distil the average of their softened probabilities into the model")
    parser.add_argument("--distill-weight", type=float, default=0.5, help="with --teachers: share of the loss from the teachers (the rest from the labels)")
    parser.add_argument("--distill-temperature", type=float, default=2.0, help="with --teachers: temperature that softens teachers' and student's logits in the teachers' term")
    parser.add_argument("--swa-epochs", type=int, default=0, help="after the one-cycle epochs, this many more at the constant --swa-lr, the weights averaged every half epoch (stochastic weight averaging; batch-norm statistics recomputed on the training set)")
    parser.add_argument("--paired", help="v8: folder of tools/TrainingData `filtered-paired` (every minute at 50/100/128/200 Hz, rows of four): each step adds --paired-groups such minutes at all four rates, with their cross-entropy and a loss for differing between the rates")
    parser.add_argument("--paired-groups", type=int, default=16, help="with --paired: minutes (of four rates each) per step")
    parser.add_argument("--consistency-weight", type=float, default=1.0, help="with --paired: weight of the mean KL divergence of each rate's probabilities from the four rates' mean")
    parser.add_argument("--swa-lr", type=float, default=3e-4, help="with --swa-epochs: the constant learning rate of the averaging epochs")
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = np.random.default_rng(args.seed)
    started = time.time()

    info = json.load(open(os.path.join(args.data, "windows", "info.json")))
    margin = info["marginSeconds"]
    print("synthetic windows -> spectrograms", flush=True)
    syn_x, syn_y, _ = synthetic_set(os.path.join(args.data, "windows"), "train", margin)
    extra_info = []
    for folder in args.extra_windows:
        extra_x, extra_y, _ = synthetic_set(folder, "train", margin)
        syn_x, syn_y = np.concatenate([syn_x, extra_x]), np.concatenate([syn_y, extra_y])
        extra_info.append(json.load(open(os.path.join(folder, "info.json"))))
        del extra_x
    test_x, test_y, test_scenarios = synthetic_set(os.path.join(args.data, "windows"), "test", margin)
    legacy_info = json.load(open(os.path.join(args.data, "legacy", "info.json")))
    legacy_x = np.load(os.path.join(args.data, "legacy", "train_x.npy"))
    legacy_y = np.load(os.path.join(args.data, "legacy", "train_y.npy")).astype(np.int64)
    legacy_test_x = np.load(os.path.join(args.data, "legacy", "test_x.npy"))
    legacy_test_y = np.load(os.path.join(args.data, "legacy", "test_y.npy")).astype(np.int64)

    print("real records", flush=True)
    waveforms, stations, validation, accelerometer, chosen, _ = v2_data.load_earthquakes()
    noise = v2_data.load_noise()
    noise_repeats = {"ocean-bottom": 40, "urban USC6": 40, "borehole B204": 8}
    for spec in args.extra_noise:
        path, fs, name, repeats = spec.split(",")
        minutes = np.load(path)
        noise += [(m.astype(np.float64), float(fs), name, "extra:" + name, row, False) for row, m in enumerate(minutes)]
        noise_repeats[name] = int(repeats)
    real_x, real_y, real_kinds = v2_real.training_examples(
        waveforms, validation, noise, rng, per_event=args.per_event * args.real_repeat,
        noise_repeats=noise_repeats, repeat=args.real_repeat)
    val_x, val_y, val_groups = v2_real.validation_examples(waveforms, validation, accelerometer, noise)
    print(f"real training {real_x.shape} ({np.bincount(real_y, minlength=3).tolist()}), validation {val_x.shape}, "
          f"{time.time() - started:.0f} s", flush=True)

    if args.synthetic_fraction < 1:
        keep = np.sort(rng.permutation(len(syn_x))[:int(args.synthetic_fraction * len(syn_x))])
        syn_x, syn_y = syn_x[keep], syn_y[keep]
    ideal_x, ideal_y = idealised_examples(max(20, len(syn_x) // 100), rng)
    filtered_x = np.zeros((0, 73, 71, 3), dtype=np.float32)
    filtered_y = np.zeros(0, dtype=np.int64)
    filtered_test_x, filtered_test_y, filtered_info = filtered_x, filtered_y, None
    if args.filtered:
        filtered_info = json.load(open(os.path.join(args.filtered, "info.json")))
        filtered_x = np.load(os.path.join(args.filtered, "train_x.npy"))
        filtered_y = np.load(os.path.join(args.filtered, "train_y.npy")).astype(np.int64)
        filtered_test_x = np.load(os.path.join(args.filtered, "test_x.npy"))
        filtered_test_y = np.load(os.path.join(args.filtered, "test_y.npy")).astype(np.int64)
    train_x = np.concatenate([syn_x, legacy_x, filtered_x, real_x, ideal_x]).astype(np.float16)
    train_y = np.concatenate([syn_y, legacy_y, filtered_y, real_y, ideal_y])
    del syn_x, legacy_x
    counts = np.bincount(train_y, minlength=3)
    print(f"train {train_x.shape}, per class {counts.tolist()}", flush=True)

    widths = tuple(int(w) for w in args.widths.split(","))
    model = DietStandInV2(widths, args.first_kernel)
    if args.init:
        model.load_state_dict(torch.load(args.init))
        model.temperature.fill_(1.0)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    steps_per_epoch = (len(train_x) + args.batch - 1) // args.batch
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, total_steps=args.epochs * steps_per_epoch)
    # Balance the classes (tremor has no real examples), and weigh real records up: they are few.
    class_weight = torch.tensor(counts.sum() / (3.0 * counts), dtype=torch.float32)
    sample_weight = np.ones(len(train_y), dtype=np.float32)
    real_first = len(train_y) - len(real_y) - len(ideal_y)
    sample_weight[real_first:real_first + len(real_y)] = 2.0
    loss_function = nn.CrossEntropyLoss(weight=class_weight, reduction="none")
    teachers = []
    for path in filter(None, args.teachers.split(",")):
        teachers.append(load_weights(path))
    paired_x = paired_y = None
    if args.paired:
        paired_x = torch.from_numpy(np.load(os.path.join(args.paired, "train_x.npy")).astype(np.float16))
        paired_y = torch.from_numpy(np.load(os.path.join(args.paired, "train_y.npy")).astype(np.int64))
        print(f"paired {tuple(paired_x.shape)} ({len(paired_x) // 4} minutes at four rates)", flush=True)
    x_all = torch.from_numpy(train_x)
    y_all = torch.from_numpy(train_y)
    w_all = torch.from_numpy(sample_weight)

    def progress():
        """The model's per-class accuracy on the synthetic held-out windows and its real validation figures, as printed."""
        matrix = confusion(logits_of(model, test_x).argmax(1), test_y)
        real = summarise_real(softmax(logits_of(model, val_x)), val_y, val_groups)
        return (f"synthetic held-out per class {np.round(matrix.diagonal() / matrix.sum(1), 4).tolist()}, "
                f"real recall {real['earthquake_recall']}, noise false alarms {real['noise_false_alarms']}")

    train_started = time.time()
    averaged, snapshots = None, 0
    for epoch in range(args.epochs + args.swa_epochs):
        model.train()
        order = torch.randperm(len(x_all))
        total = 0.0
        averaging = epoch >= args.epochs
        if averaging:
            for group in optimizer.param_groups:
                group["lr"] = args.swa_lr
        for step in range(steps_per_epoch):
            index = order[step * args.batch:(step + 1) * args.batch]
            optimizer.zero_grad()
            batch_x = x_all[index].float()
            if args.gain_augment > 0:
                batch_x = gain_augment(batch_x, args.gain_augment)
            logits = model.logits(batch_x)
            losses = loss_function(logits, y_all[index])
            if teachers:
                # The teachers see the same (augmented) batch; their softened probabilities averaged, KL to the student's.
                t = args.distill_temperature
                with torch.no_grad():
                    target = sum(torch.softmax(teacher.logits(batch_x) / t, dim=1) for teacher in teachers) / len(teachers)
                soft = (target * (torch.log(target.clamp_min(1e-12)) - torch.log_softmax(logits / t, dim=1))).sum(1) * t * t
                losses = (1 - args.distill_weight) * losses + args.distill_weight * soft
            loss = (losses * w_all[index]).mean()
            if paired_x is not None:
                # One minute at four rates: each rate's cross-entropy, and the KL divergence of each rate's
                # probabilities from the four's mean, so that a change of rate does not change the call.
                groups = torch.randint(0, len(paired_x) // 4, (args.paired_groups,))
                rows = (groups[:, None] * 4 + torch.arange(4)[None, :]).reshape(-1)
                paired_logits = model.logits(paired_x[rows].float())
                log_p = torch.log_softmax(paired_logits, dim=1).reshape(-1, 4, 3)
                mean_p = log_p.exp().mean(1, keepdim=True)
                consistency = (mean_p * (torch.log(mean_p.clamp_min(1e-12)) - log_p)).sum(2).mean()
                loss = loss + loss_function(paired_logits, paired_y[rows]).mean() * PAIRED_CROSS_ENTROPY_WEIGHT + args.consistency_weight * consistency
            loss.backward()
            optimizer.step()
            if not averaging:
                scheduler.step()
            elif (step + 1) % ((steps_per_epoch + 1) // 2) == 0 or step + 1 == steps_per_epoch:
                averaged, snapshots = average_in(averaged, snapshots, model)
            total += loss.item() * len(index)
        print(f"epoch {epoch + 1}: loss {total / len(x_all):.4f}, {progress()}, {time.time() - train_started:.0f} s", flush=True)
    if averaged is not None:
        model.load_state_dict(averaged, strict=False)
        recompute_batch_norm(model, x_all)
        print(f"average of {snapshots} snapshots: {progress()}", flush=True)
    train_seconds = time.time() - train_started

    # Calibration on the validation set: synthetic held-out and the real validation stations.
    model.eval()
    test_logits = logits_of(model, test_x)
    val_logits = logits_of(model, val_x)
    fit_logits = np.concatenate([test_logits, val_logits])
    fit_labels = np.concatenate([test_y, val_y])
    temperature = fit_temperature(fit_logits, fit_labels)
    model.temperature.fill_(temperature)
    print(f"temperature {temperature:.3f}", flush=True)
    ece = {
        "synthetic_held_out": {"before": ece_per_class(softmax(test_logits), test_y), "after": ece_per_class(softmax(test_logits, temperature), test_y)},
        "real_validation": {"before": ece_per_class(softmax(val_logits), val_y), "after": ece_per_class(softmax(val_logits, temperature), val_y)},
        "both": {"before": ece_per_class(softmax(fit_logits), fit_labels), "after": ece_per_class(softmax(fit_logits, temperature), fit_labels)},
    }

    # v1 on the same sets (the v1 network and weights, unscaled softmax as exported).
    v1 = DietStandIn()
    v1.load_state_dict(torch.load(os.path.join(HERE, "diet-standin-v1.pt")))
    v1_test = softmax(logits_of(v1, test_x))
    v1_val = softmax(logits_of(v1, val_x))
    v2_test = softmax(test_logits, temperature)
    v2_val = softmax(val_logits, temperature)
    legacy_v2 = confusion(softmax(logits_of(model, legacy_test_x), temperature).argmax(1), legacy_test_y)
    legacy_v1 = confusion(logits_of(v1, legacy_test_x).argmax(1), legacy_test_y)

    with torch.inference_mode():
        readme = np.ones((2, 73, 71, 3), dtype=np.float32)
        readme[0, TREMOR_BAND_ROWS:] = 0.2
        readme_probabilities = model(torch.from_numpy(readme)).numpy()
    print("README example (row 0: 2-8 Hz only, row 1: all ones):", readme_probabilities, flush=True)

    torch.save(model.state_dict(), args.pt or os.path.join(HERE, f"diet-standin-{args.tag}.pt"))
    provenance = (f"Stand-in {args.tag} trained on field-like synthetic data (Seismic.DietGrasp.Synthetics) and real records "
                  "(NCEDC earthquakes via AI4EPS/DeepDenoiser; noise of PB, UW, NX, PR and ocean-bottom networks"
                  + ("; town noise of public ambient-noise surveys (data_sources.extra_noise)" if args.extra_noise_source else "")
                  + "), not the published DiET weights. Expects minutes high-passed at 1 Hz (zero phase) as the pipeline makes them.")
    export(model, args.out, provenance, readme)

    predicted_test = v2_test.argmax(1)
    scenario_errors = {}
    for s, truth, guess in zip(test_scenarios, test_y, predicted_test):
        if truth != guess:
            key = f"{s} -> {CLASSES[guess]}"
            scenario_errors[key] = scenario_errors.get(key, 0) + 1
    v2_matrix = confusion(predicted_test, test_y)
    v1_matrix = confusion(v1_test.argmax(1), test_y)
    sidecar = {
        "model": os.path.basename(args.out),
        "provenance": provenance,
        "data_sources": dict(DATA_SOURCES, **({"extra_noise": args.extra_noise_source} if args.extra_noise_source else {})),
        "classes": list(CLASSES),
        "input": {"name": "spectrogram", "shape": ["N", 73, 71, 3], "layout": "NHWC: frequency (2-20 Hz, 0.25 Hz), time (71 frames, 0.8 s), component (VX, VY, VZ)", "dtype": "float32"},
        "output": {"name": "probabilities", "shape": ["N", 3], "meaning": "calibrated softmax probabilities (temperature inside the graph): earthquake, tremor, noise"},
        "preprocessing": {"highpass": "4th-order Butterworth, 1 Hz, zero phase (scipy butter(4, 1.0, 'highpass', output='sos') + sosfiltfilt) on the continuous record; minutes cut >= 20 s from the filtered stretch's edges",
                          "resampling": "rates that are not a multiple of 1.25 Hz: polyphase (scipy resample_poly) to the nearest supported rate; trained at 50, 100, 125 and 200 Hz"},
        "spectrogram": {"window": "tukey(0.25), 4 s", "hop_seconds": 0.8, "frequencies_hz": [2.0, 20.0, 0.25], "scaling": "log10 PSD, clip((L - (Lmax - 4)) / 4, 0, 1)"},
        "architecture": (f"NHWC->NCHW; Conv 3->{widths[0]} k{args.first_kernel} s2, Conv {widths[0]}->{widths[1]} k3 s2, Conv {widths[1]}->{widths[2]} k3 s2, "
                         f"Conv {widths[2]}->{widths[3]} k3 s1 (batch norm while training, folded at export; ReLU); global mean+max pooling; "
                         f"Dense {2 * widths[3]}->32 ReLU; Dense 32->3; logits / temperature; softmax"),
        "multiply_adds_per_spectrogram": multiply_adds(model),
        "parameters_exported": int(sum(p.numel() for p in DietStandIn(widths, args.first_kernel).parameters())),
        "opset": 17,
        "temperature": round(temperature, 4),
        "training": {
            "torch_seed": args.seed, "numpy_seed": args.seed, "epochs": args.epochs, "batch": args.batch,
            "synthetic_fraction": args.synthetic_fraction, "real_minutes_per_training_event": args.per_event * args.real_repeat, "real_noise_repeat": args.real_repeat,
            "optimizer": f"AdamW, one-cycle lr {args.lr:g}, class-balanced cross-entropy, real examples weighted 2",
            "weight_averaging": None if averaged is None else {"epochs": args.swa_epochs, "lr": args.swa_lr, "snapshots": snapshots,
                                                                "batch_norm": "statistics recomputed on the training set after averaging"},
            "distillation": None if not teachers else {"teachers": [os.path.basename(p) for p in args.teachers.split(",") if p],
                                                      "weight": args.distill_weight, "temperature": args.distill_temperature},
            "extra_noise": args.extra_noise,
            "rate_consistency": None if not args.paired else {"minutes_at_four_rates": int(len(paired_x) // 4), "per_step": args.paired_groups,
                                                             "weight": args.consistency_weight, "cross_entropy_weight": PAIRED_CROSS_ENTROPY_WEIGHT},
            "initial_weights": os.path.basename(args.init) if args.init else "random",
            "synthetic_windows": info, "extra_windows": extra_info, "legacy_minutes": legacy_info,
            "real_training_examples": {k: int(v) for k, v in zip(*np.unique(np.array(real_kinds), return_counts=True))},
            "idealised_examples": int(len(ideal_x)),
            "examples_per_class": counts.tolist(),
            "seconds": round(train_seconds, 1), "threads": args.threads,
        },
        "validation_split": {
            "earthquake_stations": chosen, "earthquake_events": int(validation.sum()),
            "earthquake_accelerometer_events": int((validation & accelerometer).sum()),
            "earthquake_positions_s": [5, 10, 20, 30, 45],
            "noise_stations": list(v2_data.NOISE_VALIDATION_STATIONS),
            "noise_minutes": int((val_y == 2).sum()),
        },
        "synthetic_held_out": {
            "seeds": info["testSeeds"], "per_class": int((test_y == 0).sum()),
            "v2_confusion_rows_truth_columns_predicted": v2_matrix.tolist(),
            "v2_per_class_accuracy": dict(zip(CLASSES, np.round(v2_matrix.diagonal() / v2_matrix.sum(1), 4).tolist())),
            "v1_confusion_rows_truth_columns_predicted": v1_matrix.tolist(),
            "v1_per_class_accuracy": dict(zip(CLASSES, np.round(v1_matrix.diagonal() / v1_matrix.sum(1), 4).tolist())),
            "v2_errors_by_scenario": dict(sorted(scenario_errors.items(), key=lambda kv: -kv[1])),
        },
        "legacy_held_out_unfiltered": {
            "v2_confusion": legacy_v2.tolist(), "v1_confusion": legacy_v1.tolist(),
        },
        "filtered_legacy_held_out": None if filtered_info is None else {
            "generator": filtered_info,
            "confusion": confusion(softmax(logits_of(model, filtered_test_x), temperature).argmax(1), filtered_test_y).tolist(),
            "v1_confusion": confusion(logits_of(v1, filtered_test_x).argmax(1), filtered_test_y).tolist(),
        },
        "augmentation": {"per_component_gain_share": args.gain_augment, "gains": "log-uniform 0.25-4 per component, applied to the scaled spectrogram (exact above the 4-decade floor; pixels already at 0 stay 0)"},
        "real_validation": {
            "v2": summarise_real(v2_val, val_y, val_groups), "v1": summarise_real(v1_val, val_y, val_groups),
            "v2_by_group": real_figures(v2_val, val_y, val_groups),
        },
        "calibration_error_per_class": ece,
        "readme_examples": {"two_to_eight_hz_only": readme_probabilities[0].round(4).tolist(), "all_ones": readme_probabilities[1].round(4).tolist()},
    }
    if args.tag != "v2":
        # The keys name the model trained ("v3_..."), and v2 is scored beside it on the same sets.
        sidecar = retag(sidecar, args.tag)
        v2 = load_weights(os.path.join(HERE, "diet-standin-v2.pt"))
        v2_temperature = float(v2.temperature)
        old_test = softmax(logits_of(v2, test_x), v2_temperature)
        old_val = softmax(logits_of(v2, val_x), v2_temperature)
        old_matrix = confusion(old_test.argmax(1), test_y)
        sidecar["synthetic_held_out"]["v2_confusion_rows_truth_columns_predicted"] = old_matrix.tolist()
        sidecar["synthetic_held_out"]["v2_per_class_accuracy"] = dict(zip(CLASSES, np.round(old_matrix.diagonal() / old_matrix.sum(1), 4).tolist()))
        sidecar["legacy_held_out_unfiltered"]["v2_confusion"] = confusion(softmax(logits_of(v2, legacy_test_x), v2_temperature).argmax(1), legacy_test_y).tolist()
        if filtered_info is not None:
            sidecar["filtered_legacy_held_out"]["v2_confusion"] = confusion(softmax(logits_of(v2, filtered_test_x), v2_temperature).argmax(1), filtered_test_y).tolist()
        sidecar["real_validation"]["v2"] = summarise_real(old_val, val_y, val_groups)
        sidecar["real_validation"]["v2_by_group"] = real_figures(old_val, val_y, val_groups)
        sidecar["calibration_error_per_class"]["v2_after"] = {
            "synthetic_held_out": ece_per_class(old_test, test_y), "real_validation": ece_per_class(old_val, val_y)}
    with open(os.path.splitext(args.out)[0] + ".json", "w") as handle:
        json.dump(sidecar, handle, indent=2)
        handle.write("\n")
    print(json.dumps({k: sidecar[k] for k in ("synthetic_held_out", "legacy_held_out_unfiltered", "real_validation", "calibration_error_per_class", "readme_examples", "temperature")}, indent=1))
    print(f"total {time.time() - started:.0f} s")


def average_in(averaged, count, model):
    """The running mean of the model's parameters (not its batch-norm statistics: those are recomputed after)."""
    current = {name: p.detach().clone() for name, p in model.named_parameters()}
    if averaged is None:
        return current, 1
    for name, value in current.items():
        averaged[name] += (value - averaged[name]) / (count + 1)
    return averaged, count + 1


def recompute_batch_norm(model, x_all, batch=512, examples=40000):
    """Averaged weights need their own batch-norm statistics: a cumulative mean over training examples."""
    norms = [m for m in model.modules() if isinstance(m, nn.BatchNorm2d)]
    for norm in norms:
        norm.reset_running_stats()
        norm.momentum = None
    model.train()
    order = torch.randperm(len(x_all))[:examples]
    with torch.no_grad():
        for start in range(0, len(order), batch):
            model.logits(x_all[order[start:start + batch]].float())
    for norm in norms:
        norm.momentum = 0.1
    model.eval()


def export(model, path, provenance, example):
    model.eval()
    torch.onnx.export(model, torch.from_numpy(example), path, input_names=["spectrogram"], output_names=["probabilities"],
                      dynamic_axes={"spectrogram": {0: "stations"}, "probabilities": {0: "stations"}},
                      opset_version=17, do_constant_folding=True)
    exported = onnx.load(path)
    exported.doc_string = provenance
    exported.producer_name = "Seismic.DietGrasp tools/model/train_v2.py"
    for key, value in (("provenance", provenance), ("classes", ",".join(CLASSES)), ("layout", "NHWC [N, 73, 71, 3]"),
                       ("preprocessing", "1 Hz zero-phase Butterworth high-pass (4th order) before the spectrogram"),
                       ("calibration", f"temperature {float(model.temperature):.4f} divides the logits")):
        entry = exported.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(exported)
    onnx.save(exported, path)
    kinds = sorted({node.op_type for node in exported.graph.node})
    print(f"exported {path}: ops {kinds}", flush=True)


if __name__ == "__main__":
    main()
