namespace Anarchy.Models.Waltz.Calibration;

/// <summary>
/// A period of the record: the real-world start year, the years simulated and compared from it, and parameters that
/// hold for this period only (for example the territorial-integrity norm after 1945), applied over the fixed ones.
/// </summary>
public sealed record CalibrationPeriod(int StartYear, int Years)
{
    /// <summary>Parameters set for this period only, in file order.</summary>
    public IReadOnlyList<(ParameterInfo Info, double Value)> Parameters { get; init; } = [];

    /// <summary>The last year compared.</summary>
    public int LastYear => StartYear + Years - 1;

    public override string ToString() => $"{StartYear}-{LastYear}";
}

/// <summary>A parameter to estimate, with the box it is searched in and where the first start begins.</summary>
public sealed record CalibratedParameter(ParameterInfo Info, double Min, double Max, double Start)
{
    public string Name => Info.Name;
}

/// <summary>A calibration file (docs/CALIBRATION.md): what to estimate, against which moments of which periods.</summary>
public sealed record CalibrationSpec
{
    /// <summary>Names the output folder.</summary>
    public string Name { get; init; } = "calibration";

    public string Description { get; init; } = "";

    /// <summary>The periods whose moments are fitted.</summary>
    public IReadOnlyList<CalibrationPeriod> Fit { get; init; } = [];

    /// <summary>Periods predicted at the estimate and compared with their record, not fitted (out-of-sample validation).</summary>
    public IReadOnlyList<CalibrationPeriod> Predict { get; init; } = [];

    public IReadOnlyList<CalibratedParameter> Parameters { get; init; } = [];

    /// <summary>Parameters set for every run and not estimated, over the model's defaults.</summary>
    public ModelParameters Fixed { get; init; } = new();

    /// <summary>The names of the parameters set in <see cref="Fixed"/>, in file order.</summary>
    public IReadOnlyList<string> FixedNames { get; init; } = [];

    /// <summary>The moments fitted (every moment is reported).</summary>
    public IReadOnlyList<Moment> Moments { get; init; } = [];

    /// <summary>Whether the file lists the moments; if not, every moment is fitted whose record is above 0 in every
    /// fitted period.</summary>
    public bool MomentsListed { get; init; }

    /// <summary>Runs per period and evaluation; the same seeds at every evaluation (common random numbers).</summary>
    public int Runs { get; init; } = 100;

    public ulong Seed { get; init; } = 1;

    /// <summary>Nelder–Mead starts: the first at each parameter's start, the others at seeded random points of the box.</summary>
    public int Starts { get; init; } = 2;

    /// <summary>Objective evaluations allowed per start.</summary>
    public int MaxEvaluations { get; init; } = 150;

    /// <summary>Nelder–Mead's convergence tolerance on the objective.</summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>Bootstrap resamples of the record's years.</summary>
    public int Bootstrap { get; init; } = 1000;

    /// <summary>Points of each parameter's objective profile (0: no profiles).</summary>
    public int ProfilePoints { get; init; } = 9;

    /// <summary>The parameters of the model at a point of the search: <see cref="Fixed"/>, then the period's own
    /// (when a period is given), then the estimated values.</summary>
    public ModelParameters At(IReadOnlyList<double> theta, CalibrationPeriod? period = null)
    {
        ArgumentNullException.ThrowIfNull(theta);
        var p = Fixed;
        foreach (var (info, value) in period?.Parameters ?? []) p = info.With(p, value);
        for (int k = 0; k < Parameters.Count; k++) p = Parameters[k].Info.With(p, theta[k]);
        return p;
    }

    /// <summary>The period of the fit or prediction that starts in <paramref name="startYear"/> and lasts
    /// <paramref name="years"/>, or null.</summary>
    public CalibrationPeriod? Find(int startYear, int years) =>
        Fit.Concat(Predict).FirstOrDefault(p => p.StartYear == startYear && p.Years == years);
}
