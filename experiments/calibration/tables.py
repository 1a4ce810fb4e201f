"""Markdown tables of a calibration's fit.csv (docs/CALIBRATION.md, "Outputs"), as in experiments/calibration/README.md.

    python3 experiments/calibration/tables.py out/post1945/fit.csv

One table per period: the record with its 95% bootstrap interval, the model's mean with its 95% interval, the 95%
range of single runs (the predictive interval for one history), the ratio model / record, and a verdict: "within
1.5" or "within 2" when the ratio is, "inside the run range" when the record lies within the single-run range
although the ratio is further off, else "miss". Standard library only.
"""
import csv
import sys


def number(x):
    x = float(x)
    if x == 0:
        return "0"
    if abs(x) >= 100:
        return f"{x:.0f}"
    if abs(x) >= 1:
        return f"{x:.2f}"
    return f"{x:.3g}"


def verdict(row):
    if row["ratio"] == "":
        return "record 0"
    ratio = float(row["ratio"])
    if 1 / 1.5 <= ratio <= 1.5:
        return "within 1.5"
    if 0.5 <= ratio <= 2:
        return "within 2"
    if float(row["run_lower"]) <= float(row["record"]) <= float(row["run_upper"]):
        return "miss (record inside the run range)"
    return "miss"


rows = list(csv.DictReader(open(sys.argv[1], newline="")))
periods = []
for row in rows:
    key = (row["role"], row["start_year"], row["last_year"])
    if key not in periods:
        periods.append(key)
for role, first, last in periods:
    print(f"\n**{'Fitted' if role == 'fit' else 'Predicted'}: {first}-{last}**\n")
    print("| moment | fitted | record [95%] | model [95%] | single runs, 95% | ratio | verdict |")
    print("|:--|:-:|--:|--:|--:|--:|:--|")
    for row in rows:
        if (row["role"], row["start_year"], row["last_year"]) != (role, first, last):
            continue
        record = f"{number(row['record'])} [{number(row['record_lower'])}, {number(row['record_upper'])}]"
        model = f"{number(row['model'])} [{number(row['model_lower'])}, {number(row['model_upper'])}]"
        runs = f"[{number(row['run_lower'])}, {number(row['run_upper'])}]"
        ratio = number(row["ratio"]) if row["ratio"] else ""
        print(f"| {row['moment']} | {'yes' if row['fitted'] == '1' else ''} | {record} | {model} | {runs} | {ratio} | {verdict(row)} |")
