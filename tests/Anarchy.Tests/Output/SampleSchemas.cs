using Anarchy.Output;

namespace Anarchy.Tests.Output;

internal static class SampleSchemas
{
    public static TableSchema Runs() => new(
        "runs",
        new ColumnSpec("run", ColumnKind.Int64, "", "Replication number"),
        new ColumnSpec("share", ColumnKind.Double, "fraction", "Share of states at war"),
        new ColumnSpec("label", ColumnKind.Text, "", "Scenario label"));
}
