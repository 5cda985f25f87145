namespace EdgeSensor.NanoCheck;

/// <summary>
/// The checker's arguments: <c>&lt;assembly.dll&gt; [--pdb &lt;file&gt;] [--allow-reference &lt;name or identity&gt;]...</c>,
/// where any argument may be <c>@file</c>: a response file with one argument per line (blank lines and lines
/// starting with '#' skipped), as the firmware build writes its resolved references.
/// </summary>
internal sealed class CommandLine
{
    public const string Usage = "usage: EdgeSensor.NanoCheck <assembly.dll> [--pdb <file.pdb>] [--allow-reference <name or identity>]... [@response-file]";

    private CommandLine(string assembly, string pdb, IReadOnlyList<string> allowedReferences)
    {
        Assembly = assembly;
        Pdb = pdb;
        AllowedReferences = allowedReferences;
    }

    public string Assembly { get; }

    public string Pdb { get; }

    /// <summary>mscorlib plus every --allow-reference, each a valid assembly name.</summary>
    public IReadOnlyList<string> AllowedReferences { get; }

    /// <summary>Parses the arguments; false with a one-line reason on anything unexpected or unreadable.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out CommandLine? commandLine, out string? error)
    {
        commandLine = null;
        if (!TryExpand(args, out var expanded, out error))
        {
            return false;
        }
        string? assembly = null;
        string? pdb = null;
        var allowed = new List<string>(NanoChecker.DefaultAllowedReferences);
        for (var i = 0; i < expanded.Count; i++)
        {
            switch (expanded[i])
            {
                case "--pdb" when i + 1 < expanded.Count:
                    pdb = expanded[++i];
                    break;
                case "--allow-reference" when i + 1 < expanded.Count:
                    var entry = expanded[++i];
                    if (!AllowedReference.TryParse(entry, out _, out error))
                    {
                        error = $"--allow-reference: {error}";
                        return false;
                    }
                    allowed.Add(entry);
                    break;
                case var path when assembly is null && !path.StartsWith("--", StringComparison.Ordinal):
                    assembly = path;
                    break;
                default:
                    error = $"unexpected argument '{expanded[i]}'";
                    return false;
            }
        }
        if (assembly is null)
        {
            error = "no assembly given";
            return false;
        }
        commandLine = new CommandLine(assembly, pdb ?? Path.ChangeExtension(assembly, ".pdb"), allowed);
        return true;
    }

    private static bool TryExpand(IReadOnlyList<string> args, out List<string> expanded, out string? error)
    {
        expanded = [];
        error = null;
        foreach (var arg in args)
        {
            if (!arg.StartsWith('@'))
            {
                expanded.Add(arg);
                continue;
            }
            var file = arg[1..];
            if (!File.Exists(file))
            {
                error = $"response file not found: '{file}'";
                return false;
            }
            expanded.AddRange(File.ReadAllLines(file)
                .Select(line => line.Trim())
                .Where(line => line.Length > 0 && !line.StartsWith('#')));
        }
        return true;
    }
}
