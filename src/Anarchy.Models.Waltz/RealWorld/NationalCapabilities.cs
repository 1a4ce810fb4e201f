namespace Anarchy.Models.Waltz.RealWorld;

/// <summary>
/// Maps COW National Material Capabilities onto the model's wealth <c>W</c> and capability <c>M</c>
/// (docs/MODEL.md, "Real-world initialisation").
/// <para>
/// CINC averages a state's shares of six system totals. Its two halves are the model's two stocks: the economic and
/// demographic half (iron and steel, primary energy, total and urban population) is the base arms are paid from,
/// wealth; the military half (expenditure and personnel) is capability. Each component is turned into shares of the
/// system total that year, over the members that report it; a state's half is the mean of the shares it reports,
/// since an empty NMC field means unknown, not zero. Wealth is then scaled to mean 1, the model's unit, and capability
/// so that total capability is <c>initialMilitaryShare</c> times total wealth, the ratio the model starts every state
/// at (section 5): the real world changes how wealth and capability are distributed, not their totals.
/// </para>
/// </summary>
internal static class NationalCapabilities
{
    /// <summary>The NMC components in table order: the military half, then the economic half.</summary>
    public static readonly IReadOnlyList<string> Components = ["milex", "milper", "irst", "pec", "tpop", "upop"];

    private const int MilitaryComponents = 2;

    /// <summary>Wealth and capability of the members of one year (records in index order; null: no NMC row).</summary>
    public static Result Map(IReadOnlyList<CapabilityRecord?> records, double initialMilitaryShare)
    {
        int n = records.Count;
        var values = new double?[n, Components.Count];
        for (int i = 0; i < n; i++)
        {
            if (records[i] is not { } r) continue;
            values[i, 0] = r.Milex;
            values[i, 1] = r.Milper;
            values[i, 2] = r.Irst;
            values[i, 3] = r.Pec;
            values[i, 4] = r.Tpop;
            values[i, 5] = r.Upop;
        }

        // System totals over the members reporting each component (sums in index order).
        var totals = new double[Components.Count];
        for (int k = 0; k < Components.Count; k++)
        {
            for (int i = 0; i < n; i++) totals[k] += values[i, k] ?? 0;
        }

        var military = new double?[n];
        var economic = new double?[n];
        var missing = new List<string>[n];
        for (int i = 0; i < n; i++)
        {
            missing[i] = [];
            for (int k = 0; k < Components.Count; k++)
            {
                if (values[i, k] is null) missing[i].Add(Components[k]);
            }
            military[i] = MeanShare(values, totals, i, 0, MilitaryComponents);
            economic[i] = MeanShare(values, totals, i, MilitaryComponents, Components.Count);
        }

        // Wealth: a state without a positive economic share gets the floor, the smallest share any state has that
        // year, so it enters as the least of the system rather than as nothing. Then mean wealth is 1.
        double floor = double.PositiveInfinity;
        for (int i = 0; i < n; i++)
        {
            if (economic[i] is { } e && e > 0) floor = Math.Min(floor, e);
        }
        if (double.IsPositiveInfinity(floor)) floor = 1;
        var floored = new bool[n];
        var wealth = new double[n];
        double sumEconomic = 0;
        for (int i = 0; i < n; i++)
        {
            floored[i] = economic[i] is not (> 0);
            wealth[i] = floored[i] ? floor : economic[i]!.Value;
            sumEconomic += wealth[i];
        }
        for (int i = 0; i < n; i++) wealth[i] = n * wealth[i] / sumEconomic;

        // Capability: a state without military data starts at initialMilitaryShare * W, the model's own rule; the
        // states with data share initialMilitaryShare times their total wealth in proportion to their military
        // share. Either way total capability is initialMilitaryShare times total wealth.
        var imputed = new bool[n];
        double wealthWithData = 0, sumMilitary = 0;
        for (int i = 0; i < n; i++)
        {
            if (military[i] is { } m)
            {
                wealthWithData += wealth[i];
                sumMilitary += m;
            }
        }
        var capability = new double[n];
        for (int i = 0; i < n; i++)
        {
            imputed[i] = military[i] is null || sumMilitary <= 0;
            capability[i] = imputed[i]
                ? initialMilitaryShare * wealth[i]
                : initialMilitaryShare * wealthWithData * military[i]!.Value / sumMilitary;
        }
        return new Result(wealth, capability, economic, military, missing, floored, imputed);
    }

    /// <summary>The mean of the state's shares of components [from, to) over those it reports; null if none.</summary>
    private static double? MeanShare(double?[,] values, double[] totals, int i, int from, int to)
    {
        double sum = 0;
        int count = 0;
        for (int k = from; k < to; k++)
        {
            if (values[i, k] is not { } v || totals[k] <= 0) continue;
            sum += v / totals[k];
            count++;
        }
        return count > 0 ? sum / count : null;
    }

    internal sealed record Result(
        double[] Wealth,
        double[] Capability,
        double?[] EconomicShare,
        double?[] MilitaryShare,
        List<string>[] Missing,
        bool[] WealthFloored,
        bool[] CapabilityImputed);
}
