"""Makes the Keras test fixtures of tests/Seismic.DietGrasp.Tests/TestData/Keras.

- layers/: one small model per supported layer and option (written with h5py as Keras 2 .h5,
  some as Keras 3 .keras or weights + JSON), a seeded input and the numpy reference output
  (keras_numpy.py, float64, stored as float32);
- real/: seeded inputs and numpy outputs for the public models kept there (see its README);
- diet/: the stand-in DiET network (onnx/diet-standin-v1.onnx's weights) as a Keras 2 .h5 and a
  Keras 3 .keras, with ZeroPadding2D + 'valid' convolutions so that it is exactly the PyTorch network;
- refused/: files the converter must refuse (unsupported layer, missing weights, misshapen weights).

    /usr/bin/python3 tools/keras/make_fixtures.py
"""
import json
import os
import shutil
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
import keras_files as kf  # noqa: E402
import keras_numpy as kn  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
OUT = os.path.join(ROOT, "tests", "Seismic.DietGrasp.Tests", "TestData", "Keras")
rng = np.random.default_rng(20261203)


def w(*shape, scale=None):
    fan_in = int(np.prod(shape[:-1])) if len(shape) > 1 else shape[0]
    return rng.normal(0, scale if scale is not None else 1 / np.sqrt(max(fan_in, 1)), shape)


def save_case(folder, name, model_path, input_shape, batch=2, low=-1.0, high=1.0, weights=None, config=None):
    x = rng.uniform(low, high, (batch,) + tuple(input_shape)).astype(np.float32)
    cfg, wts, version = kn.load(model_path, weights, config)
    y = kn.forward(cfg, wts, version == 3, x.astype(np.float64))[0]
    np.save(os.path.join(folder, name + ".input.npy"), x)
    np.save(os.path.join(folder, name + ".expected.npy"), y.astype(np.float32))
    return y


def single(folder, name, shape, build, fmt="h5", batch=2):
    """build(model, input name) -> output name."""
    model = kf.Functional(name, keras3=(fmt == "keras"))
    out = build(model, model.input("input", shape))
    path = os.path.join(folder, name + (".keras" if fmt == "keras" else ".h5"))
    # The per-layer files are written compact (HDF5 1.10 structures) to keep the fixtures small; the real
    # files in real/ and the DiET files in diet/ have the default layout that Keras writes.
    config = model.save(path, out, compact=True)
    if fmt == "json":
        # weights-only .h5 (save_weights) + architecture JSON (to_json)
        kf.write_keras2(path, config, model.weights, [(n, c, cfg) for n, c, cfg, _ in model.layers], weights_only=True, compact=True)
        with open(os.path.join(folder, name + ".json"), "w") as f:
            json.dump(config, f)
        save_case(folder, name, None, shape, batch, weights=path, config=os.path.join(folder, name + ".json"))
    else:
        save_case(folder, name, path, shape, batch)


def conv2d(f, k, **kw):
    return lambda m, x, cin: m.layer("Conv2D", "conv", x, [w(k, k, cin // kw.get("groups", 1), f), w(f, scale=0.1)] if kw.get("use_bias", True) else [w(k, k, cin // kw.get("groups", 1), f)],
                                     filters=f, kernel_size=[k, k], **kw)


def layer_cases(folder):
    cases = []
    # Conv2D: 'same' with odd and even sizes and strides 1-3 (TensorFlow puts the odd pad at the end), dilation, groups, no bias.
    for name, shape, k, kw in [
        ("conv2d_valid", (7, 6, 3), 3, dict(strides=[1, 1], padding="valid", activation="relu")),
        ("conv2d_same_odd_stride2", (7, 7, 3), 3, dict(strides=[2, 2], padding="same")),
        ("conv2d_same_even_stride2", (8, 6, 3), 3, dict(strides=[2, 2], padding="same")),
        ("conv2d_same_even_kernel4", (8, 7, 2), 4, dict(strides=[1, 1], padding="same")),
        ("conv2d_same_stride3", (10, 8, 2), 5, dict(strides=[3, 3], padding="same", activation="tanh")),
        ("conv2d_same_mixed_strides", (9, 8, 2), 3, dict(strides=[2, 1], padding="same")),
        ("conv2d_dilated_same", (9, 9, 2), 3, dict(dilation_rate=[2, 2], padding="same")),
        ("conv2d_groups2_nobias", (6, 6, 4), 3, dict(groups=2, padding="valid", use_bias=False)),
    ]:
        cin = shape[-1]
        single(folder, name, shape, lambda m, x, cin=cin, k=k, kw=kw: conv2d(6, k, **kw)(m, x, cin))
    # Conv1D: valid, same (odd length, stride 2), causal with dilation.
    for name, shape, kw in [
        ("conv1d_valid", (9, 3), dict(padding="valid", strides=[1])),
        ("conv1d_same_stride2", (9, 3), dict(padding="same", strides=[2])),
        ("conv1d_causal_dilated", (10, 3), dict(padding="causal", dilation_rate=[2], activation="sigmoid")),
    ]:
        single(folder, name, shape, lambda m, x, kw=kw: m.layer("Conv1D", "conv", x, [w(3, 3, 4), w(4, scale=0.1)], filters=4, kernel_size=[3], **kw))
    single(folder, "depthwise2d_same_stride2", (7, 8, 3), lambda m, x: m.layer("DepthwiseConv2D", "dw", x, [w(3, 3, 3, 2), w(6, scale=0.1)],
           kernel_size=[3, 3], strides=[2, 2], padding="same", depth_multiplier=2, activation="relu"))
    single(folder, "depthwise1d_valid", (9, 3), lambda m, x: m.layer("DepthwiseConv1D", "dw", x, [w(3, 3, 1), w(3, scale=0.1)],
           kernel_size=[3], strides=[1], padding="valid", depth_multiplier=1), fmt="keras")
    single(folder, "separable2d_same", (7, 6, 3), lambda m, x: m.layer("SeparableConv2D", "sep", x, [w(3, 3, 3, 2), w(1, 1, 6, 5), w(5, scale=0.1)],
           filters=5, kernel_size=[3, 3], strides=[1, 1], padding="same", depth_multiplier=2))
    single(folder, "separable1d_valid_stride2", (11, 2), lambda m, x: m.layer("SeparableConv1D", "sep", x, [w(3, 2, 1), w(1, 2, 4), w(4, scale=0.1)],
           filters=4, kernel_size=[3], strides=[2], padding="valid", depth_multiplier=1))
    # Pooling
    for name, cls, shape, kw in [
        ("maxpool2d_valid", "MaxPooling2D", (7, 6, 3), dict(pool_size=[2, 2], padding="valid")),
        ("maxpool2d_same_odd", "MaxPooling2D", (7, 5, 3), dict(pool_size=[2, 2], padding="same")),
        ("avgpool2d_same_odd", "AveragePooling2D", (7, 5, 3), dict(pool_size=[3, 3], strides=[2, 2], padding="same")),
        ("avgpool2d_valid", "AveragePooling2D", (6, 6, 2), dict(pool_size=[2, 3], padding="valid")),
        ("maxpool1d_same", "MaxPooling1D", (9, 3), dict(pool_size=[2], padding="same")),
        ("avgpool1d_same", "AveragePooling1D", (9, 3), dict(pool_size=[4], strides=[3], padding="same")),
    ]:
        single(folder, name, shape, lambda m, x, cls=cls, kw=kw: m.layer(cls, "pool", x, **kw))
    for cls, shape in [("GlobalAveragePooling2D", (5, 4, 3)), ("GlobalMaxPooling2D", (5, 4, 3)), ("GlobalAveragePooling1D", (6, 3)), ("GlobalMaxPooling1D", (6, 3))]:
        single(folder, cls.lower(), shape, lambda m, x, cls=cls: m.layer(cls, "gp", x))
    single(folder, "globalmaxpooling2d_keepdims_after_conv", (6, 5, 2),
           lambda m, x: m.layer("GlobalMaxPooling2D", "gp", conv2d(3, 3, padding="same")(m, x, 2), keepdims=True))
    # Normalisation
    single(folder, "batchnorm_after_conv", (6, 5, 2), lambda m, x: m.layer("BatchNormalization", "bn", conv2d(4, 3, padding="same")(m, x, 2),
           [rng.uniform(0.5, 1.5, 4), w(4, scale=0.2), w(4, scale=0.3), rng.uniform(0.5, 2, 4)], axis=-1, epsilon=0.001))
    single(folder, "batchnorm_dense_no_scale_center", (5,), lambda m, x: m.layer("BatchNormalization", "bn", x,
           [w(5, scale=0.3), rng.uniform(0.5, 2, 5)], axis=1, epsilon=0.01, scale=False, center=False), fmt="keras")
    single(folder, "layernorm_last_axis", (4, 6), lambda m, x: m.layer("LayerNormalization", "ln", x, [rng.uniform(0.5, 1.5, 6), w(6, scale=0.2)], axis=-1, epsilon=0.001))
    single(folder, "layernorm_two_axes", (4, 6), lambda m, x: m.layer("LayerNormalization", "ln", x, [rng.uniform(0.5, 1.5, (4, 6)), w(4, 6, scale=0.2)], axis=[1, 2], epsilon=0.001))
    # Core
    single(folder, "dense_rank3_gelu", (4, 5), lambda m, x: m.layer("Dense", "dense", x, [w(5, 3), w(3, scale=0.1)], units=3, activation="gelu"))
    single(folder, "flatten_after_conv_nhwc_order", (5, 4, 3), lambda m, x: m.layer("Dense", "dense", m.layer("Flatten", "flat", conv2d(3, 3, padding="same", activation="relu")(m, x, 3)),
           [w(60, 4), w(4, scale=0.1)], units=4))
    single(folder, "reshape_permute", (4, 6), lambda m, x: m.layer("Permute", "perm", m.layer("Reshape", "reshape", x, target_shape=[3, 2, 4]), dims=[3, 1, 2]))
    single(folder, "zeropadding2d_asymmetric", (4, 3, 2), lambda m, x: m.layer("ZeroPadding2D", "pad", conv2d(2, 1)(m, x, 2), padding=[[1, 2], [0, 3]]))
    single(folder, "zeropadding1d", (5, 2), lambda m, x: m.layer("ZeroPadding1D", "pad", x, padding=[2, 1]))
    single(folder, "cropping2d_after_conv", (7, 6, 2), lambda m, x: m.layer("Cropping2D", "crop", conv2d(3, 1)(m, x, 2), cropping=[[1, 0], [2, 1]]))
    single(folder, "cropping1d", (7, 2), lambda m, x: m.layer("Cropping1D", "crop", x, cropping=[1, 2]))
    single(folder, "dropouts_identity", (6, 5, 2), lambda m, x: m.layer("GaussianNoise", "noise", m.layer("SpatialDropout2D", "sdrop", m.layer("Dropout", "drop", x, rate=0.5), rate=0.3), stddev=0.1))
    # Activations, fused in Dense (and one in Conv2D) and as Activation layers
    for act in ["relu", "sigmoid", "tanh", "softmax", "linear", "elu", "selu", "softplus", "softsign", "swish", "silu", "gelu", "exponential", "relu6", "hard_sigmoid", "leaky_relu", "mish", "log_softmax"]:
        single(folder, "activation_" + act, (3, 4), lambda m, x, act=act: m.layer("Activation", "act", m.layer("Dense", "dense", x, [w(4, 5), w(5, scale=0.1)], units=5), activation=act))
    single(folder, "activation_hard_sigmoid_keras3", (3, 4), lambda m, x: m.layer("Dense", "dense", x, [w(4, 5, scale=1.5), w(5)], units=5, activation="hard_sigmoid"), fmt="keras")
    single(folder, "conv2d_softmax_channels", (4, 4, 2), lambda m, x: conv2d(3, 3, padding="same", activation="softmax")(m, x, 2))
    single(folder, "relu_layer_options", (3, 6), lambda m, x: m.layer("ReLU", "relu", x, max_value=0.6, negative_slope=0.1, threshold=0.2))
    single(folder, "relu_layer_max_value", (3, 6), lambda m, x: m.layer("ReLU", "relu", x, max_value=0.5, negative_slope=0.0, threshold=0.0))
    single(folder, "leakyrelu_layer", (3, 6), lambda m, x: m.layer("LeakyReLU", "lrelu", x, alpha=0.1))
    single(folder, "leakyrelu_layer_keras3", (3, 6), lambda m, x: m.layer("LeakyReLU", "lrelu", x, negative_slope=0.05), fmt="keras")
    single(folder, "elu_layer", (3, 6), lambda m, x: m.layer("ELU", "elu", x, alpha=0.7))
    single(folder, "prelu_shared_axes", (4, 3, 2), lambda m, x: m.layer("PReLU", "prelu", conv2d(2, 3, padding="same")(m, x, 2), [rng.uniform(0, 0.5, (1, 1, 2))], shared_axes=[1, 2]))
    single(folder, "softmax_layer_axis1", (4, 3), lambda m, x: m.layer("Softmax", "softmax", x, axis=1))
    # Merges, including a channels-first conv branch meeting the channels-last input
    def merge(cls, **kw):
        def build(m, x):
            a = conv2d(2, 3, padding="same")(m, x, 2)
            b = m.layer("Conv2D", "conv_b", x, [w(1, 1, 2, 2), w(2, scale=0.1)], filters=2, kernel_size=[1, 1], padding="valid")
            return m.layer(cls, "merge", [a, b, x] if cls not in ("Subtract",) else [a, x], **kw)
        return build
    for cls in ["Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"]:
        single(folder, "merge_" + cls.lower(), (5, 4, 2), merge(cls))
    single(folder, "merge_concatenate_channels", (5, 4, 2), merge("Concatenate", axis=-1))
    single(folder, "merge_concatenate_rows_keras3", (5, 4, 2), merge("Concatenate", axis=1), fmt="keras")
    single(folder, "weights_only_conv_dense", (6, 5, 2), lambda m, x: m.layer("Dense", "dense", m.layer("Flatten", "flat", m.layer("MaxPooling2D", "pool",
           conv2d(3, 3, padding="same", activation="relu")(m, x, 2), pool_size=[2, 2], padding="same")), [w(27, 3), w(3, scale=0.1)], units=3, activation="softmax"), fmt="json")


def diet_network(keras3):
    """The stand-in DiET network of onnx/diet-standin-v1.onnx as a Keras model (same weights)."""
    import onnx
    from onnx import numpy_helper
    model = onnx.load(os.path.join(ROOT, "onnx", "diet-standin-v1.onnx"))
    t = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    m = kf.Functional("diet", keras3=keras3)
    x = m.input("spectrogram", (73, 71, 3))
    # PyTorch pads symmetrically (padding=2 for 5x5, 1 for 3x3); Keras 'same' would pad (0, 1) at stride 2 on
    # even sizes, so the Keras form of this network pads explicitly and convolves 'valid'.
    layers = [("features.0", 5, 2, 2), ("features.2", 3, 2, 1), ("features.4", 3, 2, 1), ("features.6", 3, 1, 1)]
    for i, (key, k, s, p) in enumerate(layers):
        x = m.layer("ZeroPadding2D", f"pad_{i}", x, padding=[[p, p], [p, p]], data_format="channels_last")
        kernel = np.transpose(t[key + ".weight"], (2, 3, 1, 0))  # [out, in, kh, kw] -> [kh, kw, in, out]
        x = m.layer("Conv2D", f"conv_{i}", x, [kernel, t[key + ".bias"]], filters=kernel.shape[-1], kernel_size=[k, k], strides=[s, s],
                    padding="valid", data_format="channels_last", dilation_rate=[1, 1], groups=1, activation="relu", use_bias=True)
    mean = m.layer("GlobalAveragePooling2D", "mean", x, data_format="channels_last", keepdims=False)
    peak = m.layer("GlobalMaxPooling2D", "max", x, data_format="channels_last", keepdims=False)
    x = m.layer("Concatenate", "pooled", [mean, peak], axis=-1)
    x = m.layer("Dense", "dense", x, [t["head.0.weight"].T, t["head.0.bias"]], units=32, activation="relu", use_bias=True)
    x = m.layer("Dropout", "dropout", x, rate=0.2)
    x = m.layer("Dense", "probabilities", x, [t["head.2.weight"].T, t["head.2.bias"]], units=3, activation="softmax", use_bias=True)
    return m, x


def diet_cases(folder):
    for keras3, name in [(False, "diet-standin-keras2.h5"), (True, "diet-standin-keras3.keras")]:
        m, out = diet_network(keras3)
        m.save(os.path.join(folder, name), out)
    x = rng.uniform(0, 1, (3, 73, 71, 3)).astype(np.float32)
    x[1] = 1.0
    x[2] = 1.0
    x[2, 25:] = 0.2  # the original README's tremor example: power only in 2-8 Hz
    np.save(os.path.join(folder, "diet.input.npy"), x)
    cfg, wts, _ = kn.load(os.path.join(folder, "diet-standin-keras2.h5"))
    np.save(os.path.join(folder, "diet.expected.npy"), kn.forward(cfg, wts, False, x.astype(np.float64))[0].astype(np.float32))


def refused_cases(folder):
    m = kf.Functional("unsupported")
    x = m.input("input", (5, 3))
    m.layer("LSTM", "lstm", x, [w(3, 8), w(2, 8), w(8)], units=2)
    config = m.config("lstm")
    kf.write_keras2(os.path.join(folder, "unsupported-lstm.h5"), config, {}, [("input", "InputLayer", {}), ("lstm", "LSTM", {})])
    m = kf.Functional("missing")
    x = m.input("input", (4,))
    m.layer("Dense", "dense_1", x, [w(4, 3), w(3)], units=3)
    m.layer("Dense", "dense_2", "dense_1", [w(3, 2), w(2)], units=2)
    config = m.config("dense_2")
    kf.write_keras2(os.path.join(folder, "missing-weights.h5"), config, {"dense_1": m.weights["dense_1"]},
                    [("input", "InputLayer", {}), ("dense_1", "Dense", {})])
    m = kf.Functional("mismatch")
    x = m.input("input", (6, 6, 2))
    m.layer("Conv2D", "conv", x, [w(3, 3, 3, 4), w(4)], filters=4, kernel_size=[3, 3], padding="valid")
    m.save(os.path.join(folder, "shape-mismatch.h5"), "conv")


def real_cases(folder):
    cases = {
        "mruby-tflite-xor": dict(model="xor_model.h5", shape=(2,)),
        "alibi-iris-ffn-keras3": dict(model="iris-ffn-tf2.18.0.keras", shape=None),
        "hls4ml-conv2d": dict(weights="KERAS_conv2d_model_weights.h5", config="KERAS_conv2d_model.json", shape=None),
        "hls4ml-conv1d-small": dict(weights="KERAS_conv1d_small_weights.h5", config="KERAS_conv1d_small.json", shape=None),
        "hls4ml-jettagger-conv2d-small": dict(weights="jetTagger_Conv2D_Small_weights.h5", config="jetTagger_Conv2D_Small.json", shape=None),
        "hls4ml-3layer-batchnorm": dict(weights="KERAS_3layer_batch_norm_weights.h5", config="KERAS_3layer_batch_norm.json", shape=None),
        "kotlindl-toyresnet": dict(weights="toyresnet_weights.h5", config="toyresnet.json", shape=None),
    }
    for name, c in cases.items():
        if "model" in c:
            path = os.path.join(folder, c["model"])
            cfg, _, _ = kn.load(path)
            weights = config = None
        else:
            path, weights, config = None, os.path.join(folder, c["weights"]), os.path.join(folder, c["config"])
            cfg = json.load(open(config))
        shape = c["shape"]
        if shape is None:
            layers, inputs, _ = kn._layers(cfg)
            first = [l for l in layers if l[0] == inputs[0]][0][2]
            shape = tuple(first.get("batch_input_shape") or first.get("batch_shape"))[1:]
        if name == "mruby-tflite-xor":
            x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
            cfg_, wts, version = kn.load(path)
            np.save(os.path.join(folder, name + ".input.npy"), x)
            np.save(os.path.join(folder, name + ".expected.npy"), kn.forward(cfg_, wts, version == 3, x.astype(np.float64))[0].astype(np.float32))
        else:
            save_case(folder, name, path, shape, batch=3, low=0.0, high=1.0, weights=weights, config=config)


def main():
    for sub in ("layers", "diet", "refused"):
        shutil.rmtree(os.path.join(OUT, sub), ignore_errors=True)
        os.makedirs(os.path.join(OUT, sub))
    layer_cases(os.path.join(OUT, "layers"))
    diet_cases(os.path.join(OUT, "diet"))
    refused_cases(os.path.join(OUT, "refused"))
    real_cases(os.path.join(OUT, "real"))
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(OUT) for f in fs)
    print(f"fixtures: {total / 1e6:.2f} MB in {OUT}")


if __name__ == "__main__":
    main()
