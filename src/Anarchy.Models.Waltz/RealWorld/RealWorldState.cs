namespace Anarchy.Models.Waltz.RealWorld;

/// <summary>
/// One state of a real-world system and where each of its initial values came from (docs/MODEL.md, "Real-world
/// initialisation").
/// </summary>
/// <param name="Index">The state's index in the scenario (states are in ascending ccode order).</param>
/// <param name="Ccode">Correlates of War country code.</param>
/// <param name="Abbreviation">COW state abbreviation, the scenario's label (for example <c>USA</c>).</param>
/// <param name="Name">COW state name.</param>
/// <param name="Wealth">Initial wealth <c>W</c>, in the model's unit (mean 1 over the system).</param>
/// <param name="Capability">Initial military capability <c>M</c>, on the scale of wealth.</param>
/// <param name="EconomicShare">Mean of the state's shares of the system's iron and steel, energy, population and
/// urban population, over the components it reports; null when it reports none.</param>
/// <param name="MilitaryShare">Mean of its shares of military expenditure and personnel, over the components it
/// reports; null when it reports neither.</param>
/// <param name="MissingComponents">The NMC components missing for the state that year (<c>milex</c>, <c>milper</c>,
/// <c>irst</c>, <c>pec</c>, <c>tpop</c>, <c>upop</c>), in that order.</param>
/// <param name="WealthFloored">True when no economic component was available and wealth is the floor value.</param>
/// <param name="CapabilityImputed">True when no military component was available and capability is
/// <c>initialMilitaryShare</c> times wealth, the model's own rule.</param>
/// <param name="Capital">The capital whose coordinates locate the state.</param>
/// <param name="Latitude">Latitude of the capital in degrees.</param>
/// <param name="Longitude">Longitude of the capital in degrees.</param>
/// <param name="LocationFallback">Null when the capital served that year; otherwise how the location was found.</param>
public sealed record RealWorldState(
    int Index,
    int Ccode,
    string Abbreviation,
    string Name,
    double Wealth,
    double Capability,
    double? EconomicShare,
    double? MilitaryShare,
    IReadOnlyList<string> MissingComponents,
    bool WealthFloored,
    bool CapabilityImputed,
    string Capital,
    double Latitude,
    double Longitude,
    string? LocationFallback);
