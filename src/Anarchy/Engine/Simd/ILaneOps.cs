using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Anarchy.Engine.Simd;

/// <summary>
/// The vector operations the batched kernels use, for one vector width. Kernels are generic over an implementation
/// (a struct), so the JIT compiles one specialised copy per width with every call inlined. Every operation is an
/// IEEE basic operation applied lane by lane, so a lane computes exactly what the scalar reference computes.
/// Masks are vectors whose lanes are all ones (true) or all zeros (false).
/// </summary>
public interface ILaneOps<TV> where TV : struct
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }
    static abstract TV Zero { get; }
    static abstract TV Broadcast(double value);
    static abstract TV Load(ref double source, nuint offset);
    static abstract void Store(TV value, ref double destination, nuint offset);
    /// <summary>Mask of lanes where the int at <paramref name="source"/> + offset is non-negative.</summary>
    static abstract TV NonNegative(ref int source, nuint offset);
    /// <summary>The ints at <paramref name="source"/> + offset, converted exactly to doubles.</summary>
    static abstract TV IntToDouble(ref int source, nuint offset);
    static abstract TV Add(TV a, TV b);
    static abstract TV Subtract(TV a, TV b);
    static abstract TV Multiply(TV a, TV b);
    static abstract TV Divide(TV a, TV b);
    /// <summary>a * b + c rounded once, as <see cref="Math.FusedMultiplyAdd"/>.</summary>
    static abstract TV FusedMultiplyAdd(TV a, TV b, TV c);
    /// <summary>As <see cref="Math.Max(double, double)"/> for non-NaN inputs.</summary>
    static abstract TV Max(TV a, TV b);
    /// <summary><see cref="Max"/> for operands that are never NaN nor -0 (then the hardware's maximum, one
    /// instruction, gives the same bits).</summary>
    static abstract TV MaxOfNonNegative(TV a, TV b);
    static abstract TV Sqrt(TV a);
    static abstract TV LessThan(TV a, TV b);
    static abstract TV LessThanOrEqual(TV a, TV b);
    static abstract TV GreaterThan(TV a, TV b);
    static abstract TV Equal(TV a, TV b);
    static abstract TV And(TV a, TV b);
    static abstract TV AndNot(TV a, TV b);
    static abstract TV Or(TV a, TV b);
    /// <summary>mask ? a : b, lane by lane.</summary>
    static abstract TV Select(TV mask, TV a, TV b);
    static abstract bool Any(TV mask);
    /// <summary>The mask whose lane t is all ones where bit t of <paramref name="bits"/> is set.</summary>
    static abstract TV FromBits(uint bits);
    /// <summary>Bit t set where lane t of <paramref name="mask"/> has its sign bit set (an all-ones lane).</summary>
    static abstract uint ToBits(TV mask);
    /// <summary>Elements <c>source[indices[offset]], source[indices[offset + 1]], ...</c>: one per lane, unchecked.</summary>
    static abstract TV Gather(ref double source, ref int indices, nuint offset);
    /// <summary>0, 1, 2, ...: each lane's index.</summary>
    static abstract TV Indices { get; }
    /// <summary>The largest element, for elements never NaN nor -0 (the hardware's maximum then gives
    /// <see cref="Math.Max(double, double)"/>'s result, without its fix-ups for those cases).</summary>
    static abstract double MaxElement(TV a);
    /// <summary><see cref="Numerics.ExactMath.Pow"/> lane by lane, for x &gt;= 0 and y finite (<see cref="Numerics.VectorMath"/>).</summary>
    static abstract TV Pow(TV x, TV y);
}

/// <summary>512-bit vectors: 8 lanes of doubles.</summary>
public readonly struct Lanes512 : ILaneOps<Vector512<double>>
{
    public static int Count => Vector512<double>.Count;
    public static Vector512<double> Zero => Vector512<double>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Broadcast(double value) => Vector512.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Load(ref double source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector512<double> value, ref double destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> NonNegative(ref int source, nuint offset)
    {
        var ints = Vector256.LoadUnsafe(ref source, offset);
        var mask = Vector256.GreaterThanOrEqual(ints, Vector256<int>.Zero);
        return Vector512.Create(Vector256.WidenLower(mask), Vector256.WidenUpper(mask)).AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> IntToDouble(ref int source, nuint offset)
    {
        var ints = Vector256.LoadUnsafe(ref source, offset);
        return Vector512.ConvertToDouble(Vector512.Create(Vector256.WidenLower(ints), Vector256.WidenUpper(ints)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Add(Vector512<double> a, Vector512<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Subtract(Vector512<double> a, Vector512<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Multiply(Vector512<double> a, Vector512<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Divide(Vector512<double> a, Vector512<double> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> FusedMultiplyAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c) => Vector512.FusedMultiplyAdd(a, b, c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Max(Vector512<double> a, Vector512<double> b) => Vector512.Max(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> MaxOfNonNegative(Vector512<double> a, Vector512<double> b) => Vector512.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Sqrt(Vector512<double> a) => Vector512.Sqrt(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> LessThan(Vector512<double> a, Vector512<double> b) => Vector512.LessThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> LessThanOrEqual(Vector512<double> a, Vector512<double> b) => Vector512.LessThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> GreaterThan(Vector512<double> a, Vector512<double> b) => Vector512.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Equal(Vector512<double> a, Vector512<double> b) => Vector512.Equals(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> And(Vector512<double> a, Vector512<double> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> AndNot(Vector512<double> a, Vector512<double> b) => Vector512.AndNot(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Or(Vector512<double> a, Vector512<double> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Select(Vector512<double> mask, Vector512<double> a, Vector512<double> b) => Vector512.ConditionalSelect(mask, a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Any(Vector512<double> mask) => mask.AsUInt64() != Vector512<ulong>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> FromBits(uint bits)
    {
        var laneBits = Vector512.Create(1UL, 2, 4, 8, 16, 32, 64, 128);
        return Vector512.Equals(Vector512.Create((ulong)bits) & laneBits, laneBits).AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint ToBits(Vector512<double> mask) => (uint)mask.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Gather(ref double source, ref int indices, nuint offset)
    {
        ref int at = ref Unsafe.Add(ref indices, offset);
        return Vector512.Create(
            Unsafe.Add(ref source, at), Unsafe.Add(ref source, Unsafe.Add(ref at, 1)), Unsafe.Add(ref source, Unsafe.Add(ref at, 2)), Unsafe.Add(ref source, Unsafe.Add(ref at, 3)),
            Unsafe.Add(ref source, Unsafe.Add(ref at, 4)), Unsafe.Add(ref source, Unsafe.Add(ref at, 5)), Unsafe.Add(ref source, Unsafe.Add(ref at, 6)), Unsafe.Add(ref source, Unsafe.Add(ref at, 7)));
    }

    public static Vector512<double> Indices
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(0.0, 1, 2, 3, 4, 5, 6, 7);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Pow(Vector512<double> x, Vector512<double> y) => Numerics.VectorMath.Pow(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MaxElement(Vector512<double> a)
    {
        var half = Vector256.MaxNative(a.GetLower(), a.GetUpper());
        var quarter = Vector128.MaxNative(half.GetLower(), half.GetUpper());
        return Vector128.MaxNative(quarter, Vector128.Create(quarter.GetElement(1))).ToScalar();
    }
}

/// <summary>256-bit vectors: 4 lanes of doubles (machines without AVX-512, or with it switched off).</summary>
public readonly struct Lanes256 : ILaneOps<Vector256<double>>
{
    public static int Count => Vector256<double>.Count;
    public static Vector256<double> Zero => Vector256<double>.Zero;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Broadcast(double value) => Vector256.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Load(ref double source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector256<double> value, ref double destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> NonNegative(ref int source, nuint offset)
    {
        var ints = Vector128.LoadUnsafe(ref source, offset);
        var mask = Vector128.GreaterThanOrEqual(ints, Vector128<int>.Zero);
        return Vector256.Create(Vector128.WidenLower(mask), Vector128.WidenUpper(mask)).AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> IntToDouble(ref int source, nuint offset)
    {
        var ints = Vector128.LoadUnsafe(ref source, offset);
        return Vector256.ConvertToDouble(Vector256.Create(Vector128.WidenLower(ints), Vector128.WidenUpper(ints)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Add(Vector256<double> a, Vector256<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Subtract(Vector256<double> a, Vector256<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Multiply(Vector256<double> a, Vector256<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Divide(Vector256<double> a, Vector256<double> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> FusedMultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) => Vector256.FusedMultiplyAdd(a, b, c);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Max(Vector256<double> a, Vector256<double> b) => Vector256.Max(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> MaxOfNonNegative(Vector256<double> a, Vector256<double> b) => Vector256.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Sqrt(Vector256<double> a) => Vector256.Sqrt(a);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> LessThan(Vector256<double> a, Vector256<double> b) => Vector256.LessThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> LessThanOrEqual(Vector256<double> a, Vector256<double> b) => Vector256.LessThanOrEqual(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> GreaterThan(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Equal(Vector256<double> a, Vector256<double> b) => Vector256.Equals(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> And(Vector256<double> a, Vector256<double> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> AndNot(Vector256<double> a, Vector256<double> b) => Vector256.AndNot(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Or(Vector256<double> a, Vector256<double> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Select(Vector256<double> mask, Vector256<double> a, Vector256<double> b) => Vector256.ConditionalSelect(mask, a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool Any(Vector256<double> mask) => mask.AsUInt64() != Vector256<ulong>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> FromBits(uint bits)
    {
        var laneBits = Vector256.Create(1UL, 2, 4, 8);
        return Vector256.Equals(Vector256.Create((ulong)bits) & laneBits, laneBits).AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static uint ToBits(Vector256<double> mask) => mask.ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Gather(ref double source, ref int indices, nuint offset)
    {
        ref int at = ref Unsafe.Add(ref indices, offset);
        return Vector256.Create(
            Unsafe.Add(ref source, at), Unsafe.Add(ref source, Unsafe.Add(ref at, 1)), Unsafe.Add(ref source, Unsafe.Add(ref at, 2)), Unsafe.Add(ref source, Unsafe.Add(ref at, 3)));
    }

    public static Vector256<double> Indices
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256.Create(0.0, 1, 2, 3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Pow(Vector256<double> x, Vector256<double> y) => Numerics.VectorMath.Pow(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MaxElement(Vector256<double> a)
    {
        var half = Vector128.MaxNative(a.GetLower(), a.GetUpper());
        return Vector128.MaxNative(half, Vector128.Create(half.GetElement(1))).ToScalar();
    }
}
