using System.Globalization;
using Anarchy.Engine;
using Anarchy.Models.Waltz.RealWorld;
using Anarchy.Output;
using Anarchy.Randomness;
using Anarchy.Sweeps;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using Anarchy.Input;

namespace Anarchy.Models.Waltz.Calibration;

/// <summary>The model's moments of one period at one point of the search, aligned with <see cref="Moments.All"/>.</summary>
public sealed record PeriodMoments(CalibrationPeriod Period, IReadOnlyList<MomentEstimate> Model);

/// <summary>One evaluation: the parameter values and what the model gave in each period.</summary>
public sealed record Evaluation(IReadOnlyList<double> Theta, IReadOnlyList<PeriodMoments> Periods);

/// <summary>How one Nelder–Mead start ended.</summary>
public sealed record StartResult(int Start, IReadOnlyList<double> Initial, IReadOnlyList<double> Theta, double Objective, int Evaluations, string Exit);

/// <summary>A parameter's objective profile: the objective along its range with the others at the estimate.</summary>
public sealed record Profile(string Parameter, IReadOnlyList<double> Values, IReadOnlyList<double> Objectives);

/// <summary>Progress of a calibration.</summary>
public readonly record struct CalibrationProgress(string Stage, int Evaluations, double Best, TimeSpan Elapsed);

/// <summary>Everything a calibration found.</summary>
public sealed record CalibrationResult(
    CalibrationSpec Spec,
    IReadOnlyList<Moment> Fitted,
    IReadOnlyList<double> Estimate,
    IReadOnlyList<double> StandardErrors,
    double Objective,
    IReadOnlyList<StartResult> Starts,
    Evaluation AtEstimate,
    Evaluation? Predicted,
    IReadOnlyList<Profile> Profiles,
    int Evaluations);

/// <summary>
/// The simulated method of moments with common random numbers (docs/decisions/0006-calibration.md): for a point of
/// the parameter box, every fitted period is simulated with the same seeds, and the objective is the weighted sum of
/// squared log ratios of model to record moments, each weighted by the inverse of its sampling variance (the record's
/// from a bootstrap over years, the model's over runs at the first evaluation). Nelder–Mead (MathNet) searches the
/// box through a logistic transform from several starts; standard errors come from the moments' Jacobian. Every
/// evaluation is journalled, so a killed calibration resumes where it stopped and ends with the same numbers.
/// </summary>
public sealed class Calibrator : IDisposable
{
    /// <summary>Model values below the record's hundredth count as a hundredth in the objective, so it stays finite.</summary>
    public const double Floor = 0.01;

    /// <summary>The smallest variance of a log moment the weights use: a 2% relative error.</summary>
    public const double MinimumLogVariance = 0.0004;

    private readonly ObservedRecord _record;
    private readonly int _threads;
    private readonly Dictionary<string, Evaluation> _cache = [];
    private readonly Dictionary<(int Year, double Share), RealWorldSystem> _systems = [];
    private RunJournal? _journal;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private double[][]? _weights;
    private int _evaluations;
    private double _best = double.PositiveInfinity;

    /// <summary>Prepares a calibration; with <paramref name="journalPath"/>, evaluations found there are reused and new
    /// ones appended.</summary>
    /// <exception cref="InputFileException">A fitted moment is 0 (or undefined) in the record of a fitted period.</exception>
    public Calibrator(CalibrationSpec spec, ObservedRecord record, int threads, string? journalPath = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Spec = spec;
        _record = record;
        _threads = threads;
        var recordMoments = new Dictionary<(int, int), MomentEstimate[]>();
        RecordMoments = recordMoments;
        foreach (var period in spec.Fit.Concat(spec.Predict))
        {
            var years = RecordYears.Of(record, period.StartYear, period.Years);
            recordMoments[(period.StartYear, period.Years)] = [.. Moments.All.Select((m, k) => MomentEstimate.OfRecord(m, years, spec.Bootstrap, spec.Seed + (ulong)k))];
        }
        var zero = new List<string>();
        var fitted = new List<Moment>();
        foreach (var moment in spec.Moments)
        {
            var empty = spec.Fit.Where(period => !(RecordOf(period, moment).Value > 0)).ToList();
            if (empty.Count == 0) fitted.Add(moment);
            else if (spec.MomentsListed)
                zero.AddRange(empty.Select(period => $"moments: '{moment.Name}' is {RecordOf(period, moment).Value.ToString(CultureInfo.InvariantCulture)} in the record of {period}; a zero cannot be fitted on the log scale (leave it out of \"moments\"; it is still reported)"));
        }
        if (zero.Count > 0) throw new InputFileException(zero);
        Fitted = fitted;
        if (journalPath is not null) OpenJournal(journalPath);
    }

    /// <summary>Reuses the evaluations journalled in <paramref name="path"/> and appends new ones to it.</summary>
    public void OpenJournal(string path)
    {
        if (_journal is not null) throw new InvalidOperationException("the journal is already open");
        if (File.Exists(path))
        {
            foreach (var row in RunJournal.ReadRows(path)) _fromJournal.Add(Remember(Decode(row)));
        }
        _journal = RunJournal.OpenForAppend(path);
    }

    public CalibrationSpec Spec { get; }

    /// <summary>The moments in the objective: those of the file, less (when the file does not list them) those whose
    /// record is 0 in some fitted period.</summary>
    public IReadOnlyList<Moment> Fitted { get; }

    /// <summary>The record's moments of each period (fitted and predicted) by start year and years, aligned with
    /// <see cref="Moments.All"/>.</summary>
    public IReadOnlyDictionary<(int StartYear, int Years), MomentEstimate[]> RecordMoments { get; }

    /// <summary>Evaluations taken from the journal rather than run.</summary>
    public int Reused { get; private set; }

    /// <summary>The record's estimate of a moment in a period.</summary>
    public MomentEstimate RecordOf(CalibrationPeriod period, Moment moment)
    {
        ArgumentNullException.ThrowIfNull(period);
        return RecordMoments[(period.StartYear, period.Years)][Index(moment)];
    }

    private static readonly Dictionary<string, int> MomentIndex =
        Moments.All.Select((m, k) => (m.Name, k)).ToDictionary(x => x.Name, x => x.k, StringComparer.Ordinal);

    private static int Index(Moment moment) => MomentIndex[moment.Name];

    /// <summary>The scenario of a period at a point: the real-world start with the parameters set, seeds and runs of the spec.</summary>
    public Scenario ScenarioOf(CalibrationPeriod period, IReadOnlyList<double> theta, int? runs = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        var parameters = Spec.At(theta, period);
        var key = (period.StartYear, parameters.InitialMilitaryShare);
        if (!_systems.TryGetValue(key, out var system))
            _systems[key] = system = RealWorldSystem.Of(period.StartYear, _record.Data, SystemMembership.AnyDayOfYear, parameters.InitialMilitaryShare);
        return RealWorldScenario.Create(system, parameters) with
        {
            Name = $"calibrated-{period.StartYear}",
            Ticks = period.Years,
            Runs = runs ?? Spec.Runs,
            Seed = Spec.Seed,
        };
    }

    /// <summary>The model's moments of <paramref name="periods"/> at <paramref name="theta"/>, from the journal when it
    /// holds them, else simulated (and journalled).</summary>
    public Evaluation Evaluate(IReadOnlyList<double> theta, IReadOnlyList<CalibrationPeriod> periods, CancellationToken cancellation = default)
    {
        string key = Key(theta, periods);
        if (_cache.TryGetValue(key, out var known))
        {
            if (_fromJournal.Remove(key)) Reused++;
            return known;
        }
        var results = new List<PeriodMoments>(periods.Count);
        foreach (var period in periods)
        {
            var runs = Simulate(ScenarioOf(period, theta), cancellation);
            results.Add(new PeriodMoments(period, [.. Moments.All.Select(m => MomentEstimate.OfRuns(m, runs))]));
        }
        var evaluation = new Evaluation([.. theta], results);
        Remember(evaluation);
        _journal?.Append(Encode(evaluation));
        _journal?.Sync();
        return evaluation;
    }

    private readonly HashSet<string> _fromJournal = [];

    private string Remember(Evaluation e)
    {
        string key = Key(e.Theta, [.. e.Periods.Select(p => p.Period)]);
        _cache[key] = e;
        return key;
    }

    private static string Key(IReadOnlyList<double> theta, IEnumerable<CalibrationPeriod> periods) =>
        string.Join(",", theta.Select(t => BitConverter.DoubleToInt64Bits(t).ToString("X16", CultureInfo.InvariantCulture))) + "|" +
        string.Join(",", periods.Select(p => p.ToString()));

    /// <summary>The runs of a scenario, in run order, on the kernel; seeds as <c>anarchy run</c> derives them.</summary>
    private List<RunSummary> Simulate(Scenario scenario, CancellationToken cancellation)
    {
        int batch = WaltzModel.KernelBatchSize, count = scenario.Runs;
        var summaries = new RunSummary[count];
        int batches = (count + batch - 1) / batch;
        var options = new ParallelOptions { MaxDegreeOfParallelism = _threads, CancellationToken = cancellation };
        Parallel.For(0, batches, options, b =>
        {
            int first = b * batch, size = Math.Min(batch, count - first);
            var keys = new RunKey[size];
            var seeds = new ulong[size];
            var scenarios = new Scenario[size];
            for (int i = 0; i < size; i++)
            {
                seeds[i] = SeedSequence.Derive(scenario.Seed, 0, (ulong)(first + i));
                keys[i] = new RunKey(first + i, 0, first + i, seeds[i]);
                scenarios[i] = scenario;
            }
            var results = Kernel.WaltzBatch.RunOnce(scenarios, seeds, new RunDetail(false, false), keys);
            for (int i = 0; i < size; i++) summaries[first + i] = results[i].Summary;
        });
        return [.. summaries];
    }

    /// <summary>The weighted sum of squared log ratios over the fitted periods and moments.</summary>
    public double Objective(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        _weights ??= Weights(evaluation);
        double sum = 0;
        for (int p = 0; p < Spec.Fit.Count; p++)
        {
            for (int m = 0; m < Fitted.Count; m++)
                sum += _weights[p][m] * Math.Pow(LogRatio(evaluation, p, Fitted[m]), 2);
        }
        return sum;
    }

    /// <summary>log(model / record) of a fitted moment, with the model floored at <see cref="Floor"/> times the record.</summary>
    public double LogRatio(Evaluation evaluation, int period, Moment moment)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        double record = RecordOf(Spec.Fit[period], moment).Value;
        double model = evaluation.Periods[period].Model[Index(moment)].Value;
        if (!(model >= Floor * record)) model = Floor * record;
        return Math.Log(model / record);
    }

    /// <summary>The weight of each fitted period and moment: 1 / (record's log variance + model's log variance at
    /// <paramref name="first"/>), the sum floored at <see cref="MinimumLogVariance"/>.</summary>
    private double[][] Weights(Evaluation first)
    {
        var weights = new double[Spec.Fit.Count][];
        for (int p = 0; p < Spec.Fit.Count; p++)
        {
            weights[p] = new double[Fitted.Count];
            for (int m = 0; m < Fitted.Count; m++)
            {
                var moment = Fitted[m];
                double record = RecordOf(Spec.Fit[p], moment).LogVariance;
                double model = first.Periods[p].Model[Index(moment)].LogVariance;
                double variance = (double.IsFinite(record) ? record : 0) + (double.IsFinite(model) ? model : 0);
                weights[p][m] = 1 / Math.Max(MinimumLogVariance, variance);
            }
        }
        return weights;
    }

    /// <summary>The weights in use (after the first evaluation).</summary>
    public IReadOnlyList<IReadOnlyList<double>> CurrentWeights => _weights ?? [];

    /// <summary>Runs the whole calibration: the starts, the standard errors, the profiles and the predictions.</summary>
    public CalibrationResult Run(IProgress<CalibrationProgress>? progress = null, CancellationToken cancellation = default)
    {
        var parameters = Spec.Parameters;
        int k = parameters.Count;
        var starts = new List<StartResult>();
        Evaluation? bestEvaluation = null;
        double bestObjective = double.PositiveInfinity;
        for (int s = 0; s < Spec.Starts; s++)
        {
            var initial = StartPoint(s);
            int used = 0;
            Evaluation? startBest = null;
            double startObjective = double.PositiveInfinity;
            double Function(Vector<double> z)
            {
                cancellation.ThrowIfCancellationRequested();
                if (used >= Spec.MaxEvaluations) throw new BudgetSpent();
                used++;
                var theta = FromUnbounded(z);
                var evaluation = Evaluate(theta, Spec.Fit, cancellation);
                double value = Objective(evaluation);
                _evaluations++;
                if (value < startObjective)
                {
                    startObjective = value;
                    startBest = evaluation;
                }
                if (value < _best) _best = value;
                progress?.Report(new CalibrationProgress($"start {s + 1}/{Spec.Starts}", _evaluations, _best, _clock.Elapsed));
                return value;
            }
            string exit;
            try
            {
                var minimizer = new NelderMeadSimplex(Spec.Tolerance, int.MaxValue);
                var z0 = Vector<double>.Build.DenseOfEnumerable(initial.Select((t, i) => ToUnbounded(t, parameters[i])));
                var step = Vector<double>.Build.Dense(k, 0.8);
                minimizer.FindMinimum(ObjectiveFunction.Value(Function), z0, step);
                exit = "converged";
            }
            catch (BudgetSpent)
            {
                exit = "evaluation budget spent";
            }
            catch (MaximumIterationsException)
            {
                exit = "iteration limit";
            }
            starts.Add(new StartResult(s + 1, initial, startBest!.Theta, startObjective, used, exit));
            if (startObjective < bestObjective)
            {
                bestObjective = startObjective;
                bestEvaluation = startBest;
            }
        }
        var estimate = bestEvaluation!.Theta;
        progress?.Report(new CalibrationProgress("standard errors", _evaluations, _best, _clock.Elapsed));
        var errors = StandardErrors(bestEvaluation, cancellation);
        var profiles = new List<Profile>();
        if (Spec.ProfilePoints > 0)
        {
            for (int i = 0; i < k; i++)
            {
                progress?.Report(new CalibrationProgress($"profile of {parameters[i].Name}", _evaluations, _best, _clock.Elapsed));
                var values = Enumerable.Range(0, Spec.ProfilePoints)
                    .Select(q => parameters[i].Min + (parameters[i].Max - parameters[i].Min) * q / (Spec.ProfilePoints - 1)).ToList();
                var objectives = values.Select(v =>
                {
                    var theta = estimate.ToArray();
                    theta[i] = v;
                    return Objective(Evaluate(theta, Spec.Fit, cancellation));
                }).ToList();
                profiles.Add(new Profile(parameters[i].Name, values, objectives));
            }
        }
        Evaluation? predicted = null;
        if (Spec.Predict.Count > 0)
        {
            progress?.Report(new CalibrationProgress("predictions", _evaluations, _best, _clock.Elapsed));
            predicted = Evaluate(estimate, Spec.Predict, cancellation);
        }
        return new CalibrationResult(Spec, [.. Fitted], estimate, errors, bestObjective, starts, bestEvaluation, predicted, profiles, _evaluations);
    }

    /// <summary>
    /// Standard errors from the sandwich of the SMM objective with diagonal weights W (the inverse variances):
    /// Var = (G' W G)^-1, G the Jacobian of the fitted log moments by central differences (one-sided at the box's
    /// edge) with a step of 2% of each parameter's range. NaN where G' W G is singular: the moments do not identify
    /// the parameter.
    /// </summary>
    private double[] StandardErrors(Evaluation at, CancellationToken cancellation)
    {
        var parameters = Spec.Parameters;
        int k = parameters.Count, rows = Spec.Fit.Count * Fitted.Count;
        var g = Matrix<double>.Build.Dense(rows, k);
        var w = Vector<double>.Build.Dense(rows);
        for (int p = 0, r = 0; p < Spec.Fit.Count; p++)
        {
            for (int m = 0; m < Fitted.Count; m++, r++) w[r] = _weights![p][m];
        }
        for (int i = 0; i < k; i++)
        {
            var info = parameters[i];
            double h = 0.02 * (info.Max - info.Min);
            double up = Math.Min(info.Max, at.Theta[i] + h), down = Math.Max(info.Min, at.Theta[i] - h);
            var plus = at.Theta.ToArray();
            plus[i] = up;
            var minus = at.Theta.ToArray();
            minus[i] = down;
            var ePlus = Evaluate(plus, Spec.Fit, cancellation);
            var eMinus = Evaluate(minus, Spec.Fit, cancellation);
            for (int p = 0, r = 0; p < Spec.Fit.Count; p++)
            {
                for (int m = 0; m < Fitted.Count; m++, r++)
                    g[r, i] = (LogRatio(ePlus, p, Fitted[m]) - LogRatio(eMinus, p, Fitted[m])) / (up - down);
            }
        }
        var information = g.Transpose() * Matrix<double>.Build.DenseOfDiagonalVector(w) * g;
        var errors = new double[k];
        if (information.ConditionNumber() is var condition && (!double.IsFinite(condition) || condition > 1e12))
        {
            Array.Fill(errors, double.NaN);
            return errors;
        }
        var covariance = information.Inverse();
        for (int i = 0; i < k; i++) errors[i] = covariance[i, i] > 0 ? Math.Sqrt(covariance[i, i]) : double.NaN;
        return errors;
    }

    /// <summary>The first start at each parameter's start value; later ones at seeded uniform points of the middle
    /// 80% of the box.</summary>
    public double[] StartPoint(int start)
    {
        var parameters = Spec.Parameters;
        if (start == 0) return [.. parameters.Select(p => p.Start)];
        var random = new RandomStream(Spec.Seed);
        return [.. parameters.Select((p, i) => p.Min + (p.Max - p.Min) * (0.1 + 0.8 * random.Uniform((uint)start, StartPurpose, (uint)i)))];
    }

    /// <summary>The purpose word of the start points' draws.</summary>
    private const uint StartPurpose = 901;

    private static double ToUnbounded(double theta, CalibratedParameter p)
    {
        double u = Math.Clamp((theta - p.Min) / (p.Max - p.Min), 1e-9, 1 - 1e-9);
        return Math.Log(u / (1 - u));
    }

    private double[] FromUnbounded(Vector<double> z) =>
        [.. Spec.Parameters.Select((p, i) => p.Min + (p.Max - p.Min) / (1 + Math.Exp(-z[i])))];

    private sealed class BudgetSpent : Exception;

    private static Cell[] Encode(Evaluation e)
    {
        var cells = new List<Cell> { Cell.FromInt64((long)e.Periods.Count) };
        cells.AddRange(e.Theta.Select(t => Cell.FromDouble(t)));
        foreach (var period in e.Periods)
        {
            cells.Add(Cell.FromInt64((long)period.Period.StartYear));
            cells.Add(Cell.FromInt64((long)period.Period.Years));
            foreach (var m in period.Model)
            {
                cells.Add(Cell.FromDouble(m.Value));
                cells.Add(Cell.FromDouble(m.StandardError));
                cells.Add(Cell.FromDouble(m.Lower));
                cells.Add(Cell.FromDouble(m.Upper));
                cells.Add(Cell.FromInt64((long)m.Count));
            }
        }
        return [.. cells];
    }

    private Evaluation Decode(Cell[] row)
    {
        int at = 0, k = Spec.Parameters.Count, moments = Moments.All.Count;
        int periods = (int)row[at++].AsInt64;
        if (row.Length != 1 + k + periods * (2 + 5 * moments))
            throw new InvalidDataException("the calibration journal does not match the calibration file (a different number of parameters or moments)");
        var theta = new double[k];
        for (int i = 0; i < k; i++) theta[i] = row[at++].AsDouble;
        var results = new List<PeriodMoments>(periods);
        for (int p = 0; p < periods; p++)
        {
            int start = (int)row[at++].AsInt64, years = (int)row[at++].AsInt64;
            var period = Spec.Find(start, years)
                ?? throw new InvalidDataException($"the calibration journal holds the period {start} ({years} years), which the calibration file does not name");
            var estimates = new MomentEstimate[moments];
            for (int m = 0; m < moments; m++)
            {
                estimates[m] = new MomentEstimate(row[at].AsDouble, row[at + 1].AsDouble, row[at + 2].AsDouble, row[at + 3].AsDouble, (int)row[at + 4].AsInt64);
                at += 5;
            }
            results.Add(new PeriodMoments(period, estimates));
        }
        return new Evaluation(theta, results);
    }

    public void Dispose() => _journal?.Dispose();
}
