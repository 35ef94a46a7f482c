"""Tiny ONNX models for the DietClassifier tests (tests/Seismic.DietGrasp.Tests/TestData/DietClassifier/).

Each "model" is softmax(mean over frequency and time) of the spectrogram, so its output is
known exactly; they differ only in names and shapes:
  mean-softmax-dynamic.onnx : x [batch, 73, 71, 3] -> y [batch, 3]   (fits the contract, other names)
  mean-softmax-fixed2.onnx  : input_1 [2, 73, 71, 3] -> dense [2, 3] (fixed batch of 2, as some Keras exports)
  wrong-input-70.onnx       : [N, 73, 70, 3] -> [N, 3]               (time axis one short)
  wrong-output-2.onnx       : [N, 73, 71, 3] -> [N, 2]               (two classes)
  fails-above-2.onnx        : x [batch, 73, 71, 3] -> y [batch, 3]   (fits, but fails at run time, in its final
                              Reshape, on a batch holding a value >= 2: a model that breaks mid-batch)
  nan-above-2.onnx          : x [batch, 73, 71, 3] -> y [batch, 3]   (fits, but outputs NaN in the rows holding a
                              value >= 2: softmax(mean) + sqrt(-floor(max(row) / 2)))
  unnormalised.onnx         : x [batch, 73, 71, 3] -> y [batch, 3]   (the mean without its softmax: finite, rows
                              do not sum to 1)
  standin-nan-weight.onnx   : the bundled stand-in with one weight bit-flipped to NaN (features.0.bias[0] =
                              0x7FC00000): every output NaN, as a damaged model file gives
  corrupt.onnx              : random bytes
Run: /usr/bin/python3 tools/model/make_test_fixtures.py
"""
import os

import numpy as np
import onnx
import onnx.numpy_helper
from onnx import TensorProto, helper

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "Seismic.DietGrasp.Tests", "TestData", "DietClassifier")


def mean_softmax(path, input_name, output_name, input_shape, output_shape, keep_first=None):
    nodes = [helper.make_node("ReduceMean", [input_name], ["pooled"], axes=[1, 2], keepdims=0)]
    last = "pooled"
    if keep_first is not None:
        nodes.append(helper.make_node("Slice", ["pooled", "starts", "ends", "axes"], ["sliced"]))
        last = "sliced"
    nodes.append(helper.make_node("Softmax", [last], [output_name], axis=1))
    initializers = []
    if keep_first is not None:
        initializers = [helper.make_tensor("starts", TensorProto.INT64, [1], [0]),
                        helper.make_tensor("ends", TensorProto.INT64, [1], [keep_first]),
                        helper.make_tensor("axes", TensorProto.INT64, [1], [1])]
    graph = helper.make_graph(nodes, "mean_softmax",
                              [helper.make_tensor_value_info(input_name, TensorProto.FLOAT, input_shape)],
                              [helper.make_tensor_value_info(output_name, TensorProto.FLOAT, output_shape)],
                              initializer=initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="make_test_fixtures.py")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(OUT, path))


def fails_above_2(path):
    # y = Reshape(softmax(mean), [batch, 3 + floor(max(x) / 2)]): the identity while every value is below 2.
    nodes = [
        helper.make_node("ReduceMean", ["x"], ["pooled"], axes=[1, 2], keepdims=0),
        helper.make_node("Softmax", ["pooled"], ["probabilities"], axis=1),
        helper.make_node("ReduceMax", ["x"], ["largest"], keepdims=0),
        helper.make_node("Div", ["largest", "two"], ["half"]),
        helper.make_node("Floor", ["half"], ["steps"]),
        helper.make_node("Add", ["steps", "three"], ["width_float"]),
        helper.make_node("Cast", ["width_float"], ["width"], to=TensorProto.INT64),
        helper.make_node("Reshape", ["width", "one_axis"], ["width_1d"]),
        helper.make_node("Shape", ["x"], ["input_shape"]),
        helper.make_node("Slice", ["input_shape", "zero", "one_axis", "zero"], ["batch"]),
        helper.make_node("Concat", ["batch", "width_1d"], ["target"], axis=0),
        helper.make_node("Reshape", ["probabilities", "target"], ["y"]),
    ]
    initializers = [helper.make_tensor("two", TensorProto.FLOAT, [], [2.0]),
                    helper.make_tensor("three", TensorProto.FLOAT, [], [3.0]),
                    helper.make_tensor("zero", TensorProto.INT64, [1], [0]),
                    helper.make_tensor("one_axis", TensorProto.INT64, [1], [1])]
    save_dynamic(path, "fails_above_2", nodes, initializers)


def save_dynamic(path, name, nodes, initializers):
    """Saves a graph x [batch, 73, 71, 3] -> y [batch, 3] (opset 13, IR 8) after the checker's pass."""
    graph = helper.make_graph(nodes, name,
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 73, 71, 3])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", 3])],
                              initializer=initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="make_test_fixtures.py")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(OUT, path))


def nan_above_2(path):
    # Per row: floor(max / 2) is 0 below 2, so sqrt(-0) = 0 leaves the softmax; >= 2 gives sqrt(-1) = NaN.
    nodes = [
        helper.make_node("ReduceMean", ["x"], ["pooled"], axes=[1, 2], keepdims=0),
        helper.make_node("Softmax", ["pooled"], ["probabilities"], axis=1),
        helper.make_node("ReduceMax", ["x"], ["largest"], axes=[1, 2, 3], keepdims=0),
        helper.make_node("Div", ["largest", "two"], ["half"]),
        helper.make_node("Floor", ["half"], ["steps"]),
        helper.make_node("Neg", ["steps"], ["negative"]),
        helper.make_node("Sqrt", ["negative"], ["root"]),
        helper.make_node("Unsqueeze", ["root", "one_axis"], ["column"]),
        helper.make_node("Add", ["probabilities", "column"], ["y"]),
    ]
    initializers = [helper.make_tensor("two", TensorProto.FLOAT, [], [2.0]),
                    helper.make_tensor("one_axis", TensorProto.INT64, [1], [1])]
    save_dynamic(path, "nan_above_2", nodes, initializers)


def unnormalised(path):
    save_dynamic(path, "unnormalised", [helper.make_node("ReduceMean", ["x"], ["y"], axes=[1, 2], keepdims=0)], [])


def standin_nan_weight(path):
    model = onnx.load(os.path.join(os.path.dirname(__file__), "..", "..", "onnx", "diet-standin-v1.onnx"))
    bias = next(i for i in model.graph.initializer if i.name == "features.0.bias")
    values = onnx.numpy_helper.to_array(bias).copy()
    values.view(np.uint32)[0] = 0x7FC00000
    bias.CopyFrom(onnx.numpy_helper.from_array(values, bias.name))
    onnx.save(model, os.path.join(OUT, path))


os.makedirs(OUT, exist_ok=True)
mean_softmax("mean-softmax-dynamic.onnx", "x", "y", ["batch", 73, 71, 3], ["batch", 3])
mean_softmax("mean-softmax-fixed2.onnx", "input_1", "dense", [2, 73, 71, 3], [2, 3])
mean_softmax("wrong-input-70.onnx", "x", "y", ["N", 73, 70, 3], ["N", 3])
mean_softmax("wrong-output-2.onnx", "x", "y", ["N", 73, 71, 3], ["N", 2], keep_first=2)
fails_above_2("fails-above-2.onnx")
nan_above_2("nan-above-2.onnx")
unnormalised("unnormalised.onnx")
standin_nan_weight("standin-nan-weight.onnx")
with open(os.path.join(OUT, "corrupt.onnx"), "wb") as handle:
    handle.write(np.random.default_rng(7).integers(0, 256, 4096, dtype=np.uint8).tobytes())
