#!/usr/bin/env python3
"""Compares Anarchy's realpolitik preset with statesim, setting by setting, and prints a Markdown table.

    /usr/bin/python3 experiments/docking/compare.py config grid_a grid_b grid_c

For each SETTING it reads statesim's summaries (experiments/docking/statesim/SETTING.csv, made by statesim_runs.py)
and Anarchy's run folder (out/docking/SETTING/, made by `anarchy run --scenario experiments/docking/SETTING.json
--events --out out/docking/SETTING`). Per run: turns to the end, wars, share of runs ending in a universal empire,
survivors and the median survival of the initial states; per state: the turn each conquered state died (pooled).
Distributions are compared with the two-sample Kolmogorov-Smirnov and k-sample Anderson-Darling tests (scipy), the
share of empires with Fisher's exact test. Needs python3-scipy.
"""
import csv, os, statistics, sys
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")


def read(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def main(settings):
    print("| setting | quantity | statesim (n) | anarchy (n) | statesim mean | anarchy mean | KS D | KS p | AD p |")
    print("|---|---|---|---|---|---|---|---|---|")
    for setting in settings:
        peer = read(os.path.join(HERE, "statesim", setting + ".csv"))
        ours = read(os.path.join(ROOT, "out", "docking", setting, "runs.csv"))
        deaths_ours = [float(e["turn"]) for e in read(os.path.join(ROOT, "out", "docking", setting, "events.csv")) if e["kind"] == "death"]
        deaths_peer = [float(t) for r in peer for t in r["death_turns"].split(";") if t]
        rows = [(q, [float(r[q]) for r in peer], [float(r[q]) for r in ours]) for q in ("turns", "wars", "survivors", "median_survival")]
        rows.append(("death turn (per state)", deaths_peer, deaths_ours))
        for name, a, b in rows:
            if len(set(a) | set(b)) == 1:
                ks_d, ks_p, ad_p = 0.0, 1.0, 1.0
            else:
                ks = stats.ks_2samp(a, b)
                ks_d, ks_p = ks.statistic, ks.pvalue
                ad_p = stats.anderson_ksamp([a, b]).significance_level
            print(f"| {setting} | {name} | {len(a)} | {len(b)} | {statistics.mean(a):.2f} | {statistics.mean(b):.2f} | {ks_d:.3f} | {ks_p:.3f} | {ad_p:.3f} |")
        k1 = sum(int(r["universal_empire"]) for r in peer)
        k2 = sum(int(r["universal_empire"]) for r in ours)
        # Fisher's exact test: the shares can be near 0 or 1, where the z test's normal approximation fails.
        p = stats.fisher_exact([[k1, len(peer) - k1], [k2, len(ours) - k2]])[1]
        print(f"| {setting} | universal empire | {len(peer)} | {len(ours)} | {k1 / len(peer):.3f} | {k2 / len(ours):.3f} | | Fisher p {p:.3f} | |")


if __name__ == "__main__":
    import warnings
    warnings.filterwarnings("ignore", message="p-value capped")
    main(sys.argv[1:] or ["config"])
