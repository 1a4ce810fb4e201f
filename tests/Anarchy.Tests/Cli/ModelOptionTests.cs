namespace Anarchy.Tests.Cli;

/// <summary>
/// The choice of model on the command line: <c>--model</c>, the input file's <c>model</c> field, or the default
/// (the Waltz model, so every file written before the field existed keeps working).
/// </summary>
public class ModelOptionTests
{
    [Fact]
    public void ParamsNamesTheModelItLists()
    {
        var result = CliHarness.Run("params", "--model", "waltz");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Model waltz (waltz-", result.Out, StringComparison.Ordinal);
        Assert.Equal(result.Out, CliHarness.Run("params").Out);
    }

    [Theory]
    [InlineData("params")]
    [InlineData("run", "--runs", "1")]
    [InlineData("study")]
    [InlineData("bench", "--states", "8")]
    public void AnUnknownModelIsRefusedWithTheModelsThereAre(params string[] command)
    {
        using var scratch = new ScratchFolder();
        string[] args = command[0] == "run" ? [.. command, "--model", "hobbes", "--out", scratch["o"]] : [.. command, "--model", "hobbes"];
        var result = CliHarness.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--model: model 'hobbes' is not one of the models Anarchy has: waltz", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["o"]));
    }

    [Fact]
    public void AScenarioFileMayNameItsModel()
    {
        using var scratch = new ScratchFolder();
        string file = scratch.Write("s.json", """{"model": "waltz", "name": "named", "states": 6, "ticks": 5, "runs": 2}""");
        var named = CliHarness.Run("run", "--scenario", file, "--out", scratch["a"]);
        Assert.Equal(0, named.ExitCode);
        var both = CliHarness.Run("run", "--model", "waltz", "--scenario", file, "--out", scratch["b"]);
        Assert.Equal(0, both.ExitCode);
        Assert.Equal(File.ReadAllBytes(scratch["a/runs.csv"]), File.ReadAllBytes(scratch["b/runs.csv"]));
        Assert.Equal(0, CliHarness.Run("validate", file).ExitCode);
    }

    [Fact]
    public void AFileOfAnotherModelIsRefusedBeforeAnythingIsWritten()
    {
        using var scratch = new ScratchFolder();
        string file = scratch.Write("s.json", """{"model": "schelling", "states": 6}""");
        var result = CliHarness.Run("run", "--scenario", file, "--out", scratch["o"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{file}: model: model 'schelling' is not one of the models Anarchy has: waltz, realpolitik, tribute", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["o"]));

        string numbered = scratch.Write("n.json", """{"model": 3, "states": 6}""");
        var typed = CliHarness.Run("validate", numbered);
        Assert.Equal(2, typed.ExitCode);
        Assert.Contains("model: value 3 is not a model name", typed.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOptionAndTheFileMustAgree()
    {
        using var scratch = new ScratchFolder();
        string file = scratch.Write("s.json", """{"model": "waltz", "states": 6}""");
        var result = CliHarness.Run("validate", file, "--model", "realpolitik");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--model: 'realpolitik', but", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWaltzReaderRefusesAnotherModelsName()
    {
        using var scratch = new ScratchFolder();
        // A sweep whose inner scenario names another model: the Waltz reader, which reads the inner scenario, says so.
        string sweep = scratch.Write("w.json", """
            {"name": "w", "scenario": {"model": "other", "states": 6}, "factors": [{"name": "looseness", "values": [0, 1]}], "replicates": 1}
            """);
        var result = CliHarness.Run("validate", sweep);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("model: value \"other\" is not \"waltz\"", result.Err, StringComparison.Ordinal);
    }
}
