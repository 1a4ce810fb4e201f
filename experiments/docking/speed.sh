#!/bin/bash
# Seconds per run of statesim and of Anarchy's realpolitik preset at statesim's config.yaml settings (98 states,
# up to 1000 turns), one process on one core each, on this machine; and the ratio.
#   bash experiments/docking/speed.sh [STATESIM_RUNS] [ANARCHY_RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
peer_runs=${1:-5}
ours_runs=${2:-1000}
anarchy=src/Anarchy.Cli/bin/Release/net10.0/anarchy
[ -x "$anarchy" ] || dotnet build src/Anarchy.Cli -c Release >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 experiments/docking/statesim_runs.py --runs "$peer_runs" --first-seed 90001 --out "$tmp/statesim.csv" 2>/dev/null
peer=$(/usr/bin/python3 -c "import csv,sys; r=list(csv.DictReader(open('$tmp/statesim.csv'))); print(sum(float(x['seconds']) for x in r)/len(r))")
"$anarchy" run --model realpolitik --runs "$ours_runs" --threads 1 --out "$tmp/anarchy" >/dev/null 2>&1
ours=$(/usr/bin/python3 -c "import json; m=json.load(open('$tmp/anarchy/manifest.json')); print(m['wallSeconds']/m['runsCompleted'])")
/usr/bin/python3 -c "
peer, ours = $peer, $ours
print(f'statesim: {peer:.3f} s per run ($peer_runs runs); anarchy --model realpolitik: {ours*1000:.3f} ms per run ($ours_runs runs, 1 thread); ratio {peer/ours:,.0f}x')"
