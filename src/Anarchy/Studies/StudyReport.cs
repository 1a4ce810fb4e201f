using System.Globalization;
using System.Text;
using Anarchy.Statistics;

namespace Anarchy.Studies;

/// <summary>
/// A study's report as Markdown: headings, paragraphs, tables and images, written as <c>report.md</c> in one piece
/// when the study ends. Numbers are formatted in the invariant culture.
/// </summary>
public sealed class StudyReport
{
    private readonly StringBuilder _text = new();

    /// <summary>The Markdown written so far.</summary>
    public string Text => _text.ToString();

    public StudyReport Heading(string text, int level = 2)
    {
        _text.Append('#', level).Append(' ').AppendLine(text).AppendLine();
        return this;
    }

    public StudyReport Paragraph(string text)
    {
        _text.AppendLine(text).AppendLine();
        return this;
    }

    public StudyReport Bullets(IEnumerable<string> items)
    {
        foreach (string item in items) _text.Append("- ").AppendLine(item);
        _text.AppendLine();
        return this;
    }

    /// <summary>A table; the first column is left-aligned, the others right-aligned.</summary>
    public StudyReport Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        _text.Append("| ").AppendJoin(" | ", header.Select(Escape)).AppendLine(" |");
        _text.Append("|:--").Append(string.Concat(Enumerable.Repeat("|--:", header.Count - 1))).AppendLine("|");
        foreach (var row in rows)
        {
            if (row.Count != header.Count)
                throw new ArgumentException($"a row has {row.Count} cells, the header {header.Count}", nameof(rows));
            _text.Append("| ").AppendJoin(" | ", row.Select(Escape)).AppendLine(" |");
        }
        _text.AppendLine();
        return this;
    }

    /// <summary>An image by its path relative to the report, with a caption under it.</summary>
    public StudyReport Image(string relativePath, string caption)
    {
        _text.Append("![").Append(Escape(caption)).Append("](").Append(relativePath.Replace('\\', '/')).AppendLine(")").AppendLine();
        _text.Append('*').Append(caption).AppendLine("*").AppendLine();
        return this;
    }

    /// <summary>A number with <paramref name="digits"/> decimals, or "n/a" for NaN.</summary>
    public static string Number(double value, int digits = 2) =>
        double.IsNaN(value) ? "n/a" : value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>
    /// A mean with its interval: <c>1.23 [1.01, 1.45]</c>. A bound that is not 0 but would round to it is written with
    /// two significant digits (<c>0.2 [0.004, 0.5]</c>), so that an interval that excludes 0 never shows a 0 bound.
    /// </summary>
    public static string Interval(MeanInterval m, int digits = 2) =>
        double.IsNaN(m.Lower) ? Number(m.Mean, digits) : $"{Number(m.Mean, digits)} [{Bound(m.Lower, digits)}, {Bound(m.Upper, digits)}]";

    /// <summary>
    /// The interval of a mean count or rate, which cannot be negative: as <see cref="Interval"/> with the lower bound
    /// cut at 0 (a Student-t interval of a rare count can reach below 0).
    /// </summary>
    public static string CountInterval(MeanInterval m, int digits = 2) =>
        Interval(m with { Lower = Math.Max(0, m.Lower) }, digits);

    private static string Bound(double value, int digits) =>
        value != 0 && Math.Abs(value) < 0.5 * Math.Pow(10, -digits)
            ? value.ToString("G2", CultureInfo.InvariantCulture)
            : Number(value, digits);

    /// <summary>
    /// A p-value (adjusted or not): three decimals, <c>&lt;0.001</c> below 0.001, "n/a" for NaN. Three decimals tell
    /// any value near the usual levels (0.05, 0.01) from them.
    /// </summary>
    public static string P(double p) =>
        double.IsNaN(p) ? "n/a" : p < 0.001 ? "<0.001" : p.ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>A proportion in percent with its interval: <c>12.3% [10.1, 14.6]</c>.</summary>
    public static string Percent(Proportion p, int digits = 1) =>
        p.Trials == 0 ? "n/a" : $"{Number(100 * p.Estimate, digits)}% [{Number(100 * p.Lower, digits)}, {Number(100 * p.Upper, digits)}]";

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
