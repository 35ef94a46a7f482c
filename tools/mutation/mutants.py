"""The planted bugs of docs/TESTING.md: each one a single text replacement in src/, and the tests
filter that must catch it. run.py applies them one at a time."""

SPECTROGRAM = "src/Seismic.DietGrasp/Spectrogram/SpectrogramKernel.cs"
ASSOCIATOR = "src/Seismic.DietGrasp/Grasp/GraspAssociator.cs"
PARTITION = "src/Seismic.DietGrasp/Grasp/GraphPartition.cs"
DECODER = "src/Seismic.DietGrasp/Waveforms/MiniSeedDecoder.cs"

MUTANTS = [
    {
        "id": "spectrogram-nyquist-doubled",
        "why": "the one-sided PSD doubles every bin, the Nyquist bin too (issue 19: passed all 50 spectrogram tests)",
        "file": SPECTROGRAM,
        "old": "var oneSided = 2 * bin == parameters.SegmentLength ? 1 : 2;",
        "new": "var oneSided = 2;",
        "filter": "FullyQualifiedName~Tests.Spectrogram.",
    },
    {
        "id": "knn-tie-to-higher-index",
        "why": "equal distances go to the higher station index (issue 19: passed all 195 GrASP tests)",
        "file": ASSOCIATOR,
        "old": ".ThenBy(x => others[x]).Take(kk)",
        "new": ".ThenByDescending(x => others[x]).Take(kk)",
        "filter": "FullyQualifiedName~Tests.Grasp.",
    },
    {
        "id": "fiedler-zero-goes-negative",
        "why": "a zero Fiedler entry joins the negative side (issue 19: no test had a zero entry)",
        "file": PARTITION,
        "old": "(fiedler[i] >= 0 ? positive : negative)",
        "new": "(fiedler[i] > 0 ? positive : negative)",
        "filter": "FullyQualifiedName~Tests.Grasp.",
    },
    {
        "id": "fiedler-sign-rule-inverted",
        "why": "the first non-zero Fiedler entry is made negative instead of positive (issue 19)",
        "file": PARTITION,
        "old": "if (sign < 0)",
        "new": "if (sign > 0)",
        "filter": "FullyQualifiedName~Tests.Grasp.",
    },
    {
        "id": "steim2-five-difference-word-order",
        "why": "little-endian 5 x 6-bit words read low bits first; only libmseed-made little-endian "
               "Steim2 has such words (the project's packer writes big-endian)",
        "file": DECODER,
        "old": "var lowBitsFirst = !bigEndian && (code == 1 || (!steim2 && code == 2));",
        "new": "var lowBitsFirst = !bigEndian && (code == 1 || (!steim2 && code == 2) || bits == 6);",
        "filter": "FullyQualifiedName~Tests.Waveforms.|FullyQualifiedName~Tests.Reliability.ReaderFuzzTests",
    },
    {
        "id": "steim-reverse-constant-unchecked",
        "why": "a Steim record whose last sample differs from its reverse integration constant is accepted "
               "(the old fuzz tests only asked for no foreign exception)",
        "file": DECODER,
        "old": "if (current != last)",
        "new": "if (current != last && count < 0)",
        "filter": "FullyQualifiedName~Tests.Reliability.ReaderFuzzTests",
    },
    {
        "id": "categorize-window-exclusive",
        "why": "an earthquake exactly Cat_window minutes away no longer makes tremor possible "
               "(the CLI test once checked only the row count and one word)",
        "file": ASSOCIATOR,
        "old": "earthquakeMinutes[i].Ticks - tremor.Minute.Ticks <= window",
        "new": "earthquakeMinutes[i].Ticks - tremor.Minute.Ticks < window",
        "filter": "FullyQualifiedName~Tests.Grasp.GraspCliTests",
    },
]
