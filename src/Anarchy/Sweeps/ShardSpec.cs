using System.Globalization;

namespace Anarchy.Sweeps;

/// <summary>
/// Which share of a sweep one process runs: shard <see cref="Index"/> of <see cref="Count"/> (1-based) takes a
/// contiguous range of points, so concatenating the shards in order gives the single-process output.
/// </summary>
public readonly record struct ShardSpec(int Index, int Count)
{
    public static ShardSpec Whole => new(1, 1);

    public bool IsWhole => Count == 1;

    /// <summary>Points [First, End) of <paramref name="points"/> belong to this shard.</summary>
    public (int First, int End) PointRange(int points) =>
        ((int)((long)(Index - 1) * points / Count), (int)((long)Index * points / Count));

    public override string ToString() => $"{Index}/{Count}";

    /// <summary>
    /// The shard from <c>--shard K/N</c>, or from the cluster's environment: Slurm job arrays
    /// (<c>SLURM_ARRAY_TASK_ID</c> relative to <c>SLURM_ARRAY_TASK_MIN</c>, with <c>SLURM_ARRAY_TASK_COUNT</c>) or
    /// Kubernetes Indexed Jobs (<c>JOB_COMPLETION_INDEX</c>, 0-based, with <c>--shards N</c>). Null for no sharding.
    /// Throws <see cref="ArgumentException"/> with a message naming the option or variable.
    /// </summary>
    public static ShardSpec? Resolve(string? shard, int? shards, Func<string, string?> environment)
    {
        if (shard is not null) return Parse(shard);
        if (environment("SLURM_ARRAY_TASK_ID") is { } id)
        {
            int task = Int("SLURM_ARRAY_TASK_ID", id);
            int min = environment("SLURM_ARRAY_TASK_MIN") is { } m ? Int("SLURM_ARRAY_TASK_MIN", m) : 0;
            int count = shards ?? (environment("SLURM_ARRAY_TASK_COUNT") is { } c ? Int("SLURM_ARRAY_TASK_COUNT", c)
                : throw new ArgumentException("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; pass --shards N"));
            return Checked(task - min + 1, count, $"SLURM_ARRAY_TASK_ID={task} (min {min}, count {count})");
        }
        if (environment("JOB_COMPLETION_INDEX") is { } index)
        {
            int k = Int("JOB_COMPLETION_INDEX", index);
            if (shards is not { } n)
                throw new ArgumentException("JOB_COMPLETION_INDEX is set: pass --shards N (the Indexed Job's completions)");
            return Checked(k + 1, n, $"JOB_COMPLETION_INDEX={k} with --shards {n}");
        }
        if (shards is { } only && only != 1)
            throw new ArgumentException($"--shards {only}: give --shard K/{only}, or run inside a Slurm job array or Kubernetes Indexed Job");
        return null;
    }

    /// <summary>Parses <c>K/N</c>.</summary>
    public static ShardSpec Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            throw new ArgumentException($"--shard: value '{text}' is not of the form K/N, for example 2/8");
        return Checked(k, n, $"--shard {text}");
    }

    private static ShardSpec Checked(int k, int n, string source)
    {
        if (n < 1 || n > 100_000)
            throw new ArgumentException($"{source}: the shard count {n} is outside the allowed range [1, 100000]");
        if (k < 1 || k > n)
            throw new ArgumentException($"{source}: shard {k} is outside the allowed range [1, {n}]");
        return new ShardSpec(k, n);
    }

    private static int Int(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v
            : throw new ArgumentException($"{name}: value '{value}' is not an integer");
}
