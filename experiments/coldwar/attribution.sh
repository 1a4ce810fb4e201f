#!/usr/bin/env bash
# What moved the cold-war study's findings from model version 1 to version 3 (README: "What changed with model
# version 3 and the calibrated defaults"). Reruns the study's three headline cells (Waltz's cell; institutionalisation
# 1; lapse salience 0.2) in its three arms (before, collapse, control; 300 runs each, the scenario files' seed, which
# gives every run the seed of the same replicate in the study's sweeps) with the current defaults, with version 1's
# defaults, and with each default that version 3 changed set back alone. Prints, per configuration, the findings.
#
# usage: experiments/coldwar/attribution.sh OUT [ANARCHY]
#   OUT: output folder (one sub-folder per configuration); ANARCHY: the anarchy executable (default: anarchy)
#   8,100 runs per configuration, 9 configurations (about 5 minutes on 2 cores). Needs python3.
set -euo pipefail
out=$(mkdir -p "$1" && cd "$1" && pwd)
anarchy=${2:-anarchy}
here=$(cd "$(dirname "$0")" && pwd)

# run NAME [NAME=VALUE ...]: the three cells in the three arms with the parameters set.
run() {
  local name=$1 sets=() kv cell arm
  shift
  mkdir -p "$out/$name"
  for kv in "$@"; do sets+=(--set "$kv"); done
  for cell in waltz inst1 salience02; do
    local extra=()
    case $cell in
      inst1) extra=(--set institutionalisation=1) ;;
      salience02) extra=(--set lapseSalience=0.2) ;;
    esac
    for arm in before collapse control; do
      "$anarchy" run --scenario "$here/scenario-$arm.json" --runs 300 "${sets[@]}" "${extra[@]}" \
        --out "$out/$name/$cell-$arm" --overwrite > "$out/$name/$cell-$arm.log" 2>&1 \
        || { cat "$out/$name/$cell-$arm.log" >&2; exit 1; }
    done
  done
  echo "$name done" >&2
}

# The defaults that version 3 changed, at their version-1 values (diffusion is 0 in both; version 1 had no
# challenge, casusFoederis or projection, and their 0 gives back its rules).
old=(escalation=0.3 challenge=0 honour=0.2 projection=0 opportunism=0.3 revisionismBeta=4 casusFoederis=0)
configs=(current version1-defaults)
run current
run version1-defaults "${old[@]}"
for kv in "${old[@]}"; do
  run "only-$kv" "$kv"
  configs+=("only-$kv")
done

python3 - "$out" "${configs[@]}" <<'EOF'
import csv, math, statistics, sys
out, configs = sys.argv[1], sys.argv[2:]

def column(config, cell, arm, name):
    rows = sorted(csv.DictReader(open(f"{out}/{config}/{cell}-{arm}/runs.csv")), key=lambda r: int(r["run"]))
    return [float(r[name]) for r in rows]

def interval(values):
    m = statistics.mean(values)
    h = 1.968 * statistics.stdev(values) / math.sqrt(len(values))  # t(0.975, 299)
    return f"{m:+.2f} [{m - h:+.2f}, {m + h:+.2f}]"

def mean(config, cell, arm, name):
    return f"{statistics.mean(column(config, cell, arm, name)):.2f}"

def calls(config, arm):  # calls to the leader in Waltz's cell: entangled, aligned or refused
    return sum(statistics.mean(column(config, "waltz", arm, k)) for k in ("leader_entangled", "leader_aligned", "leader_abandoned"))

def effect(config, cell, name):  # collapse - control, paired by run (the same seeds)
    return [a - b for a, b in zip(column(config, cell, "collapse", name), column(config, cell, "control", name))]

def drag(config, name):  # within the collapse arm: institutionalisation 1 - 0 at lapse salience 0.5
    return [a - b for a, b in zip(column(config, "inst1", "collapse", name), column(config, "waltz", "collapse", name))]

rows = [
    ("leader's pacts on the eve (Waltz's cell)", lambda c: mean(c, "waltz", "before", "leader_pacts")),
    ("collapse - control, leader's pacts, Waltz's cell", lambda c: interval(effect(c, "waltz", "leader_pacts"))),
    ("the same, institutionalisation 1", lambda c: interval(effect(c, "inst1", "leader_pacts"))),
    ("the same, lapse salience 0.2", lambda c: interval(effect(c, "salience02", "leader_pacts"))),
    ("leader's disputes, collapse / control", lambda c: mean(c, "waltz", "collapse", "leader_disputes") + " / " + mean(c, "waltz", "control", "leader_disputes")),
    ("calls to the leader, collapse / control", lambda c: " / ".join(f"{calls(c, a):.2f}" for a in ("collapse", "control"))),
    ("leader's entangled stands, collapse / control", lambda c: mean(c, "waltz", "collapse", "leader_entangled") + " / " + mean(c, "waltz", "control", "leader_entangled")),
    ("collapse - control, entangled stands", lambda c: interval(effect(c, "waltz", "leader_entangled"))),
    ("leader's wars, collapse / control", lambda c: mean(c, "waltz", "collapse", "leader_wars") + " / " + mean(c, "waltz", "control", "leader_wars")),
    ("collapse - control, leader's wars", lambda c: interval(effect(c, "waltz", "leader_wars"))),
    ("collapse - control, leader's opportunistic joins", lambda c: interval(effect(c, "waltz", "leader_opportunistic_joins"))),
    ("collapse - control, leader's wars, institutionalisation 1", lambda c: interval(effect(c, "inst1", "leader_wars"))),
    ("institutionalisation 1 - 0 after the collapse, entangled stands", lambda c: interval(drag(c, "leader_entangled"))),
    ("institutionalisation 1 - 0 after the collapse, wars", lambda c: interval(drag(c, "leader_wars"))),
]
print("| finding | " + " | ".join(configs) + " |")
print("|:--|" + "--:|" * len(configs))
for label, f in rows:
    print(f"| {label} | " + " | ".join(f(c) for c in configs) + " |")
EOF
