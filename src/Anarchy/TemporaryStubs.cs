// Stand-ins until the real implementations land; deleted then.
namespace Anarchy.Numerics
{
    public static class ExactMath
    {
        public static double Exp(double x) => Math.Exp(x);
        public static double Log(double x) => Math.Log(x);
        public static double Pow(double x, double y) => y == 1 ? x : Math.Pow(x, y);
        public static double InverseNormalCdf(double p) => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p);
    }
}
namespace Anarchy.Randomness
{
    public readonly struct RandomStream(ulong seed)
    {
        public ulong Bits(uint tick, uint purpose, uint a, uint b = 0)
        {
            ulong h = seed ^ 0x9E3779B97F4A7C15UL;
            foreach (var v in new[] { tick, purpose, a, b })
            {
                h ^= v; h *= 0xBF58476D1CE4E5B9UL; h ^= h >> 31; h *= 0x94D049BB133111EBUL; h ^= h >> 29;
            }
            return h;
        }
        public double Uniform(uint tick, uint purpose, uint a, uint b = 0) => ((Bits(tick, purpose, a, b) >> 11) + 0.5) * (1.0 / (1UL << 53));
        public double Normal(uint tick, uint purpose, uint a, uint b = 0) => Numerics.ExactMath.InverseNormalCdf(Uniform(tick, purpose, a, b));
    }
    public static class SeedSequence
    {
        public static ulong Derive(ulong masterSeed, ulong point, ulong replicate) => new RandomStream(masterSeed).Bits((uint)point, 0xFFFF, (uint)replicate, (uint)(replicate >> 32));
    }
    public static class Distributions
    {
        public static double Beta(in RandomStream s, double alpha, double beta, uint tick, uint purpose, uint a)
        {
            var x = MathNet.Numerics.Distributions.Beta.InvCDF(alpha, beta, s.Uniform(tick, purpose, a));
            return x;
        }
        public static double LogNormal(in RandomStream s, double mu, double sigma, uint tick, uint purpose, uint a, uint b = 0)
            => Numerics.ExactMath.Exp(mu + sigma * s.Normal(tick, purpose, a, b));
    }
}
