using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeSensor.Cli.Commands;

/// <summary>
/// Reads a duration as people write it: <c>90s</c>, <c>5m</c>, <c>2h</c>, <c>1h30m</c>, <c>1d</c>, or .NET's
/// <c>hh:mm:ss</c> (<c>00:05:00</c>). Anything else is a usage error in words.
/// </summary>
internal static partial class DurationArgument
{
    public const string Examples = "e.g. 30s, 5m, 2h, 1h30m or 00:05:00";

    public static TimeSpan? Parse(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        string text = result.Tokens[0].Value;
        if (TryParse(text, out TimeSpan value))
        {
            return value;
        }

        string option = result.Parent is OptionResult parent ? parent.Option.Name : "the duration";
        result.AddError($"{option}: '{text}' is not a duration ({Examples}).");
        return null;
    }

    public static bool TryParse(string text, out TimeSpan value)
    {
        text = text.Trim();
        Match match = Units().Match(text);
        if (match.Success && match.Length > 0)
        {
            double total = 0;
            foreach (Capture part in match.Groups["part"].Captures)
            {
                Match piece = Unit().Match(part.Value);
                double amount = double.Parse(piece.Groups["amount"].Value, CultureInfo.InvariantCulture);
                total += amount * piece.Groups["unit"].Value switch
                {
                    "ms" => 0.001,
                    "s" => 1,
                    "m" => 60,
                    "h" => 3600,
                    _ => 86400,
                };
            }

            if (total <= TimeSpan.MaxValue.TotalSeconds)
            {
                value = TimeSpan.FromSeconds(total);
                return true;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && text.Contains(':', StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?<part>\d{1,9}(\.\d{1,6})?(ms|s|m|h|d))+$")]
    private static partial Regex Units();

    [GeneratedRegex(@"^(?<amount>\d{1,9}(\.\d{1,6})?)(?<unit>ms|s|m|h|d)$")]
    private static partial Regex Unit();
}
