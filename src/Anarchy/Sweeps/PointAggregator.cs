using Anarchy.Output;
using Anarchy.Statistics;

namespace Anarchy.Sweeps;

/// <summary>
/// Summarises a sweep's runs per point as they stream past in point and replicate order: for each chosen output,
/// mean, standard deviation, 95% Student-t interval, median and 5% / 95% quantiles (type 7, the R and NumPy
/// default), and the replicate count. Only one point's values are held at a time.
/// </summary>
public sealed class PointAggregator
{
    private readonly int _pointColumn;
    private readonly int[] _factorColumns;
    private readonly int[] _outputColumns;
    private readonly List<double>[] _values;
    private Cell[]? _factorCells;
    private long _point = -1;

    public PointAggregator(TableSchema runs, IReadOnlyList<string> factors, IReadOnlyList<string> outputs)
    {
        _pointColumn = Index(runs, "point");
        _factorColumns = factors.Select(f => Index(runs, f)).ToArray();
        _outputColumns = outputs.Select(o => Index(runs, o)).ToArray();
        _values = outputs.Select(_ => new List<double>()).ToArray();
        var columns = new List<ColumnSpec> { new("point", ColumnKind.Int64, "index", "parameter point of the sweep design") };
        foreach (int c in _factorColumns) columns.Add(runs.Columns[c]);
        columns.Add(new ColumnSpec("replicates", ColumnKind.Int64, "runs", "replicates summarised in this row"));
        foreach (int c in _outputColumns)
        {
            var o = runs.Columns[c];
            columns.Add(new($"{o.Name}_mean", ColumnKind.Double, o.Unit, $"mean over replicates of {o.Name}: {o.Description}"));
            columns.Add(new($"{o.Name}_sd", ColumnKind.Double, o.Unit, $"standard deviation (n - 1) of {o.Name}"));
            columns.Add(new($"{o.Name}_ci_low", ColumnKind.Double, o.Unit, $"lower end of the 95% Student-t confidence interval of the mean of {o.Name}"));
            columns.Add(new($"{o.Name}_ci_high", ColumnKind.Double, o.Unit, $"upper end of the 95% Student-t confidence interval of the mean of {o.Name}"));
            columns.Add(new($"{o.Name}_median", ColumnKind.Double, o.Unit, $"median of {o.Name} (type 7)"));
            columns.Add(new($"{o.Name}_q05", ColumnKind.Double, o.Unit, $"5% quantile of {o.Name} (type 7)"));
            columns.Add(new($"{o.Name}_q95", ColumnKind.Double, o.Unit, $"95% quantile of {o.Name} (type 7)"));
        }
        Schema = new TableSchema("points", columns);
    }

    public TableSchema Schema { get; }

    /// <summary>Takes the next run row; returns the finished summary of the previous point when the point changes.</summary>
    public Cell[]? Add(ReadOnlySpan<Cell> run)
    {
        long point = run[_pointColumn].AsInt64;
        Cell[]? finished = null;
        if (point != _point)
        {
            finished = Flush();
            _point = point;
            _factorCells = new Cell[_factorColumns.Length];
            for (int f = 0; f < _factorColumns.Length; f++) _factorCells[f] = run[_factorColumns[f]];
        }
        for (int o = 0; o < _outputColumns.Length; o++)
        {
            var cell = run[_outputColumns[o]];
            _values[o].Add(cell.Kind == ColumnKind.Int64 ? cell.AsInt64 : cell.AsDouble);
        }
        return finished;
    }

    /// <summary>The summary of the point in progress, if any (call once after the last row).</summary>
    public Cell[]? Flush()
    {
        if (_point < 0 || _factorCells is null) return null;
        var row = new List<Cell> { Cell.FromInt64(_point) };
        row.AddRange(_factorCells);
        row.Add(Cell.FromInt64(_values[0].Count));
        foreach (var values in _values)
        {
            var moments = new RunningMoments();
            foreach (var v in values) moments.Add(v);
            var interval = MeanInterval.StudentT(moments);
            values.Sort();
            row.Add(moments.Mean);
            row.Add(moments.StandardDeviation);
            row.Add(interval.Lower);
            row.Add(interval.Upper);
            row.Add(Descriptive.Quantile(values, 0.5));
            row.Add(Descriptive.Quantile(values, 0.05));
            row.Add(Descriptive.Quantile(values, 0.95));
            values.Clear();
        }
        _point = -1;
        return row.ToArray();
    }

    private static int Index(TableSchema schema, string column)
    {
        int index = schema.IndexOf(column);
        return index >= 0 ? index : throw new ArgumentException($"the runs table has no column '{column}'", nameof(column));
    }
}
