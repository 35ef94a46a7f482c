"""Checks of diet-standin-v2 (or v3, v4) beyond the sidecar (onnx/README.md quotes them): the 35 validation
events (P at 10 s) at 50, 125, 200 Hz and 100 -> 128 -> 125 Hz (as the pipeline resamples 128 Hz
records), v1 beside it; and the validation noise minutes without the high-pass.

Run: cd tools/model && /usr/bin/python3 check_v2_rates.py [v2|v3|v4]
"""
import sys, numpy as np, torch
sys.path.insert(0, '.')
import v2_data as d, train_v2 as T
from diet_standin import DietStandIn, load_weights
torch.set_num_threads(2)
tag = sys.argv[1] if len(sys.argv) > 1 else "v2"
# The widths (v3: 12, 24, 48, 48; v2 and v4: 8, 16, 32, 32) are read from the weights.
m = load_weights(f'diet-standin-{tag}.pt')
v1 = DietStandIn(); v1.load_state_dict(torch.load('diet-standin-v1.pt')); v1.eval()
w, s, val, acc, ch, _ = d.load_earthquakes()
idx = np.flatnonzero(val)
for label, path in (("50", (100, 50)), ("125", (100, 125)), ("200", (100, 200)), ("128->125", (100, 128, 125))):
    specs = []
    for i in idx:
        x = w[i] - w[i].mean(axis=-1, keepdims=True)
        fs = 100.0
        for target in path[1:]:
            x = d.resample(x, fs, target); fs = float(target)
        minute = d.minute_from_record(x, fs, 30.0 - 10.0)
        specs.append(d.make_spec(minute, fs).astype(np.float32))
    specs = np.stack(specs)
    p2 = T.softmax(T.logits_of(m, specs), float(m.temperature)); p1 = T.softmax(T.logits_of(v1, specs))
    print(label, f"Hz: {tag} earthquake", int((p2.argmax(1) == 0).sum()), "of", len(idx), "| v1", int((p1.argmax(1) == 0).sum()))
# unfiltered real validation noise and earthquakes (what classify --spectrograms of raw minutes gives)
noise = [n for n in d.load_noise() if n[5]]
specs = np.stack([d.make_spec(n[0] - n[0].mean(axis=-1, keepdims=True), n[1]).astype(np.float32) for n in noise])
p2 = T.softmax(T.logits_of(m, specs), float(m.temperature)); p1 = T.softmax(T.logits_of(v1, specs))
print(f"unfiltered validation noise: {tag} false alarms", int((p2.argmax(1) != 2).sum()), "of", len(noise), "| v1", int((p1.argmax(1) != 2).sum()))
