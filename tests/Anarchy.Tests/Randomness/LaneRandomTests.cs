using System.Runtime.Intrinsics;
using Anarchy.Randomness;

namespace Anarchy.Tests.Randomness;

/// <summary>Lane-parallel draws must have the scalar stream's bits for every seed and counter, tails included.</summary>
[Trait("Category", "Exactness")]
public class LaneRandomTests
{
    /// <summary>Seeds of every shape: small, with high words set, all ones, and random 64-bit values.</summary>
    private static ulong[] Seeds(int count)
    {
        var seeds = new ulong[count];
        var source = new RandomStream(0xC0FFEE);
        for (int l = 0; l < count; l++) seeds[l] = l < 3 ? (ulong)l : source.Bits(0, 1, (uint)l);
        seeds[count - 1] = ulong.MaxValue;
        return seeds;
    }

    [Fact]
    public void UniformsEqualTheScalarStream()
    {
        var seeds = Seeds(23); // not a multiple of the vector width: the remainder runs one at a time
        var lanes = new double[seeds.Length];
        for (uint tick = 0; tick < 200; tick += 7)
        {
            for (uint a = 0; a < 64; a++)
            {
                LaneRandom.Uniforms(seeds, tick, 5, a, a % 3, lanes);
                for (int l = 0; l < seeds.Length; l++)
                    Assert.Equal(BitConverter.DoubleToInt64Bits(new RandomStream(seeds[l]).Uniform(tick, 5, a, a % 3)), BitConverter.DoubleToInt64Bits(lanes[l]));
            }
        }
    }

    [Theory]
    [InlineData(8, 33, 1)] // a batch of 8 runs, one draw per state: 66 vectors, not a multiple of the four drawn at once
    [InlineData(16, 7, 3)] // several dimensions per state
    [InlineData(12, 5, 2)] // three vectors of runs
    [InlineData(6, 9, 2)] // runs not a multiple of 4: the scalar stream throughout
    public void GridsEqualTheScalarStreamAtEveryCounter(int runs, int aCount, int bCount)
    {
        var seeds = Seeds(runs);
        var normals = new double[aCount * bCount * runs];
        var uniforms = new double[aCount * bCount * runs];
        for (uint tick = 0; tick < 30; tick += 3)
        {
            LaneRandom.Normals(seeds, tick, 4, aCount, bCount, normals);
            LaneRandom.Uniforms(seeds, tick, 6, aCount, bCount, uniforms);
            for (int a = 0; a < aCount; a++)
            {
                for (int b = 0; b < bCount; b++)
                {
                    for (int l = 0; l < runs; l++)
                    {
                        var stream = new RandomStream(seeds[l]);
                        int at = (a * bCount + b) * runs + l;
                        Assert.Equal(BitConverter.DoubleToInt64Bits(stream.Normal(tick, 4, (uint)a, (uint)b)), BitConverter.DoubleToInt64Bits(normals[at]));
                        Assert.Equal(BitConverter.DoubleToInt64Bits(stream.Uniform(tick, 6, (uint)a, (uint)b)), BitConverter.DoubleToInt64Bits(uniforms[at]));
                    }
                }
            }
        }
    }

    [Fact]
    public void NormalsEqualTheScalarStreamInTheCentreAndBothTails()
    {
        // 40 ticks x 64 states x 24 seeds = 61,440 normals: about 9,000 in the tails (|q| > 0.425, 15% of draws)
        // and a few hundred beyond |z| = 2.5, where the far polynomial of the tail is nearest its switch.
        var seeds = Seeds(24);
        var lanes = new double[seeds.Length];
        int tails = 0;
        for (uint tick = 0; tick < 40; tick++)
        {
            for (uint a = 0; a < 64; a++)
            {
                LaneRandom.Normals(seeds, tick, 1, a, 0, lanes);
                for (int l = 0; l < seeds.Length; l++)
                {
                    double expected = new RandomStream(seeds[l]).Normal(tick, 1, a);
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(lanes[l]));
                    if (Math.Abs(expected) > 1.44) tails++;
                }
            }
        }
        Assert.InRange(tails, 8_000, 10_500);
    }

    [Fact]
    public void InverseNormalCdfEqualsTheScalarOneToTheExtremeUniforms()
    {
        if (!LaneRandom.IsVectorised) return; // the scalar stream is then used, which is the definition
        // The extremes a uniform can take, the switch points of AS241 (|q| = 0.425, r = 5) and the far tail.
        double tiny = Math.ScaleB(1, -53);
        double[] probabilities =
        [
            tiny, 1 - tiny, 3 * tiny, 1e-15, 1e-12, 1.3887943864964021e-11, 1.4e-11, 1e-9, 1e-6, 0.001,
            0.075, 0.07499999999999999, 0.075000000000000011, 0.5 - 0.425, 0.5 + 0.425, 0.3, 0.5 + 1e-16, 0.999, 1 - 1e-12, 0.925,
        ];
        for (int x = 0; x + 4 <= probabilities.Length; x += 4)
        {
            var lanes = LaneRandom.InverseNormalCdf(Vector256.Create(probabilities.AsSpan(x, 4)));
            for (int t = 0; t < 4; t++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(Anarchy.Numerics.ExactMath.InverseNormalCdf(probabilities[x + t])),
                    BitConverter.DoubleToInt64Bits(lanes.GetElement(t)));
            }
        }
    }
}
