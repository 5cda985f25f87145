namespace EdgeSensor.ImageBuilder;

/// <summary>
/// Arguments: --app &lt;app.dll&gt; --reference &lt;dll&gt;... --mdp &lt;metadata processor dll&gt; --core-pe &lt;package mscorlib.pe&gt;
/// --out &lt;dir&gt; --image &lt;file name&gt; --configuration &lt;name&gt; [--doc &lt;docs/firmware.md&gt;] [--cache &lt;dir&gt;]; any argument may be
/// @file, a response file with one argument per line (the build writes its resolved references that way).
/// </summary>
internal sealed class Options
{
    public const string Usage = "usage: EdgeSensor.ImageBuilder --app <app.dll> --reference <dll>... --mdp <processor.dll> --core-pe <mscorlib.pe> --out <dir> --image <name.bin> --configuration <name> [--doc <file.md>] [--cache <dir>] [@response-file]";

    public string App { get; private set; } = "";
    public List<string> References { get; } = [];
    public string MetadataProcessor { get; private set; } = "";
    public string CorePe { get; private set; } = "";
    public string OutputDirectory { get; private set; } = "";
    public string ImageName { get; private set; } = "";
    public string Configuration { get; private set; } = "";
    public string? Document { get; private set; }

    /// <summary>Where conversion stamps go (--cache); the output directory when not given.</summary>
    public string? CacheDirectory { get; private set; }

    public static bool TryParse(IReadOnlyList<string> args, out Options options, out string? error)
    {
        options = new Options();
        error = null;
        var expanded = new List<string>();
        foreach (var arg in args)
        {
            if (!arg.StartsWith('@'))
            {
                expanded.Add(arg);
                continue;
            }
            if (!File.Exists(arg[1..]))
            {
                error = $"response file not found: '{arg[1..]}'";
                return false;
            }
            expanded.AddRange(File.ReadAllLines(arg[1..]).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')));
        }
        for (var i = 0; i < expanded.Count; i++)
        {
            if (i + 1 >= expanded.Count)
            {
                error = $"'{expanded[i]}' needs a value";
                return false;
            }
            var value = expanded[++i];
            switch (expanded[i - 1])
            {
                case "--app": options.App = value; break;
                case "--reference": options.References.Add(value); break;
                case "--mdp": options.MetadataProcessor = value; break;
                case "--core-pe": options.CorePe = value; break;
                case "--out": options.OutputDirectory = value; break;
                case "--image": options.ImageName = value; break;
                case "--configuration": options.Configuration = value; break;
                case "--doc": options.Document = value; break;
                case "--cache": options.CacheDirectory = value; break;
                default:
                    error = $"unexpected argument '{expanded[i - 1]}'";
                    return false;
            }
        }
        var missing = new[] { ("--app", options.App), ("--mdp", options.MetadataProcessor), ("--core-pe", options.CorePe),
            ("--out", options.OutputDirectory), ("--image", options.ImageName), ("--configuration", options.Configuration) }
            .Where(o => o.Item2.Length == 0).Select(o => o.Item1).ToList();
        if (missing.Count > 0)
        {
            error = "missing " + string.Join(", ", missing);
            return false;
        }
        if (options.ImageName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || options.ImageName.Contains(".."))
        {
            error = $"--image must be a file name, not '{options.ImageName}'";
            return false;
        }
        return true;
    }
}
