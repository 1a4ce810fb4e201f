using Anarchy.Statistics;

namespace Anarchy.Tests.Statistics;

/// <summary>
/// Holm and Benjamini–Hochberg adjusted p-values (<see cref="MultipleComparisons"/>). The expected values are worked
/// by hand from the definitions (R's <c>p.adjust</c>, written out beside each) or quoted from Benjamini and Hochberg
/// (1995); none is computed by the code under test.
/// </summary>
public sealed class MultipleComparisonsTests
{
    // An unsorted vector with a tie (0.03 twice) and large values, m = 8.
    private static readonly double[] Mixed = [0.04, 0.001, 0.03, 0.2, 0.01, 0.5, 0.03, 0.8];

    // Benjamini and Hochberg (1995, J. R. Statist. Soc. B 57: 289-300): the 15 p-values of their worked example.
    // At 0.05 their procedure rejects the four smallest, while Bonferroni-type procedures reject only the three below
    // 0.05/15 = 0.0033.
    private static readonly double[] BenjaminiHochberg1995 =
        [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0000];

    [Fact]
    public void Holm_matches_the_step_down_computation_by_hand()
    {
        // Ascending: 0.001, 0.01, 0.03, 0.03, 0.04, 0.2, 0.5, 0.8, times m - i + 1 = 8, 7, ..., 1:
        // 0.008, 0.07, 0.18, 0.15, 0.16, 0.6, 1.0, 0.8; running maximum (capped at 1):
        // 0.008, 0.07, 0.18, 0.18, 0.18, 0.6, 1, 1. Back in the input order
        // (R: p.adjust(c(0.04, 0.001, 0.03, 0.2, 0.01, 0.5, 0.03, 0.8), "holm")):
        double[] expected = [0.18, 0.008, 0.18, 0.6, 0.07, 1, 0.18, 1];
        AssertAll(expected, MultipleComparisons.Holm(Mixed));
        AssertAll(expected, MultipleComparisons.Adjust(Mixed, Correction.Holm));
    }

    [Fact]
    public void Benjamini_hochberg_matches_the_step_up_computation_by_hand()
    {
        // Ascending, times m / i = 8, 4, 8/3, 2, 1.6, 4/3, 8/7, 1:
        // 0.008, 0.04, 0.08, 0.06, 0.064, 0.26667, 0.57143, 0.8; running minimum from the largest:
        // 0.008, 0.04, 0.06, 0.06, 0.064, 0.26667, 0.57143, 0.8. Back in the input order
        // (R: p.adjust(c(0.04, 0.001, 0.03, 0.2, 0.01, 0.5, 0.03, 0.8), "BH")):
        double[] expected = [0.064, 0.008, 0.06, 0.2 * 8 / 6, 0.04, 0.5 * 8 / 7, 0.06, 0.8];
        AssertAll(expected, MultipleComparisons.BenjaminiHochberg(Mixed));
        AssertAll(expected, MultipleComparisons.Adjust(Mixed, Correction.BenjaminiHochberg));
    }

    [Fact]
    public void Evenly_spaced_p_values_give_the_textbook_results()
    {
        // R: p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "holm") = 0.05 0.08 0.09 0.09 0.09 (5 × 0.01, 4 × 0.02, 3 × 0.03,
        // then the running maximum), and "BH" = 0.05 0.05 0.05 0.05 0.05 (each m p / i is 0.05).
        double[] p = [0.01, 0.02, 0.03, 0.04, 0.05];
        AssertAll([0.05, 0.08, 0.09, 0.09, 0.09], MultipleComparisons.Holm(p));
        AssertAll([0.05, 0.05, 0.05, 0.05, 0.05], MultipleComparisons.BenjaminiHochberg(p));
    }

    [Fact]
    public void The_example_of_benjamini_and_hochberg_rejects_four_with_bh_and_three_with_holm()
    {
        var bh = MultipleComparisons.BenjaminiHochberg(BenjaminiHochberg1995);
        var holm = MultipleComparisons.Holm(BenjaminiHochberg1995);
        Assert.Equal(4, bh.Count(q => q < 0.05));
        Assert.Equal(3, holm.Count(q => q < 0.05));
        // By hand: the fourth BH value is 15 × 0.0095 / 4 = 0.035625 (the running minimum from above does not lower
        // it: 15 × 0.0201 / 5 = 0.0603); the fourth Holm value is 12 × 0.0095 = 0.114.
        Assert.Equal(0.035625, bh[3], 1e-15);
        Assert.Equal(0.0603, bh[4], 1e-15);
        Assert.Equal(0.114, holm[3], 1e-15);
        Assert.Equal(1, holm[^1]);
    }

    [Fact]
    public void An_unadjusted_p_of_003_among_20_tests_is_not_significant()
    {
        // One p-value of 0.03 among 19 of 0.5: Holm 20 × 0.03 = 0.6; BH min(20 × 0.03 / 1, 20 × 0.5 / 20) = 0.5.
        double[] p = [0.03, .. Enumerable.Repeat(0.5, 19)];
        Assert.Equal(0.6, MultipleComparisons.Holm(p)[0], 1e-15);
        Assert.Equal(0.5, MultipleComparisons.BenjaminiHochberg(p)[0], 1e-15);
        Assert.True(p[0] < 0.05);
    }

    [Fact]
    public void Nan_p_values_stay_nan_and_do_not_count_in_the_family()
    {
        // R: p.adjust(c(0.01, NA, 0.04), "holm") = 0.02 NA 0.04 (m = 2: 2 × 0.01, then max(0.02, 1 × 0.04)) and
        // "BH" = 0.02 NA 0.04 (2 × 0.04 / 2 = 0.04, then min(0.04, 2 × 0.01 / 1) = 0.02).
        double[] p = [0.01, double.NaN, 0.04];
        var holm = MultipleComparisons.Holm(p);
        var bh = MultipleComparisons.BenjaminiHochberg(p);
        Assert.Equal(0.02, holm[0], 1e-15);
        Assert.True(double.IsNaN(holm[1]));
        Assert.Equal(0.04, holm[2], 1e-15);
        Assert.Equal(0.02, bh[0], 1e-15);
        Assert.True(double.IsNaN(bh[1]));
        Assert.Equal(0.04, bh[2], 1e-15);
    }

    [Fact]
    public void A_single_test_and_an_empty_family_are_left_alone()
    {
        Assert.Equal([0.03], MultipleComparisons.Holm([0.03]));
        Assert.Equal([0.03], MultipleComparisons.BenjaminiHochberg([0.03]));
        Assert.Empty(MultipleComparisons.Holm([]));
        Assert.Empty(MultipleComparisons.BenjaminiHochberg([]));
    }

    [Fact]
    public void Holm_is_never_below_bh_nor_bh_below_the_unadjusted_p()
    {
        var holm = MultipleComparisons.Holm(BenjaminiHochberg1995);
        var bh = MultipleComparisons.BenjaminiHochberg(BenjaminiHochberg1995);
        for (int i = 0; i < BenjaminiHochberg1995.Length; i++)
        {
            Assert.True(holm[i] >= bh[i], $"{i}: Holm {holm[i]} < BH {bh[i]}");
            Assert.True(bh[i] >= BenjaminiHochberg1995[i], $"{i}: BH {bh[i]} < p {BenjaminiHochberg1995[i]}");
        }
    }

    [Fact]
    public void P_values_outside_the_unit_interval_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MultipleComparisons.Holm([0.5, 1.5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MultipleComparisons.BenjaminiHochberg([-0.1]));
        Assert.Throws<ArgumentNullException>(() => MultipleComparisons.Holm(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => MultipleComparisons.Adjust([0.5], (Correction)7));
    }

    [Fact]
    public void Adjusted_tests_carry_their_verdict_and_direction()
    {
        // Two paired differences: (1, 2, 3, 4, 5) has p = 0.013235599563682690 (R: t.test(1:5)); 20 constant zero
        // differences have p = 1. Holm over the pair: 2 × 0.0132356 = 0.0264712, significant at 0.05, not at 0.01.
        var strong = TTest.OneSample([1.0, 2, 3, 4, 5]);
        var none = TTest.OneSample(new double[20]);
        var adjusted = MultipleComparisons.Adjust([strong, none], Correction.Holm);
        Assert.Equal(2 * 0.013235599563682690, adjusted[0].AdjustedP, 1e-10);
        Assert.Equal(2, adjusted[0].FamilySize);
        Assert.Equal(Correction.Holm, adjusted[0].Correction);
        Assert.True(adjusted[0].IsSignificant());
        Assert.False(adjusted[0].IsSignificant(0.01));
        Assert.True(adjusted[0].IsSignificantUnadjusted(0.05));
        Assert.Equal(1, adjusted[0].Direction());
        Assert.Equal(0, adjusted[0].Direction(0.01));
        Assert.Equal(1, adjusted[1].AdjustedP);
        Assert.Equal(0, adjusted[1].Direction());
        Assert.Equal(MeanInterval.Of([1.0, 2, 3, 4, 5]).Lower, adjusted[0].Interval().Lower, 1e-12);
        Assert.Equal("Holm", MultipleComparisons.Name(Correction.Holm));
        Assert.Equal("Benjamini–Hochberg", MultipleComparisons.Name(Correction.BenjaminiHochberg));
    }

    private static void AssertAll(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-12);
    }
}
