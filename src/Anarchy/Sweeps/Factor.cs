using static System.FormattableString;

namespace Anarchy.Sweeps;

/// <summary>
/// A parameter that a sweep varies: either a list of explicit levels (a grid), or a continuous or integer range
/// from <paramref name="Min"/> to <paramref name="Max"/>.
/// </summary>
/// <remarks>
/// Designs produce points in the unit cube and map each coordinate to the factor's scale with
/// <see cref="FromUnit"/>; a full factorial uses the levels, or evenly spaced values of the range. With levels,
/// <paramref name="Min"/> and <paramref name="Max"/> still bound them (<see cref="WithLevels"/> sets them to the
/// smallest and largest level). Records compare <paramref name="Levels"/> by reference.
/// </remarks>
/// <param name="Name">The parameter's name; unique within a sweep (compared ordinally).</param>
/// <param name="Min">The smallest value, finite.</param>
/// <param name="Max">The largest value, finite and at least <paramref name="Min"/>.</param>
/// <param name="IsInteger">Whether the values are integers (then <paramref name="Min"/>, <paramref name="Max"/> and
/// any levels must be integral).</param>
/// <param name="Levels">The explicit values, in the order a grid lists them; null for a range.</param>
public sealed record Factor(string Name, double Min, double Max, bool IsInteger = false, IReadOnlyList<double>? Levels = null)
{
    /// <summary>A factor with explicit levels, bounded by its smallest and largest level.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="levels">The values, in the order a grid lists them; at least one. The factor keeps a copy.</param>
    /// <returns>The factor; <see cref="Validate"/> reports problems with the levels.</returns>
    public static Factor WithLevels(string name, params double[] levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var min = levels.Length == 0 ? 0 : levels.Min();
        var max = levels.Length == 0 ? 0 : levels.Max();
        return new Factor(name, min, max, Levels: levels.ToArray());
    }

    /// <summary>Maps a coordinate of the unit interval to the factor's scale.</summary>
    /// <param name="u">The coordinate, in [0, 1); 1 is accepted and gives <see cref="Max"/> or the last level.</param>
    /// <returns>
    /// With levels, <c>Levels[⌊u · count⌋]</c>; for an integer range, <c>Min + ⌊u · (Max - Min + 1)⌋</c>; for a
    /// continuous range, <c>Min + u · (Max - Min)</c>. Each is clamped to the last level or to [Min, Max], so a rounding
    /// error never leaves the range.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="u"/> is outside [0, 1] or NaN.</exception>
    /// <exception cref="InvalidOperationException">The list of levels is empty.</exception>
    public double FromUnit(double u)
    {
        if (!(u >= 0 && u <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(u), u, "A unit coordinate must be in [0, 1).");
        }

        if (Levels is not null)
        {
            if (Levels.Count == 0)
            {
                throw new InvalidOperationException(Invariant($"Factor '{Name}' has an empty list of levels."));
            }

            var index = (int)Math.Min(Math.Floor(u * Levels.Count), Levels.Count - 1);
            return Levels[index];
        }

        var value = IsInteger ? Min + Math.Floor(u * (Max - Min + 1)) : Min + (u * (Max - Min));
        return Math.Clamp(value, Min, Max);
    }

    /// <summary>
    /// The problems with a sweep's factors, each naming the factor: a missing or repeated name, bounds that are not
    /// finite, an empty range (Max &lt; Min), non-integral bounds or levels of an integer factor, an empty list of
    /// levels, a level that is not finite, repeated or outside [Min, Max].
    /// </summary>
    /// <param name="factors">The factors of one sweep.</param>
    /// <returns>The problems in factor order; empty when there are none.</returns>
    public static IReadOnlyList<string> Validate(IReadOnlyList<Factor> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        var problems = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var f = 0; f < factors.Count; f++)
        {
            var factor = factors[f];
            if (factor is null)
            {
                problems.Add(Invariant($"Factor {f} is missing."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(factor.Name))
            {
                problems.Add(Invariant($"Factor {f} has no name."));
            }
            else if (!names.Add(factor.Name))
            {
                problems.Add(Invariant($"Factor '{factor.Name}' appears more than once."));
            }

            factor.AddProblems(problems);
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds problems, listing them all.</summary>
    internal static void ThrowIfInvalid(IReadOnlyList<Factor> factors, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(factors, parameterName);
        if (factors.Count == 0)
        {
            throw new ArgumentException("A design needs at least one factor.", parameterName);
        }

        var problems = Validate(factors);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), parameterName);
        }
    }

    private void AddProblems(List<string> problems)
    {
        if (!double.IsFinite(Min) || !double.IsFinite(Max))
        {
            problems.Add(Invariant($"Factor '{Name}' has a bound that is not a finite number (Min {Min}, Max {Max})."));
        }
        else if (Max < Min)
        {
            problems.Add(Invariant($"Factor '{Name}' has an empty range: Max {Max} is below Min {Min}."));
        }
        else if (IsInteger && (Math.Floor(Min) != Min || Math.Floor(Max) != Max))
        {
            problems.Add(Invariant($"Factor '{Name}' is an integer factor, but its bounds {Min} and {Max} are not both integers."));
        }

        if (Levels is null)
        {
            return;
        }

        if (Levels.Count == 0)
        {
            problems.Add(Invariant($"Factor '{Name}' has an empty list of levels."));
            return;
        }

        var seen = new HashSet<double>();
        foreach (var level in Levels)
        {
            if (!double.IsFinite(level))
            {
                problems.Add(Invariant($"Factor '{Name}' has a level that is not a finite number ({level})."));
            }
            else if (!seen.Add(level))
            {
                problems.Add(Invariant($"Factor '{Name}' lists the level {level} more than once."));
            }
            else if (level < Min || level > Max)
            {
                problems.Add(Invariant($"Factor '{Name}' has the level {level} outside [{Min}, {Max}]."));
            }
            else if (IsInteger && Math.Floor(level) != level)
            {
                problems.Add(Invariant($"Factor '{Name}' is an integer factor, but its level {level} is not an integer."));
            }
        }
    }
}
