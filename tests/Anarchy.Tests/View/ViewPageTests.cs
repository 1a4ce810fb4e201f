using System.Globalization;
using System.Text.Json;
using Anarchy.Studies;
using Anarchy.Tests.Cli;

namespace Anarchy.Tests.View;

/// <summary>
/// <c>anarchy view</c>: the page it writes, loaded in a real headless Chromium and driven through the DevTools
/// protocol: it shows the run's first step, steps and plays, lists the events of each step as events.csv has them,
/// names a state on hover, and draws; a screenshot of each is kept in out/test-artifacts/.
/// </summary>
public sealed class ViewPageTests
{
    private static string Artifacts
    {
        get
        {
            string folder = Path.Combine(RepositoryRoot.Path, "out", "test-artifacts");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    [Fact]
    public async Task TheWaltzPageStepsPlaysListsEachStepsEventsAndNamesAStateOnHover()
    {
        using var scratch = new ScratchFolder();
        string folder = scratch["run"];
        Assert.Equal(0, CliHarness.Run("run", "--runs", "2", "--states", "16", "--ticks", "30", "--series", "--events", "--out", folder).ExitCode);
        var view = CliHarness.Run("view", folder, "--run", "1");
        Assert.True(view.ExitCode == 0, view.Err);
        string page = Path.Combine(folder, "view.html");
        Assert.Equal(Path.GetFullPath(page), view.Out.Trim());
        AssertSelfContained(page);

        // What the page should show: run 1's ticks and its events per tick, from the folder's own tables.
        var ticks = Column(Path.Combine(folder, "series.csv"), "run", "1", "tick");
        var eventTicks = Column(Path.Combine(folder, "events.csv"), "run", "1", "tick");
        Assert.Equal(30, ticks.Count);

        await using var browser = await HeadlessBrowser.OpenAsync(page);
        await browser.WaitForAsync("typeof window.anarchyView === 'object'", TimeSpan.FromSeconds(20));
        Assert.Equal(30, (await browser.EvaluateAsync("anarchyView.frames")).GetInt32());
        Assert.Equal($"tick {ticks[0]}", await Text(browser, "time"));
        Assert.StartsWith("Anarchy: waltz model, run 1 of 'default'", await Text(browser, "title"), StringComparison.Ordinal);

        // Stepping forward and back moves the timeline one tick at a time, and the slider with it.
        await browser.EvaluateAsync("document.getElementById('step').click(); document.getElementById('step').click(); document.getElementById('step').click()");
        Assert.Equal($"tick {ticks[3]}", await Text(browser, "time"));
        Assert.Equal("3", (await browser.EvaluateAsync("document.getElementById('slider').value")).GetString());
        await browser.EvaluateAsync("document.getElementById('back').click()");
        Assert.Equal($"tick {ticks[2]}", await Text(browser, "time"));

        // Each step lists exactly that tick's events: check the busiest tick and a quiet one.
        var counts = ticks.ToDictionary(t => t, t => eventTicks.Count(e => e == t));
        string busiest = counts.MaxBy(c => c.Value).Key;
        await browser.EvaluateAsync($"anarchyView.set({ticks.IndexOf(busiest)})");
        Assert.Equal(counts[busiest].ToString(CultureInfo.InvariantCulture), await Text(browser, "event-count"));
        Assert.Equal(counts[busiest], (await browser.EvaluateAsync("document.querySelectorAll('#events li').length")).GetInt32());
        Assert.True(counts[busiest] > 0, "no events in the run: make the scenario livelier");

        // Hovering a living state shows its name and figures.
        string name = (await browser.EvaluateAsync(
            "(function () { for (var i = 0; i < 16; i++) { var p = anarchyView.position(i); var r = anarchyView.hover(p[0], p[1]); if (r) return r; } return null; })()")).GetString()!;
        Assert.StartsWith("state ", name, StringComparison.Ordinal);
        Assert.Equal("block", (await browser.EvaluateAsync("document.getElementById('tooltip').style.display")).GetString());
        Assert.Contains(name + "\ncapability: ", await Text(browser, "tooltip"), StringComparison.Ordinal);

        // Play advances on its own; pressing it again pauses.
        await browser.EvaluateAsync("anarchyView.set(0); document.getElementById('play').click()");
        await browser.WaitForAsync("anarchyView.current() >= 3", TimeSpan.FromSeconds(10));
        await browser.EvaluateAsync("document.getElementById('play').click()");
        Assert.False((await browser.EvaluateAsync("anarchyView.playing()")).GetBoolean());
        Assert.Equal("Play", await Text(browser, "play"));

        // The series are drawn, one chart per default series column.
        Assert.Equal(6, (await browser.EvaluateAsync("document.querySelectorAll('#charts canvas').length")).GetInt32());
        await SaveScreenshot(browser, "view-waltz.png");
    }

    [Fact]
    public async Task TheRealpolitikPageShowsItsTurnsAndStatesDying()
    {
        using var scratch = new ScratchFolder();
        string folder = scratch["run"];
        Assert.Equal(0, CliHarness.Run("run", "--model", "realpolitik", "--runs", "1", "--states", "24", "--ticks", "300", "--series", "--out", folder).ExitCode);
        var view = CliHarness.Run("view", folder);
        Assert.True(view.ExitCode == 0, view.Err);
        string page = Path.Combine(folder, "view.html");
        AssertSelfContained(page);
        var turns = Column(Path.Combine(folder, "series.csv"), "run", "0", "turn");
        var alive = Column(Path.Combine(folder, "series.csv"), "run", "0", "alive");

        await using var browser = await HeadlessBrowser.OpenAsync(page);
        await browser.WaitForAsync("typeof window.anarchyView === 'object'", TimeSpan.FromSeconds(20));
        Assert.Equal(turns.Count, (await browser.EvaluateAsync("anarchyView.frames")).GetInt32());
        Assert.Equal("turn 0", await Text(browser, "time"));
        Assert.Equal(24, (await browser.EvaluateAsync("anarchyView.alive()")).GetInt32());
        // At the last turn the page shows as many living states as the series counts.
        await browser.EvaluateAsync($"anarchyView.set({turns.Count - 1})");
        Assert.Equal($"turn {turns[^1]}", await Text(browser, "time"));
        Assert.Equal(int.Parse(alive[^1], CultureInfo.InvariantCulture), (await browser.EvaluateAsync("anarchyView.alive()")).GetInt32());
        await SaveScreenshot(browser, "view-realpolitik.png");
    }

    [Fact]
    public async Task TheTributePageShowsTheRingItsDemandsAndClusters()
    {
        using var scratch = new ScratchFolder();
        string folder = scratch["run"];
        Assert.Equal(0, CliHarness.Run("run", "--model", "tribute", "--runs", "1", "--ticks", "200", "--series", "--events", "--out", folder).ExitCode);
        var view = CliHarness.Run("view", folder);
        Assert.True(view.ExitCode == 0, view.Err);
        string page = Path.Combine(folder, "view.html");
        AssertSelfContained(page);
        var years = Column(Path.Combine(folder, "series.csv"), "run", "0", "year");
        var eventYears = Column(Path.Combine(folder, "events.csv"), "run", "0", "year");
        var largest = Column(Path.Combine(folder, "series.csv"), "run", "0", "largest_cluster");

        await using var browser = await HeadlessBrowser.OpenAsync(page);
        await browser.WaitForAsync("typeof window.anarchyView === 'object'", TimeSpan.FromSeconds(20));
        Assert.Equal(201, (await browser.EvaluateAsync("anarchyView.frames")).GetInt32());
        Assert.Equal("year 0", await Text(browser, "time"));
        // The year with the most demands lists each of them; the legend names the answers given.
        string busiest = years.MaxBy(y => eventYears.Count(e => e == y))!;
        await browser.EvaluateAsync($"anarchyView.set({years.IndexOf(busiest)})");
        Assert.Equal(eventYears.Count(e => e == busiest), (await browser.EvaluateAsync("document.querySelectorAll('#events li').length")).GetInt32());
        Assert.Contains("demand: paid", await Text(browser, "legend"), StringComparison.Ordinal);
        // At the last year the actors coloured as the largest cluster (group 0) are as many as the series says.
        await browser.EvaluateAsync("anarchyView.set(200)");
        var groups = await browser.EvaluateAsync("JSON.parse(document.getElementById('data').textContent).frames[200].group");
        Assert.Equal(int.Parse(largest[^1], CultureInfo.InvariantCulture), groups.EnumerateArray().Count(g => g.GetInt32() == 0));
        await SaveScreenshot(browser, "view-tribute.png");
    }

    [Fact]
    public async Task ARealWorldStartIsDrawnOnAWorldMapWithItsCapitals()
    {
        using var scratch = new ScratchFolder();
        Assert.Equal(0, CliHarness.Run("realworld", "1950", "--data", Path.Combine(RepositoryRoot.Path, "data"), "--out", scratch["1950.json"], "--ticks", "5").ExitCode);
        Assert.Equal(0, CliHarness.Run("run", "--scenario", scratch["1950.json"], "--runs", "1", "--out", scratch["run"]).ExitCode);
        Assert.Equal(0, CliHarness.Run("view", scratch["run"]).ExitCode);
        string page = Path.Combine(scratch["run"], "view.html");
        AssertSelfContained(page);

        await using var browser = await HeadlessBrowser.OpenAsync(page);
        await browser.WaitForAsync("typeof window.anarchyView === 'object'", TimeSpan.FromSeconds(20));
        var data = "JSON.parse(document.getElementById('data').textContent)";
        Assert.Equal("earth", (await browser.EvaluateAsync(data + ".layout")).GetString());
        // Natural Earth's 1:110m land: 126 rings, drawn under the states.
        Assert.Equal(126, (await browser.EvaluateAsync(data + ".land.length")).GetInt32());
        Assert.Equal(75, (await browser.EvaluateAsync("anarchyView.alive()")).GetInt32());
        // The USA's capital (Washington, 77 W 39 N) lies in the western half and the northern half of the map.
        var usa = await browser.EvaluateAsync("(function () { var d = " + data + "; var i = d.names.findIndex(function (n) { return n.indexOf('USA') === 0; }); return anarchyView.position(i); })()");
        var canvas = await browser.EvaluateAsync("[document.getElementById('canvas').width, document.getElementById('canvas').height]");
        Assert.InRange(usa[0].GetDouble(), 0, canvas[0].GetDouble() / 2);
        Assert.InRange(usa[1].GetDouble(), 0, canvas[1].GetDouble() / 2);
        await SaveScreenshot(browser, "view-realworld-1950.png");
    }

    [Fact]
    public void AFolderThatIsNotARunFolderOrARunThatIsNotInItIsRefused()
    {
        using var scratch = new ScratchFolder();
        Directory.CreateDirectory(scratch["empty"]);
        var empty = CliHarness.Run("view", scratch["empty"]);
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("has no manifest.json", empty.Err, StringComparison.Ordinal);

        string folder = scratch["run"];
        Assert.Equal(0, CliHarness.Run("run", "--runs", "2", "--states", "6", "--ticks", "5", "--out", folder).ExitCode);
        var missing = CliHarness.Run("view", folder, "--run", "7");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--run: value 7 is not a run of", missing.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "view.html")));
    }

    [Fact]
    public void A64StateRunOf200TicksMakesAPageUnder5MB()
    {
        using var scratch = new ScratchFolder();
        string folder = scratch["run"];
        Assert.Equal(0, CliHarness.Run("run", "--runs", "1", "--states", "64", "--ticks", "200", "--out", folder).ExitCode);
        Assert.Equal(0, CliHarness.Run("view", folder).ExitCode);
        long bytes = new FileInfo(Path.Combine(folder, "view.html")).Length;
        Assert.InRange(bytes, 100_000, 5_000_000);
    }

    /// <summary>No script, style or image is fetched from anywhere: the page works offline.</summary>
    private static void AssertSelfContained(string page)
    {
        string html = File.ReadAllText(page);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> Text(HeadlessBrowser browser, string id) =>
        (await browser.EvaluateAsync($"document.getElementById('{id}').textContent")).GetString()!;

    private static async Task SaveScreenshot(HeadlessBrowser browser, string name)
    {
        byte[] png = await browser.ScreenshotAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length > 20_000, $"a {png.Length}-byte screenshot is too small to show the page");
        await File.WriteAllBytesAsync(Path.Combine(Artifacts, name), png);
    }

    /// <summary>The values of <paramref name="column"/> in the rows where <paramref name="key"/> is <paramref name="value"/>,
    /// read with the project's own CSV reader.</summary>
    private static List<string> Column(string csv, string key, string value, string column)
    {
        var table = ResultTable.Read(Path.GetDirectoryName(csv)!, Path.GetFileName(csv));
        var keys = table.Text(key);
        var values = table.Text(column);
        return Enumerable.Range(0, table.Rows).Where(r => keys[r] == value).Select(r => values[r]).ToList();
    }
}
