#!/usr/bin/env bash
# Packs the `dietgrasp` .NET tool as .NET 10 RID-specific tool packages into OUT (default: artifacts/):
#   Seismic.DietGrasp.Cli.VERSION.nupkg            the pointer package `dotnet tool install` reads first
#   Seismic.DietGrasp.Cli.linux-x64.VERSION.nupkg  Native AOT (x86-64-v3: any AVX2 machine), starts in ~20 ms
#   Seismic.DietGrasp.Cli.{linux-arm64,osx-arm64,win-x64}.VERSION.nupkg
#                                                   framework-dependent (they run on the user's .NET 10 runtime),
#                                                   because AOT compiles only for the machine's own platform
# Each platform package holds only its own platform's natives (ONNX Runtime, SkiaSharp, HarfBuzz).
# Usage: eng/pack-tool.sh [OUT] [extra dotnet pack arguments, e.g. -p:Version=1.2.3]
# RIDS="linux-x64" eng/pack-tool.sh ...   packs the pointer and only the listed platforms.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts}"
shift || true
project=src/Seismic.DietGrasp.Cli/Seismic.DietGrasp.Cli.csproj
rids="${RIDS:-linux-x64 linux-arm64 osx-arm64 win-x64}"

dotnet pack "$project" -c Release -o "$out" "$@"
for rid in $rids; do
  if [ "$rid" = linux-x64 ] && [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ]; then
    dotnet pack "$project" -c Release -o "$out" -r "$rid" -p:IlcInstructionSet=x86-64-v3 "$@"
  else
    dotnet pack "$project" -c Release -o "$out" -r "$rid" -p:PublishAot=false "$@"
  fi
done
ls -l "$out"/Seismic.DietGrasp.Cli*.nupkg
