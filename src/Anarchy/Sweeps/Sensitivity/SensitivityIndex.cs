namespace Anarchy.Sweeps.Sensitivity;

/// <summary>A sensitivity index with its bootstrap percentile interval.</summary>
/// <param name="Value">The estimate from all base samples.</param>
/// <param name="Lower">The lower bound of the interval; NaN without resamples.</param>
/// <param name="Upper">The upper bound of the interval; NaN without resamples.</param>
public readonly record struct SensitivityIndex(double Value, double Lower, double Upper)
{
    /// <summary>Whether <paramref name="value"/> lies within [<see cref="Lower"/>, <see cref="Upper"/>].</summary>
    /// <param name="value">The value to test.</param>
    /// <returns>False when the bounds are NaN.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
