using Anarchy.Sweeps;
using Anarchy.Sweeps.Designs;
using Anarchy.Sweeps.Sensitivity;

namespace Anarchy.Tests.Sweeps;

public sealed class SobolIndicesTests
{
    private const double IshigamiA = 7;
    private const double IshigamiB = 0.1;

    private static double Ishigami(double[] x) =>
        Math.Sin(x[0]) + (IshigamiA * Math.Sin(x[1]) * Math.Sin(x[1])) + (IshigamiB * Math.Pow(x[2], 4) * Math.Sin(x[0]));

    /// <summary>
    /// The indices of the Ishigami function with a = 7, b = 0.1 and inputs uniform on [-pi, pi]^3: published as
    /// S = (0.3139, 0.4424, 0) and ST = (0.5576, 0.4424, 0.2437) (Ishigami and Homma 1990; Saltelli et al. 2008,
    /// "Global sensitivity analysis: the primer"). The digits here are the variances integrated numerically with
    /// SciPy 1.10 (integrate.quad and tplquad over the cube: V = 13.844587940719261, V1 the variance of E[f | x1], and so
    /// on), which round to the published values.
    /// </summary>
    private static readonly double[] IshigamiFirst = [0.31390519114781135, 0.4424111447900408, 0];
    private static readonly double[] IshigamiTotal = [0.5575888552099589, 0.4424111447900408, 0.24368366406214778];

    private static double[] Outputs(double[][] points, Func<double[], double> model) => points.Select(model).ToArray();

    [Fact]
    public void Ishigami_indices_are_recovered_within_003_and_inside_their_95_percent_intervals()
    {
        // N = 2^13 base samples, 5 N = 40 960 model runs. The bootstrap, which treats base rows as independent,
        // gives 95% half-widths from 0.009 (ST3) to 0.031 (ST1) at this N: standard errors of at most 0.016 for
        // independent sampling, so 0.03 is about two of them. Sobol points converge faster (error O(log(N)^k / N)
        // against O(N^-1/2)); these estimates are within 0.002 of the analytic values.
        const int N = 1 << 13;
        Factor[] factors = [new Factor("x1", -Math.PI, Math.PI), new Factor("x2", -Math.PI, Math.PI), new Factor("x3", -Math.PI, Math.PI)];
        var outputs = Outputs(Saltelli.Points(factors, N), Ishigami);

        var indices = SobolIndices.FromSaltelliOutputs(outputs, factors.Length, bootstrap: 1000, seed: 11);

        var (first, total) = (IshigamiFirst, IshigamiTotal);
        Assert.Equal(N, indices.BaseSamples);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(first[i], indices.FirstOrder[i].Value, 0.03);
            Assert.Equal(total[i], indices.Total[i].Value, 0.03);
            Assert.True(indices.FirstOrder[i].Contains(first[i]), $"S{i + 1} interval {indices.FirstOrder[i]} misses {first[i]}");
            Assert.True(indices.Total[i].Contains(total[i]), $"ST{i + 1} interval {indices.Total[i]} misses {total[i]}");
            Assert.InRange(indices.FirstOrder[i].Upper - indices.FirstOrder[i].Lower, 0.0, 0.1);
            Assert.InRange(indices.Total[i].Upper - indices.Total[i].Lower, 0.0, 0.1);
        }
    }

    [Fact]
    public void A_linear_model_has_equal_first_order_and_total_indices_proportional_to_its_squared_weights()
    {
        // y = Σ c_i x_i with independent x_i uniform on [0, 1]: Var(c_i x_i) = c_i^2 / 12, no interactions, so
        // S_i = ST_i = c_i^2 / Σ c^2 = (1, 4, 9, 0.25) / 14.25. N = 2^14 base samples (98 304 runs); the bootstrap's
        // 95% half-widths are at most 0.015 at this N, standard errors of at most 0.0075 for independent sampling, so
        // 0.02 is more than 2.5 of them; with Sobol points the estimates are within 0.0001.
        const int N = 1 << 14;
        double[] c = [1, 2, 3, 0.5];
        var factors = c.Select((_, i) => new Factor($"x{i}", 0, 1)).ToArray();
        var outputs = Outputs(Saltelli.Points(factors, N), x => x.Select((v, i) => c[i] * v).Sum());

        var indices = SobolIndices.FromSaltelliOutputs(outputs, factors.Length, bootstrap: 200);

        var sumOfSquares = c.Sum(w => w * w);
        for (var i = 0; i < c.Length; i++)
        {
            var expected = c[i] * c[i] / sumOfSquares;
            Assert.Equal(expected, indices.FirstOrder[i].Value, 0.02);
            Assert.Equal(expected, indices.Total[i].Value, 0.02);
            Assert.True(indices.FirstOrder[i].Contains(expected) && indices.Total[i].Contains(expected));
        }

        // V estimates Var(y) = Σ c^2 / 12 from 2N outputs; 2% is far beyond its sampling error at this N.
        Assert.Equal(sumOfSquares / 12, indices.Variance, 0.02 * sumOfSquares / 12);
    }

    [Fact]
    public void Outputs_in_design_order_are_split_by_the_designs_layout()
    {
        const int N = 64;
        const int D = 3;
        Factor[] factors = [new Factor("a", 0, 1), new Factor("b", 0, 2), new Factor("c", -1, 1)];
        var outputs = Outputs(Saltelli.Points(factors, N), x => x[0] + (x[1] * x[2]) + (x[0] * x[0]));

        var yA = new double[N];
        var yB = new double[N];
        var yAB = Enumerable.Range(0, D).Select(_ => new double[N]).ToArray();
        for (var p = 0; p < outputs.Length; p++)
        {
            var role = Saltelli.RoleOf(p, D);
            var target = role.Matrix switch
            {
                SaltelliMatrix.A => yA,
                SaltelliMatrix.B => yB,
                _ => yAB[role.Factor],
            };
            target[role.BaseSample] = outputs[p];
        }

        var fromDesign = SobolIndices.FromSaltelliOutputs(outputs, D, bootstrap: 50, seed: 3);
        var fromMatrices = SobolIndices.Estimate(yA, yB, yAB, bootstrap: 50, seed: 3);

        Assert.Equal(fromMatrices.FirstOrder, fromDesign.FirstOrder);
        Assert.Equal(fromMatrices.Total, fromDesign.Total);
        Assert.Equal(fromMatrices.Variance, fromDesign.Variance);
    }

    [Fact]
    public void Estimates_follow_the_saltelli_and_jansen_formulas()
    {
        // Hand-computed: yA = (1, 2), yB = (3, 5), yAB_0 = (2, 4). Mean of (1, 2, 3, 5) = 2.75; V = (3.0625 + 0.5625 +
        // 0.0625 + 5.0625) / 4 = 2.1875. The outputs are centred on the mean of all six, 17/6, so yB becomes
        // (1/6, 13/6) and S = ((1/6 · 1 + 13/6 · 2) / 2) / V = 2.25 / 2.1875; ST = ((1 + 4) / 4) / V = 1.25 / 2.1875.
        var indices = SobolIndices.Estimate([1, 2], [3, 5], [[2, 4]], bootstrap: 0);
        Assert.Equal(2.1875, indices.Variance, 1e-15);
        Assert.Equal(2.25 / 2.1875, indices.FirstOrder[0].Value, 1e-14);
        Assert.Equal(1.25 / 2.1875, indices.Total[0].Value, 1e-15);
        Assert.True(double.IsNaN(indices.FirstOrder[0].Lower) && double.IsNaN(indices.Total[0].Upper));
    }

    [Fact]
    public void Adding_a_constant_to_the_output_leaves_the_indices_unchanged()
    {
        // The outputs are centred on their mean before estimating, so an offset changes only rounding.
        var points = Saltelli.Points([new Factor("a", 0, 1), new Factor("b", 0, 1), new Factor("c", 0, 1)], 512);
        var outputs = Outputs(points, x => x[0] + (x[1] * x[2]));
        var shifted = outputs.Select(y => y + 1000).ToArray();

        var plain = SobolIndices.FromSaltelliOutputs(outputs, 3, bootstrap: 100);
        var offset = SobolIndices.FromSaltelliOutputs(shifted, 3, bootstrap: 100);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(plain.FirstOrder[i].Value, offset.FirstOrder[i].Value, 1e-9);
            Assert.Equal(plain.FirstOrder[i].Lower, offset.FirstOrder[i].Lower, 1e-9);
            Assert.Equal(plain.Total[i].Value, offset.Total[i].Value, 1e-9);
        }
    }

    [Fact]
    public void The_bootstrap_is_reproducible_for_a_seed_and_changes_with_it()
    {
        var outputs = Outputs(Saltelli.Points([new Factor("a", 0, 1), new Factor("b", 0, 1)], 256), x => x[0] + (2 * x[1] * x[1]));

        var first = SobolIndices.FromSaltelliOutputs(outputs, 2, bootstrap: 300, seed: 5);
        var again = SobolIndices.FromSaltelliOutputs(outputs, 2, bootstrap: 300, seed: 5);
        var other = SobolIndices.FromSaltelliOutputs(outputs, 2, bootstrap: 300, seed: 6);

        Assert.Equal(first.FirstOrder, again.FirstOrder);
        Assert.Equal(first.Total, again.Total);
        Assert.Equal(first.FirstOrder[0].Value, other.FirstOrder[0].Value);
        Assert.NotEqual(first.FirstOrder[0].Lower, other.FirstOrder[0].Lower);
        Assert.Equal(300, first.Resamples);
        Assert.Equal(0.95, first.Level);
    }

    [Fact]
    public void A_constant_output_gives_undefined_indices()
    {
        var indices = SobolIndices.FromSaltelliOutputs(Enumerable.Repeat(4.0, 8 * 4).ToArray(), 2, bootstrap: 10);
        Assert.All(indices.FirstOrder.Concat(indices.Total), s => Assert.True(double.IsNaN(s.Value)));
    }

    [Fact]
    public void Malformed_outputs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SobolIndices.FromSaltelliOutputs(new double[10], 2));
        Assert.Throws<ArgumentException>(() => SobolIndices.FromSaltelliOutputs(new double[4], 2));
        Assert.Throws<ArgumentException>(() => SobolIndices.Estimate([1, 2], [1, 2, 3], [[1, 2]]));
        Assert.Throws<ArgumentException>(() => SobolIndices.Estimate([1, 2], [1, 2], [[1]]));
        Assert.Throws<ArgumentException>(() => SobolIndices.Estimate([1, 2], [1, 2], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolIndices.Estimate([1, 2], [3, 4], [[1, 2]], level: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolIndices.Estimate([1, 2], [3, 4], [[1, 2]], bootstrap: -1));
    }
}
