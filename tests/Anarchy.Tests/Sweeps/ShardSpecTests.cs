using Anarchy.Sweeps;

namespace Anarchy.Tests.Sweeps;

public sealed class ShardSpecTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void ShardsCoverEveryPointOnceInOrder()
    {
        for (int n = 1; n <= 7; n++)
        {
            var covered = Enumerable.Range(1, n).SelectMany(k =>
            {
                var (first, end) = new ShardSpec(k, n).PointRange(20);
                return Enumerable.Range(first, end - first);
            }).ToList();
            Assert.Equal(Enumerable.Range(0, 20), covered);
        }
    }

    [Theory]
    [InlineData("4/3")]
    [InlineData("0/3")]
    [InlineData("two/3")]
    [InlineData("3")]
    public void ABadShardIsRefusedNamingTheOption(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => ShardSpec.Resolve(text, null, Env()));
        Assert.Contains("--shard", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SlurmJobArraysAndKubernetesIndexedJobsGiveTheShard()
    {
        Assert.Equal(new ShardSpec(3, 4), ShardSpec.Resolve(null, null, Env(("SLURM_ARRAY_TASK_ID", "12"), ("SLURM_ARRAY_TASK_MIN", "10"), ("SLURM_ARRAY_TASK_COUNT", "4"))));
        Assert.Equal(new ShardSpec(1, 5), ShardSpec.Resolve(null, 5, Env(("JOB_COMPLETION_INDEX", "0"))));
        Assert.Equal(new ShardSpec(2, 3), ShardSpec.Resolve("2/3", null, Env(("SLURM_ARRAY_TASK_ID", "7"))));
        Assert.Null(ShardSpec.Resolve(null, null, Env()));
        Assert.Throws<ArgumentException>(() => ShardSpec.Resolve(null, null, Env(("JOB_COMPLETION_INDEX", "0"))));
    }
}
