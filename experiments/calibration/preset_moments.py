"""Moments of a run folder's runs.csv as docs/CALIBRATION.md defines the model side, pooled over runs.

An independent reading of the runs table (standard library only), used to check a calibrated preset:
    anarchy run --scenario experiments/calibration/realworld-1950.json --out out/preset
    python3 experiments/calibration/preset_moments.py out/preset/runs.csv
"""
import csv
import sys

MOMENTS = {
    "disputes_per_state_year": (lambda r: r["disputes"], lambda r: r["state_years"]),
    "war_share": (lambda r: r["wars"], lambda r: r["disputes"]),
    "wars_per_state_year": (lambda r: r["wars"], lambda r: r["state_years"]),
    "dyadic_war_share": (lambda r: r["dyadic_wars"], lambda r: r["wars"]),
    "war_participants": (lambda r: r["war_states"], lambda r: r["wars"]),
    "deaths_per_state_year": (lambda r: r["deaths"], lambda r: r["state_years"]),
    "pacts_per_state": (lambda r: 2 * r["pact_years"], lambda r: r["state_years"]),
    "pact_terminations": (lambda r: r["pacts_lapsed"] + r["pacts_broken"], lambda r: r["pact_years"]),
    "leader_disputes_per_year": (lambda r: r["leader_participated"], lambda r: r["ticks"]),
    "calls_honoured": (lambda r: r["war_honoured"], lambda r: r["war_calls"]),
}

rows = [{k: float(v) for k, v in row.items()} for row in csv.DictReader(open(sys.argv[1]))]
print(f"{len(rows)} runs")
for name, (num, den) in MOMENTS.items():
    n, d = sum(num(r) for r in rows), sum(den(r) for r in rows)
    print(f"{name:26} {n / d if d else float('nan'):.4g}")
print(f"{'deaths per run':26} {sum(r['deaths'] for r in rows) / len(rows):.3g}")
