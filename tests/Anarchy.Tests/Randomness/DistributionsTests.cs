using Anarchy.Randomness;

namespace Anarchy.Tests.Randomness;

public class DistributionsTests
{
    private const uint Purpose = 3;

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(10.0)]
    public void GammaSampleMeanIsTheShape(double shape)
    {
        // n = 50,000 draws; Gamma(shape, 1) has variance = shape, so se = sqrt(shape / n); tolerance 4.5 se.
        const int n = 50_000;
        var stream = new RandomStream(0x6A33A);
        double sum = 0.0;
        for (uint a = 0; a < n; a++)
        {
            double g = Distributions.Gamma(stream, shape, 1, Purpose, a);
            Assert.True(g >= 0.0 && double.IsFinite(g));
            sum += g;
        }

        double se = Math.Sqrt(shape / n);
        Assert.InRange(sum / n, shape - 4.5 * se, shape + 4.5 * se);
    }

    [Fact]
    public void GammaSampleVarianceIsTheShape()
    {
        // n = 50,000 draws of Gamma(4); the sample variance has se = sqrt((mu4 - sigma^4) / n) with
        // mu4 = 3k(k + 2) = 72 and sigma^4 = 16 for k = 4, so se ≈ 0.0335; tolerance 4.5 se.
        const int n = 50_000;
        const double shape = 4.0;
        var stream = new RandomStream(31);
        var draws = new double[n];
        for (uint a = 0; a < n; a++)
        {
            draws[a] = Distributions.Gamma(stream, shape, 0, Purpose, a);
        }

        double mean = draws.Average();
        double variance = draws.Sum(g => (g - mean) * (g - mean)) / (n - 1);
        double se = Math.Sqrt((72.0 - 16.0) / n);
        Assert.InRange(variance, shape - 4.5 * se, shape + 4.5 * se);
    }

    [Theory]
    [InlineData(1.0, 4.0)]
    [InlineData(2.0, 3.0)]
    [InlineData(0.5, 0.5)]
    public void BetaSampleMeanIsAlphaOverAlphaPlusBeta(double alpha, double beta)
    {
        // n = 50,000 draws; Beta variance = ab / ((a + b)^2 (a + b + 1)), se = sqrt(variance / n)
        // (Beta(1,4): 0.000730, Beta(2,3): 0.000894, Beta(0.5,0.5): 0.00158); tolerance 4.5 se.
        const int n = 50_000;
        var stream = new RandomStream(0xBE7A);
        double sum = 0.0;
        for (uint a = 0; a < n; a++)
        {
            double x = Distributions.Beta(stream, alpha, beta, 2, Purpose, a);
            Assert.InRange(x, 0.0, 1.0);
            sum += x;
        }

        double ab = alpha + beta;
        double se = Math.Sqrt(alpha * beta / (ab * ab * (ab + 1.0)) / n);
        Assert.InRange(sum / n, alpha / ab - 4.5 * se, alpha / ab + 4.5 * se);
    }

    [Fact]
    public void BetaWithTinyShapesIsNeverNaN()
    {
        // Both gammas underflow to zero for some draws here; the log-space fallback keeps every result in [0, 1].
        // n = 20,000 draws; Beta(0.01, 0.01) has variance 0.245, se ≈ 0.0035; mean 0.5, tolerance 4.5 se.
        const int n = 20_000;
        var stream = new RandomStream(8);
        double sum = 0.0;
        for (uint a = 0; a < n; a++)
        {
            double x = Distributions.Beta(stream, 0.01, 0.01, 0, Purpose, a);
            Assert.InRange(x, 0.0, 1.0);
            sum += x;
        }

        double se = Math.Sqrt(0.0001 / (0.0004 * 1.02) / n);
        Assert.InRange(sum / n, 0.5 - 4.5 * se, 0.5 + 4.5 * se);
    }

    [Fact]
    public void LogNormalSampleMeanMatchesItsTheoreticalMean()
    {
        // n = 100,000 draws of LogNormal(0.2, 0.5): mean exp(mu + sigma^2/2), variance (exp(sigma^2) - 1) mean^2,
        // se = sqrt(variance / n) ≈ 0.00210; tolerance 4.5 se.
        const int n = 100_000;
        const double mu = 0.2;
        const double sigma = 0.5;
        var stream = new RandomStream(4);
        double sum = 0.0;
        for (uint a = 0; a < n; a++)
        {
            sum += Distributions.LogNormal(stream, mu, sigma, 0, Purpose, a);
        }

        double mean = Math.Exp(mu + sigma * sigma / 2.0);
        double se = Math.Sqrt((Math.Exp(sigma * sigma) - 1.0) * mean * mean / n);
        Assert.InRange(sum / n, mean - 4.5 * se, mean + 4.5 * se);
    }

    [Fact]
    public void LogNormalIsExpOfTheScaledNormalWithTheSameCounter()
    {
        var stream = new RandomStream(12);
        double expected = Anarchy.Numerics.ExactMath.Exp(1.5 + 0.25 * stream.Normal(4, Purpose, 8, 2));

        Assert.Equal(expected, Distributions.LogNormal(stream, 1.5, 0.25, 4, Purpose, 8, 2));
    }

    [Fact]
    public void SamplersAreDeterministicFunctionsOfSeedAndCounter()
    {
        var first = new RandomStream(55);
        var second = new RandomStream(55);
        for (uint a = 0; a < 200; a++)
        {
            Assert.Equal(Distributions.Gamma(first, 0.7, 3, Purpose, a), Distributions.Gamma(second, 0.7, 3, Purpose, a));
            Assert.Equal(Distributions.Beta(first, 2.0, 3.0, 3, Purpose, a), Distributions.Beta(second, 2.0, 3.0, 3, Purpose, a));
        }

        Assert.NotEqual(Distributions.Gamma(first, 2.0, 3, Purpose, 0), Distributions.Gamma(first, 2.0, 3, Purpose + 1, 0));
    }

    [Fact]
    public void GammaUsesTheDocumentedCounterLayout()
    {
        // Shape >= 1: attempt k takes its normal from b = 2k and its uniform from b = 2k + 1.
        var stream = new RandomStream(101);
        const double shape = 3.0;
        for (uint a = 0; a < 100; a++)
        {
            Assert.Equal(ReferenceGamma(stream, shape, 0, Purpose, a, 0), Distributions.Gamma(stream, shape, 0, Purpose, a));
        }

        // Shape < 1: Gamma(shape + 1) times U^(1/shape) with U from b = 2000.
        for (uint a = 0; a < 100; a++)
        {
            double boost = Anarchy.Numerics.ExactMath.Pow(stream.Uniform(0, Purpose, a, 2000), 1.0 / 0.4);
            Assert.Equal(ReferenceGamma(stream, 1.4, 0, Purpose, a, 0) * boost, Distributions.Gamma(stream, 0.4, 0, Purpose, a));
        }

        // Beta: the second gamma starts at b = 2^20.
        for (uint a = 0; a < 100; a++)
        {
            double x = ReferenceGamma(stream, 2.0, 0, Purpose, a, 0);
            double y = ReferenceGamma(stream, 5.0, 0, Purpose, a, 1u << 20);
            Assert.Equal(x / (x + y), Distributions.Beta(stream, 2.0, 5.0, 0, Purpose, a));
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void SamplersRejectInvalidShapes(double shape)
    {
        var stream = new RandomStream(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Distributions.Gamma(stream, shape, 0, Purpose, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Distributions.Beta(stream, shape, 1.0, 0, Purpose, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Distributions.Beta(stream, 1.0, shape, 0, Purpose, 0));
    }

    /// <summary>Marsaglia–Tsang written out from the documented layout, for shape >= 1.</summary>
    private static double ReferenceGamma(RandomStream s, double shape, uint tick, uint purpose, uint a, uint bBase)
    {
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.Sqrt(9.0 * d);
        for (uint k = 0; k < 1000; k++)
        {
            double x = s.Normal(tick, purpose, a, bBase + 2 * k);
            double t = 1.0 + c * x;
            if (t > 0.0)
            {
                double v = t * t * t;
                double u = s.Uniform(tick, purpose, a, bBase + 2 * k + 1);
                if (Anarchy.Numerics.ExactMath.Log(u) < 0.5 * x * x + d - d * v + d * Anarchy.Numerics.ExactMath.Log(v))
                {
                    return d * v;
                }
            }
        }

        return d;
    }
}
