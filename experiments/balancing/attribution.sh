#!/usr/bin/env bash
# What moved the balancing study's findings from model version 1 to version 3 (README: "What changed with model
# version 3 and the calibrated defaults"). Reruns nine of the study's plain arms (no, 2 and 8 great powers; Internal
# and External worlds with compatible, random and incompatible interests; 200 runs each, the files' seed) with the
# current defaults, with version 1's defaults, with each changed default set back alone, and with the calibrated
# `diffusion` (which the abstract world does not use); with OLD_BUILDS=1 also with the builds of version 1 (commit
# 35c1bef) and version 2 (c4f5692) at their own defaults. Prints, per configuration, the polarity and cost outcomes.
#
# usage: experiments/balancing/attribution.sh OUT [ANARCHY]
#   OUT: output folder (one sub-folder per configuration); ANARCHY: the anarchy executable (default: anarchy)
#   About 18,000 runs of 200 years; OLD_BUILDS=1 adds two builds and 3,600 runs (7 minutes in all on 2 shared cores).
#   Needs git, dotnet (for OLD_BUILDS) and python3.
set -euo pipefail
out=$(mkdir -p "$1" && cd "$1" && pwd)
anarchy=${2:-anarchy}
here=$(cd "$(dirname "$0")" && pwd)
arms=(poles-0 poles-2 poles-8 internal-compatible external-compatible internal-random external-random internal-incompatible external-incompatible)

# run NAME EXECUTABLE [NAME=VALUE ...]: the nine arms with the parameters set.
run() {
  local name=$1 bin=$2 sets=() kv a
  shift 2
  for kv in "$@"; do sets+=(--set "$kv"); done
  for a in "${arms[@]}"; do
    local events=()
    [[ $a == poles-0 || $a != poles-* ]] || events=(--events)
    "$bin" run --scenario "$here/scenario-$a.json" --series "${events[@]}" --out "$out/$name/$a" --overwrite "${sets[@]}" > /dev/null
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
import csv, math, statistics, sys
out, configs = sys.argv[1], sys.argv[2:]

def runs(c, a):
    return list(csv.DictReader(open(f"{out}/{c}/{a}/runs.csv")))

def mean(rows, column):
    return statistics.mean(float(r[column]) for r in rows)

def great_power_deaths(c, poles):
    dead = sum(1 for e in csv.DictReader(open(f"{out}/{c}/poles-{poles}/events.csv")) if e["event"] == "death" and int(e["state"]) < poles)
    return dead / len(runs(c, f"poles-{poles}"))

def paired(e, i, column):
    d = [float(x[column]) - float(y[column]) for x, y in zip(e, i)]
    m, h = statistics.mean(d), 1.972 * statistics.stdev(d) / math.sqrt(len(d))
    return f"{m:.1f} [{m - h:.1f}, {m + h:.1f}]"

print("\nPolarity: survivors, wars and great-power deaths per run; bandwagoning share (pacts with the strongest / pacts formed)")
print("| configuration | survivors, none / 2 / 8 | wars, none / 2 / 8 | great-power deaths, 2 / 8 | bandwagoning %, none / 2 / 8 |")
print("|:--|--:|--:|--:|--:|")
for c in configs:
    p = {k: runs(c, f"poles-{k}") for k in (0, 2, 8)}
    share = lambda rows: 100 * sum(float(r["pacts_with_strongest"]) for r in rows) / max(1, sum(float(r["pacts_formed"]) for r in rows))
    print(f"| {c} | " + " / ".join(f"{mean(p[k], 'survivors'):.1f}" for k in p) + " | " + " / ".join(f"{mean(p[k], 'wars'):.1f}" for k in p)
          + f" | {great_power_deaths(c, 2):.3f} / {great_power_deaths(c, 8):.3f} | " + " / ".join(f"{share(p[k]):.2f}" for k in p) + " |")

print("\nCosts: External minus Internal, paired by run (mean [95% interval]); deaths per run of the Internal / External world")
print("| configuration | interests | spending, 200 y | wealth at the end | deaths | deaths, Internal / External | wars, Internal / External |")
print("|:--|:--|--:|--:|--:|--:|--:|")
for c in configs:
    for i in ("compatible", "random", "incompatible"):
        e, n = runs(c, f"external-{i}"), runs(c, f"internal-{i}")
        for rows in (e, n):
            for r in rows:
                r["spending"] = float(r["spending_internal"]) + float(r["spending_external"])
        print(f"| {c} | {i} | {paired(e, n, 'spending')} | {paired(e, n, 'total_wealth')} | {paired(e, n, 'deaths')} | "
              f"{mean(n, 'deaths'):.2f} / {mean(e, 'deaths'):.2f} | {mean(n, 'wars'):.0f} / {mean(e, 'wars'):.0f} |")
EOF
