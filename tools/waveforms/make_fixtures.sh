#!/bin/sh
# Builds the waveform reader fixtures with Debian's tools (sac2mseed 1.13, mseed2sac 2.3,
# libmseed's example test.mseed) and /usr/bin/python3 + numpy.
#   *.sac                 SAC inputs of known samples (little- and big-endian; smalldiffs.sac has
#                         differences of 4..6 bits, so its Steim2 files hold 5-difference words)
#   *.mseed               miniSEED packed by sac2mseed (encodings 3, 4, 10, 11; both byte orders;
#                         record lengths 256..8192) or by make_inputs.py (encodings 1 and 5)
#   *.mseed.expected.sac  what Debian's mseed2sac decodes from the same file (the reference)
# Run from the repository root: sh tools/waveforms/make_fixtures.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=tests/Seismic.DietGrasp.Tests/TestData/Waveforms
rm -rf "$out" && mkdir -p "$out"
/usr/bin/python3 "$here/make_inputs.py" "$out"

pack() { # input encoding byteorder reclen
    sac2mseed -s 1 -e "$2" -b "$3" -r "$4" -o "$out/$(basename "$1" .sac)_e$2_$([ "$3" = 1 ] && echo be || echo le)_$4.mseed" "$1" >/dev/null
}
for enc in 3 10 11; do
    pack "$out/ints_le.sac" $enc 1 4096
    pack "$out/ints_le.sac" $enc 0 512
done
for reclen in 256 1024 2048 8192; do pack "$out/ints_le.sac" 11 1 $reclen; done
for reclen in 256 8192; do pack "$out/ints_le.sac" 10 0 $reclen; done
# Steim2 with 5-difference (6-bit) words, both byte orders (the order of packed differences differs).
pack "$out/smalldiffs.sac" 11 1 4096
pack "$out/smalldiffs.sac" 11 0 512
pack "$out/real_be.sac" 4 1 4096
pack "$out/real_le.sac" 4 0 512
cp /usr/share/doc/libmseed-dev/examples/test.mseed "$out/test.mseed"

tmp=$(mktemp -d)
for m in "$out"/*.mseed; do
    (cd "$tmp" && mseed2sac -f 3 "$OLDPWD/$m" >/dev/null 2>&1)
    count=$(ls "$tmp" | wc -l)
    [ "$count" = 1 ] || { echo "$m: mseed2sac wrote $count files" >&2; exit 1; }
    mv "$tmp"/*.SAC "$m.expected.sac"
done
rmdir "$tmp"
du -sh "$out"
