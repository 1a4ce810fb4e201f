using System.Text;
using System.Text.Json;
using Anarchy.Sweeps;

namespace Anarchy.Models.Waltz.Sweeps;

/// <summary>
/// Writes a sweep as a self-contained sweep file (the scenario inline), which <see cref="WaltzSweepReader"/> reads
/// back as the same sweep: studies leave one beside each arm's data so that <c>anarchy sweep</c> can rerun the arm.
/// </summary>
public static class WaltzSweepWriter
{
    public static string ToJson(WaltzSweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("name", sweep.Name);
            w.WriteString("description", sweep.Description);
            w.WritePropertyName("scenario");
            ScenarioWriter.Write(w, sweep.Scenario);
            w.WriteStartArray("factors");
            foreach (var factor in sweep.Factors) Write(w, factor);
            w.WriteEndArray();
            w.WriteStartObject("design");
            w.WriteString("type", sweep.Design.Type);
            if (sweep.Design.Type == "grid") w.WriteNumber("levels", sweep.Design.Levels);
            else w.WriteNumber("samples", sweep.Design.Samples);
            w.WriteEndObject();
            w.WriteNumber("replicates", sweep.Replicates);
            w.WriteNumber("seed", sweep.Seed);
            w.WriteBoolean("commonRandomNumbers", sweep.CommonRandomNumbers);
            w.WriteStartArray("outputs");
            foreach (string output in sweep.Outputs) w.WriteStringValue(output);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter w, Factor factor)
    {
        w.WriteStartObject();
        w.WriteString("name", factor.Name);
        if (factor.Levels is { } levels)
        {
            w.WriteStartArray("levels");
            foreach (double level in levels) w.WriteNumberValue(level);
            w.WriteEndArray();
        }
        else
        {
            w.WriteNumber("min", factor.Min);
            w.WriteNumber("max", factor.Max);
        }
        w.WriteEndObject();
    }
}
