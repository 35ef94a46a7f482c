#!/usr/bin/python3
"""Cut one-minute ambient-noise windows from public GitHub recordings, for an external false-alarm check.

Nothing here trains or tunes anything: the minutes are chosen from the waveforms alone by fixed
rules (no model output is used), and the files it writes stay outside the repository.

Run with Debian's interpreter (numpy + scipy; ObsPy is not needed, the inputs are SAC):
    /usr/bin/python3 tools/evaluate/make_external_noise.py [--mirrors DIR] [--out DIR]
        --mirrors  folder holding the fetched mirrors as <owner>+<name>/repo (bare git directories);
                   default /work/.mirror. Each source's data are read with `git show COMMIT:PATH`,
                   so the exact commit below must be in the mirror.
        --out      output folder; default $TMPDIR/dietgrasp-extnoise.
Writes two sets per source: OUT/<set>.npy ("strict": minutes passing the STA/LTA rule below) and
OUT/<set>_all.npy ("all": every minute passing only the data checks, because a busy town's noise is full
of short transients and fails the STA/LTA rule almost everywhere), each float64 [M, 3, 60 fs], components
E, N, Z or X, Y, Z (horizontal, horizontal, vertical), samples as stored in the SAC files (not resampled,
not rescaled), with OUT/<set>[_all].labels.csv (header `label`, then `noise` per row); OUT/windows.csv
(one row per kept minute per set, with provenance and rule values) and OUT/candidates.csv (every examined
minute, with the reason it failed the strict rule). A set with no minutes is not written. Then e.g.
    dietgrasp evaluate --waveforms OUT/mexico_city_all.npy --fs 100 --labels OUT/mexico_city_all.labels.csv --out R

Selection rule (mechanical, decided before any evaluation):
  * each component is demeaned, given a 5 s cosine ramp at its start, and band-passed 2-20 Hz with a
    causal 4th-order Butterworth filter; the energy is the squared result;
  * STA/LTA = mean energy over the trailing 1 s / mean energy over the trailing 30 s, per component;
  * minutes lie on a grid starting 90 s after the common start of the three components (so the minute
    before each one has a full LTA history), consecutive and not overlapping;
  * "strict": a minute is kept when the largest STA/LTA over its 60 s and the three components is < 2.5, and
    the largest over the minute before is < 3.0 (no coda of an earlier transient running in);
  * both tiers: a minute is dropped when any component has NaN/inf samples or a run of identical samples of 0.5 s or
    more, or when it falls within 5 min of a catalogued earthquake listed in the source's
    `known_events` (none of these repositories ships a catalogue or names an event in its records).
"""
import argparse
import csv
import datetime as dt
import os
import subprocess
import tempfile

import numpy as np
from scipy.signal import butter, sosfilt

BAND_HZ = (2.0, 20.0)
STA_S, LTA_S = 1.0, 30.0
FIRST_START_S = 90.0
KEEP_MAX, PREV_MAX = 2.5, 3.0
FLAT_RUN_S = 0.5
EVENT_GUARD_S = 300.0

SOURCES = [
    {
        "set": "mexico_city",
        "repo": "JoseMariaGarciaMarquez/hvsrlearn",
        "commit": "4940a528a293dc67b19b9e1c727dc5ba9b034563",
        "licence": "MIT",
        "stations": [
            {"station": s, "paths": [f"data/station{s}/A04_sta{s}.{c}.sac" for c in "enz"]}
            for s in "ABCD"
        ],
        "network": "(none in header)",
        "instrument": "3-component sensor, NH? channels, 100 Hz; SAC KINST serials 6686/6631/6632/6952; type not stated",
        "site": "Mexico City (19.4222 N, 99.1780 W; Chapultepec/Polanco), urban HVSR array of 4 sensors ~10-30 m apart, land surface",
        "units": "as stored (float, not integer counts; scaling not documented)",
        "known_events": [],
    },
    {
        "set": "boston_A23L",
        "repo": "mpontrelli/HVSR",
        "commit": "04263dab38e7ab513e7d39cad1e4c8cb596bceab",
        "licence": "none (no LICENSE file in the repository; NP network data originate from the USGS NSMP)",
        "stations": [
            {"station": "A23L",
             "paths": [f"test_files/NP.A23L.00.EH{c}.D.2019.129.235958-1.SAC" for c in "ENZ"]},
        ],
        "network": "NP",
        "instrument": "EH? short-period velocity channels, 200 Hz (USGS NSMP Boston Seismic Study); stored samples look low-passed near 40 Hz",
        "site": "Boston, MA (USGS NSMP Boston Seismic Study, per the repository's download script), urban land surface",
        "units": "as stored (float; scaling not documented)",
        "known_events": [],
    },
    {
        "set": "princeton_guyot_processed",
        "repo": "ytamama/GuyotSeismology",
        "commit": "7bef7e26fd4824766e25b3645dac72373c3d723f",
        "licence": "none (no LICENSE file in the repository)",
        "stations": [
            {"station": "S0001",
             "paths": [f"examples/figures/PP.S0001.D.3600s.HH{c}.2020.052.160000.0.751.5510.cr.SAC"
                       for c in "XYZ"]},
        ],
        "network": "PP",
        "instrument": "Nanometrics Meridian Compact PH 120, HH?, 100 Hz; PROCESSED: response removed to displacement, "
                      "tapered band 0.75-1.5-5-10 Hz (nothing above 10 Hz)",
        "site": "Guyot Hall basement, Princeton University campus (campus construction noise), in a building",
        "units": "displacement (SAC IDEP=IDISP), band-limited 0.75-10 Hz; NOT raw counts",
        "known_events": [],
    },
]


# ---------------------------------------------------------------- SAC --------------------------------------------------

def read_sac(raw):
    """(samples float64, delta s, start datetime UTC, header strings) from the bytes of a binary SAC file."""
    for order in "<>":
        ints = np.frombuffer(raw[280:440], dtype=order + "i4")
        if ints[6] == 6:  # NVHDR is 6 in every SAC file written since the 1990s
            break
    else:
        raise ValueError("not a binary SAC file (header version is not 6 in either byte order)")
    floats = np.frombuffer(raw[0:280], dtype=order + "f4")
    npts = int(ints[9])
    data = np.frombuffer(raw[632:632 + 4 * npts], dtype=order + "f4").astype(np.float64)
    if len(data) != npts:
        raise ValueError("SAC file shorter than its NPTS")
    year, jday, hour, minute, second, msec = (int(v) for v in ints[0:6])
    begin = float(floats[5])
    start = (dt.datetime(year, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(
        days=jday - 1, hours=hour, minutes=minute, seconds=second, milliseconds=msec) + dt.timedelta(seconds=begin))

    def text(offset, length=8):
        return raw[440 + offset:440 + offset + length].decode("latin-1").strip()

    header = {"kstnm": text(0), "kcmpnm": text(160), "knetwk": text(168), "kinst": text(184)}
    return data, float(floats[0]), start, header


def git_blob(mirror, commit, path):
    return subprocess.run(["git", "--git-dir", mirror, "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout


def load_three(mirror, commit, paths):
    """The three components cut to their common span: ([3, n] array, fs, start, headers)."""
    records = [read_sac(git_blob(mirror, commit, p)) for p in paths]
    deltas = {round(r[1], 9) for r in records}
    if len(deltas) != 1:
        raise ValueError(f"components have different sampling intervals: {deltas}")
    delta = records[0][1]
    fs = round(1.0 / delta, 6)
    start = max(r[2] for r in records)
    offsets = [round((start - r[2]).total_seconds() * fs) for r in records]
    n = min(len(r[0]) - o for r, o in zip(records, offsets))
    stack = np.stack([r[0][o:o + n] for r, o in zip(records, offsets)])
    return stack, fs, start, [r[3] for r in records]


# ---------------------------------------------------------------- selection --------------------------------------------

def trailing_mean(x, n):
    """Mean of the last n samples at every index (NaN until n samples exist)."""
    c = np.concatenate([[0.0], np.cumsum(x)])
    out = np.full(len(x), np.nan)
    out[n - 1:] = (c[n:] - c[:-n]) / n
    return out


def sta_lta(trace, fs):
    x = trace - trace.mean()
    ramp = int(5 * fs)
    x[:ramp] *= 0.5 - 0.5 * np.cos(np.pi * np.arange(ramp) / ramp)
    sos = butter(4, BAND_HZ, btype="bandpass", fs=fs, output="sos")
    energy = sosfilt(sos, x) ** 2
    sta = trailing_mean(energy, int(round(STA_S * fs)))
    lta = trailing_mean(energy, int(round(LTA_S * fs)))
    with np.errstate(invalid="ignore", divide="ignore"):
        return sta / lta


def longest_flat_run(x):
    same = np.diff(x) == 0
    if not same.any():
        return 0
    edges = np.diff(np.concatenate([[0], same.astype(np.int8), [0]]))
    return int((np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)).max()) + 1


def select(stack, fs, start, known_events):
    """Yield (start sample, quality problem or "", STA/LTA problem or "", window max STA/LTA, previous-minute max,
    largest band RMS over the components) for every grid minute."""
    ratio = np.stack([sta_lta(c, fs) for c in stack])
    sos = butter(4, BAND_HZ, btype="bandpass", fs=fs, output="sos")
    band = np.stack([sosfilt(sos, c - c.mean()) for c in stack])
    width = int(round(60 * fs))
    first = int(round(FIRST_START_S * fs))
    events = [dt.datetime.fromisoformat(e.replace("Z", "+00:00")) for e in known_events]
    for s in range(first, stack.shape[1] - width + 1, width):
        window = stack[:, s:s + width]
        wmax = float(np.nanmax(ratio[:, s:s + width]))
        pmax = float(np.nanmax(ratio[:, s - width:s]))
        rms = float(np.sqrt((band[:, s:s + width] ** 2).mean(axis=1)).max())
        t0 = start + dt.timedelta(seconds=s / fs)
        quality = ""
        if not np.isfinite(window).all():
            quality = "NaN/inf samples"
        elif max(longest_flat_run(c) for c in window) >= FLAT_RUN_S * fs:
            quality = "constant stretch >= 0.5 s"
        elif any(abs((e - t0).total_seconds() - 30) < 30 + EVENT_GUARD_S for e in events):
            quality = "near a catalogued earthquake"
        transient = ""
        if wmax >= KEEP_MAX:
            transient = f"STA/LTA in window {wmax:.2f} >= {KEEP_MAX}"
        elif pmax >= PREV_MAX:
            transient = f"STA/LTA in minute before {pmax:.2f} >= {PREV_MAX}"
        yield s, quality, transient, wmax, pmax, rms


# ---------------------------------------------------------------- main -------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirrors", default="/work/.mirror")
    parser.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "dietgrasp-extnoise"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rules = {
        "strict": (f"2-20 Hz causal Butterworth(4); STA {STA_S:g} s / LTA {LTA_S:g} s trailing; max over 3 comps "
                   f"< {KEEP_MAX} in window and < {PREV_MAX} in minute before; no NaN, no flat run >= {FLAT_RUN_S} s"),
        "all": (f"every grid minute of the ambient-noise record (from {FIRST_START_S:g} s on) with no NaN and no flat "
                f"run >= {FLAT_RUN_S} s; STA/LTA recorded, not used"),
    }
    kept_rows, all_rows = [], []
    for src in SOURCES:
        mirror = os.path.join(args.mirrors, src["repo"].replace("/", "+"), "repo")
        if not os.path.isdir(mirror):
            print(f"{src['set']}: no mirror at {mirror} (fetch github:{src['repo']} first); skipped")
            continue
        minutes = {"strict": [], "all": []}
        for sta in src["stations"]:
            stack, fs, start, headers = load_three(mirror, src["commit"], sta["paths"])
            channels = " ".join(h["kcmpnm"] for h in headers)
            counts = {"examined": 0, "strict": 0, "all": 0}
            for s, quality, transient, wmax, pmax, rms in select(stack, fs, start, src["known_events"]):
                counts["examined"] += 1
                t0 = (start + dt.timedelta(milliseconds=round(1000 * s / fs))).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
                base = {"fs_hz": f"{fs:g}", "source_repo": src["repo"], "commit": src["commit"],
                        "licence": src["licence"], "path": " ".join(sta["paths"]), "network": src["network"],
                        "station": sta["station"], "channels": channels, "start_utc": t0,
                        "instrument": src["instrument"], "site": src["site"], "units": src["units"],
                        "stalta_max": f"{wmax:.2f}", "stalta_prev_max": f"{pmax:.2f}", "band_rms": f"{rms:.4g}"}
                all_rows.append(dict(base, set=src["set"], strict=int(not quality and not transient),
                                     all=int(not quality), reason=quality or transient))
                for tier, ok in (("strict", not quality and not transient), ("all", not quality)):
                    if ok:
                        counts[tier] += 1
                        minutes[tier].append(stack[:, s:s + int(round(60 * fs))])
                        name = src["set"] + ("" if tier == "strict" else "_all")
                        kept_rows.append(dict(base, set=name, tier=tier, row=len(minutes[tier]) - 1,
                                              label="noise", rule=rules[tier]))
            print(f"{src['set']} {sta['station']}: {counts['strict']} (strict) and {counts['all']} (all) of "
                  f"{counts['examined']} minutes ({fs:g} Hz, {channels})")
        for tier, kept in minutes.items():
            if kept:
                name = src["set"] + ("" if tier == "strict" else "_all")
                np.save(os.path.join(args.out, name + ".npy"), np.ascontiguousarray(np.stack(kept), np.float64))
                with open(os.path.join(args.out, name + ".labels.csv"), "w") as f:
                    f.write("label\n" + "noise\n" * len(kept))
    # the band RMS of each minute against the median of its station's minutes in the same set (information only)
    for row in kept_rows:
        same = [float(r["band_rms"]) for r in kept_rows if (r["set"], r["station"]) == (row["set"], row["station"])]
        row["rms_ratio"] = f"{float(row['band_rms']) / np.median(same):.2f}"
    fields = ["set", "row", "tier", "fs_hz", "source_repo", "commit", "licence", "path", "network", "station",
              "channels", "start_utc", "instrument", "site", "units", "label", "rule", "stalta_max",
              "stalta_prev_max", "band_rms", "rms_ratio"]
    with open(os.path.join(args.out, "windows.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(kept_rows)
    with open(os.path.join(args.out, "candidates.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["set", "station", "start_utc", "fs_hz", "strict", "all", "reason",
                                          "stalta_max", "stalta_prev_max", "band_rms"], extrasaction="ignore")
        w.writeheader()
        w.writerows(all_rows)


if __name__ == "__main__":
    main()
