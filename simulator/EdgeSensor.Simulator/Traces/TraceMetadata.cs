using System.Globalization;

namespace EdgeSensor.Simulator.Traces;

/// <summary>
/// The <c># key: value</c> metadata of a trace. The keys the replay understands are typed properties (validated when
/// read); any other key is kept as text (scenario, seed, sensor model, ROI layout ...).
/// </summary>
public sealed class TraceMetadata
{
    public const string MountHeightKey = "mount_height_mm";
    public const string ZonesKey = "zones";
    public const string InsideZoneKey = "inside_zone";
    public const string TimingBudgetKey = "timing_budget_ms";
    public const string PirHoldKey = "pir_hold_ms";

    private readonly List<KeyValuePair<string, string>> _entries = [];

    public int MountHeightMillimeters { get; set; } = 2400;

    public int Zones { get; set; } = 2;

    /// <summary>The zone on the inside: a crossing from the other zone into it is an entry (default 1).</summary>
    public int InsideZone { get; set; } = 1;

    public int TimingBudgetMs { get; set; } = 33;

    /// <summary>The PIR module's hold time, when the trace states it.</summary>
    public int? PirHoldMs { get; set; }

    /// <summary>Every key in file order, the typed ones included (as written).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Entries => _entries;

    public string? this[string key]
    {
        get
        {
            foreach (var e in _entries)
            {
                if (e.Key == key)
                {
                    return e.Value;
                }
            }

            return null;
        }
    }

    /// <summary>Adds an extra (untyped) key; typed keys are set through their properties.</summary>
    public void Set(string key, string value)
    {
        for (int i = 0; i < _entries.Count; i++)
        {
            if (_entries[i].Key == key)
            {
                _entries[i] = new(key, value);
                return;
            }
        }

        _entries.Add(new(key, value));
    }

    /// <summary>Parses one metadata entry; typed keys are range-checked. Throws <see cref="TraceFormatException"/>.</summary>
    internal void Apply(string key, string value, int lineNumber)
    {
        switch (key)
        {
            case MountHeightKey:
                MountHeightMillimeters = ParseInt(key, value, 300, 10_000, lineNumber);
                break;
            case ZonesKey:
                Zones = ParseInt(key, value, 2, 2, lineNumber, "the engine counts with exactly two zones");
                break;
            case InsideZoneKey:
                InsideZone = ParseInt(key, value, 0, 1, lineNumber, "a zone number: 0 or 1");
                break;
            case TimingBudgetKey:
                TimingBudgetMs = ParseInt(key, value, 15, 1000, lineNumber);
                break;
            case PirHoldKey:
                PirHoldMs = ParseInt(key, value, 0, 3_600_000, lineNumber);
                break;
        }

        Set(key, value);
    }

    private static int ParseInt(string key, string value, int min, int max, int lineNumber, string? hint = null)
    {
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int parsed) || parsed < min || parsed > max)
        {
            string range = min == max ? $"{min}" : $"an integer {min}..{max}";
            throw new TraceFormatException(lineNumber, $"metadata '{key}: {value}' must be {range}{(hint is null ? "" : $" ({hint})")}");
        }

        return parsed;
    }
}
