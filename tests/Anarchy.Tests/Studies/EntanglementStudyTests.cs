using Anarchy.Models.Waltz.Studies;
using Anarchy.Studies;

namespace Anarchy.Tests.Studies;

/// <summary>Runs the quick entanglement study once for the tests of this class.</summary>
public sealed class EntanglementQuickStudy() : QuickStudyRun(new EntanglementStudy(new WaltzStudySettings()));

public sealed class EntanglementStudyTests(EntanglementQuickStudy study) : IClassFixture<EntanglementQuickStudy>
{
    [Fact]
    public void TheReportHasItsTablesAndPlots()
    {
        string report = File.ReadAllText(study.Result.ReportPath);
        Assert.StartsWith("# Entanglement or restraint?", report, StringComparison.Ordinal);
        Assert.Contains("## The leader's disputes in Beckley's cell", report, StringComparison.Ordinal);
        Assert.Contains("## Regions", report, StringComparison.Ordinal);
        foreach (string polarity in EntanglementStudy.Polarities)
        {
            Assert.Contains($"| {polarity} | 30 |", report, StringComparison.Ordinal);
            Assert.True(new FileInfo(Path.Combine(study.Folder, $"entanglement-share-{polarity}.png")).Length > 10_000);
        }
        Assert.True(new FileInfo(Path.Combine(study.Folder, "leader-outcomes.png")).Length > 10_000);
        Assert.Equal(3 * 16 * 30, study.Result.RunsCompleted);
    }

    // Beckley's cell, 30 runs per polarity. Entanglement is as rare as Beckley found (5 of 219, 2.3%) when the upper
    // bound of the delta-method 95% interval of entangled / disputes is below 5%; restraint outnumbers entanglement
    // when the lower bound of the per-run t interval of (restrained - entangled) is above 0. With 30 runs the
    // half-width of that interval is about 10 disputes (the quick report), so a surplus of restraint above ~10 a run
    // is detected; the observed surplus is 60 to 120.
    [Theory]
    [InlineData("unipolar")]
    [InlineData("bipolar")]
    [InlineData("multipolar")]
    public void InBeckleysCellEntanglementIsRareAndRestraintOutnumbersIt(string polarity)
    {
        var (share, difference) = EntanglementStudy.Headline(study.Arm(polarity), EntanglementStudy.BeckleyCell);
        Assert.Equal(30, share.Count);
        Assert.True(double.IsNaN(share.Upper) ? share.Mean <= EntanglementStudy.RareShare : share.Upper <= EntanglementStudy.RareShare,
            $"{polarity}: entanglement share {share.Mean:P2} [{share.Lower:P2}, {share.Upper:P2}]");
        Assert.True(difference.Lower > 0, $"{polarity}: restrained - entangled {difference.Mean:F1} [{difference.Lower:F1}, {difference.Upper:F1}]");
    }

    // The chain-ganging cell (tight treaties, honour 2, chain depth 3, incompatible allies), 30 runs per polarity:
    // entanglement dominates when the upper bound of the t interval of (restrained - entangled) per run is below 0.
    // The half-width is about 8 disputes; the observed deficit is 15 to 25.
    [Theory]
    [InlineData("unipolar")]
    [InlineData("bipolar")]
    [InlineData("multipolar")]
    public void InTheChainGangingCellEntanglementOutnumbersRestraint(string polarity)
    {
        var (share, difference) = EntanglementStudy.Headline(study.Arm(polarity), EntanglementStudy.ChainGangCell);
        Assert.True(difference.Upper < 0, $"{polarity}: restrained - entangled {difference.Mean:F1} [{difference.Lower:F1}, {difference.Upper:F1}]");
        Assert.True(share.Lower > EntanglementStudy.RareShare, $"{polarity}: entanglement share {share.Mean:P2} [{share.Lower:P2}, {share.Upper:P2}]");
    }
}
