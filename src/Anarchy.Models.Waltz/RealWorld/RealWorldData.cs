namespace Anarchy.Models.Waltz.RealWorld;

/// <summary>
/// The reference data a real-world scenario is built from: COW state system membership, capitals, COW National
/// Material Capabilities and ATOP defence pacts. The repository keeps them in <c>data/</c>, with their sources and
/// citations in <c>data/README.md</c>; states are identified by their COW country code (ccode) throughout.
/// </summary>
public sealed class RealWorldData
{
    /// <summary>COW State System Membership (2016): <c>stateabb, ccode, statenme, styear, stmonth, stday, endyear, endmonth, endday</c>.</summary>
    public const string StatesFile = "cow_states.csv";

    /// <summary>Capitals and the spells they served: <c>ccode, capital, stdate, enddate, lat, lng</c>.</summary>
    public const string CapitalsFile = "cow_capitals.csv";

    /// <summary>COW National Material Capabilities v7.0: <c>ccode, year, milex, milper, irst, pec, tpop, upop</c>.</summary>
    public const string CapabilitiesFile = "cow_nmc.csv";

    /// <summary>ATOP v5.1 defence-pact dyad-years: <c>ccode1, ccode2, year</c>.</summary>
    public const string DefencePactsFile = "atop_defense.csv";

    private readonly Dictionary<(int Ccode, int Year), CapabilityRecord> _capabilities;
    private readonly Dictionary<int, List<(int A, int B)>> _dyadsByYear;
    private readonly HashSet<(int A, int B, int Year)> _dyadYears;

    private RealWorldData(
        List<MembershipSpell> membership,
        List<CapitalSpell> capitals,
        Dictionary<(int, int), CapabilityRecord> capabilities,
        HashSet<(int, int, int)> dyadYears)
    {
        Membership = membership;
        Capitals = capitals;
        _capabilities = capabilities;
        _dyadYears = dyadYears;
        _dyadsByYear = [];
        foreach (var (a, b, year) in dyadYears.OrderBy(d => d.Item3).ThenBy(d => d.Item1).ThenBy(d => d.Item2))
        {
            if (!_dyadsByYear.TryGetValue(year, out var list)) _dyadsByYear[year] = list = [];
            list.Add((a, b));
        }

        // A year is covered when membership, capabilities and pacts all reach it.
        FirstYear = Math.Max(membership.Min(s => s.Start.Year), Math.Max(capabilities.Keys.Min(k => k.Item2), _dyadsByYear.Keys.Min()));
        LastYear = Math.Min(membership.Max(s => s.End.Year), Math.Min(capabilities.Keys.Max(k => k.Item2), _dyadsByYear.Keys.Max()));
    }

    /// <summary>The first year that membership, capability and pact data all cover.</summary>
    public int FirstYear { get; }

    /// <summary>The last year that membership, capability and pact data all cover.</summary>
    public int LastYear { get; }

    internal IReadOnlyList<MembershipSpell> Membership { get; }

    internal IReadOnlyList<CapitalSpell> Capitals { get; }

    /// <summary>Reads the four files from a folder (the repository's <c>data/</c>).</summary>
    public static RealWorldData Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return Read(name =>
        {
            string path = Path.Combine(directory, name);
            return File.Exists(path) ? File.OpenText(path)
                : throw new FileNotFoundException($"real-world data file '{path}' not found (the repository keeps it in data/)", path);
        });
    }

    /// <summary>
    /// Reads the four files from wherever <paramref name="open"/> finds them by file name (<see cref="StatesFile"/>,
    /// <see cref="CapitalsFile"/>, <see cref="CapabilitiesFile"/>, <see cref="DefencePactsFile"/>), for example
    /// resources embedded in an assembly.
    /// </summary>
    public static RealWorldData Read(Func<string, TextReader> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        CsvTable Table(string name)
        {
            using var reader = open(name);
            return CsvTable.Read(reader, name);
        }

        var membership = ReadMembership(Table(StatesFile));
        var capitals = ReadCapitals(Table(CapitalsFile));
        var capabilities = ReadCapabilities(Table(CapabilitiesFile));
        var dyadYears = ReadDefencePacts(Table(DefencePactsFile));
        return new RealWorldData(membership, capitals, capabilities, dyadYears);
    }

    /// <summary>The capability record of a state in a year, or null when the table has none.</summary>
    internal CapabilityRecord? CapabilitiesOf(int ccode, int year) => _capabilities.GetValueOrDefault((ccode, year));

    /// <summary>Pairs (lower ccode first) linked by a defence pact in the year, in ccode order.</summary>
    internal IReadOnlyList<(int A, int B)> DefenceDyads(int year) => _dyadsByYear.TryGetValue(year, out var list) ? list : [];

    /// <summary>Whether the pair (lower ccode first) was linked by a defence pact in the year.</summary>
    internal bool HasDefencePact(int a, int b, int year) => _dyadYears.Contains((a, b, year));

    private static List<MembershipSpell> ReadMembership(CsvTable t)
    {
        int abb = t.Column("stateabb"), code = t.Column("ccode"), name = t.Column("statenme");
        int sy = t.Column("styear"), sm = t.Column("stmonth"), sd = t.Column("stday");
        int ey = t.Column("endyear"), em = t.Column("endmonth"), ed = t.Column("endday");
        var spells = new List<MembershipSpell>(t.Count);
        for (int r = 0; r < t.Count; r++)
        {
            var start = Date(t, r, sy, sm, sd);
            var end = Date(t, r, ey, em, ed);
            if (end < start)
                throw new InvalidDataException($"{t.Source} record {r + 2}: the spell ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})");
            spells.Add(new MembershipSpell(t.Integer(r, code), t.Text(r, abb), t.Text(r, name), start, end));
        }
        if (spells.Count == 0) throw new InvalidDataException($"{t.Source}: no membership spells");
        return spells;
    }

    private static DateOnly Date(CsvTable t, int r, int year, int month, int day)
    {
        int y = t.Integer(r, year), m = t.Integer(r, month), d = t.Integer(r, day);
        if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
            throw new InvalidDataException($"{t.Source} record {r + 2}: {y}-{m}-{d} is not a calendar date");
        return new DateOnly(y, m, d);
    }

    private static List<CapitalSpell> ReadCapitals(CsvTable t)
    {
        int code = t.Column("ccode"), capital = t.Column("capital"), start = t.Column("stdate"), end = t.Column("enddate");
        int lat = t.Column("lat"), lng = t.Column("lng");
        var spells = new List<CapitalSpell>(t.Count);
        for (int r = 0; r < t.Count; r++)
        {
            double latitude = t.Number(r, lat), longitude = t.Number(r, lng);
            if (latitude is < -90 or > 90 || longitude is < -180 or > 180)
                throw new InvalidDataException($"{t.Source} record {r + 2}: ({latitude}, {longitude}) is not a latitude and longitude in degrees");
            spells.Add(new CapitalSpell(t.Integer(r, code), t.Text(r, capital), t.Date(r, start), t.Date(r, end), latitude, longitude));
        }
        return spells;
    }

    private static Dictionary<(int, int), CapabilityRecord> ReadCapabilities(CsvTable t)
    {
        int code = t.Column("ccode"), year = t.Column("year");
        int milex = t.Column("milex"), milper = t.Column("milper"), irst = t.Column("irst");
        int pec = t.Column("pec"), tpop = t.Column("tpop"), upop = t.Column("upop");
        var records = new Dictionary<(int, int), CapabilityRecord>(t.Count);
        for (int r = 0; r < t.Count; r++)
        {
            var record = new CapabilityRecord(
                t.OptionalNumber(r, milex), t.OptionalNumber(r, milper), t.OptionalNumber(r, irst),
                t.OptionalNumber(r, pec), t.OptionalNumber(r, tpop), t.OptionalNumber(r, upop));
            if (!records.TryAdd((t.Integer(r, code), t.Integer(r, year)), record))
                throw new InvalidDataException($"{t.Source} record {r + 2}: a second row for ccode {t.Text(r, code)} in {t.Text(r, year)}");
        }
        if (records.Count == 0) throw new InvalidDataException($"{t.Source}: no state-years");
        return records;
    }

    private static HashSet<(int, int, int)> ReadDefencePacts(CsvTable t)
    {
        int c1 = t.Column("ccode1"), c2 = t.Column("ccode2"), year = t.Column("year");
        var dyadYears = new HashSet<(int, int, int)>(t.Count);
        for (int r = 0; r < t.Count; r++)
        {
            int a = t.Integer(r, c1), b = t.Integer(r, c2);
            if (a == b)
                throw new InvalidDataException($"{t.Source} record {r + 2}: a pact of ccode {a} with itself");
            dyadYears.Add((Math.Min(a, b), Math.Max(a, b), t.Integer(r, year)));
        }
        if (dyadYears.Count == 0) throw new InvalidDataException($"{t.Source}: no dyad-years");
        return dyadYears;
    }
}
