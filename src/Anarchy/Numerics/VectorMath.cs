using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Anarchy.Numerics;

/// <summary>
/// <see cref="ExactMath"/> functions on vectors, lane by lane with the scalar function's operations in its order, so
/// that every lane has the bits the scalar function gives (the scalar code is branch-free for this purpose: special
/// inputs are resolved by selections at the end, which become masks here).
/// </summary>
internal static class VectorMath
{
    /// <summary>
    /// <see cref="ExactMath.Pow"/> for x &gt;= 0 and finite and y finite in every lane (the contest function's
    /// strengths and exponent): the main path and the selections for underflow, overflow, x = 0, y = 1, y = 0 and
    /// x = 1. Infinite and NaN arguments are not handled.
    /// </summary>
    public static Vector512<double> Pow(Vector512<double> x, Vector512<double> y) =>
        Vector512.Create(Pow(x.GetLower(), y.GetLower()), Pow(x.GetUpper(), y.GetUpper()));

    /// <inheritdoc cref="Pow(Vector512{double}, Vector512{double})"/>
    public static Vector256<double> Pow(Vector256<double> x, Vector256<double> y)
    {
        // ---- log2(x) = t1 + t2 (subnormal x scaled by 2^53 first) ---------------------------------------------------
        var subnormal = Vector256.LessThan(x, Vector256.Create(ExactMath.SmallestNormal)).AsInt64();
        var xs = Vector256.ConditionalSelect(subnormal.AsDouble(), x * Vector256.Create(ExactMath.Two53), x);
        var bits = xs.AsInt64();
        var high = Vector256.ShiftRightArithmetic(bits, 32);
        var n = Vector256.ShiftRightArithmetic(high, 20) - Vector256.Create(0x3FFL) + (subnormal & Vector256.Create(-53L));
        var mantissaHigh = high & Vector256.Create(0x000F_FFFFL);

        var aboveSqrt3 = Vector256.GreaterThanOrEqual(mantissaHigh, Vector256.Create(0xB_B67AL));
        var useOneAndHalf = Vector256.AndNot(Vector256.GreaterThan(mantissaHigh, Vector256.Create(0x3_988EL)), aboveSqrt3);
        var normalizedHigh = (mantissaHigh | Vector256.Create(0x3FF0_0000L)) - (aboveSqrt3 & Vector256.Create(0x10_0000L));
        n -= aboveSqrt3; // a true mask is -1
        var ax = (Vector256.ShiftLeft(normalizedHigh, 32) | (bits & Vector256.Create(0xFFFF_FFFFL))).AsDouble();
        var half = useOneAndHalf.AsDouble();
        var bp = Vector256.ConditionalSelect(half, Vector256.Create(1.5), Vector256.Create(1.0));
        var dpH = Vector256.ConditionalSelect(half, Vector256.Create(ExactMath.DpH1), Vector256<double>.Zero);
        var dpL = Vector256.ConditionalSelect(half, Vector256.Create(ExactMath.DpL1), Vector256<double>.Zero);

        var u = ax - bp;
        var v = Vector256.Create(1.0) / (ax + bp);
        var ss = u * v;
        var sH = ClearLowWord(ss);
        var tHighWord = ((Vector256.ShiftRightArithmetic(normalizedHigh, 1) | Vector256.Create(0x2000_0000L)) + Vector256.Create(0x0008_0000L))
            + (useOneAndHalf & Vector256.Create(1L << 18));
        var tH = Vector256.ShiftLeft(tHighWord, 32).AsDouble();
        var tL = ax - (tH - bp);
        var sL = v * ((u - sH * tH) - sH * tL);

        var s2 = ss * ss;
        var r = s2 * s2 * (Vector256.Create(ExactMath.L1) + s2 * (Vector256.Create(ExactMath.L2) + s2 * (Vector256.Create(ExactMath.L3)
            + s2 * (Vector256.Create(ExactMath.L4) + s2 * (Vector256.Create(ExactMath.L5) + s2 * Vector256.Create(ExactMath.L6))))));
        r += sL * (sH + ss);
        s2 = sH * sH;
        tH = ClearLowWord(Vector256.Create(3.0) + s2 + r);
        tL = r - ((tH - Vector256.Create(3.0)) - s2);
        u = sH * tH;
        v = sL * tH + tL * ss;
        var pH = ClearLowWord(u + v);
        var pL = v - (pH - u);
        var zH = Vector256.Create(ExactMath.CpH) * pH;
        var zL = Vector256.Create(ExactMath.CpL) * pH + pL * Vector256.Create(ExactMath.Cp) + dpL;
        var dn = ToDouble(n);
        var t1 = ClearLowWord(((zH + zL) + dpH) + dn);
        var t2 = zL - (((t1 - dn) - dpH) - zH);

        // ---- y log2(x) = pH + pL, with y split so that y1 t1 is exact ---------------------------------------------
        var y1 = ClearLowWord(y);
        pL = (y - y1) * t1 + y * t2;
        pH = y1 * t1;
        var z = pL + pH;
        var overflow = Vector256.GreaterThan(z, Vector256.Create(1024.0))
            | (Vector256.Equals(z, Vector256.Create(1024.0)) & Vector256.GreaterThan(pL + Vector256.Create(ExactMath.Ovt), z - pH));
        var underflow = Vector256.LessThan(z, Vector256.Create(-1075.0))
            | (Vector256.Equals(z, Vector256.Create(-1075.0)) & Vector256.LessThanOrEqual(pL, z - pH));

        // ---- 2^(pH + pL) = 2^m e^((pH - m + pL) ln 2) ----------------------------------------------------------------
        var inRange = Vector256.GreaterThanOrEqual(z, Vector256.Create(-1100.0)) & Vector256.LessThanOrEqual(z, Vector256.Create(1100.0));
        var m = Vector256.Round(Vector256.ConditionalSelect(inRange, z, Vector256<double>.Zero));
        pH -= m;
        var t = ClearLowWord(pL + pH);
        u = t * Vector256.Create(ExactMath.Lg2H);
        v = (pL - (t - pH)) * Vector256.Create(ExactMath.Lg2Full) + t * Vector256.Create(ExactMath.Lg2L);
        z = u + v;
        var w = v - (z - u);
        t = z * z;
        t1 = z - t * (Vector256.Create(ExactMath.P1) + t * (Vector256.Create(ExactMath.P2) + t * (Vector256.Create(ExactMath.P3)
            + t * (Vector256.Create(ExactMath.P4) + t * Vector256.Create(ExactMath.P5)))));
        r = (z * t1) / (t1 - Vector256.Create(2.0)) - (w + z * w);
        z = Vector256.Create(1.0) - (r - z);
        var result = ScaleByPowerOfTwo(z, m);

        // ---- special cases, in the scalar code's order ------------------------------------------------------------
        result = Vector256.ConditionalSelect(underflow, Vector256<double>.Zero, result);
        result = Vector256.ConditionalSelect(overflow, Vector256.Create(double.PositiveInfinity), result);
        var positiveY = Vector256.GreaterThan(y, Vector256<double>.Zero);
        result = Vector256.ConditionalSelect(Vector256.Equals(x, Vector256<double>.Zero),
            Vector256.ConditionalSelect(positiveY, Vector256<double>.Zero, Vector256.Create(double.PositiveInfinity)), result);
        result = Vector256.ConditionalSelect(Vector256.Equals(y, Vector256.Create(1.0)), x, result);
        var one = Vector256.Equals(y, Vector256<double>.Zero) | Vector256.Equals(x, Vector256.Create(1.0));
        return Vector256.ConditionalSelect(one, Vector256.Create(1.0), result);
    }

    /// <summary><see cref="ExactMath.Log"/>'s main path, for positive normal arguments only (the normal transform's tail
    /// probabilities are at least 2^-53).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Log(Vector256<double> x)
    {
        var bits = x.AsInt64();
        var high = Vector256.ShiftRightLogical(bits, 32);
        var k = Vector256.ShiftRightLogical(high, 20) - Vector256.Create(1023L);
        var mantissaHigh = high & Vector256.Create(0x000F_FFFFL);
        var i = (mantissaHigh + Vector256.Create(0x9_5F64L)) & Vector256.Create(0x10_0000L);
        var normalizedHigh = mantissaHigh | (i ^ Vector256.Create(0x3FF0_0000L));
        var m = (Vector256.ShiftLeft(normalizedHigh, 32) | (bits & Vector256.Create(0xFFFF_FFFFL))).AsDouble();
        k += Vector256.ShiftRightLogical(i, 20);

        var f = m - Vector256.Create(1.0);
        var dk = ToDouble(k);
        var s = f / (Vector256.Create(2.0) + f);
        var z = s * s;
        var w = z * z;
        var t1 = w * (Vector256.Create(ExactMath.Lg2) + w * (Vector256.Create(ExactMath.Lg4) + w * Vector256.Create(ExactMath.Lg6)));
        var t2 = z * (Vector256.Create(ExactMath.Lg1) + w * (Vector256.Create(ExactMath.Lg3) + w * (Vector256.Create(ExactMath.Lg5) + w * Vector256.Create(ExactMath.Lg7))));
        var r = t2 + t1;
        var hfsq = Vector256.Create(0.5) * f * f;
        var wide = dk * Vector256.Create(ExactMath.Ln2Hi) - ((hfsq - (s * (hfsq + r) + dk * Vector256.Create(ExactMath.Ln2Lo))) - f);
        var narrow = dk * Vector256.Create(ExactMath.Ln2Hi) - ((s * (f - r) - dk * Vector256.Create(ExactMath.Ln2Lo)) - f);
        var useWide = Vector256.GreaterThan((mantissaHigh - Vector256.Create(0x6_147AL)) | (Vector256.Create(0x6_B851L) - mantissaHigh), Vector256<long>.Zero);
        return Vector256.ConditionalSelect(useWide.AsDouble(), wide, narrow);
    }

    /// <summary>z 2^m for integral m in [-1100, 1100], as two exact power-of-two multiplications (as the scalar code).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ScaleByPowerOfTwo(Vector256<double> z, Vector256<double> m)
    {
        // m is integral and small: adding 1.5 * 2^52 puts it in the low bits exactly.
        var k = (m + Vector256.Create(6755399441055744.0)).AsInt64() - Vector256.Create(0x4338_0000_0000_0000L);
        var k1 = Vector256.ShiftRightArithmetic(k, 1);
        var k2 = k - k1;
        var scale1 = Vector256.ShiftLeft(k1 + Vector256.Create(1023L), 52).AsDouble();
        var scale2 = Vector256.ShiftLeft(k2 + Vector256.Create(1023L), 52).AsDouble();
        return z * scale1 * scale2;
    }

    /// <summary>Small integers (|n| &lt; 2^51) converted exactly to doubles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ToDouble(Vector256<long> n) =>
        (n + Vector256.Create(0x4338_0000_0000_0000L)).AsDouble() - Vector256.Create(6755399441055744.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ClearLowWord(Vector256<double> x) =>
        (x.AsInt64() & Vector256.Create(unchecked((long)0xFFFF_FFFF_0000_0000))).AsDouble();
}
