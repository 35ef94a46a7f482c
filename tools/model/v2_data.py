"""Data of the stand-in model v2: what the pipeline feeds the model, and the real records.

The pipeline (issue 21 contract) high-passes the continuous record with a zero-phase 4th-order
1 Hz Butterworth (scipy: butter(4, 1.0, 'highpass', fs=fs, output='sos') + sosfiltfilt), cuts
minutes from the filtered stretch (so minute edges see no transient), resamples records at rates
the spectrogram does not support with an anti-aliased polyphase resampler (resample_poly), and
computes the METHOD.md 1 spectrogram (tools/spectrogram/make_reference.py, scipy). Everything here
does the same.

Real data (../shared/data, READMEs there): real-earthquakes (100 NCEDC local events, 90 s, P at
30 s) and real-noise (202 minutes, 18 stations). The validation split is by station, fixed below,
and never trained on.
"""
import csv
import os
import sys

import numpy as np
import scipy.signal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "spectrogram"))
from make_reference import make_spec  # noqa: E402  (the scipy formulation, one home)

def _shared_data():
    """The project's ../shared/data: the first shared/data beside the repository or a folder above it
    (a git worktree may sit deeper than the main checkout), or $DIET_SHARED_DATA."""
    folder = HERE
    while True:
        candidate = os.path.join(folder, "shared", "data")
        if os.path.isdir(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return os.path.join(HERE, "..", "..", "..", "shared", "data")
        folder = parent


SHARED = os.environ.get("DIET_SHARED_DATA") or _shared_data()
MINUTE = 60.0
HIGHPASS_HZ = 1.0

# Validation split (never trained on). Earthquakes: stations drawn with the seed below until 35 events (stations with more than 5 events stay in training).
EARTHQUAKE_VALIDATION_SEED = 21
EARTHQUAKE_VALIDATION_EVENTS = 35
# Noise: whole stations. UW.SHW (broadband surface vault), PR.PR34 (short-period surface) and the
# ocean-bottom stations of networks XW, YO and 1E and 7D.J41A; trained on PB.B204, NX.USC6 (urban)
# and the other ocean-bottom stations.
NOISE_VALIDATION_STATIONS = ("UW.SHW", "PR.PR34", "XW.SS18", "XW.SS20", "XW.SS33", "XW.SS35", "YO.108", "1E.OS119", "7D.J41A")


def highpass(x, fs):
    """The pipeline's filter: zero-phase 4th-order Butterworth high-pass at 1 Hz along the last axis."""
    sos = scipy.signal.butter(4, HIGHPASS_HZ, btype="highpass", fs=fs, output="sos")
    return scipy.signal.sosfiltfilt(sos, x, axis=-1)


def spectrograms_of_windows(windows, fs, margin, batch=256):
    """[M, 3, (60 + 2 margin) fs] raw windows -> [M, 73, 71, 3] float32: filter the window, cut the minute."""
    first = int(round(margin * fs))
    count = int(round(MINUTE * fs))
    out = np.empty((len(windows), 73, 71, 3), dtype=np.float32)
    for start in range(0, len(windows), batch):
        x = np.asarray(windows[start:start + batch], dtype=np.float64)
        filtered = highpass(x - x.mean(axis=-1, keepdims=True), fs)[..., first:first + count]
        out[start:start + batch] = make_spec(filtered, fs)
    return out


def minute_from_record(record, fs, start_seconds, pad_seconds=60.0):
    """Filters a whole record (reflect-padded, so the minute may reach past its ends) and cuts the minute at start_seconds."""
    pad = int(round(pad_seconds * fs))
    x = record - record.mean(axis=-1, keepdims=True)
    x = np.pad(x, ((0, 0), (pad, pad)), mode="reflect")
    filtered = highpass(x, fs)
    first = pad + int(round(start_seconds * fs))
    return filtered[:, first:first + int(round(MINUTE * fs))]


def resample(record, fs, target):
    """Anti-aliased polyphase resampling (scipy resample_poly) from fs to target Hz."""
    if target == fs:
        return record
    from fractions import Fraction
    ratio = Fraction(int(round(target * 4)), int(round(fs * 4)))
    return scipy.signal.resample_poly(record, ratio.numerator, ratio.denominator, axis=-1)


def load_earthquakes():
    """(waveforms [100, 3, 9001] float64 at 100 Hz, P at 30 s; station per record; validation mask)."""
    folder = os.path.join(SHARED, "real-earthquakes")
    waveforms = np.load(os.path.join(folder, "waveforms.npy")).astype(np.float64)
    rows = list(csv.DictReader(open(os.path.join(folder, "records.csv"))))
    stations = np.array(["_".join(r["file"].split("_")[:2]) for r in rows])
    counts = {s: int((stations == s).sum()) for s in sorted(set(stations))}
    order = np.random.default_rng(EARTHQUAKE_VALIDATION_SEED).permutation(sorted(counts))
    chosen, total = [], 0
    for station in order:
        if total >= EARTHQUAKE_VALIDATION_EVENTS:
            break
        if counts[station] > 5:
            continue  # keep the big stations in training
        chosen.append(station)
        total += counts[station]
    validation = np.isin(stations, chosen)
    accelerometer = np.array([r["channels"].startswith("HN") for r in rows])
    return waveforms, stations, validation, accelerometer, sorted(chosen), rows


def load_noise():
    """List of (minute [3, n] float64, fs, station, file, row, validation) for the 202 real noise minutes."""
    folder = os.path.join(SHARED, "real-noise")
    files = {}
    out = []
    for r in csv.DictReader(open(os.path.join(folder, "windows.csv"))):
        if r["file"] not in files:
            files[r["file"]] = np.load(os.path.join(folder, r["file"]))
        station = f"{r['network']}.{r['station']}"
        out.append((files[r["file"]][int(r["row"])].astype(np.float64), float(r["fs_hz"]), station, r["file"], int(r["row"]),
                    station in NOISE_VALIDATION_STATIONS))
    return out


def noise_source(station, file):
    """The kind of source a noise station belongs to (for per-source false-alarm figures)."""
    if "obs" in file:
        return "ocean-bottom"
    if file.startswith("extra:"):
        return station
    return {"PB.B204": "borehole B204", "UW.SHW": "broadband SHW", "NX.USC6": "urban USC6", "PR.PR34": "short-period PR34"}[station]


def earthquake_minute(record, p_seconds_in_minute, fs_target=100.0):
    """A real event's minute with the P at p_seconds_in_minute (record at 100 Hz, P at 30 s), resampled to fs_target."""
    x = resample(record, 100.0, fs_target)
    return minute_from_record(x, fs_target, 30.0 - p_seconds_in_minute)
