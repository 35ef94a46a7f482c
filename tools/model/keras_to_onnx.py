"""Converts the original DiET Keras model to ONNX for Seismic.DietGrasp and checks the result.

For users who hold the original DiET weights (not public). Needs tensorflow/keras (2.15, as in the
original environment.yml), tf2onnx and onnxruntime; NONE of them is installed on the machine this
library is built on, so this script has not been run here. It follows tf2onnx's documented API.

  python tools/model/keras_to_onnx.py --keras PATH --out diet.onnx [--opset 17]

PATH is a Keras model file (.keras / .h5) or a SavedModel folder (the original `get_model()` can
also be saved with `model.save(...)` first). The input keeps Keras's NHWC layout
[N, 73, 71, 3] (frequency, time, component); the batch axis stays dynamic. After converting, the
script runs the original README's Model_apply.py example through ONNX Runtime and through Keras:
all ones must come out as noise, rows 25..72 set to 0.2 (power only in 2-8 Hz) as tremor, and the
two runtimes must agree. Then use it with `DietModel.Load("diet.onnx")` or `dietgrasp classify --model diet.onnx`.
"""
import argparse
import sys

import numpy as np


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--keras", required=True, help="Keras model file or SavedModel folder")
    parser.add_argument("--out", required=True)
    parser.add_argument("--opset", type=int, default=17)
    args = parser.parse_args()

    import tensorflow as tf
    import tf2onnx
    import onnxruntime as ort

    model = tf.keras.models.load_model(args.keras, compile=False)
    # Keras 3 (and some Keras 2 models) need an explicit input signature; keep NHWC and a dynamic batch.
    signature = (tf.TensorSpec((None, 73, 71, 3), tf.float32, name="spectrogram"),)
    tf2onnx.convert.from_keras(model, input_signature=signature, opset=args.opset, output_path=args.out)

    example = np.ones((2, 73, 71, 3), dtype=np.float32)
    example[0, 25:73, :, :] = 0.2
    session = ort.InferenceSession(args.out, providers=["CPUExecutionProvider"])
    inputs, outputs = session.get_inputs(), session.get_outputs()
    print(f"ONNX input {inputs[0].name} {inputs[0].shape}, output {outputs[0].name} {outputs[0].shape}")
    onnx_result = session.run(None, {inputs[0].name: example})[0]
    keras_result = model.predict(example, batch_size=2, verbose=0)
    print("earthquake, tremor, noise\n2-8 Hz only:", onnx_result[0], "\nall ones:   ", onnx_result[1])
    problems = []
    if not np.allclose(onnx_result, keras_result, atol=1e-4):
        problems.append(f"ONNX and Keras disagree: max difference {np.abs(onnx_result - keras_result).max():.2e}")
    if onnx_result[0].argmax() != 1:
        problems.append("the 2-8 Hz-only example is not tremor")
    if onnx_result[1].argmax() != 2:
        problems.append("the all-ones example is not noise")
    for problem in problems:
        print("CHECK FAILED:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
