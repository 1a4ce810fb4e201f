using System.Text.RegularExpressions;
using Anarchy.Tests.Cli;
using Parquet;
using Parquet.Meta;

namespace Anarchy.Tests.Output;

/// <summary>
/// The files a real run and a real sweep write have the columns docs/OUTPUTS.md documents: the names in the
/// documented order, each stored with the Parquet physical type, logical type, converted type and repetition that the
/// codebook's type table gives for its documented type, and the CSV header equal to the Parquet column names. The
/// expectations are parsed from the codebook (and, for the type of a sweep factor, from the parameter table of
/// docs/MODEL.md), so the documents and the files must agree.
/// </summary>
public sealed partial class RealOutputSchemaTests
{
    private static readonly string[] RunTables = ["runs", "series", "events", "panel_states", "panel_dyads"];

    private const string Sweep = """
        {
          "name": "schema",
          "scenario": { "states": 5, "ticks": 8 },
          "factors": [
            { "name": "honour", "levels": [0.2, 0.7] },
            { "name": "chainDepth", "levels": [0, 2] }
          ],
          "design": { "type": "grid", "levels": 2 },
          "replicates": 2,
          "seed": 3,
          "outputs": ["wars", "mean_burden"]
        }
        """;

    private static readonly string[] SweepFactors = ["honour", "chainDepth"];
    private static readonly string[] SweepOutputs = ["wars", "mean_burden"];

    private sealed record Column(string Name, string Type);

    private sealed record Storage(string Physical, string Logical, string Converted, string Repetition);

    private static string Doc(string file) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", file));

    [Fact]
    public async Task EveryTableOfARunHasTheDocumentedColumnsStoredAsDocumented()
    {
        using var scratch = new ScratchFolder();
        var result = CliHarness.Run("run", "--runs", "3", "--ticks", "20", "--states", "8", "--set", "escalation=0.8",
            "--series", "--events", "--panel", "--out", scratch["o"]);
        Assert.Equal(0, result.ExitCode);

        foreach (var table in RunTables)
            await AssertStoredAsDocumented(scratch["o/" + table], DocumentedColumns(table));
    }

    [Fact]
    public async Task TheRunsAndPointsOfASweepHaveTheDocumentedColumnsStoredAsDocumented()
    {
        using var scratch = new ScratchFolder();
        var file = scratch.Write("sweep.json", Sweep);
        Assert.Equal(0, CliHarness.Run("sweep", file, "--out", scratch["o"]).ExitCode);

        // The codebook types a factor by the parameter's range in docs/MODEL.md: honour is real, chainDepth integer.
        var factors = SweepFactors.Select(f => new Column(f, FactorType(f))).ToList();
        Assert.Equal(["real", "integer"], factors.Select(f => f.Type));

        // runs: the runs table with the factors inserted after `replicate`.
        var runs = DocumentedColumns("runs");
        int after = runs.FindIndex(c => c.Name == "replicate") + 1;
        Assert.True(after > 0);
        await AssertStoredAsDocumented(scratch["o/runs"], [.. runs[..after], .. factors, .. runs[after..]]);

        // points: `<factor>` once per factor, and the `<output>_` block once per output, in order.
        var points = new List<Column>();
        var template = DocumentedColumns("points");
        for (int i = 0; i < template.Count; i++)
        {
            if (template[i].Name == "<factor>")
            {
                Assert.Equal("integer or real", template[i].Type);
                points.AddRange(factors);
            }
            else if (template[i].Name.StartsWith("<output>", StringComparison.Ordinal))
            {
                var block = template.Skip(i).TakeWhile(c => c.Name.StartsWith("<output>", StringComparison.Ordinal)).ToList();
                foreach (var output in SweepOutputs)
                    points.AddRange(block.Select(c => c with { Name = c.Name.Replace("<output>", output, StringComparison.Ordinal) }));
                i += block.Count - 1;
            }
            else
            {
                points.Add(template[i]);
            }
        }
        await AssertStoredAsDocumented(scratch["o/points"], points);
    }

    /// <summary>Compares a table's Parquet schema and CSV header with the documented columns.</summary>
    private static async Task AssertStoredAsDocumented(string stem, IReadOnlyList<Column> documented)
    {
        string table = Path.GetFileName(stem);
        var storage = StorageByType();
        await using var stream = File.OpenRead(stem + ".parquet");
        await using var reader = await ParquetReader.CreateAsync(stream);
        var schema = reader.Metadata!.Schema;

        // The root element, then one element per column: a leaf, or for a list of integers the standard three-level
        // LIST group (group side_a (LIST) { repeated group list { required int64 element } }), whose two inner
        // elements are checked here and skipped.
        Assert.Equal(documented.Count, schema[0].NumChildren);
        var leaves = new List<SchemaElement>();
        for (int at = 1; at < schema.Count; at++)
        {
            leaves.Add(schema[at]);
            if (schema[at].NumChildren is null) continue;
            Assert.Equal(1, schema[at].NumChildren);
            Assert.Equal(("list", FieldRepetitionType.REPEATED, 1), (schema[at + 1].Name, schema[at + 1].RepetitionType!.Value, schema[at + 1].NumChildren!.Value));
            Assert.Equal(("element", Parquet.Meta.Type.INT64, FieldRepetitionType.REQUIRED), (schema[at + 2].Name, schema[at + 2].Type!.Value, schema[at + 2].RepetitionType!.Value));
            at += 2;
        }
        Assert.Equal(documented.Select(c => c.Name), leaves.Select(e => e.Name));
        foreach (var (column, element) in documented.Zip(leaves))
        {
            Assert.True(storage.TryGetValue(column.Type, out var expected), $"{table}.{column.Name}: undocumented type '{column.Type}'");
            string where = $"{table}.{column.Name} ({column.Type})";
            Assert.True(expected.Physical == (element.Type?.ToString() ?? "none"), $"{where}: physical type {element.Type}, documented {expected.Physical}");
            Assert.True(expected.Converted == (element.ConvertedType?.ToString() ?? "none"), $"{where}: converted type {element.ConvertedType}, documented {expected.Converted}");
            Assert.True(expected.Repetition == element.RepetitionType?.ToString(), $"{where}: repetition {element.RepetitionType}, documented {expected.Repetition}");
            Assert.True(expected.Logical == LogicalName(element.LogicalType), $"{where}: logical type {LogicalName(element.LogicalType)}, documented {expected.Logical}");
        }
        foreach (var group in reader.Metadata.RowGroups)
            Assert.All(group.Columns, c => Assert.Equal(CompressionCodec.SNAPPY, c.MetaData!.Codec));

        Assert.Equal(string.Join(',', leaves.Select(e => e.Name)), File.ReadLines(stem + ".csv").First());
    }

    /// <summary>A logical type in the codebook's words: none, STRING, or INTEGER (N bits, signed/unsigned).</summary>
    private static string LogicalName(LogicalType? logical) => logical switch
    {
        null => "none",
        { STRING: not null } => "STRING",
        { LIST: not null } => "LIST",
        { INTEGER: { } i } => $"INTEGER ({i.BitWidth} bits, {(i.IsSigned ? "signed" : "unsigned")})",
        _ => "other",
    };

    /// <summary>The rows of a table section of OUTPUTS.md ("## name", then "| column | type | unit | meaning |").</summary>
    private static List<Column> DocumentedColumns(string table)
    {
        var lines = Doc("OUTPUTS.md").Split('\n');
        int heading = Array.IndexOf(lines, "## " + table);
        Assert.True(heading >= 0, $"docs/OUTPUTS.md has no section '## {table}'");
        int header = Array.FindIndex(lines, heading, l => l.StartsWith('|'));
        Assert.Equal("| column | type | unit | meaning |", lines[header]);
        var columns = lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Select(c => new Column(c[1].Trim('`'), c[2]))
            .ToList();
        Assert.NotEmpty(columns);
        return columns;
    }

    /// <summary>The codebook's table of how each column type is stored in Parquet.</summary>
    private static Dictionary<string, Storage> StorageByType()
    {
        var lines = Doc("OUTPUTS.md").Split('\n');
        int header = Array.IndexOf(lines, "| type | Parquet physical type | logical type | converted type | repetition |");
        Assert.True(header >= 0, "docs/OUTPUTS.md has no table of Parquet types");
        var storage = new Dictionary<string, Storage>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')))
        {
            var c = line.Split('|').Select(x => x.Trim()).ToArray();
            static string Code(string cell) => cell.Replace("`", "", StringComparison.Ordinal);
            storage[c[1]] = new Storage(Code(c[2]), Code(c[3]), Code(c[4]), Code(c[5]).Split(':')[0]);
        }
        Assert.Equal(["flag", "integer", "integer or none", "list of integers", "real", "text"], storage.Keys.Order(StringComparer.Ordinal));
        return storage;
    }

    /// <summary>
    /// A factor's column type as the codebook defines it: integer when the parameter's range in the parameter table
    /// of docs/MODEL.md reads "integer in ...", real otherwise.
    /// </summary>
    private static string FactorType(string parameter)
    {
        string row = Doc("MODEL.md").Split('\n').Single(l => l.StartsWith($"| `{parameter}` |", StringComparison.Ordinal));
        string range = row.Split('|').Select(c => c.Trim()).ToArray()[5];
        Assert.Matches(RangePattern(), range);
        return range.StartsWith("integer in ", StringComparison.Ordinal) ? "integer" : "real";
    }

    [GeneratedRegex(@"^(integer in )?\[[^,\]]+, [^\]]+\]$")]
    private static partial Regex RangePattern();
}
