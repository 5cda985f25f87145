namespace EdgeSensor.Simulator.Commands;

/// <summary>
/// A small parser for <c>command [positional...] [--option value] [--flag]</c>. Options are declared per command so an
/// unknown or valueless option is a usage error rather than silently ignored.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandLine(List<string> positional) => Positional = positional;

    public IReadOnlyList<string> Positional { get; }

    /// <summary>Parses <paramref name="args"/>; <paramref name="valueOptions"/> take a value, <paramref name="flags"/> do not.</summary>
    public static bool TryParse(IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags,
        out CommandLine result, out string error)
    {
        var positional = new List<string>();
        result = new CommandLine(positional);
        error = string.Empty;
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                string name = a[2..];
                string? inline = null;
                int eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    inline = name[(eq + 1)..];
                    name = name[..eq];
                }

                if (flags.Contains(name) && inline is null)
                {
                    result._flags.Add(name);
                }
                else if (valueOptions.Contains(name))
                {
                    string? value = inline ?? (i + 1 < args.Count ? args[++i] : null);
                    if (value is null)
                    {
                        error = $"option --{name} needs a value";
                        return false;
                    }

                    if (!result._options.TryGetValue(name, out var list))
                    {
                        result._options[name] = list = [];
                    }

                    list.Add(value);
                }
                else
                {
                    error = $"unknown option --{name}";
                    return false;
                }
            }
            else
            {
                positional.Add(a);
            }
        }

        return true;
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Value(string name) => _options.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> Values(string name) => _options.TryGetValue(name, out var list) ? list : [];

    /// <summary>An integer option within bounds; false with a message when present but invalid.</summary>
    public bool TryGetInt(string name, long min, long max, out long? value, out string error)
    {
        value = null;
        error = string.Empty;
        string? text = Value(name);
        if (text is null)
        {
            return true;
        }

        if (!long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long v)
            || v < min || v > max)
        {
            error = $"--{name} must be an integer {min}..{max}, got '{text}'";
            return false;
        }

        value = v;
        return true;
    }
}
