using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace EdgeSensor.Simulator.Commands;

/// <summary>
/// Option kinds the simulator's commands share, each with its own parser so that a bad value is refused in words
/// ("--seeds must be an integer 1..1000, got '5m'"), never with System.CommandLine's .NET type names.
/// </summary>
internal static class OptionValues
{
    /// <summary>A whole number in <paramref name="min"/>..<paramref name="max"/>; null when the option is absent.</summary>
    public static Option<long?> Integer(string name, long min, long max, string description)
    {
        var option = new Option<long?>(name) { Description = description, HelpName = "n" };
        option.CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) && value >= min && value <= max)
            {
                return value;
            }

            result.AddError($"{name} must be an integer {min}..{max}, got '{text}'");
            return null;
        };
        return option;
    }

    /// <summary>One of <paramref name="choices"/> (the first is the default).</summary>
    public static Option<string> Choice(string name, string description, params string[] choices)
    {
        var option = new Option<string>(name)
        {
            Description = $"{description}.",
            HelpName = string.Join("|", choices),
            DefaultValueFactory = _ => choices[0],
        };
        option.Validators.Add(result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : choices[0];
            if (!choices.Contains(text, StringComparer.Ordinal))
            {
                string words = choices.Length == 2 ? $"{choices[0]} or {choices[1]}" : $"{string.Join(", ", choices[..^1])} or {choices[^1]}";
                result.AddError($"{name} must be {words}, got '{text}'");
            }
        });
        return option;
    }

    /// <summary>A value given as text, checked by the command (paths, names, lists).</summary>
    public static Option<string?> Text(string name, string helpName, string description)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = helpName };
        option.Validators.Add(result => RefuseOptionNames(result, name));
        return option;
    }

    /// <summary>A value that may be given more than once (<c>--scenario a --scenario b</c>).</summary>
    public static Option<string[]> Texts(string name, string helpName, string description)
    {
        var option = new Option<string[]>(name) { Description = description, HelpName = helpName };
        option.Validators.Add(result => RefuseOptionNames(result, name));
        return option;
    }

    // "--traces --help" once made a folder named "--help": an option name is never taken as a value.
    private static void RefuseOptionNames(OptionResult result, string name)
    {
        foreach (var token in result.Tokens)
        {
            string text = token.Value;
            if (text.StartsWith("--", StringComparison.Ordinal) || (text.Length == 2 && text[0] == '-' && (char.IsLetter(text[1]) || text[1] == '?')))
            {
                result.AddError($"{name} needs a value, got the option '{text}'");
                return;
            }
        }
    }

    /// <summary>A switch that takes no value (so that <c>--json maybe</c> is refused, not read as a boolean).</summary>
    public static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };
}
