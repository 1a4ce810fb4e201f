using Anarchy.Models.Waltz.RealWorld;

namespace Anarchy.Tests.RealWorld;

/// <summary>
/// The observed statistics of the repository's data/ (data/README.md, "Observed statistics"), checked against counts
/// made from the CSV files with awk, independently of the loader. In data/, with Y the year or FROM and TO the window:
/// <code>
/// # disputes, use of force, wars starting in the window
/// awk -F, -v a=FROM -v b=TO 'NR>1 &amp;&amp; $2>=a &amp;&amp; $2&lt;=b {n++; if($5>=4) f++; if($5==5) w++} END {print n+0, f+0, w+0}' cow_mid_disps.csv
/// # US disputes and those it originated; distinct (dispute, state) pairs, the states in the disputes
/// awk -F, -v a=FROM -v b=TO 'NR==FNR {if (FNR>1) start[$1]=$2; next}
///     FNR>1 &amp;&amp; start[$1]>=a &amp;&amp; start[$1]&lt;=b {p[$1","$2]=1; if ($2==2) {u++; if ($4==1) o++}}
///     END {n=0; for (k in p) n++; print u+0, o+0, n}' cow_mid_disps.csv cow_mid_participants.csv
/// </code>
/// </summary>
public sealed class ObservedRecordTests
{
    private static readonly Lazy<ObservedRecord> Loaded = new(() =>
        new ObservedRecord(ReferenceData.Data, MilitarizedDisputes.Load(ReferenceData.Folder)));

    private static ObservedRecord Record => Loaded.Value;

    [Fact]
    public void MidCoversDisputesStartingFrom1816To2014()
    {
        Assert.Equal(2436, Record.DisputeData.Disputes.Count); // grep -c . cow_mid_disps.csv, less the header
        Assert.Equal((1816, 2014), (Record.DisputeData.FirstYear, Record.DisputeData.LastYear));
    }

    [Theory]
    [InlineData(1816, 1, 1, 0, 1, 1, 2)]
    [InlineData(1913, 8, 2, 1, 1, 1, 19)] // the Second Balkan War
    [InlineData(1950, 16, 13, 1, 1, 0, 48)] // the Korean War; the US joined a dispute that year
    [InlineData(1990, 11, 10, 1, 2, 1, 49)] // the Gulf War
    [InlineData(2010, 19, 11, 0, 2, 2, 38)]
    [InlineData(2014, 27, 18, 0, 5, 4, 57)]
    public void TheDisputesStartingInAYearAreCountedOnce(int year, int disputes, int useOfForce, int wars, int us, int usOriginated, int states)
    {
        var observed = Record.Disputes(year);

        Assert.Equal((year, year, 1), (observed.From, observed.To, observed.Years));
        Assert.Equal((disputes, useOfForce, wars), (observed.Disputes, observed.UseOfForce, observed.Wars));
        Assert.Equal((us, usOriginated, us - usOriginated), (observed.LeaderDisputes, observed.LeaderOriginated, observed.LeaderJoined));
        Assert.Equal(states, observed.Participants);
        Assert.Equal(disputes, observed.DisputesPerYear);
    }

    // 1948-2010 is Beckley's window: the data README counts about 219 US disputes starting in it in MID 5.0, and 191 in
    // 1948-2001; MID 5.0 has exactly these.
    [Theory]
    [InlineData(1948, 2001, 1340, 986, 28, 191, 154, 3207)]
    [InlineData(1948, 2010, 1595, 1135, 28, 219, 179, 3729)]
    [InlineData(1816, 2014, 2436, 1709, 106, 340, 281, 5854)]
    public void TheDisputesOfAWindowAreThoseStartingInIt(int from, int to, int disputes, int useOfForce, int wars, int us, int usOriginated, int states)
    {
        var observed = Record.Disputes(from, to);

        Assert.Equal((disputes, useOfForce, wars), (observed.Disputes, observed.UseOfForce, observed.Wars));
        Assert.Equal((us, usOriginated, us - usOriginated), (observed.LeaderDisputes, observed.LeaderOriginated, observed.LeaderJoined));
        Assert.Equal(states, observed.Participants);
    }

    [Fact]
    public void RatesArePerYearOfTheWindowAndSizeIsPerDispute()
    {
        var observed = Record.Disputes(1948, 2010);

        Assert.Equal(63, observed.Years);
        Assert.Equal(1595 / 63.0, observed.DisputesPerYear, 12);
        Assert.Equal(1135 / 63.0, observed.UseOfForcePerYear, 12);
        Assert.Equal(28 / 63.0, observed.WarsPerYear, 12);
        Assert.Equal(219 / 63.0, observed.LeaderDisputesPerYear, 12);
        Assert.Equal(179 / 63.0, observed.LeaderOriginatedPerYear, 12);
        Assert.Equal(40 / 63.0, observed.LeaderJoinedPerYear, 12);
        Assert.Equal(3729 / 1595.0, observed.MeanParticipants!.Value, 12);
        Assert.Equal(3.0, Record.Disputes(1950).MeanParticipants);
    }

    [Fact]
    public void EveryDisputeIsCountedInExactlyOneYear()
    {
        int sum = 0;
        for (int year = 1816; year <= 2014; year++) sum += Record.Disputes(year).Disputes;
        Assert.Equal(2436, sum);
    }

    [Fact]
    public void AStateThatChangedSidesIsOneParticipantOnBoth()
    {
        // Dispute 258, the Second World War: 32 rows for 26 states (awk -F, '$1==258' cow_mid_participants.csv).
        var war = Record.DisputeData.Disputes.Single(d => d.Number == 258);

        Assert.Equal((1939, MilitarizedDispute.War, 6), (war.StartYear, war.HostilityLevel, war.Fatality));
        Assert.Equal(26, war.Participants.Count);
        Assert.Equal([220, 325, 355, 360, 365, 375], war.Participants.Where(p => p.SideA && p.SideB).Select(p => p.Ccode));
        Assert.Equal(war.Participants.Select(p => p.Ccode).Order(), war.Participants.Select(p => p.Ccode));
    }

    [Fact]
    public void TheDisputeRecordKeepsMidsCodes()
    {
        var first = Record.DisputeData.Disputes[0];
        Assert.Equal((2, 1902, 3, 7, 0), (first.Number, first.StartYear, first.HostilityLevel, first.HighestAction, first.Fatality));
        Assert.Equal(new DisputeParticipant(2, true, false, true), first.Participant(RealWorldSystem.UnitedStates));
        Assert.Equal(new DisputeParticipant(200, false, true, true), first.Participant(200));
        Assert.Null(first.Participant(20));
        Assert.Null(Record.DisputeData.Disputes.Single(d => d.Number == 13).Fatality); // fatality -9
    }

    // The pact counts of data/README.md, "Counts worth knowing", which RealWorldScenarioTests checks against ATOP.
    [Theory]
    [InlineData(1816, 23, 36, 14, 0)]
    [InlineData(1913, 44, 11, 12, 0)]
    [InlineData(1950, 75, 312, 52, 31)]
    [InlineData(1990, 165, 949, 109, 53)]
    [InlineData(2010, 194, 1681, 144, 65)]
    public void TheAlliancesOfAYearAreThoseOfItsRealWorldSystem(int year, int states, int pacts, int statesInPacts, int usPartners)
    {
        var observed = Record.Alliances(year);

        Assert.Equal(new AllianceYear(year, states, pacts, statesInPacts, usPartners), Assert.Single(observed.Years));
        Assert.Equal((states, pacts, statesInPacts, usPartners), (observed.MeanStates, observed.MeanPacts, observed.MeanStatesInPacts, observed.MeanLeaderPartners));
    }

    [Fact]
    public void TheAlliancesOfAWindowAreTheMeansOfItsYears()
    {
        var observed = Record.Alliances(1948, 1952);
        var years = Enumerable.Range(1948, 5).Select(y => Assert.Single(Record.Alliances(y).Years)).ToList();

        Assert.Equal(years, observed.Years);
        Assert.Equal(years.Average(y => y.Pacts), observed.MeanPacts, 12);
        Assert.Equal(years.Average(y => y.States), observed.MeanStates, 12);
        Assert.Equal(years.Average(y => y.StatesInPacts), observed.MeanStatesInPacts, 12);
        Assert.Equal(years.Average(y => y.LeaderPartners), observed.MeanLeaderPartners, 12);
    }

    [Fact]
    public void MembershipOnThe31stOfDecemberCountsEachStateOnce()
    {
        // data/README.md: with membership on 31 December 1990 has 161 members, 891 pacts, 105 states in some pact and
        // 52 partners of the US.
        var record = new ObservedRecord(ReferenceData.Data, Record.DisputeData, SystemMembership.EndOfYear);
        Assert.Equal(new AllianceYear(1990, 161, 891, 105, 52), Assert.Single(record.Alliances(1990).Years));
    }

    [Theory]
    [InlineData(1815, 1815)]
    [InlineData(2015, 2015)]
    [InlineData(2000, 2015)]
    [InlineData(1990, 1989)]
    public void ADisputeWindowOutsideMidIsRefused(int from, int to) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Record.Disputes(from, to));

    [Theory]
    [InlineData(1815, 1816)]
    [InlineData(2017, 2017)]
    [InlineData(2010, 2017)]
    [InlineData(1990, 1989)]
    public void AnAllianceWindowOutsideTheDataIsRefused(int from, int to) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Record.Alliances(from, to));

    [Fact]
    public void AlliancesCoverTheYearsAfterMidEnds() =>
        Assert.Equal([2015, 2016], Record.Alliances(2015, 2016).Years.Select(y => y.Year));
}
