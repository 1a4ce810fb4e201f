using Anarchy.Models.Waltz.RealWorld;

namespace Anarchy.Tests.RealWorld;

/// <summary>Small hand-written data sets, so that each rule of the initialisation can be checked with numbers one can follow.</summary>
internal static class SyntheticData
{
    public const string StatesHeader = "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday";
    public const string CapitalsHeader = "ccode,capital,stdate,enddate,lat,lng";
    public const string CapabilitiesHeader = "ccode,year,milex,milper,irst,pec,tpop,upop";
    public const string PactsHeader = "ccode1,ccode2,year";

    /// <summary>Data for the year 2000 only; each argument is the file's rows without the header.</summary>
    public static RealWorldData Of(string[] states, string[] capitals, string[] capabilities, string[]? pacts = null)
    {
        var files = new Dictionary<string, string>
        {
            [RealWorldData.StatesFile] = Table(StatesHeader, states),
            [RealWorldData.CapitalsFile] = Table(CapitalsHeader, capitals),
            [RealWorldData.CapabilitiesFile] = Table(CapabilitiesHeader, capabilities),
            // The pact table must cover the year even when nobody is allied in it.
            [RealWorldData.DefencePactsFile] = Table(PactsHeader, pacts ?? ["900,901,2000"]),
        };
        return RealWorldData.Read(name => new StringReader(files[name]));
    }

    /// <summary>A member through the year 2000.</summary>
    public static string State(string abbreviation, int ccode) => $"{abbreviation},{ccode},{abbreviation} state,1990,1,1,2010,12,31";

    /// <summary>A capital serving through the year 2000.</summary>
    public static string Capital(int ccode, double latitude, double longitude) => $"{ccode},City {ccode},1990-01-01,2010-12-31,{latitude},{longitude}";

    private static string Table(string header, string[] rows) => string.Join("\r\n", [header, .. rows]) + "\r\n";
}
