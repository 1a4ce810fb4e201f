using System.Text.Json;
using Anarchy.Models.Realpolitik;
using Anarchy.Models.Waltz;

namespace Anarchy.Tests.Cli;

/// <summary><c>anarchy params --json</c>: every parameter of the model, as its catalog describes it.</summary>
public sealed class ParamsCommandTests
{
    [Theory]
    [InlineData("waltz")]
    [InlineData("realpolitik")]
    public void WithJsonEveryParameterIsOneObjectWithItsRangeAndDefault(string name)
    {
        var model = name == "waltz" ? (Anarchy.Models.IModelDefinition)WaltzDefinition.Instance : RealpolitikDefinition.Instance;
        var result = CliHarness.Run("params", "--model", name, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out); // throws unless stdout is exactly one JSON value
        var root = json.RootElement;
        Assert.Equal(name, root.GetProperty("model").GetString());
        Assert.Equal(model.Version, root.GetProperty("version").GetString());
        var parameters = root.GetProperty("parameters").EnumerateArray().ToArray();
        Assert.Equal(model.Parameters.Select(p => p.Name), parameters.Select(p => p.GetProperty("name").GetString()));
        foreach (var (p, entry) in model.Parameters.Zip(parameters))
        {
            Assert.Equal(p.Default, entry.GetProperty("default").GetDouble());
            Assert.Equal(p.Min, entry.GetProperty("min").GetDouble());
            Assert.Equal(p.Max, entry.GetProperty("max").GetDouble());
            Assert.Equal(p.IsInteger, entry.GetProperty("integer").GetBoolean());
            Assert.Equal(p.Unit, entry.GetProperty("unit").GetString());
            Assert.Equal(p.Meaning, entry.GetProperty("meaning").GetString());
            Assert.InRange(p.Default, p.Min, p.Max);
        }
    }
}
