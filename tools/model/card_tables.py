"""Prints the model card's tables (onnx/README.md) from a v2, v3 or v4 sidecar, so the card quotes the sidecar.

Run: /usr/bin/python3 tools/model/card_tables.py onnx/diet-standin-v4.json
"""
import json
import sys

CLASSES = ("earthquake", "tremor", "noise")


def confusion_table(matrix):
    lines = ["| truth \\ predicted | earthquake | tremor | noise | per-class accuracy |", "|---|---|---|---|---|"]
    for name, row in zip(CLASSES, matrix):
        lines.append(f"| {name} | {row[0]} | {row[1]} | {row[2]} | {100 * row[CLASSES.index(name)] / sum(row):.1f}% |")
    return "\n".join(lines)


def retag(value, tag):
    """The sidecar with every "{tag}..." key renamed "v2..." (train_v2.py's retag, backwards); v2's own keys dropped."""
    if isinstance(value, dict):
        return {("v2" + k[len(tag):] if k.startswith(tag) else k): retag(v, tag) for k, v in value.items() if not k.startswith("v2")}
    return value


def main():
    card = json.load(open(sys.argv[1]))
    tag = card["model"].split("-")[-1].split(".")[0]   # diet-standin-v3.onnx -> v3
    if tag != "v2":
        # A later model's sidecar names its own keys with its tag; read them under the v2 names below
        # (and print them under the tag).
        card = retag(card, tag)
    held = card["synthetic_held_out"]
    print(f"{tag} on the synthetic held-out set\n")
    print(confusion_table(held["v2_confusion_rows_truth_columns_predicted"]))
    print("\nv1 on the same set\n")
    print(confusion_table(held["v1_confusion_rows_truth_columns_predicted"]))
    print(f"\n{tag} errors by scenario:", json.dumps(held["v2_errors_by_scenario"], indent=1))
    legacy = card["legacy_held_out_unfiltered"]
    print(f"\nlegacy (v1 generator, unfiltered) {tag}\n")
    print(confusion_table(legacy["v2_confusion"]))
    print("\nlegacy v1\n")
    print(confusion_table(legacy["v1_confusion"]))
    real = card["real_validation"]
    print(f"\n| real validation | v1 | {tag} |\n|---|---|---|")
    for key in real["v2"]:
        print(f"| {key} | {real['v1'].get(key)} | {real['v2'][key]} |")
    print("\n| calibration error (ECE, 15 bins) | earthquake | tremor | noise |\n|---|---|---|---|")
    for part, values in card["calibration_error_per_class"].items():
        for when in ("before", "after"):
            v = values[when]
            print(f"| {part}, {when} | {v['earthquake']} | {v['tremor']} | {v['noise']} |")
    print("\ntemperature", card["temperature"], "readme", card["readme_examples"])
    print("by group", json.dumps(real["v2_by_group"], indent=0))


if __name__ == "__main__":
    main()
