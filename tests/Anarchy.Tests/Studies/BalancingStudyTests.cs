using Anarchy.Models.Waltz.Studies;
using Anarchy.Studies;

namespace Anarchy.Tests.Studies;

/// <summary>Runs the quick balancing study once for all the tests of <see cref="BalancingStudyTests"/>.</summary>
public sealed class QuickBalancingStudy : QuickStudyRun
{
    public QuickBalancingStudy()
        : base(new BalancingStudy(new WaltzStudySettings())) => Headline = BalancingStudy.Headline(Folder);

    public BalancingStudy.BalancingHeadline Headline { get; }
}

/// <summary>
/// The quick balancing study (30 runs per arm, seeded, so the numbers are the same on every machine). Each finding is
/// asserted through its 95% interval; the comments give the quick version's estimate and interval half-width, that is
/// the smallest effect this sample size could tell from zero.
/// </summary>
public sealed class BalancingStudyTests(QuickBalancingStudy study) : IClassFixture<QuickBalancingStudy>
{
    [Fact]
    public void TheStudyIsRegistered()
    {
        Assert.Contains("balancing", WaltzStudies.Names);
        Assert.IsType<BalancingStudy>(WaltzStudies.Create("balancing", new WaltzStudySettings()));
    }

    [Fact]
    public void TheReportHasItsSectionsTablesAndPlots()
    {
        Assert.True(File.Exists(Path.Combine(study.Folder, "report.md")));
        foreach (string section in new[] { "## Design", "## Balancing or bandwagoning", "## Polarity and survival", "## The costs of internal and external balancing", "## What this shows and what it does not" })
            Assert.Contains(section, study.Report, StringComparison.Ordinal);
        Assert.Contains("| arm | pacts formed per run | with the strongest per run | bandwagoning share | chance reference | share / chance |", study.Report, StringComparison.Ordinal);
        Assert.Contains("| threatMix | lossGradient |", study.Report, StringComparison.Ordinal);
        Assert.Contains("| world | survivors | state lifetime, years |", study.Report, StringComparison.Ordinal);
        Assert.Contains("| interests | doctrine | arms, 50 y |", study.Report, StringComparison.Ordinal);
        Assert.Contains("| interests | total spending, 25 y |", study.Report, StringComparison.Ordinal);
        foreach (string png in new[] { "alive.png", "spending-by-channel.png", "cost-ratio.png", "cost-share-ratio.png" })
        {
            var file = new FileInfo(Path.Combine(study.Folder, png));
            Assert.True(file.Exists, png);
            Assert.True(file.Length > 10_000, png);
            Assert.Contains($"]({png})", study.Report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void StatesBalanceAgainstTheStrongestRatherThanBandwagon()
    {
        // Quick: 0.19% [0.13, 0.24] of new pacts include the strongest state, against 7.5% by chance; the upper bound
        // would have to rise some thirtyfold to reach the chance share.
        var h = study.Headline;
        Assert.True(h.ChanceShare > 0.0625 && h.ChanceShare < 0.2, $"chance share {h.ChanceShare}");
        Assert.True(h.BandwagonShare.Upper < h.ChanceShare, $"bandwagoning share {h.BandwagonShare} against chance {h.ChanceShare}");
    }

    [Fact]
    public void WithPoorlyChosenAlliesArmingCostsMoreUpFrontAndAlliancesCostMoreInTheLongRun()
    {
        // Incompatible interests, External minus Internal cumulative spending, paired by run.
        // Quick: after 50 years -27 [-32, -22] (half-width 5); after 200 years +175 [90, 259] (half-width 84, so the
        // effect is about twice what the quick sample can detect).
        var h = study.Headline;
        Assert.True(h.UpFrontDifference.Upper < 0, $"after 50 years {h.UpFrontDifference}");
        Assert.True(h.EndDifference.Lower > 0, $"after 200 years {h.EndDifference}");
    }

    [Fact]
    public void YetTheWorldOfAlliesSpendsNoMoreOfItsOutputAndEndsRicher()
    {
        // What the model shows beyond the nominal claim: relative to output the External world does not spend more
        // (quick: -0.15 [-0.32, 0.02] percentage points, so the upper bound stays near 0), and it ends richer:
        // +425 [175, 675] wealth units (half-width 250, the effect 1.7 times that).
        var h = study.Headline;
        Assert.True(h.EndOutputShareDifference.Lower < 0, $"share of output {h.EndOutputShareDifference}");
        Assert.True(h.EndWealthDifference.Lower > 0, $"wealth at the end {h.EndWealthDifference}");
    }

    [Fact]
    public void GreatPowersLastLongerWhenFewerButSmallStatesDoNot()
    {
        // Quick: the share of the great powers lost per run (per great power, since 8 have more to lose than 2), 8 great
        // powers minus 2: 0.054 [0.020, 0.088] (half-width 0.034); surviving
        // states, no great powers minus bipolar: 21.4 [19.9, 22.8] (half-width 1.5).
        var h = study.Headline;
        Assert.True(h.GreatPowerLossMostMinusBipolar.Lower > 0, $"share of great powers lost {h.GreatPowerLossMostMinusBipolar}");
        Assert.True(h.SurvivorsNoneMinusBipolar.Lower > 0, $"survivors {h.SurvivorsNoneMinusBipolar}");
    }
}
