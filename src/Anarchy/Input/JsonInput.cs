using System.Globalization;
using System.Text.Json;

namespace Anarchy.Input;

/// <summary>
/// Reading a JSON input file under limits that keep refusing it cheap: the file's length is checked before it is
/// read, and every object is checked for a key given twice (JSON allows it and would let the last value win).
/// </summary>
public static class JsonInput
{
    /// <summary>The options every input file is parsed with: comments and trailing commas allowed, nesting bounded.</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    /// <summary>
    /// The text of <paramref name="path"/>, or null with one problem in <paramref name="problem"/> when it cannot be
    /// read or is longer than <paramref name="maxBytes"/> (checked from its length, before reading).
    /// </summary>
    public static string? ReadText(string path, string what, long maxBytes, string maxText, out string? problem)
    {
        problem = null;
        try
        {
            long length = new FileInfo(path).Length;
            if (length > maxBytes)
            {
                problem = $"{what} '{path}': {Size(length)} is larger than the limit of {maxText} for an input file";
                return null;
            }
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = $"{what} '{path}': cannot be read ({e.Message})";
            return null;
        }
    }

    /// <summary>
    /// Adds "<c>path: given twice</c>" to <paramref name="problems"/> for every key repeated in one object, anywhere
    /// in <paramref name="element"/>, and a problem for every name or string that cannot be decoded (an unpaired
    /// UTF-16 surrogate escape such as <c>"\ud800"</c>). Keys are compared after unescaping, so <c>"st\u0061tes"</c>
    /// repeats <c>"states"</c>. A subtree whose path <paramref name="skip"/> accepts is not entered (its own reader
    /// checks it). Returns false when some text cannot be decoded: the file cannot be read further.
    /// </summary>
    public static bool CheckKeysAndText(JsonElement element, string path, List<string> problems, Func<string, bool>? skip = null)
    {
        bool readable = true;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        problems.Add($"{(path.Length == 0 ? "" : path + ": ")}a field name holds an unpaired UTF-16 surrogate escape (\\uD800 to \\uDFFF), which is not text");
                        readable = false;
                        continue;
                    }
                    string at = path.Length == 0 ? name : path + "." + name;
                    if (!seen.Add(name))
                        problems.Add($"{at}: given twice (a field may be given once)");
                    if (skip is null || !skip(at))
                        readable &= CheckKeysAndText(property.Value, at, problems, skip);
                }
                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray())
                    readable &= CheckKeysAndText(item, $"{path}[{i++}]", problems, skip);
                break;
            case JsonValueKind.String:
                try
                {
                    element.GetString();
                }
                catch (InvalidOperationException)
                {
                    problems.Add($"{path}: the string holds an unpaired UTF-16 surrogate escape (\\uD800 to \\uDFFF), which is not text");
                    readable = false;
                }
                break;
        }
        return readable;
    }

    /// <summary>The problem for a number that does not fit a double (for example 1e400), or null if it fits.</summary>
    public static string? NotFinite(JsonElement v, string at, string? allowed = null)
    {
        if (v.ValueKind != JsonValueKind.Number || (v.TryGetDouble(out double d) && double.IsFinite(d))) return null;
        return $"{at}: value {Truncate(v.GetRawText())} is beyond the range of a finite number" + (allowed is null ? "" : $" (allowed range {allowed})");
    }

    /// <summary>A value as written in a message, cut to 40 characters.</summary>
    public static string Truncate(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("F1", CultureInfo.InvariantCulture) + " MiB"
        : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
}
