using System.Globalization;

namespace EdgeSensor.Simulator.Faults;

/// <summary>
/// One <c>--fault</c>: <c>KIND@AT[+DURATION][:VALUE]</c>, times as <c>90s</c>, <c>12.5m</c> or <c>1h</c> of simulated
/// time from the run's start (<c>broker-outage@10m+3m</c>, <c>reboot@12.5m</c>, <c>clock-step@5m:-90s</c>).
/// </summary>
/// <param name="Kind">What happens.</param>
/// <param name="AtMs">When it starts, simulated ms.</param>
/// <param name="DurationMs">How long it lasts (the boot time for a reboot, 0 for a clock step).</param>
/// <param name="ValueMs">A clock step's jump (negative: backwards); 0 otherwise.</param>
/// <param name="Text">The spec as given, for the summary.</param>
public sealed record FaultSpec(FaultKind Kind, long AtMs, long DurationMs, long ValueMs, string Text)
{
    /// <summary>Longest time a spec may name (a year, the run's own bound).</summary>
    private const double MaxMs = 525_600d * 60_000;

    /// <summary>When the fault is over, simulated ms.</summary>
    public long EndMs => AtMs + DurationMs;

    /// <summary>Parses one spec; false with one line saying what is wrong.</summary>
    public static bool TryParse(string text, out FaultSpec spec, out string error)
    {
        spec = null!;
        string bad = $"--fault '{text}'";
        int at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0)
        {
            error = $"{bad}: expected KIND@AT[+DURATION][:VALUE], e.g. broker-outage@10m+3m";
            return false;
        }

        string name = text[..at];
        if (!FaultKinds.TryParse(name, out FaultKind kind))
        {
            error = $"{bad}: unknown fault '{name}'; known: {string.Join(", ", FaultKinds.All)}";
            return false;
        }

        string rest = text[(at + 1)..];
        string? value = null;
        int colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            value = rest[(colon + 1)..];
            rest = rest[..colon];
        }

        string? duration = null;
        int plus = rest.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            duration = rest[(plus + 1)..];
            rest = rest[..plus];
        }

        if (!TryParseTime(rest, signed: false, out long atMs))
        {
            error = $"{bad}: the time '{rest}' must be a number with s, m or h (90s, 12.5m, 1h)";
            return false;
        }

        long durationMs = 0;
        if (duration is not null)
        {
            if (!FaultKinds.AllowsDuration(kind))
            {
                error = $"{bad}: {name} takes no duration";
                return false;
            }

            if (!TryParseTime(duration, signed: false, out durationMs) || durationMs <= 0)
            {
                error = $"{bad}: the duration '{duration}' must be above 0, with s, m or h (90s, 3m)";
                return false;
            }
        }
        else if (FaultKinds.NeedsDuration(kind))
        {
            error = $"{bad}: {name} needs a duration, e.g. {name}@{rest}+2m";
            return false;
        }

        long valueMs = 0;
        if (value is not null)
        {
            if (!FaultKinds.NeedsValue(kind))
            {
                error = $"{bad}: {name} takes no value";
                return false;
            }

            if (!TryParseTime(value, signed: true, out valueMs) || valueMs == 0)
            {
                error = $"{bad}: the step '{value}' must be a signed time other than 0, e.g. +90s or -2m";
                return false;
            }
        }
        else if (FaultKinds.NeedsValue(kind))
        {
            error = $"{bad}: {name} needs the step, e.g. {name}@{rest}:+90s";
            return false;
        }

        durationMs = kind switch
        {
            FaultKind.Reboot => FaultKinds.RebootBootMs,
            FaultKind.PowerCut when duration is null => FaultKinds.DefaultPowerCutMs,
            _ => durationMs,
        };
        spec = new FaultSpec(kind, atMs, durationMs, valueMs, text);
        error = "";
        return true;
    }

    /// <summary>Formats simulated ms as the summary shows it: <c>3m05s</c>, <c>45s</c>, <c>1h02m</c>.</summary>
    public static string FormatDuration(long ms)
    {
        long s = (ms + 500) / 1000;
        return s >= 3600 ? $"{s / 3600}h{s % 3600 / 60:00}m" : s >= 60 ? $"{s / 60}m{s % 60:00}s" : $"{s}s";
    }

    private static bool TryParseTime(string text, bool signed, out long ms)
    {
        ms = 0;
        if (text.Length < 2 || (signed && text[0] is not ('+' or '-')))
        {
            return false;
        }

        double unit = text[^1] switch
        {
            's' => 1000,
            'm' => 60_000,
            'h' => 3_600_000,
            _ => 0,
        };
        string number = signed ? text[1..^1] : text[..^1];
        if (unit == 0 || number.Length == 0 || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double amount))
        {
            return false;
        }

        double total = amount * unit;
        if (total > MaxMs)
        {
            return false;
        }

        ms = (long)Math.Round(total) * (signed && text[0] == '-' ? -1 : 1);
        return true;
    }
}
