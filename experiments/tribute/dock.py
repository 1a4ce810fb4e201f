#!/usr/bin/env python3
"""Compares the Python implementation's runs (reference.py) with Anarchy's (a runs.csv) outcome by outcome.

    python3 experiments/tribute/dock.py experiments/tribute/python/axelrod.csv out/tribute/runs.csv

Prints each outcome's means and the two-sample Kolmogorov-Smirnov and Anderson-Darling p-values (scipy).
"""

import sys
import warnings

import pandas as pd
from scipy import stats

OUTCOMES = ["demands", "payments", "fights", "final_wealth", "richest_share", "peak_richest_share", "leader_changes",
            "clusters", "largest_cluster"]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    warnings.simplefilter("ignore")  # scipy warns when it caps the Anderson-Darling p-value to [0.001, 0.25]
    python, anarchy = pd.read_csv(sys.argv[1]), pd.read_csv(sys.argv[2])
    print(f"{'outcome':20} {'python':>12} {'anarchy':>12} {'KS p':>7} {'AD p':>7}   ({len(python)} and {len(anarchy)} runs)")
    for name in OUTCOMES:
        a, b = python[name], anarchy[name]
        ks = stats.ks_2samp(a, b).pvalue
        ad = stats.anderson_ksamp([a, b]).pvalue if a.nunique() + b.nunique() > 2 else float("nan")
        print(f"{name:20} {a.mean():12.3f} {b.mean():12.3f} {ks:7.3f} {ad:7.3f}")


if __name__ == "__main__":
    main()
