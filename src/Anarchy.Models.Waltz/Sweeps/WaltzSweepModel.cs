using Anarchy.Engine;
using Anarchy.Output;
using Anarchy.Sweeps;

namespace Anarchy.Models.Waltz.Sweeps;

/// <summary>
/// The Waltz model over the points of a sweep: point p runs the base scenario with the factors set to the design's
/// values. Its runs table is the plain one with the factor values inserted after <c>replicate</c>. With the kernel,
/// consecutive runs of different points share a batch (lanes may have different parameters).
/// </summary>
public sealed class WaltzSweepModel : IRunModel
{
    private readonly Scenario[] _scenarios;
    private readonly double[][] _points;
    private readonly ParameterInfo[] _factors;
    private readonly int _insertAt;

    public WaltzSweepModel(Scenario baseScenario, IReadOnlyList<Factor> factors, double[][] points, EngineKind engine)
    {
        Engine = engine;
        _points = points;
        _factors = factors.Select(f => ParameterCatalog.TryFind(f.Name, out var info) ? info
            : throw new ArgumentException($"unknown parameter '{f.Name}'", nameof(factors))).ToArray();
        _scenarios = new Scenario[points.Length];
        for (int p = 0; p < points.Length; p++)
        {
            var parameters = baseScenario.Parameters;
            for (int f = 0; f < _factors.Length; f++) parameters = _factors[f].With(parameters, points[p][f]);
            _scenarios[p] = baseScenario with { Parameters = parameters };
        }
        var plain = WaltzTables.Runs.Columns.ToList();
        _insertAt = plain.FindIndex(c => c.Name == "replicate") + 1;
        var columns = plain.Take(_insertAt)
            .Concat(_factors.Select(f => new ColumnSpec(f.Name, f.IsInteger ? ColumnKind.Int64 : ColumnKind.Double, f.Unit, "sweep factor: " + f.Meaning)))
            .Concat(plain.Skip(_insertAt));
        RunSchema = new TableSchema("runs", columns);
    }

    public EngineKind Engine { get; }
    public string Name => "waltz";
    public string Version => WaltzModel.ModelVersion;
    public TableSchema RunSchema { get; }
    public TableSchema SeriesSchema => WaltzTables.Series;
    public TableSchema EventSchema => WaltzTables.Events;
    /// <summary>The panel tables of <c>anarchy run --panel</c>; a sweep puts the point and replicate in front (<see cref="SweepPanels"/>).</summary>
    public IReadOnlyList<TableSchema> PanelSchemas { get; } = [WaltzTables.PanelStates, WaltzTables.PanelDyads];
    public IReadOnlyList<string> KeyOutputs => new WaltzModel(_scenarios[0]).KeyOutputs;
    public int BatchSize => Engine == EngineKind.Kernel ? WaltzModel.KernelBatchSize : 1;

    /// <summary>The scenario of point <paramref name="point"/>.</summary>
    public Scenario ScenarioOf(int point) => _scenarios[point];

    public RunRows Execute(RunKey key, RunDetail detail) => ExecuteBatch([key], detail)[0];

    public RunRows[] ExecuteBatch(IReadOnlyList<RunKey> keys, RunDetail detail)
    {
        var rows = new RunRows[keys.Count];
        int start = 0;
        while (start < keys.Count)
        {
            // A batch needs runs of one shape (states, interest dimensions, burn-in, ticks).
            int end = start + 1;
            while (end < keys.Count && SameShape(_scenarios[keys[start].Point], _scenarios[keys[end].Point])) end++;
            var group = new List<RunKey>(end - start);
            for (int i = start; i < end; i++) group.Add(keys[i]);
            RunRows[] groupRows;
            if (Engine == EngineKind.Reference)
            {
                groupRows = group.Select(k => new WaltzModel(_scenarios[k.Point], EngineKind.Reference).Execute(k, detail)).ToArray();
            }
            else
            {
                var results = Kernel.WaltzBatch.RunOnce(group.Select(k => _scenarios[k.Point]).ToArray(), group.Select(k => k.Seed).ToArray(), detail, group);
                groupRows = results.Select((r, i) => WaltzModel.Rows(group[i], r)).ToArray();
            }
            for (int i = 0; i < groupRows.Length; i++) rows[start + i] = WithFactors(group[i], groupRows[i]);
            start = end;
        }
        return rows;
    }

    private RunRows WithFactors(RunKey key, RunRows rows)
    {
        var summary = new Cell[rows.Summary.Length + _factors.Length];
        rows.Summary.AsSpan(0, _insertAt).CopyTo(summary);
        for (int f = 0; f < _factors.Length; f++)
        {
            double value = _points[key.Point][f];
            summary[_insertAt + f] = _factors[f].IsInteger ? Cell.FromInt64((long)value) : Cell.FromDouble(value);
        }
        rows.Summary.AsSpan(_insertAt).CopyTo(summary.AsSpan(_insertAt + _factors.Length));
        return rows with { Summary = summary };
    }

    private static bool SameShape(Scenario a, Scenario b) =>
        a.States == b.States && a.Ticks == b.Ticks && a.BurnIn == b.BurnIn
        && a.Parameters.InterestDimensions == b.Parameters.InterestDimensions;
}
