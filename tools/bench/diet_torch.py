"""PyTorch timing of the stand-in DiET network (same weights as onnx/diet-standin-v1.onnx) for
benchmarks/README.md "## DietClassifier": torch.set_num_threads(2), inference mode, batches 1,
150 and 1024; median of repeated calls after warm-up.

Run: /usr/bin/python3 tools/bench/diet_torch.py
"""
import os
import statistics
import sys
import time

import numpy as np
import torch

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
sys.path.insert(0, os.path.join(ROOT, "tools", "model"))
from diet_standin import DietStandIn  # noqa: E402

torch.set_num_threads(2)
model = DietStandIn()
model.load_state_dict(torch.load(os.path.join(ROOT, "tools", "model", "diet-standin-v1.pt")))
model.eval()
rng = np.random.default_rng(1)
print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")
with torch.inference_mode():
    for batch in (1, 150, 1024):
        x = torch.from_numpy(rng.random((batch, 73, 71, 3), dtype=np.float32))
        repeats = {1: 400, 150: 20, 1024: 5}[batch]
        for _ in range(max(3, repeats // 10)):
            model(x)
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            model(x)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        print(f"batch {batch:5d}: median {median * 1e3:9.3f} ms per call, {median / batch * 1e6:8.1f} us per spectrogram, "
              f"{batch / median:9.0f} spectrograms/s")
