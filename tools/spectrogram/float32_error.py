"""How far a float32 spectrogram falls from the float64 one (issue 18 allows a float32 path within 1e-5 of scipy).

scipy computes the same DiET spectrogram (make_reference.make_spec) once from float64 and once from float32 samples
(pocketfft then transforms in float32), on minutes of the held-out synthetic windows, mean removed as `run` cuts them:

  /usr/bin/python3 tools/spectrogram/float32_error.py WINDOWS_DIR/test_100hz.npy [COUNT=400] [HIGHPASS_HZ=0]
with HIGHPASS_HZ > 0 the whole window (its 20 s margins included) is first high-passed as `run` does by default
(scipy's butter(4, HZ, 'highpass', output='sos') through sosfiltfilt); prints the largest and the 99.9th-percentile absolute difference of the scaled spectrograms (0..1 over 4 decades).
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_reference  # noqa: E402


def main():
    windows = np.load(sys.argv[1], mmap_mode="r")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 400
    highpass = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
    fs = 100
    first = 20 * fs  # the windows' 20 s margin
    x = np.asarray(windows[:count], dtype=np.float64)
    if highpass > 0:
        from scipy import signal
        x = signal.sosfiltfilt(signal.butter(4, highpass, "highpass", fs=fs, output="sos"), x, axis=-1)
    x = x[:, :, first:first + 60 * fs]
    x = x - x.mean(axis=-1, keepdims=True)
    exact = make_reference.make_spec(x, fs)
    single = make_reference.make_spec(x.astype(np.float32), fs)
    error = np.abs(exact - single)
    print(f"{len(x)} minutes, high-pass {highpass:g} Hz: max |float32 - float64| {error.max():.3g}, 99.9th percentile {np.quantile(error, 0.999):.3g}, "
          f"pixels over 1e-5: {(error > 1e-5).sum()} of {error.size}")


if __name__ == "__main__":
    main()
