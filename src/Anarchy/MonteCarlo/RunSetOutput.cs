using Anarchy.Engine;
using Anarchy.Output;
using Anarchy.Statistics;

namespace Anarchy.MonteCarlo;

/// <summary>
/// Streams a study's runs into its output folder (runs, and series, events and the model's panel tables when asked
/// for) and keeps running moments of every numeric summary column for the closing table. Tables are committed,
/// complete and in run order, by <see cref="Commit"/>, whether the study completed or was cancelled.
/// </summary>
public sealed class RunSetOutput : IRunSink, IDisposable
{
    private readonly TableOutput _runs;
    private readonly TableOutput? _series;
    private readonly TableOutput? _events;
    private readonly List<TableOutput> _panels = [];
    private readonly RunningMoments[] _moments;
    private readonly TableSchema _runSchema;

    public RunSetOutput(OutputFolder folder, IRunModel model, RunDetail detail)
    {
        _runSchema = model.RunSchema;
        _moments = _runSchema.Columns.Select(_ => new RunningMoments()).ToArray();
        try
        {
            _runs = TableOutput.Create(folder, model.RunSchema);
            if (detail.Series) _series = TableOutput.Create(folder, model.SeriesSchema);
            if (detail.Events) _events = TableOutput.Create(folder, model.EventSchema);
            if (detail.Panel)
            {
                if (model.PanelSchemas.Count == 0)
                    throw new ArgumentException($"the model '{model.Name}' has no panel tables", nameof(detail));
                foreach (var schema in model.PanelSchemas) _panels.Add(TableOutput.Create(folder, schema));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public long RunsWritten => _runs.RowCount;

    /// <summary>Row counts by file name, for the manifest.</summary>
    public IReadOnlyDictionary<string, long> Files
    {
        get
        {
            var files = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var t in new[] { _runs, _series, _events }.Concat(_panels))
            {
                if (t is null) continue;
                files[Path.GetFileName(t.CsvPath)] = t.RowCount;
                files[Path.GetFileName(t.ParquetPath)] = t.RowCount;
            }
            return files;
        }
    }

    public void Accept(RunKey key, RunRows rows)
    {
        if (rows.Panels.Count < _panels.Count)
            throw new InvalidOperationException($"run {key.Run} returned {rows.Panels.Count} panel tables, expected {_panels.Count}");
        if (_series is not null)
            foreach (var row in rows.Series) _series.WriteRow(row);
        if (_events is not null)
            foreach (var row in rows.Events) _events.WriteRow(row);
        for (int p = 0; p < _panels.Count; p++)
            foreach (var row in rows.Panels[p]) _panels[p].WriteRow(row);
        _runs.WriteRow(rows.Summary);
        for (int c = 0; c < rows.Summary.Length; c++)
        {
            var cell = rows.Summary[c];
            if (cell.Kind == ColumnKind.Int64) _moments[c].Add(cell.AsInt64);
            else if (cell.Kind == ColumnKind.Double && !double.IsNaN(cell.AsDouble)) _moments[c].Add(cell.AsDouble);
        }
    }

    /// <summary>Mean and 95% Student-t interval of a summary column over the runs written so far.</summary>
    public MeanInterval Summary(string column) => MeanInterval.StudentT(_moments[_runSchema.IndexOf(column)]);

    /// <summary>Moves every table to its final name.</summary>
    public void Commit()
    {
        _runs.Commit();
        _series?.Commit();
        _events?.Commit();
        foreach (var panel in _panels) panel.Commit();
    }

    public void Dispose()
    {
        _runs?.Dispose();
        _series?.Dispose();
        _events?.Dispose();
        foreach (var panel in _panels) panel.Dispose();
    }
}
