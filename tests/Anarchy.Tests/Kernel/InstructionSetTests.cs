using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Anarchy.Models.Waltz.Kernel;

namespace Anarchy.Tests.Kernel;

/// <summary>
/// The exactness tests run once as the machine is and again with AVX-512, AVX2 or all hardware intrinsics switched
/// off (.ci/run sets DOTNET_EnableAVX512=0, DOTNET_EnableAVX2=0 or DOTNET_EnableHWIntrinsic=0 together with
/// ANARCHY_EXPECT_ISA). This test proves each run used the instruction sets it claims to test, and that the kernel
/// took the vector width the processor and those switches call for.
/// </summary>
[Trait("Category", "Exactness")]
public sealed class InstructionSetTests
{
    [Fact]
    public void TheInstructionSetsInUseAreTheOnesThisRunExpects()
    {
        string? expectation = Environment.GetEnvironmentVariable("ANARCHY_EXPECT_ISA");
        switch (expectation)
        {
            case "noavx512":
                Assert.False(Avx512F.IsSupported);
                Assert.False(Vector512.IsHardwareAccelerated);
                Assert.Equal(Avx2.IsSupported, Vector256.IsHardwareAccelerated);
                break;
            case "noavx2":
                Assert.False(Avx2.IsSupported);
                Assert.False(Avx512F.IsSupported);
                Assert.False(Vector256.IsHardwareAccelerated);
                Assert.False(Vector512.IsHardwareAccelerated);
                break;
            case "none":
                Assert.False(Sse2.IsSupported);
                Assert.False(Vector128.IsHardwareAccelerated);
                Assert.False(Vector256.IsHardwareAccelerated);
                Assert.False(Vector512.IsHardwareAccelerated);
                break;
        }

        // Each switched-off run must use 256-bit vectors (in software where AVX2 is off).
        if (expectation is "noavx512" or "noavx2" or "none") Assert.Equal(256, WaltzBatch.VectorWidth);

        // The width the processor's own flags and the runtime switches call for, worked out without asking the runtime.
        if (ExpectedVectorWidth() is { } expected) Assert.Equal(expected, WaltzBatch.VectorWidth);
    }

    /// <summary>
    /// The vector width the kernel must take on this machine, from the processor's flags in /proc/cpuinfo and the
    /// runtime switches in the environment; null where there is no /proc/cpuinfo to read. .NET accelerates Vector512
    /// only with AVX-512 F, BW, CD, DQ and VL, and by default not on Intel family 6 models 0x55 (Skylake server,
    /// Cascade Lake, Cooper Lake) and 0x66 (Cannon Lake), whose clock drops under 512-bit instructions, unless
    /// DOTNET_PreferredVectorBitWidth asks for 512 bits; a switched-off instruction set or a preferred width below
    /// 512 gives 256-bit vectors.
    /// </summary>
    private static int? ExpectedVectorWidth()
    {
        if (!File.Exists("/proc/cpuinfo")) return null;
        var fields = File.ReadLines("/proc/cpuinfo").TakeWhile(l => l.Length > 0) // the first processor
            .Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim()).ToDictionary(g => g.Key, g => g.First()[1].Trim());
        if (!fields.TryGetValue("flags", out var flagText)) return null; // not an x86 processor
        var flags = flagText.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        bool avx512 = new[] { "avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl" }.All(flags.Contains);

        static string? Switch(string name) =>
            Environment.GetEnvironmentVariable("DOTNET_" + name) ?? Environment.GetEnvironmentVariable("COMPlus_" + name);
        bool switchedOff = new[] { "EnableHWIntrinsic", "EnableAVX", "EnableAVX2", "EnableAVX512", "EnableAVX512F" }.Any(s => Switch(s) == "0");
        int preferred = int.TryParse(Switch("PreferredVectorBitWidth"), out int bits) ? bits : 0;

        bool throttling = fields.GetValueOrDefault("vendor_id") == "GenuineIntel" && fields.GetValueOrDefault("cpu family") == "6"
            && fields.GetValueOrDefault("model") is "85" or "102";
        bool wide = avx512 && !switchedOff && (preferred == 0 ? !throttling : preferred >= 512);
        return wide ? 512 : 256;
    }
}
