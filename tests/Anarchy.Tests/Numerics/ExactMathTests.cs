using Anarchy.Numerics;
using Anarchy.Randomness;
using CsCheck;

namespace Anarchy.Tests.Numerics;

public class ExactMathTests
{
    private const int AccuracySamples = 1_000_000;

    // Test arguments come from a fixed Philox stream, so every run checks the same points.
    private static readonly RandomStream Points = new(0x5EED_0001UL);

    [Fact]
    public void ExpIsWithinOneUlpOfThePlatformLibraryOverItsNormalRange()
    {
        long worst = 0;
        for (uint i = 0; i < AccuracySamples; i++)
        {
            // Three in four arguments spread over [-708, 709], one in four over [-1, 1] where |r| is not reduced.
            double u = Points.Uniform(0, 1, i);
            double x = i % 4 == 0 ? 2.0 * u - 1.0 : -708.0 + 1417.0 * u;
            worst = Math.Max(worst, UlpDistance(ExactMath.Exp(x), Math.Exp(x)));
        }

        Assert.True(worst <= 1, $"max distance {worst} ulp");
    }

    [Fact]
    public void LogIsWithinOneUlpOfThePlatformLibraryOnPositiveNormals()
    {
        long worst = 0;
        for (uint i = 0; i < AccuracySamples; i++)
        {
            double x;
            if (i % 4 == 0)
            {
                // Near 1, where log's relative error is hardest to keep small.
                x = 0.7 + 0.6 * Points.Uniform(0, 2, i);
            }
            else
            {
                // Any biased exponent 1..2046 with a random mantissa: every positive normal binade.
                ulong bits = Points.Bits(0, 3, i);
                long exponent = 1 + (long)(bits % 2046);
                x = BitConverter.Int64BitsToDouble((exponent << 52) | (long)(bits >> 12));
            }

            worst = Math.Max(worst, UlpDistance(ExactMath.Log(x), Math.Log(x)));
        }

        Assert.True(worst <= 1, $"max distance {worst} ulp");
    }

    [Fact]
    public void LogIsWithinOneUlpOfThePlatformLibraryOnSubnormals()
    {
        long worst = 0;
        for (uint i = 0; i < 100_000; i++)
        {
            double x = BitConverter.Int64BitsToDouble(1 + (long)(Points.Bits(0, 4, i) >> 12));
            worst = Math.Max(worst, UlpDistance(ExactMath.Log(x), Math.Log(x)));
        }

        Assert.True(worst <= 1, $"max distance {worst} ulp");
    }

    [Fact]
    public void PowIsWithinOneUlpOfThePlatformLibrary()
    {
        long worst = 0;
        int compared = 0;
        for (uint i = 0; i < AccuracySamples; i++)
        {
            double u = Points.Uniform(0, 5, i);
            double v = Points.Uniform(0, 6, i);
            (double x, double y) = (i % 3) switch
            {
                0 => (Math.Exp(60.0 * u - 30.0), 40.0 * v - 20.0),   // bases e^-30..e^30, exponents -20..20
                1 => (u, 1.0 / (0.01 + v)),                            // the Gamma boost U^(1/shape)
                _ => (1.0 + (u - 0.5) * 1e-6, (v - 0.5) * 1e9),        // bases near 1, huge exponents
            };
            double expected = Math.Pow(x, y);
            if (!(expected >= 2.2250738585072014e-308) || double.IsPositiveInfinity(expected))
            {
                continue; // subnormal, zero and overflowing results are checked separately
            }

            compared++;
            worst = Math.Max(worst, UlpDistance(ExactMath.Pow(x, y), expected));
        }

        Assert.True(compared > AccuracySamples / 2);
        Assert.True(worst <= 1, $"max distance {worst} ulp");
    }

    [Fact]
    public void ExpHandlesSpecialValuesAndTheEdgesOfItsRange()
    {
        Assert.Equal(1.0, ExactMath.Exp(0.0));
        Assert.Equal(1.0, ExactMath.Exp(-0.0));
        Assert.Equal(Math.E, ExactMath.Exp(1.0));
        Assert.True(double.IsNaN(ExactMath.Exp(double.NaN)));
        Assert.Equal(double.PositiveInfinity, ExactMath.Exp(double.PositiveInfinity));
        Assert.Equal(0.0, ExactMath.Exp(double.NegativeInfinity));
        Assert.Equal(double.PositiveInfinity, ExactMath.Exp(709.8));
        Assert.Equal(double.PositiveInfinity, ExactMath.Exp(1e308));
        Assert.Equal(0.0, ExactMath.Exp(-745.2));
        Assert.Equal(0.0, ExactMath.Exp(-1e308));
        Assert.True(ExactMath.Exp(709.78) < double.PositiveInfinity);
        Assert.True(UlpDistance(ExactMath.Exp(709.78), Math.Exp(709.78)) <= 1);
        Assert.Equal(double.Epsilon, ExactMath.Exp(-745.1)); // rounds to the smallest subnormal

        // Subnormal results are rounded once, like the platform's.
        for (double x = -745.0; x < -708.0; x += 0.37)
        {
            Assert.True(UlpDistance(ExactMath.Exp(x), Math.Exp(x)) <= 1, $"x = {x}");
        }
    }

    [Fact]
    public void LogHandlesSpecialValues()
    {
        Assert.Equal(0.0, ExactMath.Log(1.0));
        Assert.False(double.IsNegative(ExactMath.Log(1.0)));
        Assert.Equal(1.0, ExactMath.Log(Math.E));
        Assert.Equal(double.NegativeInfinity, ExactMath.Log(0.0));
        Assert.Equal(double.NegativeInfinity, ExactMath.Log(-0.0));
        Assert.True(double.IsNaN(ExactMath.Log(-1.0)));
        Assert.True(double.IsNaN(ExactMath.Log(-double.Epsilon)));
        Assert.True(double.IsNaN(ExactMath.Log(double.NegativeInfinity)));
        Assert.True(double.IsNaN(ExactMath.Log(double.NaN)));
        Assert.Equal(double.PositiveInfinity, ExactMath.Log(double.PositiveInfinity));
        Assert.Equal(Math.Log(double.MaxValue), ExactMath.Log(double.MaxValue));
        Assert.Equal(Math.Log(double.Epsilon), ExactMath.Log(double.Epsilon));
    }

    [Fact]
    public void LogOfPowersOfTwoIsExactlyTheMultipleOfLn2()
    {
        for (int k = -1074; k <= 1023; k++)
        {
            double x = Math.ScaleB(1.0, k);
            Assert.True(UlpDistance(ExactMath.Log(x), Math.Log(x)) <= 1, $"2^{k}");
        }
    }

    [Fact]
    public void PowReturnsTheBaseExactlyForExponentOne() =>
        Gen.Double[double.Epsilon, double.MaxValue].Sample(x => Assert.Equal(x, ExactMath.Pow(x, 1.0)), iter: 10_000);

    [Fact]
    public void PowHandlesSpecialValues()
    {
        Assert.Equal(1.0, ExactMath.Pow(3.7, 0.0));
        Assert.Equal(1.0, ExactMath.Pow(3.7, -0.0));
        Assert.Equal(1.0, ExactMath.Pow(double.NaN, 0.0));
        Assert.Equal(1.0, ExactMath.Pow(1.0, double.NaN));
        Assert.Equal(1.0, ExactMath.Pow(1.0, double.PositiveInfinity));
        Assert.Equal(1024.0, ExactMath.Pow(2.0, 10.0));
        Assert.Equal(0.125, ExactMath.Pow(2.0, -3.0));
        Assert.Equal(Math.Sqrt(3.0), ExactMath.Pow(3.0, 0.5));
        Assert.True(double.IsNaN(ExactMath.Pow(-2.0, 2.0)));
        Assert.True(double.IsNaN(ExactMath.Pow(2.0, double.NaN)));
        Assert.True(double.IsNaN(ExactMath.Pow(double.NaN, 2.0)));
        Assert.Equal(0.0, ExactMath.Pow(0.0, 2.5));
        Assert.Equal(double.PositiveInfinity, ExactMath.Pow(0.0, -2.5));
        Assert.Equal(double.PositiveInfinity, ExactMath.Pow(double.PositiveInfinity, 0.5));
        Assert.Equal(0.0, ExactMath.Pow(double.PositiveInfinity, -0.5));
        Assert.Equal(double.PositiveInfinity, ExactMath.Pow(2.0, double.PositiveInfinity));
        Assert.Equal(0.0, ExactMath.Pow(0.5, double.PositiveInfinity));
        Assert.Equal(0.0, ExactMath.Pow(2.0, double.NegativeInfinity));
        Assert.Equal(double.PositiveInfinity, ExactMath.Pow(0.5, double.NegativeInfinity));
        Assert.Equal(double.PositiveInfinity, ExactMath.Pow(10.0, 309.0));
        Assert.Equal(double.PositiveInfinity, ExactMath.Pow(1.0000001, 1e12));
        Assert.Equal(0.0, ExactMath.Pow(10.0, -324.0));
        Assert.Equal(0.0, ExactMath.Pow(0.9999999, 1e12));
        Assert.Equal(double.Epsilon, ExactMath.Pow(2.0, -1074.0));
        Assert.Equal(double.MaxValue, ExactMath.Pow(double.MaxValue, 1.0));
        Assert.True(UlpDistance(ExactMath.Pow(1e-310, 0.5), Math.Sqrt(1e-310)) <= 1); // subnormal base
    }

    [Fact]
    public void InverseNormalCdfMatchesMathNetInTheCentralRegion()
    {
        // AS241 is accurate to about 1e-16; MathNet's erfc-based quantile to about 1e-15. Tolerance 1e-12 relative.
        for (int i = 1; i < 10_000; i++)
        {
            double p = 0.075 + 0.85 * i / 10_000.0;
            double expected = MathNet.Numerics.Distributions.Normal.InvCDF(0.0, 1.0, p);
            double actual = ExactMath.InverseNormalCdf(p);
            Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Abs(expected) + 1e-300, $"p = {p}: {actual} vs {expected}");
        }
    }

    [Fact]
    public void InverseNormalCdfMatchesMathNetInTheTails()
    {
        // Tails down to p = 1e-300 (z about -37) and up to 1 - 1e-15. Tolerance 1e-10 relative: the reference's
        // own accuracy degrades there, and the tail results of the simulation only need to be well-formed.
        for (int e = 1; e <= 300; e++)
        {
            foreach (double mantissa in new[] { 1.0, 2.5, 7.3 })
            {
                double p = mantissa * Math.Pow(10.0, -e);
                if (p >= 0.075)
                {
                    continue;
                }

                double expected = MathNet.Numerics.Distributions.Normal.InvCDF(0.0, 1.0, p);
                double actual = ExactMath.InverseNormalCdf(p);
                Assert.True(Math.Abs(actual - expected) <= 1e-10 * Math.Abs(expected), $"p = {p}: {actual} vs {expected}");

                if (e <= 15)
                {
                    double upper = 1.0 - p;
                    double expectedUpper = MathNet.Numerics.Distributions.Normal.InvCDF(0.0, 1.0, upper);
                    Assert.True(
                        Math.Abs(ExactMath.InverseNormalCdf(upper) - expectedUpper) <= 1e-10 * Math.Abs(expectedUpper),
                        $"p = {upper}");
                }
            }
        }
    }

    [Fact]
    public void InverseNormalCdfHasKnownQuantilesAndDomain()
    {
        Assert.Equal(0.0, ExactMath.InverseNormalCdf(0.5));
        Assert.Equal(1.959963984540054, ExactMath.InverseNormalCdf(0.975), 14);
        Assert.Equal(-2.3263478740408408, ExactMath.InverseNormalCdf(0.01), 14);
        Assert.Equal(double.NegativeInfinity, ExactMath.InverseNormalCdf(0.0));
        Assert.Equal(double.PositiveInfinity, ExactMath.InverseNormalCdf(1.0));
        Assert.True(double.IsNaN(ExactMath.InverseNormalCdf(-0.1)));
        Assert.True(double.IsNaN(ExactMath.InverseNormalCdf(1.1)));
        Assert.True(double.IsNaN(ExactMath.InverseNormalCdf(double.NaN)));
        Assert.True(double.IsFinite(ExactMath.InverseNormalCdf(double.Epsilon)));
    }

    [Fact]
    public void InverseNormalCdfIsAntisymmetricAboutOneHalf()
    {
        // For every probability a RandomStream can produce, (m + 0.5) * 2^-52, both p and 1 - p are exact and the
        // quantiles are exact negatives.
        Gen.ULong.Sample(
            bits =>
            {
                double p = ((bits >> 12) + 0.5) * Math.ScaleB(1.0, -52);
                Assert.Equal(-ExactMath.InverseNormalCdf(p), ExactMath.InverseNormalCdf(1.0 - p));
            },
            iter: 10_000);

        // For other probabilities, 1 - p is rounded, so the symmetry is approximate.
        for (int i = 1; i < 1000; i++)
        {
            double p = i / 1000.0 + 1e-7;
            Assert.Equal(-ExactMath.InverseNormalCdf(p), ExactMath.InverseNormalCdf(1.0 - p), 9);
        }
    }

    [Fact]
    public void InverseNormalCdfIsIncreasing()
    {
        double previous = double.NegativeInfinity;
        for (int i = 1; i < 100_000; i++)
        {
            double current = ExactMath.InverseNormalCdf(i / 100_000.0);
            Assert.True(current > previous, $"at {i}");
            previous = current;
        }
    }

    /// <summary>The number of doubles between a and b (0 when equal), for finite values of the same sign.</summary>
    private static long UlpDistance(double a, double b)
    {
        if (a == b)
        {
            return 0;
        }

        if (!double.IsFinite(a) || !double.IsFinite(b))
        {
            return long.MaxValue;
        }

        return Math.Abs(Ordered(a) - Ordered(b));
    }

    private static long Ordered(double d)
    {
        long bits = BitConverter.DoubleToInt64Bits(d);
        return bits < 0 ? long.MinValue - bits : bits;
    }
}
