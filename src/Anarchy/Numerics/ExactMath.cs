namespace Anarchy.Numerics;

/// <summary>
/// Transcendental functions whose results are the same bits on every machine, runtime and instruction set.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Math.Exp(double)"/>, <see cref="Math.Log(double)"/> and <see cref="Math.Pow(double, double)"/> call
/// the platform's C library (glibc, the Windows CRT, Apple's libm), and each of those rounds some results
/// differently; vectorized libraries differ again. A simulation that must replay bit-for-bit everywhere, and that a
/// Vector512/Vector256 kernel must reproduce lane for lane, cannot depend on them.
/// </para>
/// <para>
/// Every function here is built only from IEEE-754 basic operations (<c>+ - * /</c>, <see cref="Math.Sqrt(double)"/>),
/// comparisons, the exact <see cref="Math.Round(double)"/> (round half to even) and reinterpretation of a double's
/// bits as a 64-bit integer, so each result is fully determined by IEEE-754 arithmetic. No fused multiply-add is
/// used (the .NET JIT never contracts <c>a * b + c</c> on its own). Polynomials are evaluated by the exact
/// expressions written in the code, innermost parentheses first.
/// </para>
/// <para>
/// The straight-line arithmetic of each function is branch-free. Special inputs (NaN, infinities, zero, negative
/// arguments, overflow and underflow) are resolved at the end by comparisons that select between the main-path
/// result and a constant, so a vector version computes the main path in every lane and blends with the same
/// comparison masks. Where the main path is given an input it cannot use, that input is first replaced by a
/// harmless stand-in (noted in the code) whose result the final selection discards.
/// </para>
/// <para>
/// The algorithms are those of Sun's fdlibm (e_exp.c, e_log.c, e_pow.c), whose published error analysis bounds the
/// error below one ulp, restructured into branch-free form; the inverse normal CDF is Wichura's AS241 (PPND16).
/// </para>
/// </remarks>
public static class ExactMath
{
    internal const double SmallestNormal = 2.2250738585072014e-308; // 2^-1022
    internal const double Two53 = 9007199254740992.0;                // 2^53
    private const double Two54 = 18014398509481984.0;               // 2^54
    private const long HighWordMask = unchecked((long)0xFFFF_FFFF_0000_0000);

    // Exp: ln 2 split so that k * Ln2Hi is exact for |k| < 2^20, and the rational approximation of exp on
    // |r| <= ln2 / 2 (fdlibm e_exp.c, polynomial error below 2^-59).
    private const double ExpOverflowThreshold = 7.09782712893383973096e+02;   // above: exp(x) > double.MaxValue
    private const double ExpUnderflowThreshold = -7.45133219101941108420e+02; // below: exp(x) rounds to zero
    internal const double Ln2Hi = 6.93147180369123816490e-01;                  // 0x3FE62E42_FEE00000
    internal const double Ln2Lo = 1.90821492927058770002e-10;                  // 0x3DEA39EF_35793C76
    private const double InvLn2 = 1.44269504088896338700e+00;                 // 0x3FF71547_652B82FE
    internal const double P1 = 1.66666666666666019037e-01;
    internal const double P2 = -2.77777777770155933842e-03;
    internal const double P3 = 6.61375632143793436117e-05;
    internal const double P4 = -1.65339022054652515390e-06;
    internal const double P5 = 4.13813679705723846039e-08;

    // Log: approximation of R(s) in log(1+f) = 2s + s*R, s = f / (2 + f) (fdlibm e_log.c, error below 2^-58.45).
    internal const double Lg1 = 6.666666666666735130e-01;
    internal const double Lg2 = 3.999999999940941908e-01;
    internal const double Lg3 = 2.857142874366239149e-01;
    internal const double Lg4 = 2.222219843214978396e-01;
    internal const double Lg5 = 1.818357216161805012e-01;
    internal const double Lg6 = 1.531383769920937332e-01;
    internal const double Lg7 = 1.479819860511658591e-01;

    // Pow: log2(x) carried in two pieces, then 2^(y * log2 x) (fdlibm e_pow.c).
    internal const double DpH1 = 5.84962487220764160156e-01;  // high part of log2(1.5), 0x3FE2B803_40000000
    internal const double DpL1 = 1.35003920212974897128e-08;  // low part of log2(1.5)
    internal const double L1 = 5.99999999999994648725e-01;
    internal const double L2 = 4.28571428578550184252e-01;
    internal const double L3 = 3.33333329818377432918e-01;
    internal const double L4 = 2.72728123808534006489e-01;
    internal const double L5 = 2.30660745775561754067e-01;
    internal const double L6 = 2.06975017800338417784e-01;
    internal const double Lg2Full = 6.93147180559945286227e-01; // ln 2, 0x3FE62E42_FEFA39EF
    internal const double Lg2H = 6.93147182464599609375e-01;    // ln 2 to 21 bits, 0x3FE62E43_00000000
    internal const double Lg2L = -1.90465429995776804525e-09;   // ln 2 - Lg2H
    internal const double Ovt = 8.0085662595372944372e-17;      // -(1024 - log2(double.MaxValue + ulp/2))
    internal const double Cp = 9.61796693925975554329e-01;     // 2 / (3 ln 2)
    internal const double CpH = 9.61796700954437255859e-01;    // Cp to 21 bits
    internal const double CpL = -7.02846165095275826516e-09;   // Cp - CpH

    /// <summary>
    /// The natural exponential e^x, with an error below one ulp (fdlibm's bound; 0.86 ulp the largest measured
    /// against a high-precision reference on 10^6 arguments in [-708, 709]).
    /// </summary>
    /// <param name="x">Any double.</param>
    /// <returns>
    /// e^x; <c>+∞</c> for x above 709.782712893384 (and for <c>+∞</c>); <c>0</c> for x below -745.133219101941 (and
    /// for <c>-∞</c>); a subnormal for x between those and about -708.4; NaN for NaN; exactly <see cref="Math.E"/> for 1.
    /// </returns>
    /// <remarks>
    /// Method: k = round_half_even(x / ln 2); r = hi - lo with hi = x - k·Ln2Hi (exact) and lo = k·Ln2Lo;
    /// c = r - t·(P1 + t·(P2 + t·(P3 + t·(P4 + t·P5)))) with t = r·r;
    /// e^r = 1 - ((lo - (r·c) / (2 - c)) - hi); the result is e^r · 2^(k >> 1) · 2^(k - (k >> 1)), two exact
    /// power-of-two scalings so that k from -1076 to 1024 needs no branch (the second multiplication rounds once when
    /// the result is subnormal).
    /// </remarks>
    public static double Exp(double x)
    {
        // Main path on a stand-in for out-of-range and NaN arguments, whose results are selected below.
        double xs = x >= -746.0 && x <= 710.0 ? x : 0.0;

        double k = Math.Round(xs * InvLn2);
        double hi = xs - k * Ln2Hi;
        double lo = k * Ln2Lo;
        double r = hi - lo;
        double t = r * r;
        double c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
        double result = ScaleByPowerOfTwo(y, (long)k);

        result = x == 1.0 ? Math.E : result;
        result = x > ExpOverflowThreshold ? double.PositiveInfinity : result;
        result = x < ExpUnderflowThreshold ? 0.0 : result;
        return double.IsNaN(x) ? x : result;
    }

    /// <summary>
    /// The natural logarithm ln x, with an error below one ulp (fdlibm's bound; 0.87 ulp the largest measured
    /// against a high-precision reference on 10^6 positive normal arguments).
    /// </summary>
    /// <param name="x">Any double; subnormal arguments are accepted.</param>
    /// <returns>ln x; <c>-∞</c> for ±0; NaN for negative x and NaN; <c>+∞</c> for <c>+∞</c>; <c>+0</c> for 1.</returns>
    /// <remarks>
    /// Method: x = 2^k·(1 + f) with √2/2 ≤ 1 + f &lt; √2 by bit manipulation (subnormals are first scaled by 2^54);
    /// s = f / (2 + f), z = s·s, w = z·z, R = z·(Lg1 + w·(Lg3 + w·(Lg5 + w·Lg7))) + w·(Lg2 + w·(Lg4 + w·Lg6));
    /// then, with h = 0.5·f·f, ln x = k·Ln2Hi - ((h - (s·(h + R) + k·Ln2Lo)) - f) when the mantissa's high bits lie
    /// in (0x6147A, 0x6B851) and k·Ln2Hi - ((s·(f - R) - k·Ln2Lo) - f) otherwise. Both forms are computed and one is
    /// selected.
    /// </remarks>
    public static double Log(double x)
    {
        // Subnormals are scaled into the normal range; zero, negative, infinite and NaN arguments run the main
        // path on whatever bits they have, and their results are selected below.
        bool subnormal = x < SmallestNormal;
        double xs = subnormal ? x * Two54 : x;
        long bits = BitConverter.DoubleToInt64Bits(xs);
        long high = bits >> 32;
        long k = (high >> 20) - 1023 + (subnormal ? -54 : 0);
        long mantissaHigh = high & 0x000F_FFFF;

        // i is 0x100000 when the mantissa exceeds √2 (then x is halved and k raised by one).
        long i = (mantissaHigh + 0x9_5F64) & 0x10_0000;
        long normalizedHigh = mantissaHigh | (i ^ 0x3FF0_0000);
        double m = BitConverter.Int64BitsToDouble((normalizedHigh << 32) | (bits & 0xFFFF_FFFFL));
        k += i >> 20;

        double f = m - 1.0;
        double dk = k;
        double s = f / (2.0 + f);
        double z = s * s;
        double w = z * z;
        double t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
        double t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
        double r = t2 + t1;
        double hfsq = 0.5 * f * f;
        double wide = dk * Ln2Hi - ((hfsq - (s * (hfsq + r) + dk * Ln2Lo)) - f);
        double narrow = dk * Ln2Hi - ((s * (f - r) - dk * Ln2Lo) - f);
        bool useWide = ((mantissaHigh - 0x6_147A) | (0x6_B851 - mantissaHigh)) > 0;
        double result = useWide ? wide : narrow;

        result = x == double.PositiveInfinity ? x : result;
        result = x == 0.0 ? double.NegativeInfinity : result;
        return x < 0.0 || double.IsNaN(x) ? double.NaN : result;
    }

    /// <summary>
    /// x raised to the power y for positive x, nearly correctly rounded (fdlibm's pow; 0.83 ulp the largest
    /// measured against a high-precision reference on 3·10^5 arguments).
    /// </summary>
    /// <param name="x">The base; intended for x &gt; 0. Zero and <c>+∞</c> follow IEEE-754 <c>pow</c>.</param>
    /// <param name="y">The exponent; any double.</param>
    /// <returns>
    /// x^y; exactly <c>1</c> when y is ±0 or x is 1; exactly x when y is 1; NaN when x is negative or either argument
    /// is NaN; <c>+∞</c> on overflow and <c>0</c> on underflow; for x = 0, <c>0</c> when y &gt; 0 and <c>+∞</c> when
    /// y &lt; 0; for x = <c>+∞</c>, the reverse; for y = ±∞, the IEEE-754 limits.
    /// </returns>
    /// <remarks>
    /// Not Exp(y·Log(x)): that loses |y·ln x| ulps to the rounding of the product. Instead log2(x) is carried as
    /// t1 + t2 (t1 with its low 32 bits zero), multiplied by y as an exact high product plus a low correction, and
    /// 2^(y·log2 x) = 2^n·e^((z - n)·ln 2) is evaluated with the same rational approximation as <see cref="Exp"/>,
    /// where n = round_half_even(y·log2 x). Each step is written out in the method in fixed order; "clear the low
    /// word" means zeroing the low 32 bits of the double's representation.
    /// </remarks>
    public static double Pow(double x, double y)
    {
        // ---- log2(x) = t1 + t2 -------------------------------------------------------------------------------
        // Subnormal x is scaled by 2^53 first. Non-positive, infinite and NaN x run on their own bits; their
        // results are selected at the end.
        bool subnormal = x < SmallestNormal;
        double xs = subnormal ? x * Two53 : x;
        long bits = BitConverter.DoubleToInt64Bits(xs);
        long high = bits >> 32;
        long n = (high >> 20) - 0x3FF + (subnormal ? -53 : 0);
        long mantissaHigh = high & 0x000F_FFFF;

        // Bring the mantissa into [1, 2); then choose the centre b = 1 (mantissa below √(3/2)), b = 1.5 (below √3),
        // or halve the mantissa and use b = 1 (at or above √3).
        bool aboveSqrt3 = mantissaHigh >= 0xB_B67A;
        bool useOneAndHalf = mantissaHigh > 0x3_988E && !aboveSqrt3;
        long normalizedHigh = (mantissaHigh | 0x3FF0_0000) - (aboveSqrt3 ? 0x10_0000 : 0);
        n += aboveSqrt3 ? 1 : 0;
        double ax = BitConverter.Int64BitsToDouble((normalizedHigh << 32) | (bits & 0xFFFF_FFFFL));
        double bp = useOneAndHalf ? 1.5 : 1.0;
        double dpH = useOneAndHalf ? DpH1 : 0.0;
        double dpL = useOneAndHalf ? DpL1 : 0.0;

        // ss = sH + sL = (ax - bp) / (ax + bp) to about twice double precision.
        double u = ax - bp;
        double v = 1.0 / (ax + bp);
        double ss = u * v;
        double sH = ClearLowWord(ss);
        long tHighWord = ((normalizedHigh >> 1) | 0x2000_0000) + 0x0008_0000 + (useOneAndHalf ? 1L << 18 : 0L);
        double tH = BitConverter.Int64BitsToDouble(tHighWord << 32); // ax + bp, truncated to its high word
        double tL = ax - (tH - bp);
        double sL = v * ((u - sH * tH) - sH * tL);

        // ln(ax / bp) = 2·ss + (2/3)·ss^3·(3 + ...), carried as pH + pL, then scaled to log2 by 2 / (3 ln 2).
        double s2 = ss * ss;
        double r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
        r += sL * (sH + ss);
        s2 = sH * sH;
        tH = ClearLowWord(3.0 + s2 + r);
        tL = r - ((tH - 3.0) - s2);
        u = sH * tH;
        v = sL * tH + tL * ss;
        double pH = ClearLowWord(u + v);
        double pL = v - (pH - u);
        double zH = CpH * pH;
        double zL = CpL * pH + pL * Cp + dpL;
        double dn = n;
        double t1 = ClearLowWord(((zH + zL) + dpH) + dn);
        double t2 = zL - (((t1 - dn) - dpH) - zH);

        // ---- y·log2(x) = pH + pL, with y split so that y1·t1 is exact ------------------------------------------
        double y1 = ClearLowWord(y);
        pL = (y - y1) * t1 + y * t2;
        pH = y1 * t1;
        double z = pL + pH;
        bool overflow = z > 1024.0 || (z == 1024.0 && pL + Ovt > z - pH);
        bool underflow = z < -1075.0 || (z == -1075.0 && pL <= z - pH);

        // ---- 2^(pH + pL) = 2^m · e^((pH - m + pL)·ln 2) ---------------------------------------------------------
        // Out-of-range and NaN z take a stand-in; overflow and underflow are selected below.
        double m = Math.Round(z >= -1100.0 && z <= 1100.0 ? z : 0.0);
        pH -= m; // exact: pH has at most 42 significant bits
        double t = ClearLowWord(pL + pH);
        u = t * Lg2H;
        v = (pL - (t - pH)) * Lg2Full + t * Lg2L;
        z = u + v;
        double w = v - (z - u);
        t = z * z;
        t1 = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        r = (z * t1) / (t1 - 2.0) - (w + z * w);
        z = 1.0 - (r - z);
        double result = ScaleByPowerOfTwo(z, (long)m);

        // ---- special cases, lowest priority first ------------------------------------------------------------------
        result = underflow ? 0.0 : result;
        result = overflow ? double.PositiveInfinity : result;
        result = y == double.NegativeInfinity ? (x > 1.0 ? 0.0 : double.PositiveInfinity) : result;
        result = y == double.PositiveInfinity ? (x > 1.0 ? double.PositiveInfinity : 0.0) : result;
        result = x == double.PositiveInfinity ? (y > 0.0 ? double.PositiveInfinity : 0.0) : result;
        result = x == 0.0 ? (y > 0.0 ? 0.0 : double.PositiveInfinity) : result;
        result = y == 1.0 ? x : result;
        result = x < 0.0 || double.IsNaN(x) || double.IsNaN(y) ? double.NaN : result;
        return y == 0.0 || x == 1.0 ? 1.0 : result;
    }

    /// <summary>
    /// The standard normal quantile Φ⁻¹(p), by Wichura's algorithm AS241 (PPND16), relative accuracy about 1e-16.
    /// </summary>
    /// <param name="p">A probability in the open interval (0, 1).</param>
    /// <returns>
    /// z with Φ(z) = p; <c>-∞</c> for p = 0, <c>+∞</c> for p = 1, NaN for p outside [0, 1] or NaN.
    /// </returns>
    /// <remarks>
    /// With q = p - 0.5: for |q| ≤ 0.425 the result is q·A(r) / B(r) with r = 0.180625 - q·q; otherwise
    /// r = √(-Log(min(p, 1 - p))) (taking p when q &lt; 0 and 1 - p otherwise) and the result is
    /// ±C(r - 1.6) / D(r - 1.6) for r ≤ 5 and ±E(r - 5) / F(r - 5) beyond, negative when q &lt; 0. Each polynomial is
    /// evaluated by Horner's rule from the highest coefficient down, as in the published Fortran; the division is
    /// (q·A) / B. Each region's arithmetic is independent of the others, so a vector version computes all three in
    /// every lane and blends them with the same comparisons; the early return of the central region here gives the
    /// same values.
    /// For p of the form (m + 0.5)·2^-52 (every <c>RandomStream.Uniform</c>), InverseNormalCdf(1 - p) is exactly
    /// -InverseNormalCdf(p).
    /// </remarks>
    public static double InverseNormalCdf(double p)
    {
        double q = p - 0.5;

        // Central region, |q| <= 0.425.
        double rc = 0.180625 - q * q;
        double numCentral = ((((((2.5090809287301226727e+3 * rc
            + 3.3430575583588128105e+4) * rc
            + 6.7265770927008700853e+4) * rc
            + 4.5921953931549871457e+4) * rc
            + 1.3731693765509461125e+4) * rc
            + 1.9715909503065514427e+3) * rc
            + 1.3314166789178437745e+2) * rc
            + 3.3871328727963666080e+0;
        double denCentral = ((((((5.2264952788528545610e+3 * rc
            + 2.8729085735721942674e+4) * rc
            + 3.9307895800092710610e+4) * rc
            + 2.1213794301586595867e+4) * rc
            + 5.3941960214247511077e+3) * rc
            + 6.8718700749205790830e+2) * rc
            + 4.2313330701600911252e+1) * rc
            + 1.0;
        double central = q * numCentral / denCentral;
        if (Math.Abs(q) <= 0.425)
        {
            return central; // about 85% of uniform draws; the tail arithmetic below never affects this result
        }

        // Tails: r = sqrt(-ln(min(p, 1 - p))); 1 - p is exact for p >= 0.5.
        double tailProbability = q < 0.0 ? p : 1.0 - p;
        double r = Math.Sqrt(-Log(tailProbability));

        double rm = r - 1.6;
        double numMiddle = ((((((7.74545014278341407640e-4 * rm
            + 2.27238449892691845833e-2) * rm
            + 2.41780725177450611770e-1) * rm
            + 1.27045825245236838258e+0) * rm
            + 3.64784832476320460504e+0) * rm
            + 5.76949722146069140550e+0) * rm
            + 4.63033784615654529590e+0) * rm
            + 1.42343711074968357734e+0;
        double denMiddle = ((((((1.05075007164441684324e-9 * rm
            + 5.47593808499534494600e-4) * rm
            + 1.51986665636164571966e-2) * rm
            + 1.48103976427480074590e-1) * rm
            + 6.89767334985100004550e-1) * rm
            + 1.67638483018380384940e+0) * rm
            + 2.05319162663775882187e+0) * rm
            + 1.0;

        double rf = r - 5.0;
        double numFar = ((((((2.01033439929228813265e-7 * rf
            + 2.71155556874348757815e-5) * rf
            + 1.24266094738807843860e-3) * rf
            + 2.65321895265761230930e-2) * rf
            + 2.96560571828504891230e-1) * rf
            + 1.78482653991729133580e+0) * rf
            + 5.46378491116411436990e+0) * rf
            + 6.65790464350110377720e+0;
        double denFar = ((((((2.04426310338993978564e-15 * rf
            + 1.42151175831644588870e-7) * rf
            + 1.84631831751005468180e-5) * rf
            + 7.86869131145613259100e-4) * rf
            + 1.48753612908506148525e-2) * rf
            + 1.36929880922735805310e-1) * rf
            + 5.99832206555887937690e-1) * rf
            + 1.0;

        double tail = r <= 5.0 ? numMiddle / denMiddle : numFar / denFar;
        double result = q < 0.0 ? -tail : tail;

        result = p == 0.0 ? double.NegativeInfinity : result;
        result = p == 1.0 ? double.PositiveInfinity : result;
        return p >= 0.0 && p <= 1.0 ? result : double.NaN;
    }

    /// <summary>y · 2^k for -1100 ≤ k ≤ 1100, as two exact power-of-two multiplications (one rounding if subnormal).</summary>
    private static double ScaleByPowerOfTwo(double y, long k)
    {
        long k1 = k >> 1;
        long k2 = k - k1;
        double scale1 = BitConverter.Int64BitsToDouble((k1 + 1023) << 52);
        double scale2 = BitConverter.Int64BitsToDouble((k2 + 1023) << 52);
        return y * scale1 * scale2;
    }

    /// <summary>The double with its low 32 representation bits cleared (fdlibm's SET_LOW_WORD(x, 0)).</summary>
    private static double ClearLowWord(double x) =>
        BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x) & HighWordMask);
}
