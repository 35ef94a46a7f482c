"""Issue 18's int8 variant of a bundled stand-in: the same network with its four convolutions in int8 (QDQ form).

Weights: int8, symmetric, one scale per output channel. Activations: uint8 with zero point 0 (each convolution's
input is the scaled spectrogram, 0..1, or a ReLU's output), one scale per tensor from the largest value seen on
calibration spectrograms (training windows, never the held-out set). The head (pooling, two dense layers,
temperature, softmax) stays float32. ONNX Runtime fuses each DequantizeLinear -> Conv -> Relu -> QuantizeLinear
into an integer convolution (QLinearConv) when it loads the model.

  /usr/bin/python3 tools/model/quantize_int8.py MODEL.onnx CALIBRATION_SPEC.npy OUT.onnx [--count 4000]
CALIBRATION_SPEC.npy: [M, 73, 71, 3] float32 spectrograms, e.g. a windows folder's train_100hz_spec.npy.
"""
import argparse

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import helper, numpy_helper


def attributes(node):
    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("calibration")
    parser.add_argument("out")
    parser.add_argument("--count", type=int, default=4000)
    args = parser.parse_args()
    model = onnx.load(args.model)
    graph = model.graph
    weights = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    convs = [n for n in graph.node if n.op_type == "Conv"]
    relu_after = {n.input[0]: n for n in graph.node if n.op_type == "Relu"}

    # Activation ranges: run the float convolutions (the exported, batch-norm-folded weights) on calibration data.
    x = np.load(args.calibration)
    pick = np.random.default_rng(20261203).permutation(len(x))[:args.count]
    activation = torch.from_numpy(np.ascontiguousarray(x[np.sort(pick)], dtype=np.float32)).permute(0, 3, 1, 2)
    input_max = [float(activation.max())]
    for conv in convs:
        a = attributes(conv)
        activation = F.relu(F.conv2d(activation, torch.from_numpy(weights[conv.input[1]]), torch.from_numpy(weights[conv.input[2]]),
                                     stride=tuple(a["strides"]), padding=tuple(a["pads"][:2])))
        input_max.append(float(activation.max()))
    print("activation maxima (input, after each convolution):", [round(v, 4) for v in input_max])

    new_nodes, new_inits = [], []

    def qdq(tensor, scale, name):
        """tensor -> QuantizeLinear (uint8, zero point 0) -> DequantizeLinear; returns the dequantized name."""
        new_inits.append(numpy_helper.from_array(np.array(scale, dtype=np.float32), f"{name}_scale"))
        new_inits.append(numpy_helper.from_array(np.array(0, dtype=np.uint8), f"{name}_zero"))
        new_nodes.append(helper.make_node("QuantizeLinear", [tensor, f"{name}_scale", f"{name}_zero"], [f"{name}_q"], name=f"{name}_Quantize"))
        new_nodes.append(helper.make_node("DequantizeLinear", [f"{name}_q", f"{name}_scale", f"{name}_zero"], [f"{name}_dq"], name=f"{name}_Dequantize"))
        return f"{name}_dq"

    renamed = {}
    conv_index = {c.name: k for k, c in enumerate(convs)}
    for node in graph.node:
        inputs = [renamed.get(i, i) for i in node.input]
        if node.op_type == "Conv":
            k = conv_index[node.name]
            if not inputs[0].endswith("_dq"):  # the previous ReLU's output is quantized already
                inputs[0] = qdq(inputs[0], input_max[k] / 255.0, f"conv{k}_input")
            w = weights[node.input[1]]
            scales = np.maximum(np.abs(w).reshape(w.shape[0], -1).max(axis=1), 1e-12) / 127.0
            wq = np.clip(np.round(w / scales[:, None, None, None]), -127, 127).astype(np.int8)
            new_inits.append(numpy_helper.from_array(wq, f"conv{k}_weight_q"))
            new_inits.append(numpy_helper.from_array(scales.astype(np.float32), f"conv{k}_weight_scale"))
            new_inits.append(numpy_helper.from_array(np.zeros(w.shape[0], dtype=np.int8), f"conv{k}_weight_zero"))
            new_nodes.append(helper.make_node("DequantizeLinear", [f"conv{k}_weight_q", f"conv{k}_weight_scale", f"conv{k}_weight_zero"],
                                              [f"conv{k}_weight_dq"], name=f"conv{k}_weight_Dequantize", axis=0))
            inputs[1] = f"conv{k}_weight_dq"
        new_nodes.append(helper.make_node(node.op_type, inputs, list(node.output), name=node.name, **attributes(node)))
        if node.op_type == "Relu" and node.input[0] in [c.output[0] for c in convs]:
            k = [c.output[0] for c in convs].index(node.input[0])
            renamed[node.output[0]] = qdq(node.output[0], input_max[k + 1] / 255.0, f"conv{k}_output")
    # Outputs of the last QDQ feed the pooling: rewire every later consumer.
    for node in new_nodes:
        if node.op_type in ("ReduceMean", "ReduceMax"):
            node.input[0] = renamed.get(node.input[0], node.input[0])
    kept = [i for i in graph.initializer if i.name not in {c.input[1] for c in convs}]
    out_graph = helper.make_graph(new_nodes, graph.name, list(graph.input), list(graph.output), kept + new_inits)
    out = helper.make_model(out_graph, opset_imports=model.opset_import, producer_name="quantize_int8.py")
    for prop in model.metadata_props:
        out.metadata_props.add(key=prop.key, value=prop.value)
    description = next((p for p in out.metadata_props if p.key == "provenance"), None)
    if description is not None:
        description.value += " Int8 variant (tools/model/quantize_int8.py): convolutions in int8, head in float32."
    out.ir_version = model.ir_version
    onnx.checker.check_model(out)
    onnx.save(out, args.out)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
