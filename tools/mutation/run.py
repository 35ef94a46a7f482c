#!/usr/bin/python3
"""Plants each bug of tools/mutation/mutants.py in src/ one at a time, runs the tests of its filter,
reports caught (and by which tests) or survived, and always puts the source back.

Usage, from the repository root (any python3; needs the .NET SDK):
    python3 tools/mutation/run.py              # every mutant
    python3 tools/mutation/run.py ID [ID ...]  # some of them
    python3 tools/mutation/run.py --list
Exit code 0 when every mutant run was caught, 1 otherwise. Each run rebuilds src and the tests
(about 1-2 minutes each on a 2-core machine). TMPDIR is kept as given; set it to a private folder.
"""
import os
import re
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in tools/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mutants import MUTANTS  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROJECT = os.path.join("tests", "Seismic.DietGrasp.Tests")


def run_one(mutant):
    path = os.path.join(ROOT, mutant["file"])
    with open(path, encoding="utf-8") as f:
        original = f.read()
    hits = original.count(mutant["old"])
    if hits != 1:
        return "stale", f"the text to replace occurs {hits} times in {mutant['file']}", 0.0
    start = time.monotonic()
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original.replace(mutant["old"], mutant["new"]))
        result = subprocess.run(
            ["dotnet", "test", PROJECT, "--filter", f"({mutant['filter']})&Category!=Packaging", "--nologo"],
            cwd=ROOT, capture_output=True, text=True)
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
    seconds = time.monotonic() - start
    output = result.stdout + result.stderr
    failed = sorted(set(re.findall(r"^\s*Failed (.+?) \[(?:< )?\d[^\]]*\]\s*$", output, re.MULTILINE)))
    if failed:
        return "caught", ", ".join(failed), seconds
    if result.returncode != 0:
        return "error", "dotnet test failed without a failing test (build error?):\n" + output[-3000:], seconds
    return "survived", "", seconds


def main(argv):
    if "--list" in argv:
        for m in MUTANTS:
            print(f"{m['id']}: {m['why']}\n    {m['file']}: {m['old']!r} -> {m['new']!r}\n    filter {m['filter']}")
        return 0
    chosen = [m for m in MUTANTS if not argv or m["id"] in argv]
    unknown = set(argv) - {m["id"] for m in MUTANTS}
    if unknown:
        print("unknown mutant(s): " + ", ".join(sorted(unknown)), file=sys.stderr)
        return 2
    status = 0
    for m in chosen:
        verdict, detail, seconds = run_one(m)
        print(f"{verdict.upper():9} {m['id']} ({seconds:.0f} s){': ' + detail if detail else ''}", flush=True)
        status |= verdict != "caught"
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
