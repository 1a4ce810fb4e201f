"""Anarchy from Python: run scenarios, sweeps and studies through the ``anarchy`` command line, and read any
output folder into a pandas DataFrame.

    import anarchy
    folder = anarchy.run(runs=100, params={"honour": 0.6}, series=True)
    runs = anarchy.read(folder)                    # one row per run
    series = anarchy.read(folder, table="series")  # one row per run and tick

The command line is found through ``ANARCHY_CLI`` (the ``anarchy`` executable or its ``anarchy.dll``), else
``anarchy`` on the PATH, else a build in the repository this package sits in. Errors of the command line are raised
as :class:`AnarchyError` with its message.
"""

from __future__ import annotations

import json
import os
import pathlib
import re
import shutil
import subprocess
from typing import Any, Mapping, Sequence

__all__ = ["AnarchyError", "run", "sweep", "study", "read", "tables", "manifest", "command"]
__version__ = "0.1.0"


class AnarchyError(RuntimeError):
    """The command line refused an input or failed; ``message`` is its error text, ``exit_code`` its exit code."""

    def __init__(self, message: str, exit_code: int, args: Sequence[str]):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.command_args = list(args)


def command() -> list[str]:
    """The command that starts the command line, e.g. ``["anarchy"]`` or ``["dotnet", ".../anarchy.dll"]``."""
    configured = os.environ.get("ANARCHY_CLI")
    if configured:
        return _launcher(pathlib.Path(configured))
    on_path = shutil.which("anarchy")
    if on_path:
        return [on_path]
    repository = pathlib.Path(__file__).resolve().parents[2]
    for configuration in ("Release", "Debug"):
        dll = repository / "src" / "Anarchy.Cli" / "bin" / configuration / "net10.0" / "anarchy.dll"
        if dll.exists():
            return _launcher(dll)
    raise AnarchyError(
        "the anarchy command line was not found: set ANARCHY_CLI to the anarchy executable or anarchy.dll, put anarchy "
        "on the PATH, or build it (dotnet build -c Release in the repository)", 127, [])


def run(scenario: str | os.PathLike | None = None, *, model: str | None = None, runs: int | None = None,
        ticks: int | None = None, states: int | None = None, seed: int | None = None,
        params: Mapping[str, float] | None = None, series: bool = False, events: bool = False, panel: bool = False,
        only: int | None = None, out: str | os.PathLike | None = None, overwrite: bool = False,
        threads: int | None = None, engine: str | None = None) -> pathlib.Path:
    """Runs a scenario (the model's default without one) and returns its output folder.

    ``params`` sets parameters by name (``--set NAME=VALUE``); the other arguments are the options of ``anarchy run``.
    """
    args = ["run"]
    args += _option("--scenario", scenario) + _option("--model", model) + _option("--runs", runs)
    args += _option("--ticks", ticks) + _option("--states", states) + _option("--seed", seed)
    for name, value in (params or {}).items():
        args += ["--set", f"{name}={_number(value)}"]
    args += _flag("--series", series) + _flag("--events", events) + _flag("--panel", panel)
    args += _option("--only", only) + _option("--out", out) + _flag("--overwrite", overwrite)
    args += _option("--threads", threads) + _option("--engine", engine)
    return _written_folder(_call(args), out)


def sweep(file: str | os.PathLike, *, model: str | None = None, out: str | os.PathLike | None = None,
          threads: int | None = None, resume: bool = False, overwrite: bool = False, series: bool = False,
          events: bool = False, panel: bool = False, shard: str | None = None, engine: str | None = None) -> pathlib.Path:
    """Runs a sweep file (docs/SWEEPS.md) and returns its output folder; ``shard`` is "K/N"."""
    args = ["sweep", os.fspath(file)] + _option("--model", model) + _option("--out", out) + _option("--threads", threads)
    args += _flag("--resume", resume) + _flag("--overwrite", overwrite) + _flag("--series", series)
    args += _flag("--events", events) + _flag("--panel", panel)
    args += _option("--shard", shard) + _option("--engine", engine)
    return _written_folder(_call(args), out)


def study(name: str, *, model: str | None = None, quick: bool = False, out: str | os.PathLike | None = None,
          threads: int | None = None, resume: bool = False, overwrite: bool = False,
          data: str | os.PathLike | None = None) -> pathlib.Path:
    """Runs a ready-made study (``anarchy study``) and returns its folder (report.md, plots, and arms/)."""
    args = ["study", name] + _option("--model", model) + _flag("--quick", quick) + _option("--out", out)
    args += _option("--threads", threads) + _flag("--resume", resume) + _flag("--overwrite", overwrite)
    args += _option("--data", data)
    stdout, _ = _call(args)
    report = pathlib.Path(stdout.strip().splitlines()[-1])
    return report.parent


def manifest(folder: str | os.PathLike) -> dict[str, Any]:
    """The folder's manifest.json as a dict."""
    path = pathlib.Path(folder) / "manifest.json"
    if not path.exists():
        raise FileNotFoundError(f"'{folder}' has no manifest.json: it is not an output folder of anarchy")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def tables(folder: str | os.PathLike) -> list[str]:
    """The tables in an output folder (runs, series, events, points, sensitivity, panel_states, ...)."""
    folder = pathlib.Path(folder)
    return sorted(p.stem for p in folder.glob("*.csv") if not p.name.startswith("."))


def read(folder: str | os.PathLike, table: str = "runs"):
    """One table of an output folder as a pandas DataFrame, typed as docs/OUTPUTS.md documents it.

    Reads ``<table>.parquet`` where pyarrow is installed, else ``<table>.csv`` with the column types the manifest
    records (integer as int64, or Int64 with <NA> where a column's code for none stands; flags as boolean; real as
    float64, a missing real NaN; text as pandas' string type, a missing text <NA>; a list of integers as a Python list,
    None where there is none). The manifest is in ``df.attrs["manifest"]``, each column's unit and meaning in ``df.attrs["columns"]``.
    """
    import pandas as pd

    folder = pathlib.Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"output folder '{folder}' does not exist")
    csv = folder / f"{table}.csv"
    if not csv.exists():
        available = ", ".join(tables(folder)) or "none"
        raise FileNotFoundError(f"'{folder}' has no table '{table}' (tables there: {available})")
    info = manifest(folder) if (folder / "manifest.json").exists() else {}
    columns = {c["name"]: c for c in info.get("columns", {}).get(table, [])}
    parquet = folder / f"{table}.parquet"
    frame = None
    if parquet.exists():
        try:
            import pyarrow  # noqa: F401  (pandas reads Parquet through it)
            frame = pd.read_parquet(parquet)
        except ImportError:
            frame = None
    if frame is None:
        frame = _read_csv(pd, csv, columns)
    frame.attrs["manifest"] = info
    frame.attrs["columns"] = {name: {"type": c["type"], "unit": c["unit"], "description": c["description"]}
                              for name, c in columns.items()}
    return frame


def _read_csv(pd, csv: pathlib.Path, columns: Mapping[str, Mapping[str, str]]):
    header = pd.read_csv(csv, nrows=0).columns
    types = {"integer": "int64", "flag": "int64", "real": "float64", "text": "string", "list": "string"}
    dtype = {name: types[columns[name]["type"]] for name in header if name in columns}
    # Text keeps its own words ("NA" is a word, not a missing value); an empty field is missing.
    frame = pd.read_csv(csv, dtype=dtype, keep_default_na=False, na_values=[""])
    for name in header:
        column = columns.get(name)
        if column is None:
            continue
        if column["type"] == "flag":
            frame[name] = frame[name].astype("boolean")
        elif column["type"] == "list":
            # Integers separated by ';' in the CSV, a list in Parquet: a Python list of int, or None where empty.
            frame[name] = frame[name].map(lambda text: [int(x) for x in text.split(";")] if isinstance(text, str) and text else None).astype(object)
        elif "missing" in column:
            # The CSV writes the column's code for none (-1); as Parquet does, it reads as missing.
            values = frame[name].astype("Int64")
            frame[name] = values.mask(values == column["missing"])
    return frame


def _launcher(path: pathlib.Path) -> list[str]:
    if path.suffix == ".dll":
        dotnet = shutil.which("dotnet") or "dotnet"
        return [dotnet, str(path)]
    return [str(path)]


def _call(args: list[str]) -> tuple[str, str]:
    full = command() + [str(a) for a in args]
    done = subprocess.run(full, capture_output=True, text=True, encoding="utf-8")
    if done.returncode != 0:
        errors = [line[len("error: "):] if line.startswith("error: ") else line
                  for line in done.stderr.splitlines() if line.strip()]
        message = "\n".join(errors) or f"anarchy exited with code {done.returncode}"
        raise AnarchyError(message, done.returncode, args)
    return done.stdout, done.stderr


_WROTE = re.compile(r"Wrote (.+?)[/\\] \(")


def _written_folder(output: tuple[str, str], out) -> pathlib.Path:
    if out is not None:
        return pathlib.Path(out).resolve()
    match = _WROTE.search(output[1])
    if not match:
        raise AnarchyError("could not tell which folder anarchy wrote (pass out=...)", 0, [])
    return pathlib.Path(match.group(1))


def _option(name: str, value) -> list[str]:
    if value is None:
        return []
    return [name, os.fspath(value) if isinstance(value, os.PathLike) else str(value)]


def _flag(name: str, on: bool) -> list[str]:
    return [name] if on else []


def _number(value) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return repr(value) if isinstance(value, float) else str(value)
