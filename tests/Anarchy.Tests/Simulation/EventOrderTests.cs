using Anarchy.Tests.Cli;

namespace Anarchy.Tests.Simulation;

/// <summary>The order of a dispute's events in a real events.csv is the one docs/OUTPUTS.md ("Reading events") gives.</summary>
public sealed class EventOrderTests
{
    [Fact]
    public void ADisputesEventsComeInTheDocumentedOrderAndRefusalsBreakPactsOnlyInWars()
    {
        // Long chains and frequent wars, so that every kind of dispute event occurs many times.
        using var scratch = new ScratchFolder();
        Assert.Equal(0, CliHarness.Run("run", "--runs", "6", "--ticks", "80", "--set", "chainDepth=3", "--set", "escalation=0.5",
            "--set", "honour=0.05", "--events", "--out", scratch["o"]).ExitCode);
        var lines = File.ReadAllLines(scratch["o/events.csv"]);
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        int run = Col("run"), kind = Col("event"), state = Col("state"), other = Col("other"), outcome = Col("outcome"), dispute = Col("dispute");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();

        // The order of a dispute's kinds, as documented: objection, call, then (if it became a war) pact_broken for
        // each refused call in the order of the calls, join and war_start, and the dispute event itself last.
        string[] phases = ["objection", "call", "pact_broken", "join", "war_start", "dispute"];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var closed = new HashSet<string>(StringComparer.Ordinal);
        var refusals = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var broken = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        int abandonedInWars = 0, abandonedShortOfWar = 0, joins = 0, wars = 0, disputes = 0;
        for (int r = 0; r < rows.Count; r++)
        {
            var e = rows[r];
            string key = e[run] + "/" + e[dispute];
            if (e[kind] == "call" && e[outcome] == "abandoned")
                (refusals.TryGetValue(key, out var list) ? list : refusals[key] = []).Add(e[state] + "-" + e[other]);
            if (e[kind] == "pact_broken")
            {
                Assert.Equal("abandonment", e[outcome]);
                (broken.TryGetValue(key, out var list) ? list : broken[key] = []).Add(e[state] + "-" + e[other]);
            }
            int phase = Array.IndexOf(phases, e[kind]);
            if (phase < 0) continue;
            Assert.False(closed.Contains(key), $"row {r + 2}: {e[kind]} after the dispute event of dispute {key}");
            Assert.False(seen.TryGetValue(key, out int last) && last > phase, $"row {r + 2}: {e[kind]} after a later kind of dispute {key}");
            seen[key] = phase;
            if (e[kind] == "join") joins++;
            if (e[kind] == "war_start") wars++;
            if (e[kind] != "dispute") continue;
            disputes++;
            closed.Add(key); // the dispute event closes it; it has a war_start (right before it) exactly if it is a war
            bool war = r > 0 && rows[r - 1][kind] == "war_start" && rows[r - 1][dispute] == e[dispute];
            Assert.Equal(e[outcome] == "war", war);
            // Every refusal in a war breaks its pact, in the order of the calls; a refusal short of war breaks nothing.
            var refused = refusals.GetValueOrDefault(key) ?? [];
            Assert.Equal(war ? refused : [], broken.GetValueOrDefault(key) ?? []);
            if (war) abandonedInWars += refused.Count; else abandonedShortOfWar += refused.Count;
        }
        Assert.True(abandonedInWars > 0 && abandonedShortOfWar > 0 && joins > 0 && wars > 0 && disputes > 0,
            $"abandoned in wars {abandonedInWars}, short of war {abandonedShortOfWar}, joins {joins}, wars {wars}, disputes {disputes}");
    }
}
