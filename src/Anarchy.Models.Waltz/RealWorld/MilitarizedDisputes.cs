namespace Anarchy.Models.Waltz.RealWorld;

/// <summary>
/// The Militarized Interstate Disputes of the historical record (COW MID 5.0, disputes starting 1816-2014): one entry
/// per dispute with the states that took part. The repository keeps the data in <c>data/</c>, with their sources and
/// citations in <c>data/README.md</c>; states are identified by their COW country code (ccode).
/// </summary>
public sealed class MilitarizedDisputes
{
    /// <summary>MID 5.0 dispute-level data, one row per dispute: <c>dispnum, styear, fatality, hiact, hostlev</c>.</summary>
    public const string DisputesFile = "cow_mid_disps.csv";

    /// <summary>
    /// The states taking part in each dispute, one row per state and side: <c>dispnum, ccode, sidea, orig</c> (read from
    /// MID 5.0's directed dyad-years).
    /// </summary>
    public const string ParticipantsFile = "cow_mid_participants.csv";

    private MilitarizedDisputes(List<MilitarizedDispute> disputes)
    {
        Disputes = disputes;
        FirstYear = disputes.Min(d => d.StartYear);
        LastYear = disputes.Max(d => d.StartYear);
    }

    /// <summary>The disputes in ascending dispute number.</summary>
    public IReadOnlyList<MilitarizedDispute> Disputes { get; }

    /// <summary>The first year a dispute starts in (1816 for MID 5.0).</summary>
    public int FirstYear { get; }

    /// <summary>The last year a dispute starts in (2014 for MID 5.0).</summary>
    public int LastYear { get; }

    /// <summary>Reads the two files from a folder (the repository's <c>data/</c>).</summary>
    public static MilitarizedDisputes Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return Read(name =>
        {
            string path = Path.Combine(directory, name);
            return File.Exists(path) ? File.OpenText(path)
                : throw new FileNotFoundException($"MID data file '{path}' not found (the repository keeps it in data/)", path);
        });
    }

    /// <summary>
    /// Reads the two files from wherever <paramref name="open"/> finds them by file name (<see cref="DisputesFile"/>,
    /// <see cref="ParticipantsFile"/>).
    /// </summary>
    public static MilitarizedDisputes Read(Func<string, TextReader> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        CsvTable Table(string name)
        {
            using var reader = open(name);
            return CsvTable.Read(reader, name);
        }

        var rows = ReadDisputes(Table(DisputesFile));
        var participants = ReadParticipants(Table(ParticipantsFile), rows);
        var disputes = new List<MilitarizedDispute>(rows.Count);
        foreach (var (number, row) in rows.OrderBy(r => r.Key))
        {
            if (!participants.TryGetValue(number, out var states) || !states.Values.Any(p => p.SideA) || !states.Values.Any(p => p.SideB))
                throw new InvalidDataException($"{ParticipantsFile}: dispute {number} needs a state on each side");
            disputes.Add(row with { Participants = [.. states.Values] });
        }
        return new MilitarizedDisputes(disputes);
    }

    private static Dictionary<int, MilitarizedDispute> ReadDisputes(CsvTable t)
    {
        int number = t.Column("dispnum"), start = t.Column("styear"), fatality = t.Column("fatality");
        int action = t.Column("hiact"), hostility = t.Column("hostlev");
        var disputes = new Dictionary<int, MilitarizedDispute>(t.Count);
        for (int r = 0; r < t.Count; r++)
        {
            int level = Coded(t, r, hostility, 1, MilitarizedDispute.War);
            int? deaths = t.Integer(r, fatality) == MissingCode ? null : Coded(t, r, fatality, 0, 6);
            var dispute = new MilitarizedDispute(t.Integer(r, number), t.Integer(r, start), level, Coded(t, r, action, 0, 21), deaths, []);
            if (!disputes.TryAdd(dispute.Number, dispute))
                throw new InvalidDataException($"{t.Source} record {r + 2}: a second row for dispute {dispute.Number}");
        }
        if (disputes.Count == 0) throw new InvalidDataException($"{t.Source}: no disputes");
        return disputes;
    }

    /// <summary>The participants of each dispute by ccode, in ccode order; a state listed on both sides is one participant.</summary>
    private static Dictionary<int, SortedDictionary<int, DisputeParticipant>> ReadParticipants(CsvTable t, Dictionary<int, MilitarizedDispute> disputes)
    {
        int number = t.Column("dispnum"), code = t.Column("ccode"), side = t.Column("sidea"), orig = t.Column("orig");
        var participants = new Dictionary<int, SortedDictionary<int, DisputeParticipant>>();
        for (int r = 0; r < t.Count; r++)
        {
            int dispute = t.Integer(r, number), ccode = t.Integer(r, code);
            if (!disputes.ContainsKey(dispute))
                throw new InvalidDataException($"{t.Source} record {r + 2}: dispute {dispute} is not in {DisputesFile}");
            bool sideA = Coded(t, r, side, 0, 1) == 1, originator = Coded(t, r, orig, 0, 1) == 1;
            if (!participants.TryGetValue(dispute, out var states)) participants[dispute] = states = [];
            var state = new DisputeParticipant(ccode, sideA, !sideA, originator);
            if (states.TryGetValue(ccode, out var seen))
            {
                if (seen.Originator != originator)
                    throw new InvalidDataException($"{t.Source} record {r + 2}: ccode {ccode} is both an originator and a joiner of dispute {dispute}");
                state = seen with { SideA = seen.SideA || sideA, SideB = seen.SideB || !sideA };
            }
            states[ccode] = state;
        }
        return participants;
    }

    /// <summary>MID's code for a missing value.</summary>
    private const int MissingCode = -9;

    /// <summary>An integer code that must lie in [min, max].</summary>
    private static int Coded(CsvTable t, int r, int column, int min, int max)
    {
        int value = t.Integer(r, column);
        return value >= min && value <= max ? value
            : throw new InvalidDataException($"{t.Source} record {r + 2}: {value} is not a code from {min} to {max}");
    }
}

/// <summary>One Militarized Interstate Dispute (MID 5.0).</summary>
/// <param name="Number">MID's dispute number (<c>dispnum</c>).</param>
/// <param name="StartYear">The year the dispute started (<c>styear</c>).</param>
/// <param name="HostilityLevel">The highest hostility level any participant reached (<c>hostlev</c>): 1 no militarized
/// action, 2 threat to use force, 3 display of force, 4 use of force, 5 war.</param>
/// <param name="HighestAction">The highest militarized action (<c>hiact</c>, MID's codes 0-21).</param>
/// <param name="Fatality">Battle deaths (<c>fatality</c>): 0 none, 1 = 1-25, 2 = 26-100, 3 = 101-250, 4 = 251-500,
/// 5 = 501-999, 6 = 1000 or more; null when MID does not know.</param>
/// <param name="Participants">The states taking part, in ccode order, each once.</param>
public sealed record MilitarizedDispute(int Number, int StartYear, int HostilityLevel, int HighestAction, int? Fatality, IReadOnlyList<DisputeParticipant> Participants)
{
    /// <summary>The hostility level of a use of force.</summary>
    public const int UseOfForce = 4;

    /// <summary>The hostility level of a war (at least 1,000 battle deaths).</summary>
    public const int War = 5;

    /// <summary>The participant with a ccode, or null when the state took no part.</summary>
    public DisputeParticipant? Participant(int ccode)
    {
        foreach (var p in Participants)
        {
            if (p.Ccode == ccode) return p;
        }
        return null;
    }
}

/// <summary>A state taking part in a dispute.</summary>
/// <param name="Ccode">Correlates of War country code.</param>
/// <param name="SideA">On side A, the side that took the first militarized action (<c>sidea</c> = 1).</param>
/// <param name="SideB">On side B, the other side. A state that changed sides is on both (in the Second World War, dispute
/// 258: France, Italy, Bulgaria, Romania, the Soviet Union and Finland).</param>
/// <param name="Originator">An originator, in the dispute from its first day (<c>orig</c> = 1), rather than a state that
/// joined it later.</param>
public sealed record DisputeParticipant(int Ccode, bool SideA, bool SideB, bool Originator);
