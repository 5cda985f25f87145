namespace EdgeSensor.Simulator.Faults;

/// <summary>What a fault does (docs/simulator-run.md, "Faults on demand").</summary>
public enum FaultKind
{
    /// <summary>The embedded broker stops (connections and sessions go) and a new one starts on the same port.</summary>
    BrokerOutage,

    /// <summary>The devices' MQTT connections drop and cannot reconnect; their outboxes fill.</summary>
    WifiDrop,

    /// <summary>A clean restart: the device is off for its boot time, then the firmware boots from its store.</summary>
    Reboot,

    /// <summary>Power lost for a while (default 10 s), then the firmware boots from its store.</summary>
    PowerCut,

    /// <summary>The wall clock jumps forwards or backwards (an SNTP correction); monotonic time does not.</summary>
    ClockStep,

    /// <summary>Neither ToF nor PIR readings arrive; the firmware loop keeps ticking.</summary>
    SensorDropout,
}

/// <summary>The command line's names of <see cref="FaultKind"/> and what each needs.</summary>
public static class FaultKinds
{
    /// <summary>How long a clean reboot keeps the device off.</summary>
    public const long RebootBootMs = 2_000;

    /// <summary>How long a power cut keeps the device off when its spec gives no duration.</summary>
    public const long DefaultPowerCutMs = 10_000;

    private static readonly (string Name, FaultKind Kind)[] Names =
    [
        ("broker-outage", FaultKind.BrokerOutage),
        ("wifi-drop", FaultKind.WifiDrop),
        ("reboot", FaultKind.Reboot),
        ("power-cut", FaultKind.PowerCut),
        ("clock-step", FaultKind.ClockStep),
        ("sensor-dropout", FaultKind.SensorDropout),
    ];

    public static IEnumerable<string> All => Names.Select(n => n.Name);

    public static bool TryParse(string name, out FaultKind kind)
    {
        foreach ((string n, FaultKind k) in Names)
        {
            if (n == name)
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string Name(FaultKind kind) => Names.First(n => n.Kind == kind).Name;

    /// <summary>True when the kind lasts a while and its spec must say how long (power-cut may).</summary>
    public static bool NeedsDuration(FaultKind kind) => kind is FaultKind.BrokerOutage or FaultKind.WifiDrop or FaultKind.SensorDropout;

    public static bool AllowsDuration(FaultKind kind) => NeedsDuration(kind) || kind == FaultKind.PowerCut;

    public static bool NeedsValue(FaultKind kind) => kind == FaultKind.ClockStep;

    /// <summary>True when the kind switches a device off and boots it again.</summary>
    public static bool Reboots(FaultKind kind) => kind is FaultKind.Reboot or FaultKind.PowerCut;
}
