namespace Anarchy.Models.Waltz.RealWorld;

/// <summary>One spell of system membership (COW State System Membership): a state may leave and re-enter.</summary>
internal sealed record MembershipSpell(int Ccode, string Abbreviation, string Name, DateOnly Start, DateOnly End);

/// <summary>One spell during which a city served as a state's capital.</summary>
internal sealed record CapitalSpell(int Ccode, string Capital, DateOnly Start, DateOnly End, double Latitude, double Longitude);

/// <summary>
/// One state-year of COW National Material Capabilities; null is a missing value. Military expenditure in thousands
/// of US dollars, military personnel in thousands, iron and steel production in thousands of tons, primary energy
/// consumption in thousands of coal-ton equivalents, total and urban population in thousands.
/// </summary>
internal sealed record CapabilityRecord(double? Milex, double? Milper, double? Irst, double? Pec, double? Tpop, double? Upop);
