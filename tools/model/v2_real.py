"""Real-record examples of the stand-in model v2: augmented training minutes from the training
stations and fixed validation minutes from the validation stations (split in v2_data)."""
import numpy as np

import v2_data as d

RATES = (50.0, 100.0, 125.0, 200.0)
RATE_WEIGHTS = (0.15, 0.55, 0.15, 0.15)


def _rate(rng):
    return float(rng.choice(RATES, p=RATE_WEIGHTS))


def record_snr(record):
    """Peak of the filtered record after P over the RMS of its filtered pre-event noise (100 Hz, P at 30 s)."""
    x = d.highpass(record - record.mean(axis=-1, keepdims=True), 100.0)
    noise = x[:, 300:2800].std()
    return float(np.abs(x[:, 3000:]).max() / max(noise, 1e-30))


def noise_minutes(noise, validation):
    """Filtered real noise minutes of the training (validation=False) or validation stations."""
    return [(n[0], n[1], n[2], n[3]) for n in noise if n[5] == validation]


def _filtered(record, fs, target, pad_seconds=60.0):
    """The record resampled to target Hz, reflect-padded by pad_seconds, zero-phase high-passed (padding kept)."""
    x = v2_data_resample_mean(record, fs, target)
    pad = int(round(pad_seconds * target))
    return d.highpass(np.pad(x, ((0, 0), (pad, pad)), mode="reflect"), target), pad


def v2_data_resample_mean(record, fs, target):
    x = record - record.mean(axis=-1, keepdims=True)
    return d.resample(x, fs, target)


def training_examples(waveforms, validation_mask, noise, rng, per_event=30, noise_repeats=None, repeat=1):
    """Augmented real training minutes: returns (spectrograms [M, 73, 71, 3], labels [M], kinds list).
    Each record is filtered once per rate (the filter is linear and time-invariant, so minutes cut
    from the filtered record at any position are what the pipeline would give)."""
    minutes = {rate: [] for rate in RATES}  # rate -> list of (minute, label, kind)
    train_noise = noise_minutes(noise, validation=False)
    noise_filtered = {}

    def filtered_noise(i, rate):
        if (i, rate) not in noise_filtered:
            raw, noise_fs, _, _ = train_noise[i]
            x, pad = _filtered(raw, noise_fs, rate)
            noise_filtered[(i, rate)] = x[:, pad:pad + int(round(d.MINUTE * rate))]
        return noise_filtered[(i, rate)]

    for index in np.flatnonzero(~validation_mask):
        record = waveforms[index]
        snr = record_snr(record)
        filtered = {}
        for _ in range(per_event):
            fs = _rate(rng)
            if fs not in filtered:
                filtered[fs] = _filtered(record, 100.0, fs)
            x, pad = filtered[fs]
            coda_only = snr > 50 and rng.random() < 0.12
            p = rng.uniform(-4, -0.5) if coda_only else rng.uniform(2, 50)
            first = pad + int(round((30.0 - p) * fs))
            minute = x[:, first:first + int(round(d.MINUTE * fs))] * rng.uniform(0.5, 2, size=(3, 1))
            if not coda_only and rng.random() < 0.4:
                # Real noise of a training station under the event, at a lower signal-to-noise ratio.
                target = rng.uniform(3, 30)
                if snr > target:
                    background = filtered_noise(int(rng.integers(len(train_noise))), fs)
                    scale = np.abs(minute).max() / target / max(background.std(), 1e-30)
                    minute = minute + scale * background * rng.uniform(0.7, 1.4, size=(3, 1))
            minutes[fs].append((minute, 0, "real earthquake"))
    for i, (raw, noise_fs, station, file) in enumerate(train_noise):
        source = d.noise_source(station, file)
        repeats = (noise_repeats.get(source, 6) if noise_repeats else 6) * repeat
        for _ in range(repeats):
            fs = _rate(rng)
            minute = filtered_noise(i, fs)
            if rng.random() < 0.5:
                minute = minute[:, ::-1]  # zero-phase filtering commutes with time reversal
            minute = minute * rng.uniform(0.5, 2, size=(3, 1))
            if source == "ocean-bottom" and rng.random() < 0.5:
                minute = minute[rng.permutation(3)]  # orientation and component gains of these samples are unknown
            minutes[fs].append((minute, 2, "real noise " + source))
    specs, labels, kinds = [], [], []
    for fs, items in minutes.items():
        if items:
            specs.append(d.make_spec(np.stack([m for m, _, _ in items]), fs).astype(np.float32))
            labels += [label for _, label, _ in items]
            kinds += [kind for _, _, kind in items]
    return np.concatenate(specs), np.array(labels, dtype=np.int64), kinds


def validation_examples(waveforms, validation_mask, accelerometer, noise, p_positions=(5, 10, 20, 30, 45)):
    """Fixed validation minutes at 100 Hz: each validation event with its P at each position; each validation noise minute."""
    specs, labels, groups = [], [], []
    for index in np.flatnonzero(validation_mask):
        for p in p_positions:
            specs.append(d.make_spec(d.earthquake_minute(waveforms[index], p, 100.0), 100.0).astype(np.float32))
            labels.append(0)
            groups.append(f"earthquake P at {p} s" + (" (accelerometer)" if accelerometer[index] else ""))
    for raw, noise_fs, station, file in noise_minutes(noise, validation=True):
        minute = d.minute_from_record(raw, noise_fs, 0.0)
        specs.append(d.make_spec(minute, noise_fs).astype(np.float32))
        labels.append(2)
        groups.append("noise " + d.noise_source(station, file) + " " + station)
    return np.stack(specs), np.array(labels, dtype=np.int64), groups
