#!/usr/bin/python3
"""Cut the shared real data into `dietgrasp evaluate` inputs (waveforms .npy + labels .csv), outside the repository.

Run with Debian's interpreter (numpy 1.24):
    /usr/bin/python3 tools/evaluate/make_real_sets.py [OUT]      (OUT defaults to $TMPDIR/dietgrasp-real-sets)
Reads ../shared/data (/work/shared/data): real-noise/ and real-earthquakes/ (see their READMEs for provenance);
nothing it writes belongs in the repository (the data stay in the shared folder).
Writes OUT/<set>.npy (float64 [M, 3, 60 fs]) and OUT/<set>.labels.csv (header `label`) for:
    noise_B204, noise_SHW, noise_PR34 (100 Hz, counts), noise_USC6 (200 Hz, counts),
    noise_OBS (100 Hz, normalised ocean-bottom samples), noise_all100 (the 100 Hz land minutes together),
    eq_all: the 100 real earthquakes, 60 s from 10 s before P (samples 2000..7999 of the 90 s records, P at 3000),
    eq_velocity / eq_accel: the same split by instrument (HH/EH/BH velocity vs HN accelerometers),
    mixed_100hz: eq_all, then the 166 land and the 18 ocean-bottom noise minutes at 100 Hz (284 minutes,
    both classes, so the precision-recall curves mean something);
    validation_100hz: only the stand-in v2's real validation split (tools/model/v2_data.py; never trained
    on): its 35 earthquakes cut as eq_all (P at 10 s), then the 87 noise minutes of UW.SHW, PR.PR34 and the
    7 ocean-bottom validation stations (122 minutes, all 100 Hz).
Prints one line per set: name, minutes, rate. Then: tools/evaluate/run_real_sets.sh OUT
"""
import csv
import os
import sys
import tempfile

import numpy as np

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data")
if not os.path.isdir(SHARED):
    SHARED = "/work/shared/data"


def save(out, name, waveforms, label, fs):
    np.save(os.path.join(out, name + ".npy"), np.ascontiguousarray(waveforms, dtype=np.float64))
    with open(os.path.join(out, name + ".labels.csv"), "w") as f:
        f.write("label\n" + (label + "\n") * len(waveforms))
    print(f"{name} {len(waveforms)} {fs}")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(tempfile.gettempdir(), "dietgrasp-real-sets")
    os.makedirs(out, exist_ok=True)
    noise = os.path.join(SHARED, "real-noise")
    windows = list(csv.DictReader(open(os.path.join(noise, "windows.csv"))))
    files = {name: np.load(os.path.join(noise, name)) for name in {w["file"] for w in windows}}
    for station in ["B204", "SHW", "PR34", "USC6"]:
        rows = [w for w in windows if w["station"] == station]
        data = files[rows[0]["file"]][[int(w["row"]) for w in rows]]
        save(out, "noise_" + station, data, "noise", rows[0]["fs_hz"])
    obs = files["noise_obs_100hz_normalized.npy"]
    save(out, "noise_OBS", obs, "noise", 100)
    save(out, "noise_all100", files["noise_100hz.npy"], "noise", 100)

    quakes = os.path.join(SHARED, "real-earthquakes")
    records = list(csv.DictReader(open(os.path.join(quakes, "records.csv"))))
    waveforms = np.load(os.path.join(quakes, "waveforms.npy"))
    cuts = np.stack([waveforms[i, :, int(r["p_sample"]) - 1000:int(r["p_sample"]) + 5000] for i, r in enumerate(records)])
    accel = np.array([r["channels"].startswith("HN") for r in records])
    save(out, "eq_all", cuts, "earthquake", 100)
    save(out, "eq_velocity", cuts[~accel], "earthquake", 100)
    save(out, "eq_accel", cuts[accel], "earthquake", 100)

    mixed = np.concatenate([cuts, files["noise_100hz.npy"], obs])
    np.save(os.path.join(out, "mixed_100hz.npy"), np.ascontiguousarray(mixed, dtype=np.float64))
    with open(os.path.join(out, "mixed_100hz.labels.csv"), "w") as f:
        f.write("label\n" + "earthquake\n" * len(cuts) + "noise\n" * (len(mixed) - len(cuts)))
    print(f"mixed_100hz {len(mixed)} 100")

    # The model's real validation split (the stations v2 and later were never trained on).
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "model"))
    import v2_data  # noqa: E402  (the split has one home)
    _, _, validation, _, _, _ = v2_data.load_earthquakes()
    noise_minutes = [n for n in v2_data.load_noise() if n[5]]
    assert all(fs == 100.0 for _, fs, _, _, _, _ in noise_minutes)
    split = np.concatenate([cuts[validation], np.stack([minute for minute, _, _, _, _, _ in noise_minutes])])
    np.save(os.path.join(out, "validation_100hz.npy"), np.ascontiguousarray(split, dtype=np.float64))
    with open(os.path.join(out, "validation_100hz.labels.csv"), "w") as f:
        f.write("label\n" + "earthquake\n" * int(validation.sum()) + "noise\n" * len(noise_minutes))
    with open(os.path.join(out, "validation_100hz.sources.csv"), "w") as f:
        f.write("index,source\n" + "".join(f"{i},earthquake {name}\n" for i, name in enumerate(r["file"] for r, v in zip(records, validation) if v))
                + "".join(f"{int(validation.sum()) + i},noise {station} {file}:{row}\n" for i, (_, _, station, file, row, _) in enumerate(noise_minutes)))
    print(f"validation_100hz {len(split)} 100")


if __name__ == "__main__":
    main()
