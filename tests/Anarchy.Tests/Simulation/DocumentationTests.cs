using System.Globalization;
using Anarchy.Models.Waltz;

namespace Anarchy.Tests.Simulation;

/// <summary>The codebook and the model description list exactly what the code has.</summary>
public sealed class DocumentationTests
{
    private static string Read(string file) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", file));

    [Fact]
    public void TheCodebookDocumentsEveryColumnOfEveryTableInOrder() =>
        AssertDocumented("## ", [WaltzTables.Runs, WaltzTables.Series, WaltzTables.Events, WaltzTables.PanelStates, WaltzTables.PanelDyads]);

    [Fact]
    public void TheCodebookDocumentsTheRealpolitikTablesInOrder() =>
        AssertDocumented("### realpolitik ", [Anarchy.Models.Realpolitik.RealpolitikTables.Runs, Anarchy.Models.Realpolitik.RealpolitikTables.Series, Anarchy.Models.Realpolitik.RealpolitikTables.Events]);

    [Fact]
    public void TheCodebookDocumentsTheTributeTablesInOrder() =>
        AssertDocumented("### tribute ", [Anarchy.Models.Tribute.TributeTables.Runs, Anarchy.Models.Tribute.TributeTables.Series, Anarchy.Models.Tribute.TributeTables.Events, Anarchy.Models.Tribute.TributeTables.PanelActors]);

    [Fact]
    public void TheTributeDescriptionNamesEveryParameterWithItsDefault()
    {
        string doc = Read("TRIBUTE.md");
        foreach (var p in Anarchy.Models.Tribute.TributeCatalog.All)
        {
            string row = doc.Split('\n').FirstOrDefault(l => l.StartsWith($"| `{p.Name}` |", StringComparison.Ordinal)) ?? "";
            Assert.False(row.Length == 0, $"parameter {p.Name} is missing from the table in docs/TRIBUTE.md");
            Assert.Equal(p.Default, double.Parse(row.Split('|')[2].Trim(), CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Each table has a section headed <paramref name="heading"/> + its name listing its columns in order.</summary>
    private static void AssertDocumented(string heading, Anarchy.Output.TableSchema[] tables)
    {
        string doc = Read("OUTPUTS.md");
        foreach (var table in tables)
        {
            int section = doc.IndexOf(heading + table.Name + "\n", StringComparison.Ordinal);
            Assert.True(section >= 0, $"no section '{heading}{table.Name}'");
            int at = section;
            foreach (var column in table.Columns)
            {
                int next = doc.IndexOf($"| `{column.Name}` |", at, StringComparison.Ordinal);
                Assert.True(next > at, $"{heading}{table.Name}: column {column.Name} is missing from docs/OUTPUTS.md or out of order");
                at = next;
            }
        }
    }

    [Fact]
    public void TheCitationFileNamesTheSoftwareAndItsVersion()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "CITATION.cff"));
        string Field(string key) => lines.Single(l => l.StartsWith(key + ":", StringComparison.Ordinal))[(key.Length + 1)..].Trim().Trim('"');
        Assert.Equal("1.2.0", Field("cff-version"));
        Assert.StartsWith("Anarchy", Field("title"), StringComparison.Ordinal);
        Assert.Equal("software", Field("type"));
        Assert.Contains("  - name: \"The Anarchy developers\"", lines);
        // The version cited is the version built (Directory.Build.props), the one every manifest records.
        string props = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Directory.Build.props"));
        Assert.Contains($"<Version>{Field("version")}</Version>", props, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("Theory of International Politics", StringComparison.Ordinal));
    }

    [Fact]
    public void TheRealpolitikDescriptionNamesEveryParameter()
    {
        string doc = Read("REALPOLITIK.md");
        foreach (var p in Anarchy.Models.Realpolitik.RealpolitikCatalog.All)
            Assert.Contains($"`{p.Name}`", doc, StringComparison.Ordinal);
    }

    [Fact]
    public void TheModelDescriptionListsEveryParameterWithItsDefault()
    {
        string doc = Read("MODEL.md");
        foreach (var p in ParameterCatalog.All)
        {
            string row = doc.Split('\n').FirstOrDefault(l => l.StartsWith($"| `{p.Name}` |", StringComparison.Ordinal)) ?? "";
            Assert.False(row.Length == 0, $"parameter {p.Name} is missing from the table in docs/MODEL.md");
            var cells = row.Split('|').Select(c => c.Trim()).ToArray();
            double documented = double.Parse(cells[4], CultureInfo.InvariantCulture);
            Assert.Equal(p.Default, documented);
        }
    }
}
