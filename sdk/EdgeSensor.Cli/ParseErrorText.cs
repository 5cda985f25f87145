using System.Text.RegularExpressions;

namespace EdgeSensor.Cli;

/// <summary>
/// Puts System.CommandLine's conversion errors into words: "Cannot parse argument 'x' for option '--count' as expected
/// type 'System.Int32'" names a .NET type an operator should never have to read.
/// </summary>
internal static partial class ParseErrorText
{
    public static string Describe(string message)
    {
        Match match = CannotParse().Match(message);
        if (!match.Success)
        {
            return message;
        }

        string type = match.Groups["type"].Value;
        string expected = type switch
        {
            _ when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) => "a whole number",
            _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) => "a number (e.g. 0.5)",
            _ when type.Contains("TimeSpan", StringComparison.Ordinal) => "a duration (e.g. 30s, 5m or 00:05:00)",
            _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
            _ when type.Contains("FileInfo", StringComparison.Ordinal) || type.Contains("DirectoryInfo", StringComparison.Ordinal) => "a path",
            _ => "a valid value",
        };
        return $"{match.Groups["option"].Value}: '{match.Groups["value"].Value}' is not {expected}.";
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (option|argument) '(?<option>[^']*)' as expected type '(?<type>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex CannotParse();
}
