using System.Text.Json;
using Anarchy.Models.Waltz.Studies;
using Anarchy.Studies;

namespace Anarchy.Tests.Cli;

public sealed class StudyCommandTests
{
    [Fact]
    public void Without_a_name_the_studies_are_listed()
    {
        var result = CliHarness.Run("study");
        Assert.Equal(0, result.ExitCode);
        foreach (string name in WaltzStudies.Names)
        {
            var study = WaltzStudies.Create(name, new StudySettings())!;
            Assert.Contains(name, result.Out, StringComparison.Ordinal);
            Assert.Contains(study.Title, result.Out, StringComparison.Ordinal);
        }
        Assert.StartsWith("entanglement ", result.Out, StringComparison.Ordinal);
        Assert.Contains("quirks         realpolitik  Quirks:", result.Out, StringComparison.Ordinal);

        var realpolitik = CliHarness.Run("study", "--model", "realpolitik");
        Assert.Equal(0, realpolitik.ExitCode);
        Assert.Equal("quirks", Assert.Single(realpolitik.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Split(' ')[0]);
    }

    [Fact]
    public void A_study_of_a_model_without_panels_refuses_panel_and_writes_nothing()
    {
        using var scratch = new ScratchFolder();
        var result = CliHarness.Run("study", "quirks", "--quick", "--panel", "--out", scratch["q"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--panel: the model realpolitik has no panel tables", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["q"]));
    }

    [Fact]
    public void A_study_is_found_in_the_model_that_has_it_and_refused_in_another()
    {
        using var scratch = new ScratchFolder();
        var elsewhere = CliHarness.Run("study", "quirks", "--model", "waltz", "--quick", "--out", scratch["w"]);
        Assert.Equal(2, elsewhere.ExitCode);
        Assert.Contains("NAME: unknown study 'quirks' (allowed: " + string.Join(", ", WaltzStudies.Names) + ")", elsewhere.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["w"]));

        var found = CliHarness.Run("study", "quirks", "--quick", "--out", scratch["q"]);
        Assert.True(found.ExitCode == 0, found.Err);
        Assert.StartsWith("# Quirks:", File.ReadAllText(Path.Combine(scratch["q"], "report.md")), StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(scratch["q"], "arms", "statesim", "manifest.json")));
        Assert.Contains("realpolitik", manifest.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_study_exits_2_naming_the_allowed_ones_and_writes_nothing()
    {
        using var scratch = new ScratchFolder();
        var result = CliHarness.Run("study", "entanglment", "--quick", "--out", scratch["out"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown study 'entanglment'", result.Err, StringComparison.Ordinal);
        Assert.Contains("allowed: " + string.Join(", ", WaltzStudies.Names), result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["out"]));
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1025")]
    public void A_thread_count_outside_the_range_exits_2_and_writes_nothing(string threads)
    {
        using var scratch = new ScratchFolder();
        var result = CliHarness.Run("study", "entanglement", "--quick", "--threads", threads, "--out", scratch["out"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--threads", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(scratch["out"]));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_named_in_plain_words()
    {
        var result = CliHarness.Run("study", "entanglement", "--threads", "abc");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'abc' for option '--threads' as expected type integer", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_folder_without_the_extracts_exits_2_naming_each_missing_file_and_writes_nothing()
    {
        using var scratch = new ScratchFolder();
        string empty = scratch["empty"], output = scratch["out"];
        Directory.CreateDirectory(empty);

        var missingFiles = CliHarness.Run("study", "realworld", "--quick", "--data", empty, "--out", output);
        Assert.Equal(2, missingFiles.ExitCode);
        Assert.Contains($"error: --data: '{Path.Combine(empty, "cow_states.csv")}' not found", missingFiles.Err, StringComparison.Ordinal);
        Assert.Contains("cow_mid_participants.csv' not found", missingFiles.Err, StringComparison.Ordinal);

        var missingFolder = CliHarness.Run("study", "realworld", "--quick", "--data", scratch["nowhere"], "--out", output);
        Assert.Equal(2, missingFolder.ExitCode);
        Assert.Contains("error: --data: folder", missingFolder.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_data_file_that_cannot_be_read_exits_2_before_anything_is_written()
    {
        using var scratch = new ScratchFolder();
        string data = scratch["data"], output = scratch["out"];
        Directory.CreateDirectory(data);
        foreach (string file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "data"), "*.csv"))
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(data, "cow_mid_disps.csv"), "dispnum,styear\n1,1900\n");

        var result = CliHarness.Run("study", "realworld", "--quick", "--data", data, "--out", output);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: --data:", result.Err, StringComparison.Ordinal);
        Assert.Contains("cow_mid_disps.csv", result.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void The_quick_entanglement_study_writes_its_report_and_refuses_or_resumes_a_second_run()
    {
        using var scratch = new ScratchFolder();
        string folder = scratch["study"];
        var first = CliHarness.Run("study", "entanglement", "--quick", "--threads", "2", "--out", folder);
        Assert.True(first.ExitCode == 0, first.Err);
        string report = Path.Combine(folder, "report.md");
        Assert.Equal(Path.GetFullPath(report), first.Out.Trim());
        Assert.True(File.Exists(report));
        string text = File.ReadAllText(report);
        Assert.StartsWith("# Entanglement or restraint?", text, StringComparison.Ordinal);
        Assert.Contains("**Quick version.**", text, StringComparison.Ordinal);
        Assert.Contains("The leader's disputes in Beckley's cell", text, StringComparison.Ordinal);
        Assert.Contains("| polarity | runs | disputes |", text, StringComparison.Ordinal);
        Assert.Contains("](leader-outcomes.png)", text, StringComparison.Ordinal);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{2 * 3 * 16 * 30:N0} runs in "), text, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);

        using (var study = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "study.json"))))
        {
            Assert.Equal("entanglement", study.RootElement.GetProperty("study").GetString());
            Assert.Equal("completed", study.RootElement.GetProperty("status").GetString());
            Assert.True(study.RootElement.GetProperty("quick").GetBoolean());
        }

        var pngs = Directory.GetFiles(folder, "*.png").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["entanglement-share-bipolar.png", "entanglement-share-multipolar.png", "entanglement-share-unipolar.png", "leader-outcomes.png"], pngs);
        foreach (string png in pngs)
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, png));
            Assert.True(bytes.Length > 1000);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            Assert.Contains("](" + png + ")", text, StringComparison.Ordinal);
        }

        foreach (string polarity in EntanglementStudy.Polarities)
        {
            string runs = Path.Combine(folder, "arms", polarity, "runs.csv");
            Assert.True(File.Exists(runs), runs);
            Assert.Equal(1 + 16 * 30, File.ReadAllLines(runs).Length);
        }
        var header = File.ReadLines(Path.Combine(folder, "arms", "unipolar", "runs.csv")).First().Split(',');
        Assert.Contains("leader_entangled", header);
        Assert.Contains("interestSpread", header);

        // Again into the same folder: refused without --overwrite or --resume, and nothing is touched.
        var stamps = Stamps(folder);
        var again = CliHarness.Run("study", "entanglement", "--quick", "--threads", "2", "--out", folder);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("error: --out:", again.Err, StringComparison.Ordinal);
        Assert.Contains("--resume", again.Err, StringComparison.Ordinal);
        Assert.Equal(stamps, Stamps(folder));

        // The full version may not resume into the quick version's folder.
        var full = CliHarness.Run("study", "entanglement", "--resume", "--out", folder);
        Assert.Equal(2, full.ExitCode);
        Assert.Contains("--resume", full.Err, StringComparison.Ordinal);

        // With --resume it completes again and keeps the arms as they were.
        var armFiles = Stamps(Path.Combine(folder, "arms"));
        var resumed = CliHarness.Run("study", "entanglement", "--quick", "--threads", "2", "--out", folder, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Err);
        foreach (string polarity in EntanglementStudy.Polarities)
            Assert.Contains($"arm '{polarity}': already complete, kept", resumed.Err, StringComparison.Ordinal);
        Assert.Equal(armFiles, Stamps(Path.Combine(folder, "arms")));
        string resumedText = File.ReadAllText(report);
        Assert.Contains("2,880 runs in ", resumedText, StringComparison.Ordinal); // both sessions together
        Assert.Contains("over 2 sessions (resumed)", resumedText, StringComparison.Ordinal);
        Assert.Equal(Tables(text), Tables(resumedText));
    }

    /// <summary>The report's table lines (the header line with the time and machine differs between sessions).</summary>
    private static string[] Tables(string report) =>
        report.Split('\n').Where(l => l.StartsWith('|')).ToArray();

    private static Dictionary<string, DateTime> Stamps(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.GetLastWriteTimeUtc, StringComparer.Ordinal);
}
