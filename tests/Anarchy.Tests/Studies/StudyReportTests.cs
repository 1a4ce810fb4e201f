using Anarchy.Statistics;
using Anarchy.Studies;

namespace Anarchy.Tests.Studies;

public sealed class StudyReportTests
{
    private static string[] Lines(StudyReport report) => report.Text.Split(Environment.NewLine);

    [Fact]
    public void A_table_has_a_header_an_alignment_row_and_one_line_per_row()
    {
        var report = new StudyReport().Table(["polarity", "runs", "wars"],
        [
            ["unipolar", "30", "1.5"],
            ["bipolar", "30", "2.0"],
        ]);
        var lines = Lines(report);
        Assert.Equal("| polarity | runs | wars |", lines[0]);
        Assert.Equal("|:--|--:|--:|", lines[1]);
        Assert.Equal("| unipolar | 30 | 1.5 |", lines[2]);
        Assert.Equal("| bipolar | 30 | 2.0 |", lines[3]);
        Assert.Equal("", lines[4]);
        Assert.Equal(6, lines.Length); // the blank line after the table, and the end of the text
    }

    [Fact]
    public void A_one_column_table_has_only_the_left_aligned_marker()
    {
        var lines = Lines(new StudyReport().Table(["x"], [["a"]]));
        Assert.Equal("| x |", lines[0]);
        Assert.Equal("|:--|", lines[1]);
        Assert.Equal("| a |", lines[2]);
    }

    [Fact]
    public void Pipes_in_cells_and_headers_are_escaped()
    {
        var lines = Lines(new StudyReport().Table(["a|b", "c"], [["x | y", "|"]]));
        Assert.Equal(@"| a\|b | c |", lines[0]);
        Assert.Equal(@"| x \| y | \| |", lines[2]);
        // Escaped, every line still has exactly header.Count + 1 unescaped separators.
        foreach (string line in lines.Take(3))
            Assert.Equal(3, line.Replace(@"\|", "", StringComparison.Ordinal).Count(c => c == '|'));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new StudyReport().Table(["a", "b"], [["1", "2"], ["1"]]));
        Assert.Throws<ArgumentException>(() => new StudyReport().Table(["a", "b"], [["1", "2", "3"]]));
        Assert.Throws<ArgumentNullException>(() => new StudyReport().Table(null!, []));
    }

    [Fact]
    public void Headings_paragraphs_bullets_and_images_are_markdown_blocks()
    {
        var report = new StudyReport()
            .Heading("Design")
            .Heading("Detail", 3)
            .Paragraph("Some text.")
            .Bullets(["one", "two"])
            .Image(@"plots\a.png", "A | B");
        Assert.Equal(
            string.Join(Environment.NewLine,
                "## Design", "", "### Detail", "", "Some text.", "", "- one", "- two", "",
                @"![A \| B](plots/a.png)", "", "*A | B*", "", ""),
            report.Text);
    }

    [Theory]
    [InlineData(1.0, 2, "1.00")]
    [InlineData(1.005, 1, "1.0")]
    [InlineData(-2.345, 2, "-2.35")]
    [InlineData(12345.6789, 0, "12346")]
    [InlineData(0.5, 3, "0.500")]
    [InlineData(double.NaN, 2, "n/a")]
    public void Number_formats_with_fixed_decimals_in_the_invariant_culture(double value, int digits, string expected)
    {
        Assert.Equal(expected, StudyReport.Number(value, digits));
    }

    [Fact]
    public void Interval_shows_the_mean_and_its_bounds()
    {
        Assert.Equal("3.00 [1.04, 4.96]", StudyReport.Interval(MeanInterval.Of([1, 2, 3, 4, 5])));
        Assert.Equal("3.0 [1.0, 5.0]", StudyReport.Interval(MeanInterval.Of([1, 2, 3, 4, 5]), 1));
    }

    [Fact]
    public void Interval_without_bounds_shows_the_mean_alone_and_no_mean_as_na()
    {
        Assert.Equal("7.00", StudyReport.Interval(MeanInterval.Of([7])));
        Assert.Equal("n/a", StudyReport.Interval(MeanInterval.Of([])));
        Assert.Equal("n/a", StudyReport.Interval(MeanInterval.Ratio([0, 0], [0, 0])));
    }

    [Fact]
    public void Percent_shows_the_estimate_and_the_wilson_bounds_in_percent()
    {
        // Wilson 5/10: 0.23659, 0.76341.
        Assert.Equal("50.0% [23.7, 76.3]", StudyReport.Percent(Proportion.Wilson(5, 10)));
        Assert.Equal("0.0% [0.0, 27.8]", StudyReport.Percent(Proportion.Wilson(0, 10)));
        Assert.Equal("30.80% [25.53, 36.62]", StudyReport.Percent(Proportion.Wilson(81, 263), 2));
    }

    [Fact]
    public void Percent_without_trials_is_na()
    {
        Assert.Equal("n/a", StudyReport.Percent(Proportion.Wilson(0, 0)));
    }

    [Fact]
    public void A_bound_that_would_round_to_zero_keeps_two_significant_digits()
    {
        Assert.Equal("0.2 [0.0042, 0.5]", StudyReport.Interval(new MeanInterval(0.2, 0.0042, 0.5, 30), 1));
        Assert.Equal("0.2 [-0.0042, 0.5]", StudyReport.Interval(new MeanInterval(0.2, -0.0042, 0.5, 30), 1));
        Assert.Equal("0.2 [0.0, 0.5]", StudyReport.Interval(new MeanInterval(0.2, 0, 0.5, 30), 1));
    }

    [Fact]
    public void A_count_interval_is_cut_at_zero()
    {
        Assert.Equal("0.40 [0.00, 0.93]", StudyReport.CountInterval(new MeanInterval(0.4, -0.13, 0.93, 40)));
        Assert.Equal("2.00 [1.50, 2.50]", StudyReport.CountInterval(new MeanInterval(2, 1.5, 2.5, 40)));
    }

    [Fact]
    public void A_p_value_has_three_decimals_or_is_marked_as_below_one_in_a_thousand()
    {
        Assert.Equal("0.049", StudyReport.P(0.0494));
        Assert.Equal("0.001", StudyReport.P(0.001));
        Assert.Equal("<0.001", StudyReport.P(0.00099));
        Assert.Equal("1.000", StudyReport.P(1));
        Assert.Equal("n/a", StudyReport.P(double.NaN));
    }
}
