#!/usr/bin/env python3
"""A second implementation of the tribute model, in plain Python, written from docs/TRIBUTE.md.

It shares no code with Anarchy (src/Anarchy.Models.Tribute) and draws its random numbers from Python's own
generator, so the two agree only in distribution: `dock.py` compares them. It also gives the time a straightforward
Python implementation takes per run.

    python3 experiments/tribute/reference.py --runs 200 --out experiments/tribute/python/axelrod.csv

Each row: one run's seed and its summary, in the columns of Anarchy's runs table of the same names.
"""

import argparse
import csv
import random
import sys
import time

COLUMNS = ["seed", "demands", "payments", "fights", "final_wealth", "richest_share", "peak_richest_share",
           "leader_changes", "clusters", "largest_cluster", "seconds"]


class Tribute:
    """Axelrod's settings by default (docs/TRIBUTE.md, section 4)."""

    def __init__(self, seed, actors=10, wealth=(300.0, 500.0), income=20.0, activations=3, demand=250.0,
                 destructiveness=0.25, step=10, reach=9, threshold=50):
        self.rng = random.Random(seed)
        self.n = actors
        self.income, self.activations, self.demand = income, activations, demand
        self.destructiveness, self.step, self.threshold = destructiveness, step, threshold
        self.reach = min(reach, actors - 1)
        self.wealth = [self.rng.uniform(*wealth) for _ in range(actors)]
        # commitment[a][b]: a's commitment to b, percent; every change applies to both directions.
        self.commitment = [[100 if a == b else 0 for b in range(actors)] for a in range(actors)]
        self.demands = self.payments = self.fights = 0

    def ring(self, position):
        return position % self.n

    def sides(self, i, j, direction, steps):
        """The attacking and defending sides of a demand from i to j, reached going `direction` for `steps` steps;
        None when some actor between them is not more committed to i than to j."""
        c = self.commitment
        between = [self.ring(i + direction * m) for m in range(1, steps)]
        if any(c[k][i] <= c[k][j] for k in between):
            return None
        attack = [i] + between
        k = self.ring(i - direction)
        while k != j and c[k][i] > c[k][j]:
            attack.append(k)
            k = self.ring(k - direction)
        defence = [j]
        k = self.ring(j + direction)
        while k != i and c[k][j] > c[k][i]:
            defence.append(k)
            k = self.ring(k + direction)
        return attack, defence

    def strength(self, side, leader):
        return sum(self.commitment[k][leader] / 100 * self.wealth[k] for k in side)

    def activate(self, i):
        best = None
        for direction in (1, -1):
            for steps in range(1, self.reach + 1):
                j = self.ring(i + direction * steps)
                found = self.sides(i, j, direction, steps)
                if found is None:
                    continue
                attack, defence = found
                w_att, w_def = self.strength(attack, i), self.strength(defence, j)
                if w_att <= 0:
                    continue
                value = min(self.demand, self.wealth[j]) * (w_att - w_def) / w_att
                if value > 0 and (best is None or value > best[0]):
                    best = (value, j, attack, defence, w_att, w_def)
        if best is None:
            return
        _, j, attack, defence, w_att, w_def = best
        self.demands += 1
        payment = min(self.demand, self.wealth[j])
        cost = min(self.destructiveness * w_att * self.wealth[j] / w_def, self.wealth[j])
        if cost >= payment:
            self.payments += 1
            self.wealth[j] -= payment
            self.wealth[i] += payment
            self.change(i, j, +1)
            return
        self.fights += 1
        to_defence = min(self.destructiveness * w_att, w_def)
        to_attack = min(self.destructiveness * w_def, w_att)
        losses = [(k, to_attack * self.commitment[k][i] / 100 * self.wealth[k] / w_att) for k in attack]
        losses += [(k, to_defence * self.commitment[k][j] / 100 * self.wealth[k] / w_def) for k in defence]
        for k, loss in losses:
            self.wealth[k] = max(0.0, self.wealth[k] - loss)
        for side in (attack, defence):
            for x in range(len(side)):
                for y in range(x + 1, len(side)):
                    self.change(side[x], side[y], +1)
        for a in attack:
            for b in defence:
                self.change(a, b, -1)

    def change(self, a, b, sign):
        for x, y in ((a, b), (b, a)):
            self.commitment[x][y] = min(100, max(0, self.commitment[x][y] + sign * self.step))

    def clusters(self):
        """Runs of neighbours every pair of which is committed to each other at least the threshold, longest first
        (then wealthiest, then lowest start): the number of clusters and the size of the largest."""
        taken = [False] * self.n
        sizes = []
        while True:
            best = None
            for start in range(self.n):
                if taken[start]:
                    continue
                members = [start]
                while len(members) < self.n:
                    k = self.ring(start + len(members))
                    if taken[k] or any(min(self.commitment[k][m], self.commitment[m][k]) < self.threshold for m in members):
                        break
                    members.append(k)
                key = (len(members), sum(self.wealth[m] for m in members))
                if len(members) > 1 and (best is None or key > best[0]):
                    best = (key, members)
            if best is None:
                return len(sizes), (sizes[0] if sizes else 0)
            for m in best[1]:
                taken[m] = True
            sizes.append(len(best[1]))

    def play(self, years):
        leader = max(range(self.n), key=lambda a: (self.wealth[a], -a))
        peak = self.wealth[leader] / sum(self.wealth)
        changes = 0
        for _ in range(years):
            for _ in range(self.activations):
                self.activate(self.rng.randrange(self.n))
            self.wealth = [w + self.income for w in self.wealth]
            richest = max(range(self.n), key=lambda a: (self.wealth[a], -a))
            changes += richest != leader
            leader = richest
            peak = max(peak, self.wealth[richest] / sum(self.wealth))
        clusters, largest = self.clusters()
        total = sum(self.wealth)
        return {"demands": self.demands, "payments": self.payments, "fights": self.fights, "final_wealth": total,
                "richest_share": self.wealth[leader] / total, "peak_richest_share": peak, "leader_changes": changes,
                "clusters": clusters, "largest_cluster": largest}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--years", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1, help="the first run's seed; run r uses seed + r")
    parser.add_argument("--out", required=True, help="CSV file to write (rows are appended to an existing one)")
    args = parser.parse_args()
    exists = False
    try:
        with open(args.out, newline="") as f:
            exists = bool(f.readline())
    except FileNotFoundError:
        pass
    with open(args.out, "a", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        if not exists:
            writer.writeheader()
        for r in range(args.runs):
            clock = time.perf_counter()
            row = Tribute(args.seed + r).play(args.years)
            row["seed"] = args.seed + r
            row["seconds"] = round(time.perf_counter() - clock, 4)
            writer.writerow(row)
            f.flush()
            print(f"run {r + 1}/{args.runs}: {row['fights']} fights, {row['seconds']} s", file=sys.stderr)


if __name__ == "__main__":
    main()
