using Anarchy.Engine;
using Anarchy.Models.Waltz;
using Anarchy.MonteCarlo;
using Snapshooter.Xunit;

namespace Anarchy.Tests.Simulation;

/// <summary>
/// Golden summaries of small runs. A change here means the model's results changed for the same seed: review the
/// difference like code, bump <see cref="WaltzModel.ModelVersion"/> if it is intended, and only then update the file.
/// </summary>
public sealed class SummarySnapshotTests
{
    [Fact]
    public void ASmallRunsSummaryMatchesItsGoldenFile()
    {
        var scenario = new Scenario { States = 10, Ticks = 40, Seed = 7, Parameters = new ModelParameters { ChainDepth = 2 } };
        var summary = WaltzSimulation.Run(scenario, RunPlan.SeedOf(scenario.Seed, 0, 0), default).Summary;
        Snapshot.Match(summary);
    }

    [Fact]
    public void ASmallRunsRunsCsvRowMatchesItsGoldenFile()
    {
        var scenario = new Scenario { States = 6, Ticks = 25, Seed = 11, Poles = 2, Parameters = new ModelParameters { Institutionalisation = 0.1 } };
        var model = new WaltzModel(scenario);
        var rows = Enumerable.Range(0, 3)
            .Select(r => string.Join(',', model.Execute(new RunKey(r, 0, r, RunPlan.SeedOf(scenario.Seed, 0, r)), default).Summary.Select(c => c.ToString())))
            .ToArray();
        Snapshot.Match(rows);
    }
}
