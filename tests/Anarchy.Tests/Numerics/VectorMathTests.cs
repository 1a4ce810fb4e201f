using System.Runtime.Intrinsics;
using Anarchy.Numerics;

namespace Anarchy.Tests.Numerics;

/// <summary>The vector power has the scalar power's bits in every lane (rerun in CI without AVX-512, AVX2 and any
/// hardware intrinsics).</summary>
[Trait("Category", "Exactness")]
public class VectorMathTests
{
    [Fact]
    public void TheVectorPowerHasTheScalarPowersBitsInEveryLane()
    {
        // Strengths from subnormal to huge, the exponents the contest function allows (0.1 to 10) and a few beyond,
        // and the special inputs the function resolves by selection (x = 0, x = 1, y = 0, y = 1, overflow,
        // underflow). 200,000 random pairs: a lane computing one operation differently would show within them.
        var random = new Random(20261207);
        var xs = new List<double> { 0, 1, 1e-320, 2.2250738585072014e-308, 0.5, 1.5, 2, 3, 1e300, 1e-300, double.MaxValue, 1.0000000000000002, 0.9999999999999999 };
        var ys = new List<double> { 0, 1, 0.1, 0.5, 1.5, 2, 3.7, 10, -0.5, -2, 700, -700, 1e-10 };
        var pairs = new List<(double X, double Y)>();
        foreach (double x in xs) foreach (double y in ys) pairs.Add((x, y));
        for (int k = 0; k < 200_000; k++)
        {
            double x = Math.Pow(10, random.NextDouble() * 40 - 20) * (k % 7 == 0 ? 1e-290 : 1);
            double y = k % 3 == 0 ? 0.1 + random.NextDouble() * 9.9 : random.NextDouble() * 4;
            pairs.Add((x, y));
        }
        while (pairs.Count % 8 != 0) pairs.Add((2, 2));

        int mismatches = 0;
        for (int at = 0; at < pairs.Count; at += 8)
        {
            var x = new double[8];
            var y = new double[8];
            for (int l = 0; l < 8; l++) (x[l], y[l]) = pairs[at + l];
            var wide = VectorMath.Pow(Vector512.Create(x), Vector512.Create(y));
            var narrow = VectorMath.Pow(Vector256.Create(x, 0), Vector256.Create(y, 0));
            for (int l = 0; l < 8; l++)
            {
                long expected = BitConverter.DoubleToInt64Bits(ExactMath.Pow(x[l], y[l]));
                if (BitConverter.DoubleToInt64Bits(wide[l]) != expected) mismatches++;
                if (l < 4 && BitConverter.DoubleToInt64Bits(narrow[l]) != expected) mismatches++;
            }
        }
        Assert.Equal(0, mismatches);
    }
}
