"""The stand-in DiET network (shared by the training script and tools/bench/diet_torch.py).

A small Keras-like Conv2D stack that reads NHWC [N, 73, 71, 3] (frequency, time, component)
exactly as the original DiET model does and returns softmax probabilities [N, 3] in the order
earthquake, tremor, noise. About 2.4 M multiply-adds (4.9 MFLOPs) per spectrogram.
"""
import torch
from torch import nn

FREQUENCIES, TIMES, COMPONENTS = 73, 71, 3
CLASSES = ("earthquake", "tremor", "noise")


# Output channels of the four convolutions: v1's and v2's network.
WIDTHS = (8, 16, 32, 32)


class DietStandIn(nn.Module):
    # first_kernel: the first convolution's size (5 in v1-v4; 3 is cheaper in ONNX Runtime, benchmarks/README.md).
    def __init__(self, widths=WIDTHS, first_kernel=5):
        super().__init__()
        a, b, c, d = widths
        self.widths = tuple(widths)
        self.first_kernel = first_kernel
        self.features = nn.Sequential(
            nn.Conv2d(3, a, kernel_size=first_kernel, stride=2, padding=first_kernel // 2),    # 73x71 -> 37x36
            nn.ReLU(inplace=True),
            nn.Conv2d(a, b, kernel_size=3, stride=2, padding=1),    # -> 19x18
            nn.ReLU(inplace=True),
            nn.Conv2d(b, c, kernel_size=3, stride=2, padding=1),    # -> 10x9
            nn.ReLU(inplace=True),
            nn.Conv2d(c, d, kernel_size=3, stride=1, padding=1),    # -> 10x9
            nn.ReLU(inplace=True),
        )
        self.head = nn.Sequential(nn.Linear(2 * d, 32), nn.ReLU(inplace=True), nn.Linear(32, 3))

    def logits(self, x_nhwc):
        x = x_nhwc.permute(0, 3, 1, 2)
        x = self.features(x)
        pooled = torch.cat([x.mean(dim=(2, 3)), x.amax(dim=(2, 3))], dim=1)
        return self.head(pooled)

    def forward(self, x_nhwc):
        return torch.softmax(self.logits(x_nhwc), dim=1)


class DietStandInV2(DietStandIn):
    """v2: the same convolutions with batch normalisation while training (folded into the convolutions
    at export, so the cost per spectrogram is v1's), and a temperature that divides the logits
    before the softmax (fitted on the validation set after training, exported inside the graph)."""

    def __init__(self, widths=WIDTHS, first_kernel=5):
        super().__init__(widths, first_kernel)
        layers = []
        for layer in self.features:
            layers.append(layer)
            if isinstance(layer, nn.Conv2d):
                layers.append(nn.BatchNorm2d(layer.out_channels))
        self.features = nn.Sequential(*layers)
        self.register_buffer("temperature", torch.ones(1))

    def forward(self, x_nhwc):
        return torch.softmax(self.logits(x_nhwc) / self.temperature, dim=1)


def load_weights(path):
    """A DietStandInV2 from a .pt of train_v2.py, in eval mode: its widths and first kernel read from the weights."""
    state = torch.load(path)
    widths = tuple(state[k].shape[0] for k in state if k.startswith("features.") and k.endswith(".weight") and state[k].dim() == 4)
    model = DietStandInV2(widths, state["features.0.weight"].shape[-1])
    model.load_state_dict(state)
    model.eval()
    return model


def multiply_adds(model=None):
    """Multiply-adds per spectrogram, counted layer by layer (batch normalisation folds into the convolutions)."""
    total = 0
    h, w, c = FREQUENCIES, TIMES, COMPONENTS
    model = model or DietStandIn()
    for layer in model.features:
        if isinstance(layer, nn.Conv2d):
            k, s, p = layer.kernel_size[0], layer.stride[0], layer.padding[0]
            h = (h + 2 * p - k) // s + 1
            w = (w + 2 * p - k) // s + 1
            total += h * w * layer.out_channels * c * k * k
            c = layer.out_channels
    for layer in model.head:
        if isinstance(layer, nn.Linear):
            total += layer.in_features * layer.out_features
    return total


if __name__ == "__main__":
    macs = multiply_adds()
    print(f"{macs} multiply-adds, {2 * macs / 1e6:.2f} MFLOPs per spectrogram, "
          f"{sum(p.numel() for p in DietStandIn().parameters())} parameters")
