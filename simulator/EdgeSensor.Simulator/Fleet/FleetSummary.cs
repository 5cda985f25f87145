using System.Globalization;
using System.Text.Json;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>Prints a <see cref="FleetResult"/>: a table for people, one JSON object for tools.</summary>
public static class FleetSummary
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static string ToJson(FleetResult result) => JsonSerializer.Serialize(result, Json);

    /// <summary>The widest line of the table when its counts fit their columns: readable in an 80-column terminal.</summary>
    public const int MaxWidth = 80;

    public static void WriteTable(TextWriter output, FleetResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"EdgeSensor simulator run: {r.Devices.Count} devices, scenario {r.Scenario}, seed {r.Seed}"));
        output.WriteLine(string.Create(inv, $"{r.SimulatedMinutes:0.##} simulated min, {r.WindowSeconds} s windows, disclosure {r.Disclosure}"));
        output.WriteLine(string.Create(inv, $"broker {r.Broker}, speed {r.Speed}{(r.Sensors == "trace" ? "" : ", sensors " + r.Sensors)}"));
        output.WriteLine();
        output.WriteLine("entries, exits: opened by the SDK / counted before privacy / true (simulated)");

        // Each count triple's column is as wide as its widest value (at least 11), so large runs stay aligned.
        string[] entries = [.. r.Devices.Select(d => Triple(d.OpenedEntries, d.EngineEntries, d.TruthEntries)), Triple(r.OpenedEntries, r.EngineEntries, r.TruthEntries)];
        string[] exits = [.. r.Devices.Select(d => Triple(d.OpenedExits, d.EngineExits, d.TruthExits)), Triple(r.OpenedExits, r.EngineExits, r.TruthExits)];
        int entriesWidth = Math.Max(11, entries.Max(t => t.Length));
        int exitsWidth = Math.Max(11, exits.Max(t => t.Length));
        output.WriteLine(string.Create(inv, $"{"device",-16} {"sealed",6} {"publ.",5} {"opened",6} {"rej.",4} {"lost",4} {"entries".PadRight(entriesWidth)} {"exits".PadRight(exitsWidth)} {"dp",3} {"supp",4}"));
        for (int i = 0; i < r.Devices.Count; i++)
        {
            FleetDeviceResult d = r.Devices[i];
            output.WriteLine(string.Create(inv,
                $"{d.DeviceId,-16} {d.Sealed,6} {d.Published,5} {d.Opened,6} {d.Rejected,4} {d.Lost,4} {entries[i].PadRight(entriesWidth)} {exits[i].PadRight(exitsWidth)} {d.NoisedReports,3} {d.SuppressedReports,4}"));
        }

        long sealedTotal = r.Devices.Sum(d => d.Sealed);
        output.WriteLine(string.Create(inv,
            $"{"total",-16} {sealedTotal,6} {r.Published,5} {r.Opened,6} {r.Rejected,4} {r.Lost,4} {entries[^1].PadRight(entriesWidth)} {exits[^1]}"));
        output.WriteLine();
        double deviceMinutes = r.Devices.Count * r.SimulatedMinutes;
        output.WriteLine(string.Create(inv, $"wall {r.WallSeconds:0.00} s (setup {r.SetupSeconds:0.00} s), {r.ReportsPerSecond:0.0} reports/s opened"));
        output.WriteLine(string.Create(inv, $"{deviceMinutes:0.#} simulated device-minutes ({deviceMinutes * 60 / Math.Max(r.WallSeconds, 0.001):0}x real time)"));
        output.WriteLine(string.Create(inv,
            $"peak memory {r.PeakWorkingSetBytes / (1024.0 * 1024):0} MB working set, {r.PeakManagedBytes / (1024.0 * 1024):0} MB managed heap"));
        output.WriteLine(string.Create(inv, $"MQTT connections from the devices: {r.Connections}"));
        if (r.Stored is long stored)
        {
            output.WriteLine(string.Create(inv, $"stored {stored} reports in SQLite"));
        }

        if (r.BareReceived is long bare)
        {
            output.WriteLine(string.Create(inv,
                $"latency per report, publish to delivery: SDK {r.SdkLatencyMs:0.00} ms (opened),"));
            output.WriteLine(string.Create(inv,
                $"  bare MQTTnet subscriber {r.BareLatencyMs:0.00} ms ({bare} received), ratio {r.SdkLatencyMs / Math.Max(r.BareLatencyMs, 1e-9):0.00}"));
        }

        foreach (Faults.FaultEffect fault in r.Faults)
        {
            output.WriteLine(fault.Line());
        }

        output.WriteLine(r.Ok
            ? "result: OK, every sealed report was published and opened"
            : string.Create(inv, $"result: FAILED, {r.Lost} report(s) lost, {r.Rejected} rejected"));
    }

    private static string Triple(long opened, long engine, long truth) => string.Create(CultureInfo.InvariantCulture, $"{opened}/{engine}/{truth}");
}
