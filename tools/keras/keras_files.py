"""Writes Keras model files with h5py and zipfile, laid out exactly as Keras writes them.

Keras 2 / tf.keras .h5: root attributes keras_version, backend, model_config (JSON); group
model_weights with attributes keras_version, backend, layer_names; a group per layer with attribute
weight_names and the datasets at LAYER/WEIGHT:0. Keras 3 .keras: a zip of metadata.json,
config.json and model.weights.h5 (layers/LAYER/vars/0..n). Used by make_fixtures.py.
"""
import io
import json
import zipfile

import h5py
import numpy as np

WEIGHT_ROLES = {
    "Conv1D": ["kernel", "bias"], "Conv2D": ["kernel", "bias"], "Dense": ["kernel", "bias"],
    "DepthwiseConv1D": ["depthwise_kernel", "bias"], "DepthwiseConv2D": ["depthwise_kernel", "bias"],
    "SeparableConv1D": ["depthwise_kernel", "pointwise_kernel", "bias"], "SeparableConv2D": ["depthwise_kernel", "pointwise_kernel", "bias"],
    "BatchNormalization": ["gamma", "beta", "moving_mean", "moving_variance"], "LayerNormalization": ["gamma", "beta"], "PReLU": ["alpha"],
}


def weight_names(cls, cfg, count):
    roles = list(WEIGHT_ROLES.get(cls, []))
    if cls in ("BatchNormalization", "LayerNormalization"):
        if not cfg.get("scale", True):
            roles.remove("gamma")
        if not cfg.get("center", True):
            roles.remove("beta")
    elif not cfg.get("use_bias", True) and "bias" in roles:
        roles.remove("bias")
    assert len(roles) == count, (cls, roles, count)
    return roles


def write_keras2(path, config, weights, layer_classes, keras_version="2.15.0", weights_only=False, compact=False):
    """weights: {layer name: [arrays]} in Keras order; layer_classes: [(name, class, cfg)] in config order.

    compact: HDF5 1.10+ structures (libver="latest"), a quarter of the size; Keras itself writes the default (False).
    """
    with h5py.File(path, "w", **({"libver": "latest"} if compact else {})) as f:
        if not weights_only:
            f.attrs["keras_version"] = keras_version
            f.attrs["backend"] = "tensorflow"
            f.attrs["model_config"] = json.dumps(config)
            root = f.create_group("model_weights")
        else:
            root = f
        root.attrs["keras_version"] = keras_version
        root.attrs["backend"] = "tensorflow"
        names = [name for name, _, _ in layer_classes]
        root.attrs["layer_names"] = np.array([n.encode() for n in names])
        for name, cls, cfg in layer_classes:
            group = root.create_group(name)
            arrays = weights.get(name, [])
            roles = weight_names(cls, cfg, len(arrays))
            full = [f"{name}/{role}:0" for role in roles]
            group.attrs["weight_names"] = np.array([n.encode() for n in full]) if full else np.array([], dtype=np.float64)
            for wname, array in zip(full, arrays):
                group.create_dataset(wname, data=np.asarray(array, dtype=np.float32))


def write_keras3(path, config, weights, keras_version="3.11.3", compact=False):
    buffer = io.BytesIO()
    with h5py.File(buffer, "w", **({"libver": "latest"} if compact else {})) as f:
        layers = f.create_group("layers")
        for name, arrays in weights.items():
            group = layers.create_group(name)
            v = group.create_group("vars")
            v.attrs["name"] = name
            for i, array in enumerate(arrays):
                v.create_dataset(str(i), data=np.asarray(array, dtype=np.float32))
        f.create_group("vars").attrs["name"] = config["config"]["name"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("metadata.json", json.dumps({"keras_version": keras_version, "date_saved": "2026-12-03@06:00:00"}))
        archive.writestr("config.json", json.dumps(config))
        archive.writestr("model.weights.h5", buffer.getvalue())


class Functional:
    """Builds a functional model config (Keras 2 or Keras 3 form) and its weights."""

    def __init__(self, name, keras3=False):
        self.name, self.keras3 = name, keras3
        self.layers, self.weights, self.inputs = [], {}, []

    def input(self, name, shape):
        cfg = {"name": name, "dtype": "float32"}
        cfg["batch_shape" if self.keras3 else "batch_input_shape"] = [None] + list(shape)
        self._add(name, "InputLayer", cfg, [])
        self.inputs.append(name)
        return name

    def layer(self, cls, name, inbound, weights=(), **cfg):
        cfg = dict(cfg, name=name, trainable=True)
        inbound = [inbound] if isinstance(inbound, str) else list(inbound)
        self._add(name, cls, cfg, inbound)
        if weights:
            self.weights[name] = [np.asarray(w, dtype=np.float32) for w in weights]
        return name

    def _add(self, name, cls, cfg, inbound):
        if self.keras3:
            tensors = [{"class_name": "__keras_tensor__", "config": {"shape": None, "dtype": "float32", "keras_history": [i, 0, 0]}} for i in inbound]
            nodes = [] if not inbound else [{"args": [tensors if len(tensors) > 1 else tensors[0]], "kwargs": {}}]
            entry = {"module": "keras.layers", "class_name": cls, "config": cfg, "registered_name": None, "name": name, "inbound_nodes": nodes}
        else:
            nodes = [] if not inbound else [[[i, 0, 0, {}] for i in inbound]]
            entry = {"class_name": cls, "config": cfg, "name": name, "inbound_nodes": nodes}
        self.layers.append((name, cls, cfg, entry))

    def config(self, outputs):
        outputs = [outputs] if isinstance(outputs, str) else outputs
        refs = lambda names: [[n, 0, 0] for n in names]
        return {
            "class_name": "Functional" if self.keras3 else "Model",
            "config": {"name": self.name, "layers": [e for _, _, _, e in self.layers],
                       "input_layers": refs(self.inputs), "output_layers": refs(outputs)},
            **({"module": "keras", "registered_name": None} if self.keras3 else {"keras_version": "2.15.0", "backend": "tensorflow"}),
        }

    def save(self, path, outputs, compact=False):
        config = self.config(outputs)
        if self.keras3:
            write_keras3(path, config, {n: self.weights.get(n, []) for n, c, _, _ in self.layers if c != "InputLayer"}, compact=compact)
        else:
            write_keras2(path, config, self.weights, [(n, c, cfg) for n, c, cfg, _ in self.layers], compact=compact)
        return config
