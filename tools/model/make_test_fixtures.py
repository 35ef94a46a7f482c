"""Tiny ONNX models for the DietClassifier tests (tests/Seismic.DietGrasp.Tests/TestData/DietClassifier/).

Each "model" is softmax(mean over frequency and time) of the spectrogram, so its output is
known exactly; they differ only in names and shapes:
  mean-softmax-dynamic.onnx : x [batch, 73, 71, 3] -> y [batch, 3]   (fits the contract, other names)
  mean-softmax-fixed2.onnx  : input_1 [2, 73, 71, 3] -> dense [2, 3] (fixed batch of 2, as some Keras exports)
  wrong-input-70.onnx       : [N, 73, 70, 3] -> [N, 3]               (time axis one short)
  wrong-output-2.onnx       : [N, 73, 71, 3] -> [N, 2]               (two classes)
  corrupt.onnx              : random bytes
Run: /usr/bin/python3 tools/model/make_test_fixtures.py
"""
import os

import numpy as np
import onnx
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


os.makedirs(OUT, exist_ok=True)
mean_softmax("mean-softmax-dynamic.onnx", "x", "y", ["batch", 73, 71, 3], ["batch", 3])
mean_softmax("mean-softmax-fixed2.onnx", "input_1", "dense", [2, 73, 71, 3], [2, 3])
mean_softmax("wrong-input-70.onnx", "x", "y", ["N", 73, 70, 3], ["N", 3])
mean_softmax("wrong-output-2.onnx", "x", "y", ["N", 73, 71, 3], ["N", 2], keep_first=2)
with open(os.path.join(OUT, "corrupt.onnx"), "wb") as handle:
    handle.write(np.random.default_rng(7).integers(0, 256, 4096, dtype=np.uint8).tobytes())
