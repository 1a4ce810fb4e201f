#!/usr/bin/env bash
# What moved the doctrines study's findings from model version 1 to version 3 (README: "What changed with model
# version 3 and the calibrated defaults"). Reruns the full study's Internal, External and Adaptive arms (sweep.json:
# 12 environments x 400 replicates, the study's seed) with the current defaults, with version 1's defaults, with each
# changed default set back alone, and with the calibrated `diffusion` (which the abstract world does not use); with
# OLD_BUILDS=1 also with the builds of version 1 (commit 35c1bef) and version 2 (c4f5692) at their own defaults.
# Prints, per configuration, the leader's outcomes in the four environments of highest threat.
#
# usage: experiments/doctrines/attribution.sh OUT [ANARCHY]
#   OUT: output folder (one sub-folder per configuration); ANARCHY: the anarchy executable (default: anarchy)
#   About 145,000 runs; OLD_BUILDS=1 adds two builds and 29,000 runs (17 minutes in all on 2 shared cores).
#   Needs git, dotnet (for OLD_BUILDS) and python3.
set -euo pipefail
out=$(mkdir -p "$1" && cd "$1" && pwd)
anarchy=${2:-anarchy}
here=$(cd "$(dirname "$0")" && pwd)

# run NAME EXECUTABLE [NAME=VALUE ...]: the three arms with the parameters added to each scenario's "parameters".
run() {
  local name=$1 bin=$2 extra="" kv d
  shift 2
  for kv in "$@"; do extra+=", \"${kv%%=*}\": ${kv#*=}"; done
  mkdir -p "$out/$name"
  for d in internal external adaptive; do
    sed "s/\"interestBlocs\": 1/\"interestBlocs\": 1$extra/" "$here/scenario-$d.json" > "$out/$name/scenario-$d.json"
    sed "s|\"scenario-strategic.json\"|\"scenario-$d.json\"|; s|\"name\": \"doctrines\"|\"name\": \"doctrines-$d\"|" "$here/sweep.json" > "$out/$name/sweep-$d.json"
    "$bin" sweep "$out/$name/sweep-$d.json" --out "$out/$name/$d" --overwrite > /dev/null
  done
  echo "$name done" >&2
}

# The defaults that version 3 changed, at their version-1 values (diffusion is 0 in both).
old=(escalation=0.3 challenge=0 honour=0.2 projection=0 opportunism=0.3 revisionismBeta=4 casusFoederis=0)
configs=(current version1-defaults)
run current "$anarchy"
run version1-defaults "$anarchy" "${old[@]}"
for kv in "${old[@]}"; do
  run "only-$kv" "$anarchy" "$kv"
  configs+=("only-$kv")
done
run diffusion=0.79 "$anarchy" diffusion=0.79
configs+=(diffusion=0.79)

if [[ "${OLD_BUILDS:-0}" == 1 ]]; then
  repo=$(git -C "$here" rev-parse --show-toplevel)
  for commit in 35c1bef c4f5692; do
    rm -rf "$out/build-$commit" && mkdir -p "$out/build-$commit"
    git -C "$repo" archive "$commit" | tar -x -C "$out/build-$commit"
    dotnet build "$out/build-$commit/src/Anarchy.Cli" -c Release > /dev/null
    run "build-$commit-arms" "$out/build-$commit/src/Anarchy.Cli/bin/Release/net10.0/anarchy"
    configs+=("build-$commit-arms")
  done
fi

python3 - "$out" "${configs[@]}" <<'EOF'
import csv, statistics, sys
out, configs = sys.argv[1], sys.argv[2:]
columns = [("survival %", "leader_alive", 100), ("wealth", "leader_wealth", 1), ("wars", "leader_wars", 1),
           ("insecure %", "leader_insecure_share", 100), ("targeted", "leader_targeted", 1)]
environments = [(4.0, 0.05, 0.05), (4.0, 0.05, 0.6), (4.0, 0.6, 0.05), (4.0, 0.6, 0.6)]
doctrines = ["internal", "external", "adaptive"]
tables = {c: {d: list(csv.DictReader(open(f"{out}/{c}/{d}/runs.csv"))) for d in doctrines} for c in configs}
for e in environments:
    print(f"\nthreat {e[0]:g}, spread {e[1]:g}, war cost {e[2]:g}; each cell Internal / External / Adaptive, means over 400 runs")
    print("| configuration | " + " | ".join(c[0] for c in columns) + " |")
    print("|:--|" + "--:|" * len(columns))
    for c in configs:
        cells = []
        for _, column, scale in columns:
            means = []
            for d in doctrines:
                rows = [r for r in tables[c][d] if (float(r["revisionismAlpha"]), float(r["interestSpread"]), float(r["warCost"])) == e]
                means.append(f"{scale * statistics.mean(float(r[column]) for r in rows):.2f}" if column in rows[0] else "n/a")
            cells.append(" / ".join(means))
        print(f"| {c} | " + " | ".join(cells) + " |")
EOF
