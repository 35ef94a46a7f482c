#!/usr/bin/python3
"""Cut one-minute ambient-noise windows from public GitHub recordings, for an external false-alarm check.

Nothing here trains or tunes anything: the minutes are chosen from the waveforms alone by fixed
rules (no model output is used), and the files it writes stay outside the repository.

Run with Debian's interpreter (numpy + scipy; ObsPy is not needed). The inputs are binary SAC, miniSEED (a file
per channel, or one file with the channel named per component; converted by `mseed2sac` in a temporary folder; a
channel with a gap is refused), SEG-2 (consecutive files of one recorder joined only where each starts exactly where
the one before ends), CityShark II ASCII (three integer columns after a ReadCity header) and Tromino ASCII (a zipped
export: NS, EW, Z and a GPS mark per row), each source naming its
format and the order that puts its components horizontal, horizontal, vertical:
    /usr/bin/python3 tools/evaluate/make_external_noise.py [--mirrors DIR] [--out DIR]
        --mirrors  folder holding the fetched mirrors as <owner>+<name>/repo (bare git directories);
                   default /work/.mirror. Each source's data are read with `git show COMMIT:PATH`,
                   so the exact commit below must be in the mirror.
        --out      output folder; default $TMPDIR/dietgrasp-extnoise.
Writes two sets per source: OUT/<set>.npy ("strict": minutes passing the STA/LTA rule below) and
OUT/<set>_all.npy ("all": every minute passing only the data checks, because a busy town's noise is full
of short transients and fails the STA/LTA rule almost everywhere), each float64 [M, 3, 60 fs], components
E, N, Z or X, Y, Z (horizontal, horizontal, vertical), samples as stored in the files (not resampled,
not rescaled; each set keeps its own sampling rate, from 100 to 2000 Hz), with OUT/<set>[_all].labels.csv
(header `label`, then `noise` per row); OUT/windows.csv (one row per kept minute per set, with provenance and rule
values) and OUT/candidates.csv (every examined minute, with the reason it failed the strict rule). A set with no
minutes is not written. Then e.g.
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
    more, when a sample reaches the recorder's full scale (for sources that state one, `full_scale`), or when it
    falls within 5 min of a catalogued earthquake listed in the source's `known_events` (none of these repositories
    ships a catalogue or names an event in its records).
"""
import argparse
import csv
import datetime as dt
import io
import os
import subprocess
import tempfile
import zipfile

import numpy as np
from scipy.signal import butter, sosfilt

BAND_HZ = (2.0, 20.0)
STA_S, LTA_S = 1.0, 30.0
FIRST_START_S = 90.0
KEEP_MAX, PREV_MAX = 2.5, 3.0
FLAT_RUN_S = 0.5
EVENT_GUARD_S = 300.0

# What the two Brussels survey points share (one recorder, one repository); each entry adds its own point and gain.
BRUSSELS = {
    "repo": "KoenVanNoten/HVSR_to_virtual_borehole",
    "commit": "80c59d2356c7d8db11134168094b8ec435fb587d",
    "licence": "none (no LICENSE file; the repository's README cites Van Noten et al. 2022, J. Seismol.)",
    "network": "(none)",
    "units": "counts as stored",
    "full_scale": 131072,
    "known_events": [],
}
BRUSSELS_INSTRUMENT = ("CityShark II recorder (serial 007, gain {gain}) with a 3-component seismometer (type not "
                       "stated in the file), 100 Hz, integer counts; 0.1% of samples clipped at full scale (131072)")

# What the two Cianjur survey points share (one recorder and geophone, one repository).
CIANJUR = {
    "repo": "vandanue/Tutorial-HVSR-GEOPSY",
    "commit": "f3b07f3a949e1f0c6902ac2ccecc9a9a23bd6f95",
    "licence": "GPL-3.0 (LICENSE file)",
    "network": "(none)",
    "instrument": "DMT SUMMIT M Vipa recorder with a DMT-3D/DIN 4.5 Hz 3-component geophone, 2000 Hz, int32 counts "
                  "(recorder low-cut 0.3 Hz, high-cut 394 Hz as acquired); 1-minute SEG-2 files joined end to end",
    "units": "counts as stored (SEG-2 DESCALING_FACTOR ~2.1e-5 mm/s per count not applied)",
    "known_events": [],
}


def cianjur_files(point, first, suffix, count):
    """The consecutive one-minute SEG-2 files of a Cianjur survey point, from its first minute's local clock time."""
    return [f"data/{point}/{t:%Y%m%d_%H%M}{suffix}.WIT.3c.cont.0.seg2"
            for t in (first + dt.timedelta(minutes=m) for m in range(count))]


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
    # ---- HVSR / microtremor survey recordings (single 3-component stations) ----
    {
        **BRUSSELS,
        "set": "hvsr_brussels_1",
        "stations": [
            # columns: vertical first (its H/V peak, 0.87 Hz, matches the repository's Geopsy result, f0 0.86 Hz)
            {"station": "A201", "format": "cityshark", "columns": [1, 2, 0], "paths": ["Data/170626_0933.201"]},
        ],
        "instrument": BRUSSELS_INSTRUMENT.format(gain=128),
        "site": "Brussels, Belgium (4.383283 E, 50.770229 N, Uccle; from the repository's HVSR database file), urban "
                "HVSR survey point A201, land surface; 2017-06-26 09:33-10:13 clock time (time zone not stated, no GPS "
                "fix; stored here as if UTC), a Monday morning",
    },
    {
        **BRUSSELS,
        "set": "hvsr_brussels_2",
        "stations": [
            {"station": "A202", "format": "cityshark", "columns": [1, 2, 0], "paths": ["Data/170626_1045.202"]},
        ],
        "instrument": BRUSSELS_INSTRUMENT.format(gain=512),
        "site": "Brussels, Belgium (4.384596 E, 50.774603 N, Uccle, ~490 m from A201; from the repository's HVSR "
                "database file), urban HVSR survey point A202, land surface; 2017-06-26 10:45-11:05 clock time "
                "(time zone not stated, no GPS fix; stored here as if UTC)",
    },
    {
        **CIANJUR,
        "set": "hvsr_cianjur_1",
        "stations": [
            {"station": "uT12", "format": "seg2", "channels": ["X", "Y", "Z"],
             "paths": cianjur_files("uT12", dt.datetime(2024, 10, 22, 14, 55), "01000", 75)},
        ],
        "site": "West Java, Indonesia (107.082833 E, 6.835415 S from the files' GPS strings: Cugenang, west of Cianjur "
                "town), HVSR survey point uT12, land surface, village / peri-urban; 2024-10-22 07:55-09:09 UTC "
                "(14:55-16:09 local, a Tuesday afternoon)",
    },
    {
        **CIANJUR,
        "set": "hvsr_cianjur_2",
        "stations": [
            {"station": "uT17", "format": "seg2", "channels": ["X", "Y", "Z"],
             "paths": cianjur_files("uT17", dt.datetime(2024, 10, 19, 13, 28), "48000", 72)},
        ],
        "site": "West Java, Indonesia (107.087252 E, 6.831032 S from the files' GPS strings, ~700 m from uT12), HVSR "
                "survey point uT17, land surface, village / peri-urban; 2024-10-19 06:28-07:40 UTC (13:28-14:40 local, "
                "a Saturday afternoon)",
    },
    {
        "set": "hvsr_usc6",
        "repo": "fjornelas/hvsrprocpy",
        "commit": "c7a8197ff343a1c75dfa72a8e694a4f3d837122b",
        "licence": "GPL-3.0 (LICENSE file)",
        "stations": [
            {"station": "USC6", "format": "mseed",
             "paths": [f"example/NX.USC6..HH{c}.D.2022.250" for c in "ENZ"]},
        ],
        "network": "NX",
        "instrument": "HH? channels, 200 Hz, integer counts (instrument not stated)",
        "site": "NOT INDEPENDENT: NX.USC6 is a training station of ../shared/data/real-noise (the same repository). "
                "Not stated in the repository (example microtremor record of an HVSR processing package; station "
                "USC6 of network NX), land surface assumed; 2022-09-07 17:01-18:05 UTC (a Wednesday; 10:01 local if in "
                "California, the package author's affiliation)",
        "units": "counts as stored",
        "known_events": [],
    },
    {
        "set": "hvsr_svim",
        "repo": "auliakhalqillah/SVIM",
        "commit": "f49512bb0a830d285fe5f36a20868c6ce4b25653",
        "licence": "GPL-3.0 (LICENSE file)",
        "stations": [
            {"station": "c0C02", "format": "mseed",
             "paths": [f"EXAMPLE/c0c02231120035925.bh{c}" for c in "enz"]},
        ],
        "network": "XX",
        "instrument": "BH? channels, 100 Hz, integer counts (instrument not stated)",
        "site": "not stated (the repository's output file gives placeholder coordinates 1.0/2.0; the author is at "
                "Universitas Syiah Kuala, Banda Aceh, Indonesia), microtremor survey record, land surface; "
                "2023-11-20 03:59-04:41 UTC (10:59 local if in Indonesia, a Monday)",
        "units": "counts as stored",
        "known_events": [],
    },
    # ---- citizen-network accelerometer ----
    {
        "set": "es_khh01_taiwan",
        "repo": "ExpTechTW/lpgm-calculator",
        "commit": "b5eb10179d921f0e73405bdf29a489a940a091b6",
        "licence": "MIT (repository LICENSE, copyright 2021 F. Le Neindre; the record was added by ExpTechTW in 2025)",
        "stations": [
            {"station": "KHH01", "format": "mseed", "paths": ["example.mseed"] * 3, "channels": ["ENE", "ENN", "ENZ"]},
        ],
        "network": "ES",
        "instrument": "ExpTech ES-Net low-cost 3-component MEMS accelerometer (EN? channels), 50 Hz; model not stated",
        "site": "ES-Net citizen station KHH01 (location code TW; KHH suggests Kaohsiung, Taiwan; coordinates not "
                "in the repository), 2025-12-27 15:00-15:30 UTC = 23:00-23:30 local",
        "units": "raw counts as recorded (integer counts converted to float); spectrum nearly flat 0.5-20 Hz, i.e. "
                 "largely the accelerometer's own noise",
        # a regional earthquake's strong transient begins 375.6 s into the record on all three components; where a
        # record holds an earthquake and does not say when, the entry is that onset (later than the origin time, so
        # it guards more of the minutes after it)
        "known_events": ["2025-12-27T15:06:15Z"],
    },
    # ---- found 2026-12-04: two more survey records, for training (MIT) ----
    {
        "set": "hvsr_springbrook",
        "repo": "thecraigoneill/Subground_HVSR",
        "commit": "5af1185bb2ae95309a47a7ea725d55c04258733c",
        "licence": "MIT (LICENSE file)",
        "stations": [
            {"station": "TEB-0707", "format": "tromino", "columns": [1, 0, 2],
             "paths": ["HVSR_example_data/example_tromino_data.dat.zip"]},
        ],
        "network": "(none)",
        "instrument": "Tromino (serial TEB-0707/01-22), 512 Hz, 16-bit samples stored as mm/s ('amplitude equalization "
                      "down to natural sensor frequency' per the file); columns NS, EW, Z, GPS time mark (dropped)",
        "site": "Springbrook, Queensland, Australia (28.2252 S, 153.2616 E, 888 m; from the file's GPS fix), a "
                "plateau village at a rainforest edge, HVSR survey record with people and vehicles near the sensor "
                "(strong transients of seconds to tens of seconds); 2023-07-20 01:24:39-01:46:39 UTC per the file's "
                "GPS line (its local clock says 09:24:39)",
        "units": "mm/s as stored",
        "known_events": [],
    },
    {
        "set": "hvsr_hv70",
        "repo": "yudhastyawan/My-RaspShake-HVSR-Codes",
        "commit": "4be77a16167c2be93065fc04863ece94ea8cde68",
        "licence": "MIT (LICENSE file)",
        "stations": [
            {"station": "6U38", "format": "mseed",
             "paths": [f"msd_data/st002_6u38{c}2_20211106_0700.msd" for c in "enz"]},
        ],
        "network": "(none)",
        "instrument": "HH? channels, 100 Hz, integer counts (Guralp 6TD per the repository's PPSD script)",
        "site": "HVSR field survey point HV70 (the repository's merged file name), site not stated (the "
                "repository's code comments are in Indonesian), land surface assumed; 2021-11-06 07:10-07:51 UTC; its "
                "first minute is the installation's transient (before the grid's first minute at 90 s)",
        "units": "counts as stored",
        "known_events": [],
    },
    # ---- building ambient vibration ----
    {
        "set": "bldg_zurich_1",
        "repo": "heinerigel/skience2025",
        "commit": "a7d8eb9a022bc34e902db5d46c85f0f655706448",
        "licence": "none (no LICENSE file; network 9E data used in a winter-school notebook)",
        "stations": [
            {"station": "ZPT.R1", "format": "mseed",
             "paths": [f"05 StructuralHealth/Structural Characterization/PrimeTower_data/2021.10.1.9E.ZPT.R1.HG{c}"
                       for c in "ENZ"]},
        ],
        "network": "9E",
        "instrument": "HG? accelerometer channels of a 6-component (translation + rotation) station, 250 Hz; float32 "
                      "samples that are integer multiples of 2.451e-6 (counts times a constant, not filtered)",
        "site": "Prime Tower, Zurich, Switzerland (126 m office high-rise; location code R1, presumably the roof: the "
                "notebook draws the roof outline), in a building, urban; 2021-10-01 00:00-00:10 UTC (02:00 local, a "
                "Friday night)",
        "units": "as stored (float; presumably acceleration, scaling not documented in the repository)",
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


def read_mseed(raw):
    """read_sac's tuples for the bytes of a miniSEED file, one per channel and continuous segment, converted by
    mseed2sac in a temporary folder."""
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "in.mseed"), "wb") as f:
            f.write(raw)
        subprocess.run(["mseed2sac", "in.mseed"], cwd=tmp, check=True, capture_output=True)
        records = []
        for name in sorted(n for n in os.listdir(tmp) if n.endswith(".SAC")):
            with open(os.path.join(tmp, name), "rb") as f:
                records.append(read_sac(f.read()))
    return records


def one_channel(records, channel=None):
    """The one record of a converted miniSEED file: its only channel, or the named one of several. A channel with a
    gap (mseed2sac writes one SAC record per continuous segment) is refused, not patched over."""
    if channel is not None:
        records = [r for r in records if r[3]["kcmpnm"] == channel]
    if len(records) != 1:
        raise ValueError(f"miniSEED channel {channel or '(the only one)'} is not one continuous segment "
                         f"({len(records)} SAC segments)")
    return records[0]


def read_seg2(raw):
    """One read_sac-like tuple per trace of a little-endian SEG-2 file: (samples, delta, start, header), the start
    from the ACQUISITION_*_UTC strings, kcmpnm the trace's REGISTRATION_DIRECTION (X, Y or Z)."""
    if raw[:2] != b"\x55\x3a":
        raise ValueError("not a little-endian SEG-2 file")
    pointer_bytes, ntraces = np.frombuffer(raw[4:8], dtype="<u2")
    pointers = np.frombuffer(raw[32:32 + 4 * int(ntraces)], dtype="<u4")

    def strings(block):
        # free-format strings: each a 2-byte length (counting itself), then "KEYWORD value" ended by a NUL
        out, at = {}, 0
        while at + 2 <= len(block):
            length = int(np.frombuffer(block[at:at + 2], dtype="<u2")[0])
            if length < 2:
                break
            text = block[at + 2:at + length].split(b"\x00")[0].decode("latin-1")
            if " " in text:
                key, value = text.split(" ", 1)
                out[key] = value.strip()
            at += length
        return out

    head = strings(raw[32 + int(pointer_bytes):int(pointers[0])])
    start = dt.datetime.strptime(head["ACQUISITION_DATE_UTC"] + " " + head["ACQUISITION_TIME_UTC"],
                                 "%d/%b/%Y %H:%M:%S").replace(tzinfo=dt.timezone.utc)
    start += dt.timedelta(microseconds=int(head.get("ACQUISITION_TIME_MICROSECONDS_UTC", "0")))
    formats = {1: "<i2", 2: "<i4", 4: "<f4", 5: "<f8"}
    records = []
    for p in (int(x) for x in pointers):
        block_size = int(np.frombuffer(raw[p + 2:p + 4], dtype="<u2")[0])
        npts = int(np.frombuffer(raw[p + 8:p + 12], dtype="<u4")[0])
        code = raw[p + 12]
        trace = strings(raw[p + 32:p + block_size])
        width = np.dtype(formats[code]).itemsize
        data = np.frombuffer(raw[p + block_size:p + block_size + width * npts], dtype=formats[code]).astype(np.float64)
        if len(data) != npts:
            raise ValueError("SEG-2 trace shorter than its sample count")
        header = {"kstnm": head.get("STATION_NAME", ""), "kcmpnm": trace["REGISTRATION_DIRECTION"],
                  "knetwk": "", "kinst": head.get("DEVICE_NAME", "")}
        records.append((data, float(trace["SAMPLE_INTERVAL"]), start, header))
    return records


def read_cityshark(raw, columns):
    """read_sac-like tuples for the columns (0-based, in the order wanted) of a CityShark II ASCII file (ReadCity
    header of `Key: value` lines, then one row of integer counts per sample); the start is the header's clock time,
    taken as UTC (the file states no time zone)."""
    text = raw.decode("latin-1").splitlines()
    head = dict(line.split(":", 1) for line in text[:30] if ":" in line)
    head = {k.strip(): v.strip() for k, v in head.items()}
    nrows = int(head["Sample number"])
    first = next(i for i, line in enumerate(text) if line.startswith("Maximum amplitude")) + 1
    rows = np.array([line.split() for line in text[first:first + nrows]], dtype=np.float64)
    if rows.shape != (nrows, 3):
        raise ValueError(f"CityShark file has {rows.shape} samples, its header says {nrows} x 3")
    start = dt.datetime.strptime(head["Starting date"] + " " + head["Starting time"],
                                 "%d.%m.%Y %H:%M:%S.%f").replace(tzinfo=dt.timezone.utc)
    delta = 1.0 / float(head["Sample rate"].split()[0])
    return [(rows[:, c].copy(), delta, start, {"kstnm": head["Station serial number"], "kcmpnm": f"col{c}",
                                               "knetwk": "", "kinst": "CityShark II"}) for c in columns]


def read_tromino(raw, columns):
    """read_sac-like tuples for the columns (0-based, in the order wanted) of a Tromino ASCII export, itself the one
    .dat file of a zip archive: a header of `Key: value` lines (sampling rate, start, the GPS-synchronised UTC start),
    a units row, then one row of NS, EW, Z and GPS-mark values per sample."""
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        names = [n for n in archive.namelist() if n.endswith(".dat")]
        if len(names) != 1:
            raise ValueError(f"Tromino archive holds {len(names)} .dat files, not one")
        text = archive.read(names[0]).decode("latin-1").splitlines()
    units = next(i for i, line in enumerate(text) if line.strip().startswith("[mm/s]"))
    head = text[:units]
    fs = float(next(line for line in head if line.startswith("Sampling rate")).split(":")[1].split()[0])
    date = next(line for line in head if line.startswith("Start recording:") and "UTC" not in line).split(":", 1)[1].split()[0]
    utc = next(line for line in head if "UTC time synchronized" in line).split(":", 2)[2].split()[0]
    start = dt.datetime.strptime(date + " " + utc, "%d/%m/%Y %H:%M:%S.%f").replace(tzinfo=dt.timezone.utc)
    rows = np.array([line.split() for line in text[units + 1:] if line.strip()], dtype=np.float64)
    return [(rows[:, c].copy(), 1.0 / fs, start, {"kstnm": "Tromino", "kcmpnm": ("NS", "EW", "Z")[c],
                                                  "knetwk": "", "kinst": "Tromino"}) for c in columns]


def read_station(mirror, commit, sta):
    """The three component records of a station, horizontal, horizontal, vertical, as read_sac tuples."""
    kind = sta.get("format", "sac")
    if kind == "sac":
        return [read_sac(git_blob(mirror, commit, p)) for p in sta["paths"]]
    if kind == "mseed":
        # one file per component, or one file holding all three with `channels` naming the trace taken from each path
        channels = sta.get("channels", [None] * len(sta["paths"]))
        converted = {p: read_mseed(git_blob(mirror, commit, p)) for p in dict.fromkeys(sta["paths"])}  # each file once
        return [one_channel(converted[p], c) for p, c in zip(sta["paths"], channels)]
    if kind == "cityshark":
        return read_cityshark(git_blob(mirror, commit, sta["paths"][0]), sta["columns"])
    if kind == "tromino":
        return read_tromino(git_blob(mirror, commit, sta["paths"][0]), sta["columns"])
    if kind == "seg2":
        # consecutive files of one recorder, each with the same traces; joined only where each file starts exactly
        # (to a tenth of a sample) where the one before ends
        pieces = [read_seg2(git_blob(mirror, commit, p)) for p in sta["paths"]]
        for before, after in zip(pieces, pieces[1:]):
            data, delta, start, _ = before[0]
            step = (after[0][2] - start).total_seconds() - len(data) * delta
            if abs(step) > 0.1 * delta:
                raise ValueError(f"SEG-2 files are not contiguous ({step:+.4f} s between them)")
        names = [r[3]["kcmpnm"] for r in pieces[0]]
        if any([r[3]["kcmpnm"] for r in piece] != names for piece in pieces):
            raise ValueError("SEG-2 files do not hold the same traces")
        order = [names.index(c) for c in sta["channels"]]
        return [(np.concatenate([piece[i][0] for piece in pieces]),) + pieces[0][i][1:] for i in order]
    raise ValueError(f"unknown format {kind}")


def load_three(mirror, commit, sta):
    """The three components cut to their common span: ([3, n] array, fs, start, headers)."""
    records = read_station(mirror, commit, sta)
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


def select(stack, fs, start, known_events, full_scale=None):
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
        elif full_scale is not None and np.abs(window).max() >= full_scale:
            quality = "clipped samples (at the recorder's full scale)"
        elif any(abs((e - t0).total_seconds() - 30) < 30 + EVENT_GUARD_S for e in events):
            quality = "near a catalogued earthquake"
        transient = ""
        if wmax >= KEEP_MAX:
            transient = f"STA/LTA in window {wmax:.2f} >= {KEEP_MAX}"
        elif pmax >= PREV_MAX:
            transient = f"STA/LTA in minute before {pmax:.2f} >= {PREV_MAX}"
        yield s, quality, transient, wmax, pmax, rms


# ---------------------------------------------------------------- main -------------------------------------------------

def paths_text(sta):
    """The station's paths for the provenance columns; a path shared by several miniSEED channels is followed by the
    channel taken from it, in brackets."""
    if sta.get("format") != "mseed" or "channels" not in sta:
        return " ".join(sta["paths"])
    return " ".join(f"{p}[{c}]" for p, c in zip(sta["paths"], sta["channels"]))


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
            stack, fs, start, headers = load_three(mirror, src["commit"], sta)
            channels = " ".join(h["kcmpnm"] for h in headers)
            counts = {"examined": 0, "strict": 0, "all": 0}
            for s, quality, transient, wmax, pmax, rms in select(stack, fs, start, src["known_events"],
                                                                 src.get("full_scale")):
                counts["examined"] += 1
                t0 = (start + dt.timedelta(milliseconds=round(1000 * s / fs))).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
                base = {"fs_hz": f"{fs:g}", "source_repo": src["repo"], "commit": src["commit"],
                        "licence": src["licence"], "path": paths_text(sta), "network": src["network"],
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
