"""Writes the SAC inputs of known samples (both byte orders) and the miniSEED files that
sac2mseed cannot pack (int16 = encoding 1, float64 = encoding 5), in both byte orders.
Usage: /usr/bin/python3 make_inputs.py OUTDIR"""
import struct
import sys

import numpy as np

OUT = sys.argv[1]
UNDEF_F, UNDEF_I, UNDEF_K = -12345.0, -12345, b"-12345  "
# 2024-03-01 (day 61) 12:34:56.789 UTC
YEAR, JDAY, HOUR, MINUTE, SEC, MSEC = 2024, 61, 12, 34, 56, 789


def write_sac(path, samples, order, net, sta, loc, chan, delta=0.01, b=0.0):
    samples = np.asarray(samples, dtype=np.float32)
    floats = [UNDEF_F] * 70
    ints = [UNDEF_I] * 40
    floats[0] = delta
    floats[1], floats[2], floats[56] = float(samples.min()), float(samples.max()), float(samples.mean())
    floats[5] = b
    floats[6] = b + delta * (len(samples) - 1)
    ints[0:6] = [YEAR, JDAY, HOUR, MINUTE, SEC, MSEC]
    ints[6] = 6          # NVHDR
    ints[9] = len(samples)
    ints[15] = 1         # IFTYPE = ITIME
    ints[35:39] = [1, 1, 1, 1]  # LEVEN, LPSPOL, LOVROK, LCALDA

    def k8(text):
        return text.encode("ascii").ljust(8)

    header = struct.pack(order + "70f", *floats) + struct.pack(order + "40i", *ints)
    # Character header: KSTNM (440), KEVNM (16 bytes), then 21 fields of 8 bytes from KHOLE (464).
    rest = [UNDEF_K] * 21
    rest[0] = k8(loc)      # KHOLE  464
    rest[17] = k8(chan)    # KCMPNM 600
    rest[18] = k8(net)     # KNETWK 608
    header += k8(sta) + b"-12345          " + b"".join(rest)
    assert len(header) == 632
    with open(path, "wb") as f:
        f.write(header)
        f.write(samples.astype(order + "f4").tobytes())


def write_mseed(path, samples, encoding, order, net, sta, loc, chan, reclen=512):
    """Plain (uncompressed) miniSEED 2 records with blockette 1000 at 48, data at 64."""
    dtype = {1: "i2", 3: "i4", 4: "f4", 5: "f8"}[encoding]
    size = np.dtype(dtype).itemsize
    per_record = (reclen - 64) // size
    exponent = reclen.bit_length() - 1
    out = bytearray()
    start_us = ((HOUR * 60 + MINUTE) * 60 + SEC) * 1_000_000 + MSEC * 1000
    for seq, first in enumerate(range(0, len(samples), per_record), start=1):
        chunk = np.asarray(samples[first:first + per_record])
        t_us = start_us + first * 10_000  # 100 Hz
        hh, rem = divmod(t_us, 3_600_000_000)
        mm, rem = divmod(rem, 60_000_000)
        ss, rem = divmod(rem, 1_000_000)
        header = b"%06dD " % seq
        header += sta.encode().ljust(5) + loc.encode().ljust(2) + chan.encode().ljust(3) + net.encode().ljust(2)
        header += struct.pack(order + "HHBBBBH", YEAR, JDAY, hh, mm, ss, 0, rem // 100)
        header += struct.pack(order + "HhhBBBBiHH", len(chunk), 100, 1, 0, 0, 0, 1, 0, 64, 48)
        header += struct.pack(order + "HHBBBB", 1000, 0, encoding, 1 if order == ">" else 0, exponent, 0)
        record = header.ljust(64, b"\0") + chunk.astype(order + dtype).tobytes()
        out += record.ljust(reclen, b"\0")
    with open(path, "wb") as f:
        f.write(out)


rng = np.random.default_rng(20260124)
n = 3000
t = np.arange(n) / 100.0
# Real-valued samples for the SAC and float encodings.
real = (1000.0 * np.sin(2 * np.pi * 1.3 * t) + rng.normal(0, 50, n)).astype(np.float32)
# Integer samples whose differences need every Steim1/Steim2 width: 0, 4..8 bit, 10..16 bit,
# and 25 bit (Steim2's 30-bit and Steim1's 32-bit class); |x| < 2^23 so float32 holds them exactly.
ints = np.concatenate([
    np.zeros(300),
    np.cumsum(rng.integers(-7, 8, 700)),
    rng.integers(-2**14, 2**14, 700),
    rng.integers(-2**23 + 1, 2**23, 600),
    np.cumsum(rng.integers(-300, 301, 700)),
]).astype(np.float32)
int16 = rng.integers(-32768, 32768, 2000).astype(np.int16)

write_sac(f"{OUT}/real_le.sac", real, "<", "XX", "DGT01", "00", "HHZ")
write_sac(f"{OUT}/real_be.sac", real, ">", "XX", "DGT01", "00", "HHN", b=0.25)
write_sac(f"{OUT}/ints_le.sac", ints, "<", "XX", "DGT02", "", "HHE")
for order, name in (("<", "le"), (">", "be")):
    write_mseed(f"{OUT}/int16_{name}_512.mseed", int16, 1, order, "XX", "DGT03", "10", "HH1")
    write_mseed(f"{OUT}/float64_{name}_1024.mseed", real.astype(np.float64), 5, order, "XX", "DGT03", "10", "HH2", 1024)

# Small differences for Steim2's 5 x 6-bit words (|d| in 16..31 needs 6 bits, not 5), with runs of
# 6 x 5-bit and 7 x 4-bit words between them; libmseed's packer (sac2mseed) picks the densest word.
small_rng = np.random.default_rng(20261203)
magnitudes = np.concatenate([
    small_rng.integers(16, 32, 1200),   # 5 x 6-bit words
    small_rng.integers(8, 16, 300),     # 6 x 5-bit words
    small_rng.integers(0, 8, 300),      # 7 x 4-bit words
    small_rng.integers(16, 32, 1200),
])
steps = magnitudes * small_rng.choice([-1, 1], magnitudes.size)
small = (5000 + np.cumsum(steps)).astype(np.float32)
write_sac(f"{OUT}/smalldiffs.sac", small, "<", "XX", "DGT04", "", "HHZ")
