"""Tests of the Python package against the real command line (ANARCHY_CLI, else a build in this repository).

Run from the repository root: python3 -m unittest discover -s python/tests -t python
"""

import json
import os
import pathlib
import sys
import tempfile
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

import anarchy  # noqa: E402
import pandas as pd  # noqa: E402


class RunAndRead(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = tempfile.TemporaryDirectory()
        cls.folder = anarchy.run(runs=3, ticks=12, states=10, seed=7, params={"honour": 0.6}, series=True, events=True,
                                 threads=1, out=os.path.join(cls.scratch.name, "r"))

    @classmethod
    def tearDownClass(cls):
        cls.scratch.cleanup()

    def test_run_returns_the_folder_it_wrote(self):
        self.assertEqual(pathlib.Path(self.scratch.name, "r").resolve(), self.folder)
        self.assertEqual(["events", "runs", "series"], anarchy.tables(self.folder))

    def test_runs_are_typed_as_documented_and_carry_the_manifest(self):
        runs = anarchy.read(self.folder)
        self.assertEqual(3, len(runs))
        self.assertEqual([0, 1, 2], runs["run"].tolist())
        self.assertEqual("int64", str(runs["wars"].dtype))
        self.assertEqual("float64", str(runs["mean_burden"].dtype))
        manifest = runs.attrs["manifest"]
        self.assertEqual("waltz", manifest["model"])
        self.assertEqual(0.6, manifest["scenario"]["parameters"]["honour"])
        self.assertEqual("integer", runs.attrs["columns"]["wars"]["type"])
        self.assertTrue(runs.attrs["columns"]["wars"]["description"])
        # Every column of the CSV is typed from the manifest.
        self.assertEqual([c["name"] for c in manifest["columns"]["runs"]], list(runs.columns))

    def test_series_and_events_have_the_rows_the_manifest_counts(self):
        manifest = anarchy.manifest(self.folder)
        series = anarchy.read(self.folder, table="series")
        events = anarchy.read(self.folder, table="events")
        self.assertEqual(manifest["files"]["series.csv"], len(series))
        self.assertEqual(manifest["files"]["events.csv"], len(events))
        self.assertEqual("string", str(events["event"].dtype))
        # "war" is -1 where an event belongs to no war: missing, as in Parquet.
        self.assertEqual("Int64", str(events["war"].dtype))
        self.assertFalse((events["war"].dropna() < 0).any())
        self.assertTrue(events["war"].isna().any())
        runs = anarchy.read(self.folder)
        self.assertEqual("boolean", str(runs["leader_alive"].dtype))
        # A war's sides are lists of states; other events have none.
        wars = events[events["event"] == "war_start"]
        self.assertGreater(len(wars), 0)
        for side, initiator in zip(wars["side_a"], wars["state"]):
            self.assertIsInstance(side, list)
            self.assertIn(initiator, side)
        self.assertTrue(events[events["event"] == "dispute"]["side_a"].isna().all())
        self.assertTrue(set(events["event"].dropna()) >= {"dispute"})

    def test_a_missing_table_is_named_with_the_tables_there(self):
        with self.assertRaises(FileNotFoundError) as caught:
            anarchy.read(self.folder, table="points")
        self.assertIn("no table 'points'", str(caught.exception))
        self.assertIn("events, runs, series", str(caught.exception))


class Errors(unittest.TestCase):
    def test_the_command_lines_message_becomes_the_exception_and_nothing_is_written(self):
        with tempfile.TemporaryDirectory() as scratch:
            out = os.path.join(scratch, "r")
            with self.assertRaises(anarchy.AnarchyError) as caught:
                anarchy.run(runs=2, params={"honour": -1}, out=out)
            self.assertEqual(2, caught.exception.exit_code)
            self.assertIn("honour", caught.exception.message)
            self.assertIn("outside the allowed range [0, 10]", caught.exception.message)
            self.assertFalse(os.path.exists(out))

    def test_a_folder_that_is_not_an_output_folder_is_refused(self):
        with self.assertRaises(FileNotFoundError):
            anarchy.read("/nonexistent/folder")


class OtherModelsSweepsAndStudies(unittest.TestCase):
    def test_a_realpolitik_run_reads_with_its_own_columns(self):
        with tempfile.TemporaryDirectory() as scratch:
            folder = anarchy.run(model="realpolitik", runs=4, states=20, ticks=200, out=os.path.join(scratch, "rp"))
            runs = anarchy.read(folder)
            self.assertEqual(4, len(runs))
            self.assertEqual("realpolitik", runs.attrs["manifest"]["model"])
            self.assertEqual("float64", str(runs["median_survival"].dtype))  # whole numbers, still real
            self.assertTrue((runs["turns"] <= 200).all())

    def test_a_tribute_run_reads_its_demands_sides_and_actor_years(self):
        with tempfile.TemporaryDirectory() as scratch:
            folder = anarchy.run(model="tribute", runs=2, ticks=100, events=True, panel=True, threads=1,
                                 out=os.path.join(scratch, "t"))
            runs = anarchy.read(folder)
            self.assertEqual("tribute", runs.attrs["manifest"]["model"])
            self.assertEqual("int64", str(runs["largest_cluster"].dtype))
            events = anarchy.read(folder, table="events")
            self.assertEqual(int(runs["demands"].sum()), len(events))
            self.assertTrue(set(events["outcome"]) <= {"paid", "fought"})
            self.assertIn("paid", set(events["outcome"]))
            # Each side is a list of actors in ascending order, holding its principal.
            self.assertTrue(all(isinstance(side, list) and len(side) >= 1 for side in events["side_a"]))
            self.assertTrue(all(a in side for a, side in zip(events["actor"], events["side_a"])))
            self.assertTrue(all(t in side and side == sorted(side) for t, side in zip(events["target"], events["side_b"])))
            actors = anarchy.read(folder, table="panel_actors")
            self.assertEqual(2 * 101 * 10, len(actors))
            # An actor in no cluster has a missing cluster (the CSV's -1 is the code for none).
            self.assertTrue(actors["cluster"].isna().any())
            self.assertTrue((actors["cluster"].dropna() >= 0).all())

    def test_a_sweep_reads_its_runs_and_points_with_factor_columns(self):
        with tempfile.TemporaryDirectory() as scratch:
            sweep_file = pathlib.Path(scratch, "sweep.json")
            sweep_file.write_text(json.dumps({
                "name": "tiny",
                "scenario": {"states": 8, "ticks": 10, "runs": 1},
                "factors": [{"name": "honour", "levels": [0.2, 0.8]}],
                "replicates": 3,
                "seed": 11,
            }))
            folder = anarchy.sweep(sweep_file, threads=1, series=True, out=os.path.join(scratch, "s"))
            runs = anarchy.read(folder)
            points = anarchy.read(folder, table="points")
            series = anarchy.read(folder, table="series")
            self.assertEqual(6 * 10, len(series))
            self.assertEqual(["point", "replicate", "run", "tick"], list(series.columns[:4]))
            self.assertEqual("int64", str(series["point"].dtype))
            self.assertEqual(6, len(runs))
            self.assertEqual([0.2, 0.8], sorted(points["honour"].tolist()))
            self.assertEqual("float64", str(points["honour"].dtype))
            self.assertEqual("int64", str(points["point"].dtype))

    def test_without_out_the_folder_the_command_line_chose_is_returned(self):
        with tempfile.TemporaryDirectory() as scratch:
            here = os.getcwd()
            os.chdir(scratch)
            try:
                folder = anarchy.run(runs=1, ticks=5, states=6)
            finally:
                os.chdir(here)
            self.assertEqual(pathlib.Path(scratch, "out", "default").resolve(), folder.resolve())
            self.assertEqual(1, len(anarchy.read(folder)))

    def test_a_quick_study_returns_its_folder_with_the_report(self):
        with tempfile.TemporaryDirectory() as scratch:
            folder = anarchy.study("quirks", quick=True, out=os.path.join(scratch, "q"))
            self.assertTrue((folder / "report.md").exists())
            statesim = anarchy.read(folder / "arms" / "statesim")
            self.assertEqual(40, len(statesim))


if __name__ == "__main__":
    unittest.main()
