using EdgeSensor.Core.Lifecycle;

namespace EdgeSensor.Core.Tests.Lifecycle;

/// <summary>A wall clock the test sets; RequestSync is counted and may set the clock.</summary>
internal sealed class FakeWallClock : IWallClock
{
    public uint NowUnixSeconds { get; set; }

    /// <summary>What the clock reads after the next RequestSync (0: unchanged, SNTP did not answer).</summary>
    public uint TimeAfterSync { get; set; }

    public int SyncRequests { get; private set; }

    public void RequestSync()
    {
        SyncRequests++;
        if (TimeAfterSync != 0)
        {
            NowUnixSeconds = TimeAfterSync;
        }
    }
}

/// <summary>A Wi-Fi link whose next attempts fail a scripted number of times.</summary>
internal sealed class FakeWifi : IWifi
{
    public int FailuresBeforeSuccess { get; set; }

    public int Attempts { get; private set; }

    public bool IsConnected { get; set; }

    public bool TryConnect(int timeoutMilliseconds)
    {
        Attempts++;
        IsConnected = Attempts > FailuresBeforeSuccess;
        return IsConnected;
    }
}

/// <summary>Records every status shown (the serial log a technician would read).</summary>
internal sealed class RecordingIndicator : IStatusIndicator
{
    public List<DeviceStatus> Statuses { get; } = [];

    public List<string> Lines { get; } = [];

    public DeviceStatus Last => Statuses[^1];

    public void Show(DeviceStatus status, string line)
    {
        Statuses.Add(status);
        Lines.Add(line);
    }
}

internal sealed class FakeRebooter : IRebooter
{
    public List<DeviceStatus> Reasons { get; } = [];

    public void Reboot(DeviceStatus reason) => Reasons.Add(reason);
}

/// <summary>Boot steps with scripted outcomes; records the order they ran in.</summary>
internal sealed class FakeBootSteps : IBootSteps
{
    public DeviceStatus ConfigurationOutcome { get; set; } = DeviceStatus.Running;

    public DeviceStatus NodeOutcome { get; set; } = DeviceStatus.Running;

    public bool SensorsOutcome { get; set; } = true;

    public List<string> Calls { get; } = [];

    public uint NodeStartedAtUnix { get; private set; }

    public DeviceStatus LoadConfiguration(out string detail)
    {
        Calls.Add("configuration");
        detail = ConfigurationOutcome == DeviceStatus.Running ? string.Empty : "scripted failure";
        return ConfigurationOutcome;
    }

    public DeviceStatus StartNode(uint nowUnixSeconds, out string detail)
    {
        Calls.Add("node");
        NodeStartedAtUnix = nowUnixSeconds;
        detail = NodeOutcome == DeviceStatus.Running ? string.Empty : "scripted failure";
        return NodeOutcome;
    }

    public bool TryStartSensors(out string detail)
    {
        Calls.Add("sensors");
        detail = SensorsOutcome ? string.Empty : "no answer at 0x29";
        return SensorsOutcome;
    }
}

/// <summary>
/// An MQTT session in memory: records publishes, lets the test deliver PUBACKs (or failures) by message id,
/// and fails connects or publishes on demand.
/// </summary>
internal sealed class FakeTransport : IMqttTransport
{
    private readonly Queue<(int Id, bool Delivered)> _outcomes = new();
    private int _nextId = 1;

    private bool _connected;

    public bool IsConnected
    {
        get => _connected && BrokerUp;
        set => _connected = value;
    }

    public bool ConnectSucceeds { get; set; } = true;

    /// <summary>False: the broker is gone (sessions drop, connects fail, nothing is acknowledged).</summary>
    public bool BrokerUp { get; set; } = true;

    public bool PublishSucceeds { get; set; } = true;

    /// <summary>Acknowledge every publish at once (a healthy broker).</summary>
    public bool AutoAcknowledge { get; set; }

    public int ConnectAttempts { get; private set; }

    public int Disconnects { get; private set; }

    public List<(string Topic, byte[] Payload, int Id)> Published { get; } = [];

    public bool TryConnect()
    {
        ConnectAttempts++;
        IsConnected = ConnectSucceeds && BrokerUp;
        return IsConnected;
    }

    public void Disconnect()
    {
        Disconnects++;
        IsConnected = false;
    }

    public bool TryPublish(string topic, byte[] payload, out int messageId)
    {
        messageId = 0;
        if (!IsConnected || !PublishSucceeds)
        {
            return false;
        }

        messageId = _nextId;
        _nextId = _nextId == 65535 ? 1 : _nextId + 1;
        Published.Add((topic, (byte[])payload.Clone(), messageId));
        if (AutoAcknowledge && BrokerUp)
        {
            _outcomes.Enqueue((messageId, true));
        }

        return true;
    }

    public void Deliver(int messageId, bool delivered = true) => _outcomes.Enqueue((messageId, delivered));

    public bool TryTakeOutcome(out int messageId, out bool delivered)
    {
        if (_outcomes.TryDequeue(out var outcome))
        {
            (messageId, delivered) = outcome;
            return true;
        }

        messageId = 0;
        delivered = false;
        return false;
    }
}

/// <summary>A queue of distinct fake reports (first byte = report number) with the node's peek/confirm contract.</summary>
internal sealed class FakeReportQueue : IReportQueue
{
    private readonly Queue<byte[]> _reports = new();
    private byte _next;

    public int Confirmed { get; private set; }

    public int Count => _reports.Count;

    public void Add(int count = 1)
    {
        for (int i = 0; i < count; i++)
        {
            var report = new byte[EdgeSensor.Core.Sealing.ReportSealer.SealedLength];
            report[0] = ++_next;
            _reports.Enqueue(report);
        }
    }

    public int PeekReport(byte[] buffer, int offset)
    {
        if (!_reports.TryPeek(out byte[]? report))
        {
            return 0;
        }

        report.CopyTo(buffer, offset);
        return report.Length;
    }

    public bool TryConfirm(byte[] published, int length)
    {
        if (!_reports.TryPeek(out byte[]? oldest) || !oldest.AsSpan().SequenceEqual(published.AsSpan(0, length)))
        {
            return false;
        }

        _reports.Dequeue();
        Confirmed++;
        return true;
    }

    /// <summary>What a full outbox does when a window is sealed: the oldest report is dropped.</summary>
    public void DropOldest() => _reports.Dequeue();
}

/// <summary>A ToF input that answers from a script, or not at all while <see cref="Silent"/>.</summary>
internal sealed class FakeTof : ITofInput
{
    public bool Silent { get; set; }

    public int Distance { get; set; } = 2400;

    private int _zone;

    public bool TryRead(long nowMilliseconds, out int zone, out int distanceMillimeters, out int rangeStatus)
    {
        zone = _zone;
        distanceMillimeters = Distance;
        rangeStatus = 0;
        if (Silent)
        {
            return false;
        }

        _zone ^= 1;
        return true;
    }
}

internal sealed class FakePir : IPirInput
{
    public int Level { get; set; }

    public int Reads { get; private set; }

    public int ReadLevel()
    {
        Reads++;
        return Level;
    }
}
