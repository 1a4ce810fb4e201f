using Anarchy.Randomness;
using CsCheck;

namespace Anarchy.Tests.Randomness;

public class RandomStreamTests
{
    private const uint Purpose = 7;

    [Fact]
    public void BitsAreTheFirstTwoWordsOfThePhiloxBlockKeyedBySeed()
    {
        var stream = new RandomStream(0x299f31d0_a4093822UL);
        Philox4x32.Output block = Philox4x32.Block(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0);

        Assert.Equal(0xd16cfe09_94fdccebUL, stream.Bits(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344));
        Assert.Equal(block, stream.Block(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344));
        Assert.Equal(0x299f31d0_a4093822UL, stream.Seed);
    }

    [Fact]
    public void SameSeedAndCountersGiveTheSameBits()
    {
        var first = new RandomStream(42);
        var second = new RandomStream(42);

        for (uint a = 0; a < 1000; a++)
        {
            Assert.Equal(first.Bits(3, Purpose, a, 1), second.Bits(3, Purpose, a, 1));
            Assert.Equal(first.Uniform(3, Purpose, a), second.Uniform(3, Purpose, a));
            Assert.Equal(first.Normal(3, Purpose, a), second.Normal(3, Purpose, a));
        }
    }

    [Fact]
    public void DrawsDoNotDependOnTheOrderInWhichTheyAreMade()
    {
        var stream = new RandomStream(2024);
        var forward = new double[500];
        var backward = new double[500];

        for (uint a = 0; a < forward.Length; a++)
        {
            forward[a] = stream.Uniform(9, Purpose, a);
        }

        for (uint a = (uint)backward.Length; a-- > 0;)
        {
            _ = stream.Normal(9, Purpose + 1, a); // interleaved draws for another purpose change nothing
            backward[a] = stream.Uniform(9, Purpose, a);
        }

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void DifferentPurposeTickAgentSubDrawOrSeedGiveDifferentBits()
    {
        var stream = new RandomStream(1);
        ulong reference = stream.Bits(5, Purpose, 11, 0);

        Assert.NotEqual(reference, stream.Bits(5, Purpose + 1, 11, 0));
        Assert.NotEqual(reference, stream.Bits(6, Purpose, 11, 0));
        Assert.NotEqual(reference, stream.Bits(5, Purpose, 12, 0));
        Assert.NotEqual(reference, stream.Bits(5, Purpose, 11, 1));
        Assert.NotEqual(reference, new RandomStream(2).Bits(5, Purpose, 11, 0));
    }

    [Fact]
    public void UniformLiesStrictlyInsideTheUnitInterval() =>
        Gen.Select(Gen.ULong, Gen.UInt, Gen.UInt, Gen.UInt).Sample(
            (seed, tick, purpose, a) =>
            {
                double u = new RandomStream(seed).Uniform(tick, purpose, a);
                Assert.True(u > 0.0 && u < 1.0, $"{u}");
            },
            iter: 100_000);

    [Fact]
    public void UniformMapsTheExtremeBitPatternsToHalfAStepInsideTheInterval()
    {
        Assert.Equal(Math.ScaleB(1.0, -53), RandomStream.ToUniform(0UL));
        Assert.Equal(1.0 - Math.ScaleB(1.0, -53), RandomStream.ToUniform(ulong.MaxValue));
        Assert.True(RandomStream.ToUniform(ulong.MaxValue) < 1.0);
        Assert.Equal(0.5 + Math.ScaleB(1.0, -53), RandomStream.ToUniform(1UL << 63));
    }

    [Fact]
    public void UniformMeanIsOneHalf()
    {
        // n = 100,000 draws; standard error se = sqrt(1/12/n) ≈ 0.000913; tolerance 4.5 se.
        const int n = 100_000;
        var stream = new RandomStream(0xA11CE);
        double sum = 0.0;
        for (uint a = 0; a < n; a++)
        {
            sum += stream.Uniform(0, Purpose, a);
        }

        double se = Math.Sqrt(1.0 / 12.0 / n);
        Assert.InRange(sum / n, 0.5 - 4.5 * se, 0.5 + 4.5 * se);
    }

    [Fact]
    public void UniformFillsEachTenthOfTheIntervalEvenly()
    {
        // n = 100,000 draws in 10 bins; each count is Binomial(n, 0.1) with sd = sqrt(n * 0.1 * 0.9) ≈ 94.9;
        // tolerance 4.5 sd per bin.
        const int n = 100_000;
        var stream = new RandomStream(77);
        var counts = new int[10];
        for (uint a = 0; a < n; a++)
        {
            counts[(int)(stream.Uniform(1, Purpose, a) * 10.0)]++;
        }

        double sd = Math.Sqrt(n * 0.1 * 0.9);
        Assert.All(counts, c => Assert.InRange(c, n * 0.1 - 4.5 * sd, n * 0.1 + 4.5 * sd));
    }

    [Fact]
    public void NormalHasMeanZeroAndVarianceOne()
    {
        // n = 100,000 draws. Mean: se = sqrt(1/n) ≈ 0.00316, tolerance 4.5 se.
        // Variance: se of the sample variance ≈ sqrt(2/n) ≈ 0.00447, tolerance 4.5 se.
        const int n = 100_000;
        var stream = new RandomStream(0xB0B);
        double sum = 0.0;
        double sumSquares = 0.0;
        for (uint a = 0; a < n; a++)
        {
            double z = stream.Normal(0, Purpose, a);
            sum += z;
            sumSquares += z * z;
        }

        double mean = sum / n;
        double variance = (sumSquares - n * mean * mean) / (n - 1);
        Assert.InRange(mean, -4.5 * Math.Sqrt(1.0 / n), 4.5 * Math.Sqrt(1.0 / n));
        Assert.InRange(variance, 1.0 - 4.5 * Math.Sqrt(2.0 / n), 1.0 + 4.5 * Math.Sqrt(2.0 / n));
    }

    [Fact]
    public void NormalIsTheInverseCdfOfTheUniformWithTheSameCounter()
    {
        var stream = new RandomStream(5);
        for (uint a = 0; a < 1000; a++)
        {
            Assert.Equal(
                Anarchy.Numerics.ExactMath.InverseNormalCdf(stream.Uniform(2, Purpose, a, 3)),
                stream.Normal(2, Purpose, a, 3));
        }
    }

    [Fact]
    public void StreamsAreEqualExactlyWhenTheirSeedsAre()
    {
        Assert.Equal(new RandomStream(9), new RandomStream(9));
        Assert.True(new RandomStream(9) == new RandomStream(9));
        Assert.True(new RandomStream(9) != new RandomStream(10));
        Assert.Equal(new RandomStream(9).GetHashCode(), new RandomStream(9).GetHashCode());
    }
}
