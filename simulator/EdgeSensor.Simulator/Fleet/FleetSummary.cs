using System.Globalization;
using System.Text.Json;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>Prints a <see cref="FleetResult"/>: a table for people, one JSON object for tools.</summary>
public static class FleetSummary
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static string ToJson(FleetResult result) => JsonSerializer.Serialize(result, Json);

    public static void WriteTable(TextWriter output, FleetResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv,
            $"EdgeSensor simulator run: {r.Devices.Count} devices, scenario {r.Scenario}, seed {r.Seed}, {r.SimulatedMinutes:0.##} simulated min, {r.WindowSeconds} s windows, disclosure {r.Disclosure}, broker {r.Broker}, speed {r.Speed}{(r.Sensors == "trace" ? "" : ", sensors " + r.Sensors)}"));
        output.WriteLine();
        output.WriteLine("entries and exits: opened by the SDK / counted by the engine before privacy / simulated ground truth");
        output.WriteLine(string.Create(inv, $"{"device",-16}  {"sealed",6} {"publ.",6} {"opened",6} {"rej.",5} {"lost",5}  {"entries",-17}  {"exits",-17}  {"dp",4} {"supp",4}"));
        foreach (FleetDeviceResult d in r.Devices)
        {
            output.WriteLine(string.Create(inv,
                $"{d.DeviceId,-16}  {d.Sealed,6} {d.Published,6} {d.Opened,6} {d.Rejected,5} {d.Lost,5}  {Triple(d.OpenedEntries, d.EngineEntries, d.TruthEntries),-17}  {Triple(d.OpenedExits, d.EngineExits, d.TruthExits),-17}  {d.NoisedReports,4} {d.SuppressedReports,4}"));
        }

        long sealedTotal = r.Devices.Sum(d => d.Sealed);
        output.WriteLine(string.Create(inv,
            $"{"total",-16}  {sealedTotal,6} {r.Published,6} {r.Opened,6} {r.Rejected,5} {r.Lost,5}  {Triple(r.OpenedEntries, r.EngineEntries, r.TruthEntries),-17}  {Triple(r.OpenedExits, r.EngineExits, r.TruthExits),-17}"));
        output.WriteLine();
        double deviceMinutes = r.Devices.Count * r.SimulatedMinutes;
        output.WriteLine(string.Create(inv,
            $"wall {r.WallSeconds:0.00} s (setup {r.SetupSeconds:0.00} s), {r.ReportsPerSecond:0.0} reports/s opened, {deviceMinutes:0.#} simulated device-minutes ({deviceMinutes * 60 / Math.Max(r.WallSeconds, 0.001):0}x real time)"));
        output.WriteLine(string.Create(inv,
            $"peak memory {r.PeakWorkingSetBytes / (1024.0 * 1024):0} MB working set, {r.PeakManagedBytes / (1024.0 * 1024):0} MB managed heap, {r.Connections} MQTT connection(s)"));
        if (r.Stored is long stored)
        {
            output.WriteLine(string.Create(inv, $"stored {stored} reports in SQLite"));
        }

        if (r.BareReceived is long bare)
        {
            output.WriteLine(string.Create(inv,
                $"latency per report, publish to delivery: SDK {r.SdkLatencyMs:0.00} ms (opened), bare MQTTnet subscriber {r.BareLatencyMs:0.00} ms ({bare} received), ratio {r.SdkLatencyMs / Math.Max(r.BareLatencyMs, 1e-9):0.00}"));
        }

        output.WriteLine(r.Ok
            ? "result: OK, every sealed report was published and opened"
            : string.Create(inv, $"result: FAILED, {r.Lost} report(s) lost, {r.Rejected} rejected"));
    }

    private static string Triple(long opened, long engine, long truth) => string.Create(CultureInfo.InvariantCulture, $"{opened}/{engine}/{truth}");
}
