using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace Anarchy.Output;

/// <summary>
/// The columns of the tables in an output folder as their Parquet files record them (name, type, and the unit and
/// meaning in the key-value metadata), written into manifest.json under <c>columns</c>, so that a reader without a
/// Parquet library types the CSV files as documented.
/// </summary>
public static class TableColumns
{
    /// <summary>The columns of one Parquet file written by <see cref="ParquetTableWriter"/>.</summary>
    public static TableSchema Read(string parquetPath)
    {
        ArgumentNullException.ThrowIfNull(parquetPath);
        return Task.Run(async () =>
        {
            await using var stream = File.OpenRead(parquetPath);
            await using var reader = await ParquetReader.CreateAsync(stream).ConfigureAwait(false);
            var metadata = reader.CustomMetadata;
            string Meta(string key) => metadata.TryGetValue(key, out var value) ? value : "";
            var columns = reader.Schema.GetDataFields().Select(f => new ColumnSpec(f.Name, KindOf(f), Meta("anarchy.unit." + f.Name), Meta("anarchy.description." + f.Name))
            {
                MissingCode = long.TryParse(Meta("anarchy.missing." + f.Name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long code) ? code : null,
            });
            return new TableSchema(Path.GetFileNameWithoutExtension(parquetPath), columns);
        }).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Writes <c>"columns": {table: [{name, type, unit, description}]}</c> for each Parquet file among
    /// <paramref name="files"/> that exists in <paramref name="folder"/>, in file-name order; types are
    /// <c>integer</c>, <c>flag</c>, <c>real</c> or <c>text</c> as in docs/OUTPUTS.md, and an integer column whose
    /// code means none has it as <c>missing</c>.
    /// </summary>
    public static void WriteManifestField(Utf8JsonWriter writer, string folder, IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(files);
        writer.WriteStartObject("columns");
        foreach (string file in files.Where(f => f.EndsWith(".parquet", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            string path = Path.Combine(folder, file);
            if (!File.Exists(path)) continue;
            var schema = Read(path);
            writer.WriteStartArray(schema.Name);
            foreach (var column in schema.Columns)
            {
                writer.WriteStartObject();
                writer.WriteString("name", column.Name);
                writer.WriteString("type", column.Flag ? "flag" : TypeName(column.Kind));
                if (column.MissingCode is { } code) writer.WriteNumber("missing", code);
                writer.WriteString("unit", column.Unit);
                writer.WriteString("description", column.Description);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    /// <summary>The documented name of a column type: integer, real or text.</summary>
    public static string TypeName(ColumnKind kind) => kind switch
    {
        ColumnKind.Int64 => "integer",
        ColumnKind.Double => "real",
        _ => "text",
    };

    private static ColumnKind KindOf(DataField field) =>
        field.ClrType == typeof(long) || field.ClrType == typeof(bool) ? ColumnKind.Int64 : field.ClrType == typeof(double) ? ColumnKind.Double : ColumnKind.Text;
}
