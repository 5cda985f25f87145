using System.Globalization;

namespace EdgeSensor.Simulator.Traces;

/// <summary>
/// Reads the trace CSV (docs/simulator.md, "Trace format"): optional <c># edgesensor-trace v1</c> line, <c># key: value</c>
/// metadata and comments, the header <c>t_ms,kind,channel,value,status</c>, then rows sorted by time. Every problem is
/// a <see cref="TraceFormatException"/> naming the line; nothing is accepted half-way.
/// </summary>
public static class TraceReader
{
    public const string Header = "t_ms,kind,channel,value,status";

    /// <summary>Longest line accepted. A row is about 30 characters and metadata lines are short; 4096 leaves room
    /// for long comments while a file that is one endless line fails at once instead of filling memory.</summary>
    public const int MaxLineLength = 4096;

    public static Trace ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    public static Trace Read(TextReader reader)
    {
        var metadata = new TraceMetadata();
        var records = new List<TraceRecord>();
        bool headerSeen = false;
        long previousTime = long.MinValue;
        int lineNumber = 0;
        var lines = new BoundedLineReader(reader, MaxLineLength);
        string? line;
        while ((line = lines.ReadLine(lineNumber + 1)) is not null)
        {
            lineNumber++;
            string text = line.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (text[0] == '#')
            {
                // Metadata is read up to the first data row; later comment lines are only comments.
                if (records.Count == 0)
                {
                    ReadComment(text, metadata, lineNumber);
                }

                continue;
            }

            if (!headerSeen)
            {
                if (!string.Equals(text.Replace(" ", "", StringComparison.Ordinal), Header, StringComparison.Ordinal))
                {
                    throw new TraceFormatException(lineNumber, $"expected the header '{Header}' before any row, found '{Shorten(text)}'");
                }

                headerSeen = true;
                continue;
            }

            TraceRecord record = ParseRow(text, metadata, lineNumber);
            if (record.TimeMs < previousTime)
            {
                throw new TraceFormatException(lineNumber, $"t_ms {record.TimeMs} is earlier than the previous row's {previousTime} (rows must be sorted by time)");
            }

            previousTime = record.TimeMs;
            records.Add(record);
        }

        if (!headerSeen)
        {
            throw new TraceFormatException(Math.Max(1, lineNumber), $"no header '{Header}' found: not a trace");
        }

        return new Trace(metadata, records);
    }

    private static void ReadComment(string text, TraceMetadata metadata, int lineNumber)
    {
        string body = text.TrimStart('#').Trim();
        if (body.StartsWith("edgesensor-trace", StringComparison.Ordinal))
        {
            string version = body["edgesensor-trace".Length..].Trim();
            if (version != "v1")
            {
                throw new TraceFormatException(lineNumber, $"unsupported trace format version '{version}' (this reader knows v1)");
            }

            return;
        }

        int colon = body.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return;
        }

        string key = body[..colon].Trim();
        // Only identifier-like keys are metadata; free-text comments that happen to contain ':' are left alone.
        foreach (char c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '.'))
            {
                return;
            }
        }

        metadata.Apply(key, body[(colon + 1)..].Trim(), lineNumber);
    }

    private static TraceRecord ParseRow(string text, TraceMetadata metadata, int lineNumber)
    {
        string[] fields = text.Split(',');
        if (fields.Length != 5)
        {
            throw new TraceFormatException(lineNumber, $"expected 5 fields ({Header}), found {fields.Length}");
        }

        long time = ParseLong(fields[0], "t_ms", lineNumber);
        if (time < 0)
        {
            throw new TraceFormatException(lineNumber, $"t_ms {time} is negative");
        }

        string kindText = fields[1].Trim();
        TraceKind kind = kindText switch
        {
            "tof" => TraceKind.Tof,
            "pir" => TraceKind.Pir,
            "truth" => TraceKind.Truth,
            _ => throw new TraceFormatException(lineNumber, $"unknown kind '{Shorten(kindText)}' (expected tof, pir or truth)"),
        };

        int channel = ParseInt(fields[2], "channel", lineNumber);
        int value = ParseInt(fields[3], "value", lineNumber);
        int status = ParseInt(fields[4], "status", lineNumber);
        switch (kind)
        {
            case TraceKind.Tof:
                if (channel < 0 || channel >= metadata.Zones)
                {
                    throw new TraceFormatException(lineNumber, $"tof channel {channel} is not a zone (0..{metadata.Zones - 1})");
                }

                if (value < 0 || value > 65_535)
                {
                    throw new TraceFormatException(lineNumber, $"tof distance {value} mm is outside 0..65535");
                }

                if (status < 0 || status > 255)
                {
                    throw new TraceFormatException(lineNumber, $"tof range status {status} is outside 0..255");
                }

                break;
            case TraceKind.Pir:
                if (channel < 0 || channel > 15)
                {
                    throw new TraceFormatException(lineNumber, $"pir channel {channel} is outside 0..15");
                }

                if (value is not (0 or 1))
                {
                    throw new TraceFormatException(lineNumber, $"pir level {value} must be 0 or 1");
                }

                break;
            case TraceKind.Truth:
                if (value is not (1 or -1))
                {
                    throw new TraceFormatException(lineNumber, $"truth value {value} must be +1 (entry) or -1 (exit)");
                }

                break;
        }

        return new TraceRecord(time, kind, channel, value, status);
    }

    private static long ParseLong(string field, string name, int lineNumber)
    {
        if (!long.TryParse(field.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw new TraceFormatException(lineNumber, $"{name} '{Shorten(field.Trim())}' is not an integer");
        }

        return value;
    }

    private static int ParseInt(string field, string name, int lineNumber)
    {
        if (!int.TryParse(field.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            throw new TraceFormatException(lineNumber, $"{name} '{Shorten(field.Trim())}' is not an integer");
        }

        return value;
    }

    // Never echo a whole hostile line back to the terminal.
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
