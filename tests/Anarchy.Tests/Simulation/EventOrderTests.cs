using Anarchy.Tests.Cli;

namespace Anarchy.Tests.Simulation;

/// <summary>The order of a dispute's events in a real events.csv is the one docs/OUTPUTS.md ("Reading events") gives.</summary>
public sealed class EventOrderTests
{
    [Fact]
    public void ADisputesEventsComeInTheDocumentedOrderWithEachAbandonedCallRightAfterItsBrokenPact()
    {
        // Long chains and frequent wars, so that every kind of dispute event occurs many times.
        using var scratch = new ScratchFolder();
        Assert.Equal(0, CliHarness.Run("run", "--runs", "6", "--ticks", "80", "--set", "chainDepth=3", "--set", "escalation=0.9",
            "--events", "--out", scratch["o"]).ExitCode);
        var lines = File.ReadAllLines(scratch["o/events.csv"]);
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        int run = Col("run"), kind = Col("event"), state = Col("state"), other = Col("other"), outcome = Col("outcome"), dispute = Col("dispute");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();

        // The order of a dispute's kinds, as documented: objection, then call (an abandoned one after its pact_broken),
        // then join, then war_start, then the dispute event itself, last.
        string[] phases = ["objection", "call", "join", "war_start", "dispute"];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var closed = new HashSet<string>(StringComparer.Ordinal);
        int abandoned = 0, joins = 0, wars = 0, disputes = 0;
        for (int r = 0; r < rows.Count; r++)
        {
            var e = rows[r];
            if (e[kind] == "pact_broken" && e[outcome] == "abandonment")
            {
                var next = rows[r + 1];
                Assert.Equal(("call", "abandoned"), (next[kind], next[outcome]));
                Assert.Equal((e[run], e[state], e[other], e[dispute]), (next[run], next[state], next[other], next[dispute]));
            }
            if (e[kind] == "call" && e[outcome] == "abandoned")
            {
                abandoned++;
                Assert.Equal(("pact_broken", "abandonment"), (rows[r - 1][kind], rows[r - 1][outcome]));
            }
            int phase = Array.IndexOf(phases, e[kind]);
            if (phase < 0) continue;
            string key = e[run] + "/" + e[dispute];
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
        }
        Assert.True(abandoned > 0 && joins > 0 && wars > 0 && disputes > 0, $"abandoned {abandoned}, joins {joins}, wars {wars}, disputes {disputes}");
    }
}
