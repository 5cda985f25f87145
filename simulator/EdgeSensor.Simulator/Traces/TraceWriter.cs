using System.Globalization;

namespace EdgeSensor.Simulator.Traces;

/// <summary>Writes a trace in the CSV format <see cref="TraceReader"/> reads.</summary>
public static class TraceWriter
{
    public static void WriteFile(string path, Trace trace)
    {
        using var writer = new StreamWriter(path);
        Write(writer, trace);
    }

    public static void Write(TextWriter writer, Trace trace)
    {
        writer.NewLine = "\n";
        writer.WriteLine("# edgesensor-trace v1");
        TraceMetadata m = trace.Metadata;
        writer.WriteLine($"# {TraceMetadata.MountHeightKey}: {m.MountHeightMillimeters.ToString(CultureInfo.InvariantCulture)}");
        writer.WriteLine($"# {TraceMetadata.ZonesKey}: {m.Zones.ToString(CultureInfo.InvariantCulture)}");
        writer.WriteLine($"# {TraceMetadata.InsideZoneKey}: {m.InsideZone.ToString(CultureInfo.InvariantCulture)}");
        writer.WriteLine($"# {TraceMetadata.TimingBudgetKey}: {m.TimingBudgetMs.ToString(CultureInfo.InvariantCulture)}");
        if (m.PirHoldMs is int hold)
        {
            writer.WriteLine($"# {TraceMetadata.PirHoldKey}: {hold.ToString(CultureInfo.InvariantCulture)}");
        }

        foreach (var e in m.Entries)
        {
            if (e.Key is TraceMetadata.MountHeightKey or TraceMetadata.ZonesKey or TraceMetadata.InsideZoneKey
                or TraceMetadata.TimingBudgetKey or TraceMetadata.PirHoldKey)
            {
                continue;
            }

            writer.WriteLine($"# {e.Key}: {e.Value.ReplaceLineEndings(" ")}");
        }

        writer.WriteLine(TraceReader.Header);
        foreach (TraceRecord r in trace.Records)
        {
            writer.Write(r.TimeMs.ToString(CultureInfo.InvariantCulture));
            writer.Write(r.Kind switch { TraceKind.Tof => ",tof,", TraceKind.Pir => ",pir,", _ => ",truth," });
            writer.Write(r.Channel.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(r.Value.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.WriteLine(r.Status.ToString(CultureInfo.InvariantCulture));
        }
    }
}
