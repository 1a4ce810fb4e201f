using Anarchy.Sweeps;
using Anarchy.Sweeps.Designs;

namespace Anarchy.Tests.Sweeps;

public sealed class FactorTests
{
    [Fact]
    public void A_continuous_factor_maps_the_unit_interval_linearly_onto_its_range()
    {
        var factor = new Factor("escalation", -2, 6);
        Assert.Equal(-2.0, factor.FromUnit(0));
        Assert.Equal(0.0, factor.FromUnit(0.25));
        Assert.Equal(2.0, factor.FromUnit(0.5));
        Assert.Equal(6.0, factor.FromUnit(1));
    }

    [Fact]
    public void An_integer_factor_gives_each_integer_an_equal_share_of_the_unit_interval()
    {
        var factor = new Factor("states", 1, 3, IsInteger: true);
        Assert.Equal(1.0, factor.FromUnit(0));
        Assert.Equal(1.0, factor.FromUnit(0.33));
        Assert.Equal(2.0, factor.FromUnit(0.34));
        Assert.Equal(2.0, factor.FromUnit(0.66));
        Assert.Equal(3.0, factor.FromUnit(0.67));
        Assert.Equal(3.0, factor.FromUnit(Math.BitDecrement(1.0)));
        Assert.Equal(3.0, factor.FromUnit(1));
    }

    [Fact]
    public void A_factor_with_levels_takes_the_level_whose_share_holds_the_coordinate()
    {
        var factor = Factor.WithLevels("doctrine", 10, 30, 20, 40);
        Assert.Equal((10.0, 40.0), (factor.Min, factor.Max));
        Assert.Equal(10.0, factor.FromUnit(0));
        Assert.Equal(10.0, factor.FromUnit(0.2499));
        Assert.Equal(30.0, factor.FromUnit(0.25));
        Assert.Equal(20.0, factor.FromUnit(0.5));
        Assert.Equal(40.0, factor.FromUnit(0.9999));
        Assert.Equal(40.0, factor.FromUnit(1));
    }

    [Fact]
    public void Mapped_values_never_leave_the_range()
    {
        // 0.1 + u * (0.3 - 0.1) rounds above 0.3 for u just below 1 without the clamp.
        var factor = new Factor("cost", 0.1, 0.3);
        for (var u = Math.BitDecrement(1.0); u > 0.999999; u = Math.BitDecrement(u - 1e-9))
        {
            var value = factor.FromUnit(u);
            Assert.InRange(value, 0.1, 0.3);
        }
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Unit_coordinates_outside_zero_to_one_are_refused(double u)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Factor("x", 0, 1).FromUnit(u));
    }

    [Fact]
    public void Valid_factors_have_no_problems()
    {
        Factor[] factors =
        [
            new Factor("honour", 0, 2),
            new Factor("states", 3, 12, IsInteger: true),
            Factor.WithLevels("doctrine", 0, 1, 2),
            new Factor("fixed", 1, 1),
        ];
        Assert.Empty(Factor.Validate(factors));
    }

    [Fact]
    public void Validation_reports_each_problem_naming_the_factor()
    {
        Factor[] factors =
        [
            new Factor("backwards", 2, 1),
            new Factor("undefined", double.NaN, 1),
            new Factor("twice", 0, 1),
            new Factor("twice", 0, 1),
            new Factor("none", 0, 1, Levels: []),
            new Factor("repeated", 0, 5, Levels: [1, 2, 1]),
            new Factor("outside", 0, 5, Levels: [1, 7]),
            new Factor("half", 0.5, 3, IsInteger: true),
            new Factor(" ", 0, 1),
        ];

        var problems = Factor.Validate(factors);

        Assert.Contains(problems, p => p.Contains("'backwards'", StringComparison.Ordinal) && p.Contains("empty range", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'undefined'", StringComparison.Ordinal) && p.Contains("not a finite number", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'twice' appears more than once", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'none'", StringComparison.Ordinal) && p.Contains("empty list of levels", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'repeated'", StringComparison.Ordinal) && p.Contains("level 1 more than once", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'outside'", StringComparison.Ordinal) && p.Contains("level 7 outside [0, 5]", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'half'", StringComparison.Ordinal) && p.Contains("integer", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Factor 8 has no name", StringComparison.Ordinal));
        Assert.Equal(8, problems.Count);
    }

    [Fact]
    public void Designs_refuse_invalid_factors_with_every_problem_in_the_message()
    {
        Factor[] factors = [new Factor("backwards", 2, 1), new Factor("none", 0, 1, Levels: [])];
        var error = Assert.Throws<ArgumentException>(() => LatinHypercube.Points(factors, 10, seed: 1));
        Assert.Contains("'backwards'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'none'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => FullFactorial.Points(factors));
        Assert.Throws<ArgumentException>(() => Saltelli.Points(factors, 8));
        Assert.Throws<ArgumentException>(() => SobolSequence.Points(factors, 8));
        Assert.Throws<ArgumentException>(() => FullFactorial.Points([]));
    }
}
