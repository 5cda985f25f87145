using System.Globalization;
using EdgeSensor.Core.Aggregation;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Provisioning;
using EdgeSensor.Simulator.Faults;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>What a fleet run simulates and where it publishes (the <c>run</c> command's options).</summary>
public sealed record FleetOptions
{
    /// <summary>Upper bound of devices (traces are streamed, so devices × minutes is not bounded).</summary>
    public const int MaxDevices = 100_000;

    /// <summary>Upper bound of simulated minutes: a year.</summary>
    public const int MaxMinutes = 525_600;

    public int Devices { get; init; } = 3;

    public string Scenario { get; init; } = "mixed";

    public ulong Seed { get; init; } = 1;

    /// <summary>Simulated minutes per device.</summary>
    public double Minutes { get; init; } = 10;

    public int WindowSeconds { get; init; } = 60;

    /// <summary>Broker host; null starts the embedded broker.</summary>
    public string? BrokerHost { get; init; }

    public int BrokerPort { get; init; } = 1883;

    /// <summary>Private by default, like <c>edgesensor provision</c> and the firmware: small-count suppression with k = 5.
    /// <see cref="DisclosureMode.DifferentialPrivacy"/> (the old per-window mode) is run as the device's person-level mode.</summary>
    public DisclosureMode Disclosure { get; init; } = DisclosureMode.SmallCountSuppression;

    /// <summary>True for either differential-privacy mode (both run as the device's person-level mode 3).</summary>
    public bool IsDifferentialPrivacy => Disclosure is DisclosureMode.DifferentialPrivacy or DisclosureMode.PersonDifferentialPrivacy;

    /// <summary>
    /// The provisioned devices to run as (<c>run --keystore --site</c>): their ids and root keys, so that a consumer
    /// holding the same key store opens the reports. Null: random identities known only to this run's consumer.
    /// </summary>
    public IReadOnlyList<DeviceRecord>? Identities { get; init; }

    /// <summary>Small-count suppression threshold k (with <see cref="DisclosureMode.SmallCountSuppression"/>).</summary>
    public ushort SuppressionThreshold { get; init; } = 5;

    /// <summary>ε in thousandths with differential privacy: the virtual devices run person-level privacy (mode 3), so ε
    /// per person per budget period, as a provisioned device does.</summary>
    public ushort EpsilonMilli { get; init; } = 1000;

    /// <summary>Differential privacy's contribution bound C: the most crossings one person is assumed to make per budget
    /// period (the device's default 4; a provisioned bundle may set another).</summary>
    public ushort CrossingsPerPerson { get; init; } = DisclosureSettings.DefaultContributionBound;

    /// <summary>Pace simulated time to the wall clock instead of running as fast as possible.</summary>
    public bool Realtime { get; init; }

    /// <summary>Feed each device through the firmware's VL53L1X driver and a GPIO input from emulated sensors
    /// (<c>--sensors driver</c>) instead of straight from the sensor physics' trace (<c>trace</c>, the default).</summary>
    public bool SensorsThroughDrivers { get; init; }

    /// <summary>The sensor path as the command line spells it.</summary>
    public string SensorsText => SensorsThroughDrivers ? "driver" : "trace";

    /// <summary>The site every virtual device belongs to (the topic's second level).</summary>
    public string Site { get; init; } = "sim";

    /// <summary>How long to wait for the consumer to receive every published report.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the consumer and each device may take to connect before the run gives up.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How the run shows progress: a live view on a terminal, plain lines otherwise (<c>--live</c>).</summary>
    public LiveView Live { get; init; } = LiveView.Auto;

    /// <summary>Also subscribe a bare MQTTnet client that only counts, to compare the SDK's per-report latency with (<c>--bare-subscriber</c>).</summary>
    public bool BareSubscriber { get; init; }

    /// <summary>Store every opened report in this SQLite database as the SDK's sink does (<c>--store</c>), or null.</summary>
    public string? StorePath { get; init; }

    /// <summary>Faults to inject (<c>--fault</c>), each on every device; none by default.</summary>
    public FaultSchedule Faults { get; init; } = FaultSchedule.None;

    /// <summary>The broker as the summary names it.</summary>
    public string BrokerText => BrokerHost is null ? "embedded" : $"{BrokerHost}:{BrokerPort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The disclosure control as the command line spells it.</summary>
    public string DisclosureText => Disclosure switch
    {
        DisclosureMode.SmallCountSuppression => $"suppress:{SuppressionThreshold.ToString(CultureInfo.InvariantCulture)}",
        DisclosureMode.DifferentialPrivacy or DisclosureMode.PersonDifferentialPrivacy => $"dp:{(EpsilonMilli / 1000.0).ToString("0.###", CultureInfo.InvariantCulture)}",
        _ => "none",
    };

    /// <summary>Parses <c>none</c>, <c>suppress:k</c> (k 2..100) or <c>dp:epsilon</c> (0.01..10).</summary>
    public static bool TryParseDisclosure(string text, out DisclosureMode mode, out ushort threshold, out ushort epsilonMilli, out string error)
    {
        mode = DisclosureMode.None;
        threshold = 5;
        epsilonMilli = 1000;
        error = string.Empty;
        string[] parts = text.Split(':', 2);
        switch (parts[0])
        {
            case "none" when parts.Length == 1:
                return true;
            case "suppress" when parts.Length == 2
                && ushort.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out threshold)
                && threshold is >= DisclosureSettings.MinSuppressionThreshold and <= DisclosureSettings.MaxSuppressionThreshold:
                mode = DisclosureMode.SmallCountSuppression;
                return true;
            case "dp" when parts.Length == 2
                && double.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double epsilon)
                && epsilon * 1000 >= DisclosureSettings.MinEpsilonMilli && epsilon * 1000 <= DisclosureSettings.MaxEpsilonMilli:
                mode = DisclosureMode.PersonDifferentialPrivacy;
                epsilonMilli = (ushort)Math.Round(epsilon * 1000);
                return true;
            default:
                error = $"--disclosure must be none, suppress:<k 2..100> or dp:<epsilon 0.01..10>, got '{text}'";
                return false;
        }
    }

    /// <summary>The disclosure settings as a configuration bundle holds them, for the privacy rule shared with the CLI.</summary>
    public DeviceConfigurationBundle.DisclosureSettings ToBundleDisclosure() => new()
    {
        Mode = Disclosure switch
        {
            DisclosureMode.None => "none",
            DisclosureMode.SmallCountSuppression => "suppression",
            _ => "differential-privacy",
        },
        SuppressionThreshold = Disclosure == DisclosureMode.SmallCountSuppression ? SuppressionThreshold : 0,
        EpsilonMilli = IsDifferentialPrivacy ? EpsilonMilli : 0,
        CrossingsPerPerson = CrossingsPerPerson,
    };

    /// <summary>What in these settings weakens privacy compared with the defaults (the CLI's rule, run's spelling); null when nothing does.</summary>
    public string? PrivacyWeakening() => DisclosurePolicy.Weakening(ToBundleDisclosure(), RunSpelling);

    private static readonly DisclosureOptionText RunSpelling = new()
    {
        None = "--disclosure none",
        Threshold = k => $"--disclosure suppress:{k.ToString(CultureInfo.InvariantCulture)}",
        Epsilon = e => $"--disclosure dp:{e}",
        CrossingsPerPerson = c => $"a bound of {c.ToString(CultureInfo.InvariantCulture)} crossings per person",
    };

    /// <summary>Parses <c>embedded</c> (null host) or <c>host[:port]</c>.</summary>
    public static bool TryParseBroker(string text, out string? host, out int port, out string error)
    {
        host = null;
        port = 1883;
        error = string.Empty;
        if (text == "embedded")
        {
            return true;
        }

        int colon = text.LastIndexOf(':');
        string name = colon < 0 ? text : text[..colon];
        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal)
            || (colon >= 0 && (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)))
        {
            error = $"--broker must be embedded or host:port, got '{text}'";
            return false;
        }

        host = name;
        return true;
    }

    /// <summary>Parses <c>--live auto|on|off</c>.</summary>
    public static bool TryParseLive(string text, out LiveView live, out string error)
    {
        error = string.Empty;
        (bool ok, live) = text switch
        {
            "auto" => (true, LiveView.Auto),
            "on" => (true, LiveView.On),
            "off" => (true, LiveView.Off),
            _ => (false, LiveView.Auto),
        };
        if (!ok)
        {
            error = $"--live must be auto, on or off, got '{text}'";
        }

        return ok;
    }

    /// <summary>Checks the combination; false with a message.</summary>
    public bool TryValidate(out string error)
    {
        error = string.Empty;
        if (Devices is < 1 or > MaxDevices)
        {
            error = $"--devices must be 1..{MaxDevices}";
        }
        else if (!(Minutes > 0) || Minutes > MaxMinutes)
        {
            // No memory bound any more; a year keeps the simulated start (now minus the span, at full speed) sensible.
            error = "--minutes must be above 0 and at most 525600 (a year)";
        }
        else if (!AggregatorSettings.IsValidWindowLength(WindowSeconds))
        {
            error = "--window-seconds must be 10..3600 and divide 86400 (10, 15, 30, 60, 300, 600, 900, 1800, 3600 ...)";
        }
        else if (IsDifferentialPrivacy && WindowSeconds < DisclosureSettings.MinPersonPrivacyWindowSeconds)
        {
            // The device's differential privacy is person-level: every window is a noised cell, at least 900 s.
            error = "--disclosure dp needs --window-seconds of at least 900 (900, 1800, 3600)";
        }
        else if (SensorsThroughDrivers && Faults.Faults.Any(f => f.Kind == FaultKind.SensorDropout))
        {
            // The emulated sensors answer the driver on their own schedule; only the trace's readings can be held back.
            error = "--fault sensor-dropout needs --sensors trace";
        }
        else if (!Faults.TryCheck((long)Math.Round(Minutes * 60_000), BrokerHost is null, out string faultError))
        {
            error = faultError;
        }

        return error.Length == 0;
    }
}

/// <summary>Whether <c>run</c> shows the live view (<c>--live</c>).</summary>
public enum LiveView
{
    /// <summary>Live when standard output is a terminal, plain progress lines on standard error otherwise.</summary>
    Auto,

    On,

    /// <summary>Plain progress lines on standard error, at most one per 10 s.</summary>
    Off,
}
