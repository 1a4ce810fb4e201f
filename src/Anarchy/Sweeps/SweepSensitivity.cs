using Anarchy.Output;
using Anarchy.Sweeps.Sensitivity;

namespace Anarchy.Sweeps;

/// <summary>
/// For a Saltelli design: first-order and total Sobol indices per factor and output, estimated on the per-point
/// replicate means (Saltelli 2010 and Jansen 1999 estimators, percentile bootstrap 95% intervals), written as
/// sensitivity.csv and sensitivity.parquet beside points.*.
/// </summary>
public static class SweepSensitivity
{
    public static TableSchema Schema { get; } = new("sensitivity",
        new ColumnSpec("output", ColumnKind.Text, "", "output (column of runs.csv) whose per-point mean is analysed"),
        new ColumnSpec("factor", ColumnKind.Text, "", "the factor (parameter)"),
        new ColumnSpec("first_order", ColumnKind.Double, "share of variance", "first-order Sobol index S1 (Saltelli 2010 estimator)"),
        new ColumnSpec("first_order_low", ColumnKind.Double, "share of variance", "lower end of the bootstrap 95% interval of S1"),
        new ColumnSpec("first_order_high", ColumnKind.Double, "share of variance", "upper end of the bootstrap 95% interval of S1"),
        new ColumnSpec("total", ColumnKind.Double, "share of variance", "total Sobol index ST (Jansen 1999 estimator)"),
        new ColumnSpec("total_low", ColumnKind.Double, "share of variance", "lower end of the bootstrap 95% interval of ST"),
        new ColumnSpec("total_high", ColumnKind.Double, "share of variance", "upper end of the bootstrap 95% interval of ST"),
        new ColumnSpec("base_samples", ColumnKind.Int64, "samples", "N, the base samples of the Saltelli design"),
        new ColumnSpec("bootstrap", ColumnKind.Int64, "resamples", "bootstrap resamples behind the intervals"));

    /// <summary>Writes the indices of every output over <paramref name="factors"/>; the bootstrap is seeded by <paramref name="seed"/>.</summary>
    public static void Write(IReadOnlyList<string> outputs, IReadOnlyList<Factor> factors, ulong seed, SweepPoints points)
    {
        ArgumentNullException.ThrowIfNull(points);
        using var table = new TableOutput(points.Folder, Schema);
        foreach (var output in outputs)
        {
            var indices = SobolIndices.FromSaltelliOutputs(points.Column(output + "_mean"), factors.Count, seed: seed);
            for (int f = 0; f < factors.Count; f++)
            {
                var s1 = indices.FirstOrder[f];
                var st = indices.Total[f];
                table.WriteRow([output, factors[f].Name, s1.Value, s1.Lower, s1.Upper, st.Value, st.Lower, st.Upper,
                    indices.BaseSamples, indices.Resamples]);
            }
        }
        table.Commit();
    }
}
