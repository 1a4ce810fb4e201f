using System.Globalization;
using Anarchy.Models.Tribute;
using Anarchy.Studies;
using Anarchy.Tests.Realpolitik;

namespace Anarchy.Tests.Tribute;

/// <summary>
/// Docking with a second implementation: experiments/tribute/reference.py codes the rules of docs/TRIBUTE.md in
/// plain Python with Python's own random numbers; its 400 runs at Axelrod's settings are stored in
/// experiments/tribute/python/axelrod.csv. Anarchy's 200 runs (seeds 1 to 200) must not differ from them in
/// distribution on any outcome: a two-sample Kolmogorov-Smirnov p-value (asymptotic) of at least 0.01 each, which
/// equal laws would miss by chance in one comparison of a hundred. Anarchy's runs are fixed by their seeds, so the
/// outcome of the test is fixed too (the smallest p-value is 0.56 here); a coding error in either implementation
/// that shifted an outcome by a tenth of its spread would fail it.
/// </summary>
public class TributeDockingTests
{
    [Fact]
    public void TheModelMatchesTheSecondImplementationInDistribution()
    {
        var peer = ResultTable.Read(Path.Combine(RepositoryRoot.Path, "experiments", "tribute", "python"), "axelrod.csv");
        Assert.Equal(400, peer.Rows);
        var scenario = new TributeScenario();
        var ours = Enumerable.Range(1, 200).Select(seed => TributeSimulation.Run(scenario, (ulong)seed)).ToList();
        foreach (var (name, mine) in new (string, Func<TributeRun, double>)[]
        {
            ("demands", r => r.Demands),
            ("payments", r => r.Payments),
            ("fights", r => r.Fights),
            ("final_wealth", r => r.FinalWealth),
            ("richest_share", r => r.RichestShare),
            ("peak_richest_share", r => r.PeakRichestShare),
            ("leader_changes", r => r.LeaderChanges),
            ("clusters", r => r.Clusters.Count),
            ("largest_cluster", r => r.Clusters.Largest),
        })
        {
            double p = RealpolitikDockingTests.KolmogorovSmirnovP(peer[name], ours.Select(mine).ToArray());
            Assert.True(p >= 0.01, $"{name}: KS p = {p.ToString("G3", CultureInfo.InvariantCulture)} against the Python implementation");
        }
    }

    [Fact]
    public void ADeliberateErrorIsSeen()
    {
        // The same comparison with destructiveness 0.3 instead of 0.25 (a slip a second implementation would catch)
        // fails on the fights: fewer demands are fought when fighting costs more.
        var peer = ResultTable.Read(Path.Combine(RepositoryRoot.Path, "experiments", "tribute", "python"), "axelrod.csv");
        var scenario = new TributeScenario { Parameters = new TributeParameters { Destructiveness = 0.3 } };
        var ours = Enumerable.Range(1, 200).Select(seed => (double)TributeSimulation.Run(scenario, (ulong)seed).Fights).ToArray();
        Assert.True(RealpolitikDockingTests.KolmogorovSmirnovP(peer["fights"], ours) < 0.001);
    }
}
