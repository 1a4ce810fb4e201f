using Anarchy.Models.Waltz.RealWorld;

namespace Anarchy.Tests.RealWorld;

/// <summary>Reading MID data and counting it, on small hand-written tables.</summary>
public sealed class MilitarizedDisputesTests
{
    private const string DisputesHeader = "dispnum,styear,fatality,hiact,hostlev";
    private const string ParticipantsHeader = "dispnum,ccode,sidea,orig";

    private static MilitarizedDisputes Of(string[] disputes, string[] participants)
    {
        var files = new Dictionary<string, string>
        {
            [MilitarizedDisputes.DisputesFile] = string.Join("\n", [DisputesHeader, .. disputes]) + "\n",
            [MilitarizedDisputes.ParticipantsFile] = string.Join("\n", [ParticipantsHeader, .. participants]) + "\n",
        };
        return MilitarizedDisputes.Read(name => new StringReader(files[name]));
    }

    /// <summary>Two disputes: the US originates one in 2000, and joins a war that starts in 2002 with three states.</summary>
    private static MilitarizedDisputes TwoDisputes() => Of(
        ["7,2002,6,20,5", "5,2000,-9,7,3"],
        ["5,2,1,1", "5,900,0,1", "7,901,1,1", "7,2,0,0", "7,900,0,1"]);

    private static ObservedRecord Record(MilitarizedDisputes disputes) =>
        new(SyntheticData.Of([SyntheticData.State("USA", 2)], [SyntheticData.Capital(2, 38.9, -77.0)], ["2,2000,1,1,1,1,1,1"]), disputes);

    [Fact]
    public void DisputesAreInNumberOrderWithTheirParticipantsInCcodeOrder()
    {
        var data = TwoDisputes();

        Assert.Equal([5, 7], data.Disputes.Select(d => d.Number));
        Assert.Equal([2, 900, 901], data.Disputes[1].Participants.Select(p => p.Ccode));
        Assert.Equal(new DisputeParticipant(2, false, true, false), data.Disputes[1].Participant(2));
        Assert.Null(data.Disputes[0].Fatality);
        Assert.Equal(6, data.Disputes[1].Fatality);
        Assert.Equal((2000, 2002), (data.FirstYear, data.LastYear));
    }

    [Fact]
    public void AWindowCountsTheDisputesStartingInItPerYearOfTheWindow()
    {
        var observed = Record(TwoDisputes()).Disputes(2000, 2002);

        Assert.Equal(new DisputeStatistics(2000, 2002, 2, 1, 1, 2, 1, 5), observed);
        Assert.Equal(2 / 3.0, observed.DisputesPerYear, 12);
        Assert.Equal(1 / 3.0, observed.LeaderJoinedPerYear, 12);
        Assert.Equal(2.5, observed.MeanParticipants);
    }

    [Fact]
    public void AYearWithoutDisputesHasNoMeanSize()
    {
        var observed = Record(TwoDisputes()).Disputes(2001);
        Assert.Equal((0, 0.0), (observed.Disputes, observed.DisputesPerYear));
        Assert.Null(observed.MeanParticipants);
    }

    [Fact]
    public void AStateOnBothSidesIsOneParticipant()
    {
        var data = Of(["1,2000,0,7,3"], ["1,2,1,0", "1,2,0,0", "1,900,0,1", "1,901,1,1"]);

        Assert.Equal(new DisputeParticipant(2, true, true, false), data.Disputes[0].Participant(2));
        Assert.Equal(3, Record(data).Disputes(2000).Participants);
    }

    [Theory]
    [InlineData("1,2000,0,7,6", "1,2,1,1", "1,900,0,1", "not a code from 1 to 5")]
    [InlineData("1,2000,7,7,3", "1,2,1,1", "1,900,0,1", "not a code from 0 to 6")]
    [InlineData("1,2000,0,7,3", "1,2,2,1", "1,900,0,1", "not a code from 0 to 1")]
    [InlineData("1,2000,0,7,3", "1,2,1,1", "2,900,0,1", "dispute 2 is not in")]
    [InlineData("1,2000,0,7,3", "1,2,1,1", "1,900,1,1", "needs a state on each side")]
    [InlineData("1,2000,0,7,3", "1,2,1,1", "1,2,0,0", "both an originator and a joiner")]
    public void BadDataIsReported(string dispute, string first, string second, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => Of([dispute], [first, second]));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondRowForADisputeIsReported()
    {
        var e = Assert.Throws<InvalidDataException>(() => Of(["1,2000,0,7,3", "1,2001,0,7,3"], ["1,2,1,1", "1,900,0,1"]));
        Assert.Contains("a second row for dispute 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileIsReportedWithItsPath()
    {
        string folder = Path.Combine(Path.GetTempPath(), "anarchy-no-mid-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<FileNotFoundException>(() => ObservedRecord.Load(folder));
        Assert.Contains(RealWorldData.StatesFile, e.Message, StringComparison.Ordinal);
        e = Assert.Throws<FileNotFoundException>(() => MilitarizedDisputes.Load(folder));
        Assert.Contains(MilitarizedDisputes.DisputesFile, e.Message, StringComparison.Ordinal);
    }
}
