using Anarchy.Randomness;

namespace Anarchy.Tests.Randomness;

public class SeedSequenceTests
{
    [Fact]
    public void DerivedSeedsAreDistinctOverAGridOfPointsAndReplicates()
    {
        // 200 points x 200 replicates = 40,000 seeds, plus points and replicates beyond 2^32.
        var seen = new HashSet<ulong>();
        for (ulong point = 0; point < 200; point++)
        {
            for (ulong replicate = 0; replicate < 200; replicate++)
            {
                Assert.True(seen.Add(SeedSequence.Derive(12345, point, replicate)), $"({point}, {replicate})");
            }
        }

        Assert.True(seen.Add(SeedSequence.Derive(12345, 1UL << 32, 0)));
        Assert.True(seen.Add(SeedSequence.Derive(12345, 0, 1UL << 32)));
    }

    [Fact]
    public void DerivedSeedsDependOnTheMasterSeed()
    {
        for (ulong replicate = 0; replicate < 100; replicate++)
        {
            Assert.NotEqual(SeedSequence.Derive(1, 0, replicate), SeedSequence.Derive(2, 0, replicate));
            Assert.NotEqual(SeedSequence.Derive(1UL << 32, 0, replicate), SeedSequence.Derive(1, 0, replicate));
        }
    }

    [Fact]
    public void DerivationIsRepeatableAndTheTwoArgumentFormUsesPointZero()
    {
        Assert.Equal(SeedSequence.Derive(99, 3, 4), SeedSequence.Derive(99, 3, 4));
        for (ulong replicate = 0; replicate < 100; replicate++)
        {
            Assert.Equal(SeedSequence.Derive(99, 0, replicate), SeedSequence.Derive(99, replicate));
        }
    }

    [Fact]
    public void DerivationIsTheDocumentedPhiloxBlock()
    {
        const ulong master = 0x0123_4567_89AB_CDEFUL;
        Philox4x32.Output block = Philox4x32.Block(5, 0, 6, 0 ^ SeedSequence.DomainSeparation, 0x89AB_CDEF, 0x0123_4567);

        Assert.Equal(((ulong)block.X0 << 32) | block.X1, SeedSequence.Derive(master, 5, 6));
    }

    [Fact]
    public void DerivationBlocksDifferFromModelDrawsWithTheMasterSeedAsKey()
    {
        // A model draw with counter (point, 0, replicate, 0) under the same key is a different block.
        const ulong master = 777;
        var stream = new RandomStream(master);
        for (uint i = 0; i < 100; i++)
        {
            Assert.NotEqual(stream.Bits(i, 0, i, 0), SeedSequence.Derive(master, i, i));
        }
    }
}
