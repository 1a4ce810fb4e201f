using Anarchy.Numerics;

namespace Anarchy.Randomness;

/// <summary>
/// Samplers built on <see cref="RandomStream"/> whose results depend only on the stream's seed and the counter
/// (tick, purpose, a) supplied by the caller.
/// </summary>
/// <remarks>
/// <para>
/// A sampler that needs several uniforms takes them from the same (tick, purpose, a) with the sub-draw counter
/// b = 0, 1, 2, …, so the caller must reserve <c>purpose</c> for that sampler at that (tick, a) and use no other
/// b under it. The b layout of each sampler is fixed and documented on the method, because a vector kernel must
/// consume exactly the same counters.
/// </para>
/// <para>
/// Gamma layout, relative to a base B (0 for <see cref="Gamma"/>): attempt k = 0, 1, …, 999 of Marsaglia and Tsang's
/// method takes its normal from b = B + 2k and its uniform from b = B + 2k + 1; the extra uniform of the shape &lt; 1
/// boost comes from b = B + 2000. <see cref="Beta"/> uses B = 0 for its first gamma and B = 2^20 for its second.
/// All b stay below 2^21.
/// </para>
/// </remarks>
public static class Distributions
{
    /// <summary>Attempts of Marsaglia–Tsang before the deterministic fallback (each succeeds with probability ≥ 0.95).</summary>
    public const int MaxGammaAttempts = 1000;

    /// <summary>The b offset, from a gamma's base, of the uniform used by the shape &lt; 1 boost.</summary>
    public const uint GammaBoostOffset = 2 * MaxGammaAttempts;

    /// <summary>The b base of the second gamma of <see cref="Beta"/> (the first uses base 0).</summary>
    public const uint BetaSecondGammaBase = 1u << 20;

    private const double SmallestNormal = 2.2250738585072014e-308; // 2^-1022

    /// <summary>A gamma variate with the given shape and scale 1 (mean = variance = shape).</summary>
    /// <param name="s">The run's stream.</param>
    /// <param name="shape">The shape, positive and finite.</param>
    /// <param name="tick">The simulation step.</param>
    /// <param name="purpose">A purpose reserved for this sampler.</param>
    /// <param name="a">Usually the agent index.</param>
    /// <returns>A positive variate (it can underflow to 0 for shapes far below 1).</returns>
    /// <remarks>
    /// <para>
    /// For shape ≥ 1, Marsaglia and Tsang (2000): d = shape - 1/3, c = 1 / √(9d); attempt k draws
    /// x = Normal(b = 2k) and, if t = 1 + c·x &gt; 0, v = (t·t)·t and u = Uniform(b = 2k + 1), and accepts d·v when
    /// Log(u) &lt; (((0.5·x)·x + d) - d·v) + d·Log(v). The squeeze test is not used, so acceptance is decided by this
    /// expression alone. After <see cref="MaxGammaAttempts"/> rejections (probability below 10^-1300) the result is d.
    /// </para>
    /// <para>
    /// For shape &lt; 1: Gamma(shape + 1) as above, times Pow(Uniform(b = 2000), 1 / shape).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shape"/> is not positive and finite.</exception>
    public static double Gamma(in RandomStream s, double shape, uint tick, uint purpose, uint a)
    {
        CheckShape(shape, nameof(shape));
        return GammaFrom(s, shape, tick, purpose, a, 0);
    }

    /// <summary>A beta variate, X / (X + Y) with X ~ Gamma(alpha) and Y ~ Gamma(beta).</summary>
    /// <param name="s">The run's stream.</param>
    /// <param name="alpha">The first shape, positive and finite.</param>
    /// <param name="beta">The second shape, positive and finite.</param>
    /// <param name="tick">The simulation step.</param>
    /// <param name="purpose">A purpose reserved for this sampler.</param>
    /// <param name="a">Usually the agent index.</param>
    /// <returns>A variate in [0, 1] (mean alpha / (alpha + beta)).</returns>
    /// <remarks>
    /// X uses the gamma layout with base b = 0 and Y with base b = <see cref="BetaSecondGammaBase"/> (2^20), so
    /// the two never share a counter. When X + Y is below the smallest normal double (possible only when both shapes
    /// are far below 1 and both gammas underflowed), the result is computed from logarithms instead:
    /// 1 / (1 + Exp(ln Y - ln X)), with ln X = Log(G) + Log(U) / alpha for the Gamma(alpha + 1) variate G and boost
    /// uniform U of X (and likewise for Y), so it is never NaN.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A shape is not positive and finite.</exception>
    public static double Beta(in RandomStream s, double alpha, double beta, uint tick, uint purpose, uint a)
    {
        CheckShape(alpha, nameof(alpha));
        CheckShape(beta, nameof(beta));

        double x = GammaFrom(s, alpha, tick, purpose, a, 0);
        double y = GammaFrom(s, beta, tick, purpose, a, BetaSecondGammaBase);
        double sum = x + y;
        if (sum >= SmallestNormal)
        {
            return x / sum;
        }

        double logX = LogGammaFrom(s, alpha, tick, purpose, a, 0);
        double logY = LogGammaFrom(s, beta, tick, purpose, a, BetaSecondGammaBase);
        return 1.0 / (1.0 + ExactMath.Exp(logY - logX));
    }

    /// <summary>A log-normal variate, Exp(mu + sigma · Normal(tick, purpose, a, b)).</summary>
    /// <param name="s">The run's stream.</param>
    /// <param name="mu">Mean of the logarithm.</param>
    /// <param name="sigma">Standard deviation of the logarithm.</param>
    /// <param name="tick">The simulation step.</param>
    /// <param name="purpose">The purpose of the draw.</param>
    /// <param name="a">Usually the agent index.</param>
    /// <param name="b">Sub-draw index; below 2^31.</param>
    /// <returns>A positive variate (median e^mu).</returns>
    public static double LogNormal(in RandomStream s, double mu, double sigma, uint tick, uint purpose, uint a, uint b = 0) =>
        ExactMath.Exp(mu + sigma * s.Normal(tick, purpose, a, b));

    private static void CheckShape(double shape, string name)
    {
        if (!(shape > 0.0) || double.IsPositiveInfinity(shape))
        {
            throw new ArgumentOutOfRangeException(name, shape, "A gamma shape must be positive and finite.");
        }
    }

    /// <summary>Gamma(shape) on the counters b = bBase, bBase + 1, …, bBase + 2000.</summary>
    private static double GammaFrom(in RandomStream s, double shape, uint tick, uint purpose, uint a, uint bBase)
    {
        if (shape >= 1.0)
        {
            return MarsagliaTsang(s, shape, tick, purpose, a, bBase);
        }

        double boost = s.Uniform(tick, purpose, a, bBase + GammaBoostOffset);
        return MarsagliaTsang(s, shape + 1.0, tick, purpose, a, bBase) * ExactMath.Pow(boost, 1.0 / shape);
    }

    /// <summary>The logarithm of the variate <see cref="GammaFrom"/> returns, computed without underflow.</summary>
    private static double LogGammaFrom(in RandomStream s, double shape, uint tick, uint purpose, uint a, uint bBase)
    {
        if (shape >= 1.0)
        {
            return ExactMath.Log(MarsagliaTsang(s, shape, tick, purpose, a, bBase));
        }

        double boost = s.Uniform(tick, purpose, a, bBase + GammaBoostOffset);
        return ExactMath.Log(MarsagliaTsang(s, shape + 1.0, tick, purpose, a, bBase)) + ExactMath.Log(boost) / shape;
    }

    /// <summary>Marsaglia and Tsang's method for shape ≥ 1; attempt k uses b = bBase + 2k and bBase + 2k + 1.</summary>
    private static double MarsagliaTsang(in RandomStream s, double shape, uint tick, uint purpose, uint a, uint bBase)
    {
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.Sqrt(9.0 * d);
        for (uint k = 0; k < MaxGammaAttempts; k++)
        {
            double x = s.Normal(tick, purpose, a, bBase + 2 * k);
            double t = 1.0 + c * x;
            if (t <= 0.0)
            {
                continue;
            }

            double v = t * t * t;
            double u = s.Uniform(tick, purpose, a, bBase + 2 * k + 1);
            if (ExactMath.Log(u) < (((0.5 * x) * x + d) - d * v) + d * ExactMath.Log(v))
            {
                return d * v;
            }
        }

        return d;
    }
}
