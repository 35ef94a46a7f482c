"""An independent forward pass of Keras models in numpy, written from the Keras layer documentation.

Reads the three Keras file kinds with h5py (Keras 2 .h5 with model_config, Keras 3 .keras zip,
weights-only .h5 + architecture JSON) and evaluates the layers in float64, channels-last, with
plain loops and einsum: no TensorFlow, and no code shared with the C# converter. The C# tests
compare ONNX Runtime's output of the converted model with what this writes.

    /usr/bin/python3 tools/keras/keras_numpy.py MODEL [--weights W.h5 --config C.json] --input X.npy --out Y.npy
"""
import argparse
import io
import json
import math
import zipfile

import h5py
import numpy as np


# ---------------------------------------------------------------- reading

def _strings(value):
    return [v.decode() if isinstance(v, bytes) else str(v) for v in np.atleast_1d(value)] if np.asarray(value).dtype.kind in "SUO" else []


def _read_weights(h5):
    """{layer name: [arrays in Keras storage order]} from a Keras 2 or Keras 3 weights layout."""
    weights = {}
    if "layers" in h5 and "layer_names" not in h5.attrs:
        for name, group in h5["layers"].items():
            arrays = []
            if "vars" in group:
                i = 0
                while str(i) in group["vars"]:
                    arrays.append(np.array(group["vars"][str(i)], dtype=np.float64))
                    i += 1
            weights[name] = arrays
        return weights
    root = h5["model_weights"] if "model_weights" in h5 else h5
    for name in _strings(root.attrs["layer_names"]):
        group = root[name]
        weights[name] = [np.array(group[w], dtype=np.float64) for w in _strings(group.attrs.get("weight_names", []))]
    return weights


def load(path, weights_path=None, config_path=None):
    """(config dict, weights dict, keras major version)."""
    if weights_path is not None:
        with h5py.File(weights_path, "r") as h5:
            weights = _read_weights(h5)
            version = h5.attrs.get("keras_version", b"")
        config = json.load(open(config_path))
        version = version.decode() if isinstance(version, bytes) else str(version)
        return config, weights, 3 if version.startswith("3") or '"module"' in json.dumps(config) else 2
    with open(path, "rb") as f:
        head = f.read(4)
    if head == b"PK\x03\x04":
        with zipfile.ZipFile(path) as archive:
            config = json.loads(archive.read("config.json"))
            with h5py.File(io.BytesIO(archive.read("model.weights.h5")), "r") as h5:
                weights = _read_weights(h5)
        return config, weights, 3
    with h5py.File(path, "r") as h5:
        text = h5.attrs["model_config"]
        config = json.loads(text.decode() if isinstance(text, bytes) else text)
        weights = _read_weights(h5)
        version = h5.attrs.get("keras_version", "2")
    version = version.decode() if isinstance(version, bytes) else str(version)
    return config, weights, 3 if version.startswith("3") else 2


def _layers(config):
    """[(name, class, config, [inbound names])], input names, output names."""
    cls, cfg = config["class_name"], config["config"]
    if cls == "Sequential":
        entries = cfg if isinstance(cfg, list) else cfg["layers"]
        result, previous = [], None
        for entry in entries:
            c = entry["config"]
            name = entry.get("name") or c["name"]
            if previous is None and entry["class_name"] != "InputLayer":
                shape = c.get("batch_input_shape") or c.get("batch_shape") or cfg.get("build_input_shape")
                result.append((name + "_input", "InputLayer", {"batch_input_shape": shape}, []))
                previous = name + "_input"
            result.append((name, entry["class_name"], c, [previous] if previous else []))
            previous = name
        return result, [result[0][0]], [previous]

    def history(node, out):
        if isinstance(node, list):
            if len(node) >= 3 and isinstance(node[0], str) and isinstance(node[1], int):
                out.append(node[0])
                return
            for item in node:
                history(item, out)
        elif isinstance(node, dict):
            if "keras_history" in node:
                out.append(node["keras_history"][0])
            elif "config" in node:
                history(node["config"], out)
            elif "args" in node:
                history(node["args"], out)

    result = []
    for entry in cfg["layers"]:
        inbound = []
        for node in entry.get("inbound_nodes", []):
            history(node, inbound)
        result.append((entry.get("name") or entry["config"]["name"], entry["class_name"], entry["config"], inbound))

    def refs(value):
        return [value[0]] if isinstance(value[0], str) else [v[0] for v in value]

    return result, refs(cfg["input_layers"]), refs(cfg["output_layers"])


# ---------------------------------------------------------------- layers (channels-last, float64)

def _tuple(value, n):
    if value is None:
        return None
    if isinstance(value, int):
        return (value,) * n
    value = tuple(value)
    return value * n if len(value) == 1 and n > 1 else value


def _pad_amounts(size, k, s, d, padding):
    eff = (k - 1) * d + 1
    if padding == "valid":
        return 0, 0
    if padding == "causal":
        return eff - 1, 0
    out = -(-size // s)
    total = max((out - 1) * s + eff - size, 0)
    return total // 2, total - total // 2  # TensorFlow: the odd pad goes at the end


def activation(x, name, keras3):
    if name in (None, "linear"):
        return x
    if name == "relu":
        return np.maximum(x, 0)
    if name == "relu6":
        return np.clip(x, 0, 6)
    if name == "leaky_relu":
        return np.where(x >= 0, x, 0.2 * x)
    if name == "elu":
        return np.where(x > 0, x, np.expm1(x))
    if name == "selu":
        a, s = 1.6732632423543772, 1.0507009873554805
        return s * np.where(x > 0, x, a * np.expm1(x))
    if name == "sigmoid":
        return 1 / (1 + np.exp(-x))
    if name == "hard_sigmoid":
        return np.clip(x / 6 + 0.5, 0, 1) if keras3 else np.clip(0.2 * x + 0.5, 0, 1)
    if name == "tanh":
        return np.tanh(x)
    if name in ("softmax", "log_softmax"):
        e = np.exp(x - x.max(axis=-1, keepdims=True))
        p = e / e.sum(axis=-1, keepdims=True)
        return p if name == "softmax" else np.log(p)
    if name == "softplus":
        return np.log1p(np.exp(x))
    if name == "softsign":
        return x / (1 + np.abs(x))
    if name in ("swish", "silu"):
        return x / (1 + np.exp(-x))
    if name == "gelu":
        erf = np.vectorize(math.erf)
        return 0.5 * x * (1 + erf(x / math.sqrt(2)))
    if name == "mish":
        return x * np.tanh(np.log1p(np.exp(x)))
    if name == "exponential":
        return np.exp(x)
    raise ValueError(f"activation {name}")


def _activation_name(cfg):
    a = cfg.get("activation", "linear")
    return a["config"] if isinstance(a, dict) else a


def conv(x, kernel, strides, dilation, padding, groups=1):
    """x [N, *spatial, C]; kernel [*k, C/groups, F]: a direct sum over kernel taps."""
    rank = kernel.ndim - 2
    ks = kernel.shape[:rank]
    pads = [_pad_amounts(x.shape[1 + i], ks[i], strides[i], dilation[i], padding) for i in range(rank)]
    x = np.pad(x, [(0, 0)] + pads + [(0, 0)])
    out_sizes = [(x.shape[1 + i] - ((ks[i] - 1) * dilation[i] + 1)) // strides[i] + 1 for i in range(rank)]
    cin_g, f = kernel.shape[-2], kernel.shape[-1]
    f_g = f // groups
    y = np.zeros((x.shape[0], *out_sizes, f))
    for tap in np.ndindex(*ks):
        sl = tuple(slice(tap[i] * dilation[i], tap[i] * dilation[i] + (out_sizes[i] - 1) * strides[i] + 1, strides[i]) for i in range(rank))
        patch = x[(slice(None),) + sl]
        for g in range(groups):
            y[..., g * f_g:(g + 1) * f_g] += patch[..., g * cin_g:(g + 1) * cin_g] @ kernel[tap][:, g * f_g:(g + 1) * f_g]
    return y


def depthwise(x, kernel, strides, dilation, padding):
    """kernel [*k, C, M]: output channel c * M + m."""
    rank = kernel.ndim - 2
    c, m = kernel.shape[-2], kernel.shape[-1]
    ks = kernel.shape[:rank]
    pads = [_pad_amounts(x.shape[1 + i], ks[i], strides[i], dilation[i], padding) for i in range(rank)]
    x = np.pad(x, [(0, 0)] + pads + [(0, 0)])
    out_sizes = [(x.shape[1 + i] - ((ks[i] - 1) * dilation[i] + 1)) // strides[i] + 1 for i in range(rank)]
    y = np.zeros((x.shape[0], *out_sizes, c, m))
    for tap in np.ndindex(*ks):
        sl = tuple(slice(tap[i] * dilation[i], tap[i] * dilation[i] + (out_sizes[i] - 1) * strides[i] + 1, strides[i]) for i in range(rank))
        y += x[(slice(None),) + sl][..., :, None] * kernel[tap]
    return y.reshape(x.shape[0], *out_sizes, c * m)


def pool(x, size, strides, padding, mode):
    rank = len(size)
    pads = [_pad_amounts(x.shape[1 + i], size[i], strides[i], 1, padding) for i in range(rank)]
    fill = -np.inf if mode == "max" else 0.0
    xp = np.pad(x, [(0, 0)] + pads + [(0, 0)], constant_values=fill)
    ones = np.pad(np.ones(x.shape[1:-1]), pads)  # which window cells are real pixels
    out_sizes = [(xp.shape[1 + i] - size[i]) // strides[i] + 1 for i in range(rank)]
    y = np.zeros((x.shape[0], *out_sizes, x.shape[-1]))
    for o in np.ndindex(*out_sizes):
        window = tuple(slice(o[i] * strides[i], o[i] * strides[i] + size[i]) for i in range(rank))
        cells = xp[(slice(None),) + window]
        if mode == "max":
            y[(slice(None),) + o] = cells.reshape(x.shape[0], -1, x.shape[-1]).max(axis=1)
        else:
            count = ones[window].sum()  # TensorFlow averages over real pixels only
            y[(slice(None),) + o] = cells.reshape(x.shape[0], -1, x.shape[-1]).sum(axis=1) / count
    return y


def _pairs(value, rank):
    if isinstance(value, int):
        return [(value, value)] * rank
    if rank == 1 and len(value) == 2 and isinstance(value[0], int):
        return [tuple(value)]
    if all(isinstance(v, int) for v in value):
        return [(v, v) for v in value]
    return [tuple(v) for v in value]


def layer_forward(cls, cfg, w, inputs, keras3):
    x = inputs[0] if inputs else None
    act = _activation_name(cfg)
    if cls in ("Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "GaussianNoise", "GaussianDropout", "AlphaDropout", "ActivityRegularization"):
        return x
    if cls in ("Conv1D", "Conv2D"):
        r = int(cls[4])
        y = conv(x, w[0], _tuple(cfg.get("strides", 1), r), _tuple(cfg.get("dilation_rate", 1), r), cfg.get("padding", "valid"), cfg.get("groups", 1))
        if cfg.get("use_bias", True):
            y = y + w[1]
        return activation(y, act, keras3)
    if cls in ("DepthwiseConv1D", "DepthwiseConv2D"):
        r = int(cls[13])
        y = depthwise(x, w[0], _tuple(cfg.get("strides", 1), r), _tuple(cfg.get("dilation_rate", 1), r), cfg.get("padding", "valid"))
        if cfg.get("use_bias", True):
            y = y + w[1]
        return activation(y, act, keras3)
    if cls in ("SeparableConv1D", "SeparableConv2D"):
        r = int(cls[13])
        y = depthwise(x, w[0], _tuple(cfg.get("strides", 1), r), _tuple(cfg.get("dilation_rate", 1), r), cfg.get("padding", "valid"))
        y = y @ w[1].reshape(w[1].shape[-2], w[1].shape[-1])
        if cfg.get("use_bias", True):
            y = y + w[2]
        return activation(y, act, keras3)
    if cls in ("MaxPooling1D", "MaxPooling2D", "AveragePooling1D", "AveragePooling2D"):
        r = int(cls[-2])
        size = _tuple(cfg.get("pool_size", 2), r)
        return pool(x, size, _tuple(cfg.get("strides"), r) or size, cfg.get("padding", "valid"), "max" if cls.startswith("Max") else "avg")
    if cls.startswith("Global"):
        r = int(cls[-2])
        axes = tuple(range(1, 1 + r))
        return (x.max if "Max" in cls else x.mean)(axis=axes, keepdims=cfg.get("keepdims", False))
    if cls == "BatchNormalization":
        axis = cfg.get("axis", -1)
        axis = axis[0] if isinstance(axis, list) else axis
        i = 0
        gamma = w[i] if cfg.get("scale", True) else 1.0
        i += cfg.get("scale", True)
        beta = w[i] if cfg.get("center", True) else 0.0
        i += cfg.get("center", True)
        mean, var = w[i], w[i + 1]
        shape = [1] * x.ndim
        shape[axis] = -1
        r = lambda v: np.reshape(v, shape) if np.ndim(v) else v
        return (x - r(mean)) / np.sqrt(r(var) + cfg.get("epsilon", 1e-3)) * r(gamma) + r(beta)
    if cls == "LayerNormalization":
        axis = cfg.get("axis", -1)
        axes = tuple(a % x.ndim for a in (axis if isinstance(axis, list) else [axis]))
        mean = x.mean(axis=axes, keepdims=True)
        var = x.var(axis=axes, keepdims=True)
        y = (x - mean) / np.sqrt(var + cfg.get("epsilon", 1e-3))
        i = 0
        if cfg.get("scale", True):
            y = y * w[0]
            i = 1
        if cfg.get("center", True):
            y = y + w[i]
        return y
    if cls == "Dense":
        y = x @ w[0]
        if cfg.get("use_bias", True):
            y = y + w[1]
        return activation(y, act, keras3)
    if cls == "Flatten":
        return x.reshape(x.shape[0], -1)  # row-major over (rows, columns, channels): Keras's order
    if cls == "Reshape":
        return x.reshape((x.shape[0],) + tuple(cfg["target_shape"]))
    if cls == "Permute":
        return np.transpose(x, (0,) + tuple(cfg["dims"]))
    if cls in ("ZeroPadding1D", "ZeroPadding2D"):
        r = int(cls[-2])
        return np.pad(x, [(0, 0)] + _pairs(cfg["padding"], r) + [(0, 0)])
    if cls in ("Cropping1D", "Cropping2D"):
        r = int(cls[-2])
        sl = tuple(slice(b, x.shape[1 + i] - e) for i, (b, e) in enumerate(_pairs(cfg["cropping"], r)))
        return x[(slice(None),) + sl]
    if cls == "Activation":
        return activation(x, act, keras3)
    if cls == "ReLU":
        mv, slope, thr = cfg.get("max_value"), cfg.get("negative_slope", 0.0), cfg.get("threshold", 0.0)
        y = np.where(x >= thr, x, slope * (x - thr))
        return np.minimum(y, mv) if mv is not None else y
    if cls == "LeakyReLU":
        slope = cfg.get("negative_slope", cfg.get("alpha", 0.3))
        return np.where(x >= 0, x, slope * x)
    if cls == "ELU":
        return np.where(x > 0, x, cfg.get("alpha", 1.0) * np.expm1(x))
    if cls == "PReLU":
        return np.where(x >= 0, x, w[0] * x)
    if cls == "Softmax":
        axis = cfg.get("axis", -1)
        e = np.exp(x - x.max(axis=axis, keepdims=True))
        return e / e.sum(axis=axis, keepdims=True)
    if cls == "Add":
        return sum(inputs)
    if cls == "Subtract":
        return inputs[0] - inputs[1]
    if cls == "Multiply":
        return np.prod(np.stack(inputs), axis=0)
    if cls == "Average":
        return sum(inputs) / len(inputs)
    if cls == "Maximum":
        return np.max(np.stack(inputs), axis=0)
    if cls == "Minimum":
        return np.min(np.stack(inputs), axis=0)
    if cls == "Concatenate":
        return np.concatenate(inputs, axis=cfg.get("axis", -1))
    raise ValueError(f"layer class {cls}")


def forward(config, weights, keras3, inputs):
    """inputs: {input layer name: array} or one array for a single-input model; returns the list of outputs."""
    layers, input_names, output_names = _layers(config)
    if not isinstance(inputs, dict):
        inputs = {input_names[0]: inputs}
    values = {}
    pending = list(layers)
    while pending:
        for entry in list(pending):
            name, cls, cfg, inbound = entry
            if not all(i in values for i in inbound):
                continue
            if cls == "InputLayer":
                values[name] = np.asarray(inputs[name], dtype=np.float64)
            else:
                values[name] = layer_forward(cls, cfg, weights.get(name, []), [values[i] for i in inbound], keras3)
            pending.remove(entry)
    return [values[n] for n in output_names]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", nargs="?")
    parser.add_argument("--weights")
    parser.add_argument("--config")
    parser.add_argument("--input", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    config, weights, version = load(args.model, args.weights, args.config)
    y = forward(config, weights, version == 3, np.load(args.input))[0]
    np.save(args.out, y.astype(np.float32))


if __name__ == "__main__":
    main()
