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
            var columns = reader.Schema.Fields.Select(f => f switch
            {
                ListField list => new ColumnSpec(list.Name, ColumnKind.Text, Meta("anarchy.unit." + list.Name), Meta("anarchy.description." + list.Name)) { IntegerList = true },
                DataField d => new ColumnSpec(d.Name, KindOf(d), Meta("anarchy.unit." + d.Name), Meta("anarchy.description." + d.Name))
                {
                    MissingCode = long.TryParse(Meta("anarchy.missing." + d.Name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long code) ? code : null,
                },
                _ => throw new InvalidDataException($"{parquetPath}: column '{f.Name}' is neither a value nor a list"),
            });
            return new TableSchema(Path.GetFileNameWithoutExtension(parquetPath), columns);
        }).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Writes <c>"columns": {table: [{name, type, unit, description}]}</c> for each Parquet file among
    /// <paramref name="files"/> that exists in <paramref name="folder"/>, in file-name order; types are
    /// <c>integer</c>, <c>flag</c>, <c>real</c>, <c>text</c> or <c>list</c> (integers separated by ';' in the CSV) as
    /// in docs/OUTPUTS.md, and an integer column whose
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
                writer.WriteString("type", column.Flag ? "flag" : column.IntegerList ? "list" : TypeName(column.Kind));
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
