#!/usr/bin/env bash
# Sets up, builds and runs every test. The last line reads "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"
scripts/bootstrap || { echo "0 passed, 1 failed"; exit 1; }
dotnet build Vtp.sln -c Release -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
log="$(mktemp)"
dotnet test Vtp.Tests/Vtp.Tests.csproj -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# The one-line summary ("Passed!  - Failed: 0, Passed: 12, ...") at normal verbosity, or the "Total tests" block that a
# detailed console logger prints instead.
summary="$(grep -E '(Passed|Failed)! +- ' "$log" | tail -n1)"
[ -z "$summary" ] && summary="$(grep -A4 -E '^Total tests: ' "$log" | tr '\n' ' ')"
rm -f "$log"
num() { echo "$summary" | sed -nE "s/.*$1: +([0-9]+).*/\1/p"; }
passed="$(num Passed)"; failed="$(num Failed)"; skipped="$(num Skipped)"
if [ -z "$passed$failed" ]; then echo "0 passed, 1 failed"; exit 1; fi
line="${passed:-0} passed, ${failed:-0} failed"
[ "${skipped:-0}" != "0" ] && line="$line, $skipped skipped"
echo "$line"
exit "$status"
