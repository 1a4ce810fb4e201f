#!/usr/bin/env python3
"""Runs statesim (the Python peer model in ../shared/peers/statesim) at one setting and writes one summary row per
run, so that Anarchy's realpolitik preset can be compared with it without running Python in CI.

    /usr/bin/python3 experiments/docking/statesim_runs.py --runs 200 --out experiments/docking/statesim/config.csv
    /usr/bin/python3 experiments/docking/statesim_runs.py --runs 200 --set victory_sigma=3 --out .../victory3.csv

Settings are statesim's config.yaml with niter = 1000 (its main.py grid), changed by --set KEY=VALUE. Run r uses
numpy seed FIRST+r and graph seed FIRST+r+1; a row is appended as each run finishes, and an existing file is
continued (runs already in it are skipped), so an interrupted batch resumes. Needs Debian's python3-numpy,
-pandas, -scipy, -networkx, -yaml and -matplotlib (statesim imports matplotlib).
"""
import argparse, contextlib, csv, io, logging, os, shutil, statistics, sys, tempfile, time

COLUMNS = ["run", "numpy_seed", "graph_seed", "turns", "universal_empire", "wars", "crises", "survivors",
           "deaths", "median_survival", "mean_death_turn", "seconds", "death_turns"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="first run index (default 0): several processes can share a batch, each writing its own file, concatenated afterwards")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--peer", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "peers", "statesim"))
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    # statesim's package is imported from a copy: the peer folder may be read-only, and Python writes caches.
    work = tempfile.mkdtemp(prefix="statesim-")
    shutil.copytree(os.path.abspath(args.peer), os.path.join(work, "statesim-src"))
    sys.path.insert(0, os.path.join(work, "statesim-src"))
    logging.disable(logging.CRITICAL)
    import numpy as np
    import yaml
    from statesim.sim import Simulation

    with open(os.path.join(work, "statesim-src", "config.yaml")) as f:
        config = yaml.safe_load(f)
    config["niter"] = 1000
    for assignment in args.set:
        key, _, value = assignment.partition("=")
        if key not in config:
            sys.exit(f"--set: unknown statesim setting '{key}' (known: {', '.join(sorted(config))})")
        config[key] = value.lower() == "true" if isinstance(config[key], bool) else type(config[key])(value)

    done = set()
    if os.path.exists(args.out):
        with open(args.out, newline="") as f:
            done = {int(row["run"]) for row in csv.DictReader(f)}
    new_file = not os.path.exists(args.out)
    with open(args.out, "a", newline="") as out:
        writer = csv.writer(out)
        if new_file:
            writer.writerow(COLUMNS)
        for run in range(args.start, args.runs):
            if run in done:
                continue
            seed = args.first_seed + run
            np.random.seed(seed)
            cfg = dict(config, seed=seed + 1)
            started = time.perf_counter()
            sim = Simulation(config=cfg)
            with contextlib.redirect_stdout(io.StringIO()):
                sim.run()
            seconds = time.perf_counter() - started
            n = cfg["network_n"]
            survivors = len(sim.world.world)
            turns = int(sim.system["turn"].max())
            deaths = [int(t) for t in sim.state["survived_to"]] if len(sim.state) else []
            # Survival of every initial state: its death turn, or the last turn played for survivors.
            survival = sorted(deaths + [turns] * survivors)
            writer.writerow([run, seed, seed + 1, turns, int(survivors == 1), int(sim.wars["war"].sum()), len(sim.wars),
                             survivors, len(deaths), statistics.median(survival),
                             round(statistics.mean(deaths), 3) if deaths else "", round(seconds, 3),
                             ";".join(map(str, deaths))])
            out.flush()
            print(f"run {run}: {turns} turns, {survivors} left, {seconds:.1f} s", file=sys.stderr)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
