using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Anarchy.Models.Waltz.Kernel;

namespace Anarchy.Tests.Kernel;

/// <summary>
/// The exactness tests run once as the machine is and again with AVX-512, AVX2 or all hardware intrinsics switched
/// off (.ci/run sets DOTNET_EnableAVX512=0, DOTNET_EnableAVX2=0 or DOTNET_EnableHWIntrinsic=0 together with
/// ANARCHY_EXPECT_ISA). This test proves each run used the instruction sets it claims to test.
/// </summary>
[Trait("Category", "Exactness")]
public sealed class InstructionSetTests
{
    [Fact]
    public void TheInstructionSetsInUseAreTheOnesThisRunExpects()
    {
        switch (Environment.GetEnvironmentVariable("ANARCHY_EXPECT_ISA"))
        {
            case "noavx512":
                Assert.False(Avx512F.IsSupported);
                Assert.False(Vector512.IsHardwareAccelerated);
                Assert.Equal(Avx2.IsSupported, Vector256.IsHardwareAccelerated);
                Assert.Equal(256, WaltzBatch.VectorWidth);
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
            default:
                // As the machine is: the kernel takes 512-bit vectors exactly when the hardware accelerates them.
                Assert.Equal(Vector512.IsHardwareAccelerated ? 512 : 256, WaltzBatch.VectorWidth);
                if (Avx512F.IsSupported) Assert.True(Vector512.IsHardwareAccelerated);
                break;
        }
    }
}
