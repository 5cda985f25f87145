using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Opening;
using EdgeSensor.Sdk.Reports;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>What the SDK consumer received, per device: opened reports and their counts, and rejections.</summary>
internal sealed class ConsumerTally
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, DeviceTally> _devices = [];
    private long _unattributedRejections;

    public long Opened { get; private set; }

    public long Rejected { get; private set; }

    /// <summary>Redeliveries the SDK's replay check dropped (not failures: MQTT QoS 1 may deliver twice).</summary>
    public long Duplicates { get; private set; }

    public void Add(AggregateReport report)
    {
        lock (_gate)
        {
            DeviceTally t = For(report.DeviceId);
            t.Opened++;
            t.Entries += report.Entries;
            t.Exits += report.Exits;
            t.NoisedReports += report.DisclosureMode is DisclosureMode.DifferentialPrivacy or DisclosureMode.PersonDifferentialPrivacy && report.Epsilon > 0 ? 1 : 0;
            t.SuppressedReports += report.Suppressed != SuppressedCounters.None ? 1 : 0;
            Opened++;
        }
    }

    /// <summary>Counts a rejection; false when it was a QoS 1 redelivery the SDK dropped (counted as a duplicate).</summary>
    public bool Reject(ReportRejectedEventArgs rejection)
    {
        lock (_gate)
        {
            if (rejection.Reason == RejectionReason.Replayed && !rejection.TopicMismatch && rejection.DeviceId is ulong duplicateOf)
            {
                // QoS 1 is at-least-once: a redelivery after a lost PUBACK is expected, and the SDK drops it.
                For(duplicateOf).Duplicates++;
                Duplicates++;
                return false;
            }

            if (rejection.DeviceId is ulong id)
            {
                For(id).Rejected++;
            }
            else
            {
                _unattributedRejections++;
            }

            Rejected++;
            return true;
        }
    }

    /// <summary>Rejected payloads whose header did not even name a device.</summary>
    public long UnattributedRejections
    {
        get
        {
            lock (_gate)
            {
                return _unattributedRejections;
            }
        }
    }

    public long Received
    {
        get
        {
            lock (_gate)
            {
                return Opened + Rejected;
            }
        }
    }

    public DeviceTally Snapshot(ulong deviceId)
    {
        lock (_gate)
        {
            return _devices.TryGetValue(deviceId, out DeviceTally? t) ? t with { } : new DeviceTally();
        }
    }

    private DeviceTally For(ulong deviceId)
    {
        if (!_devices.TryGetValue(deviceId, out DeviceTally? t))
        {
            _devices[deviceId] = t = new DeviceTally();
        }

        return t;
    }

    internal sealed record DeviceTally
    {
        public int Opened { get; set; }

        public int Rejected { get; set; }

        public int Duplicates { get; set; }

        public long Entries { get; set; }

        public long Exits { get; set; }

        /// <summary>Opened reports carrying differential-privacy noise parameters (ε &gt; 0).</summary>
        public int NoisedReports { get; set; }

        public int SuppressedReports { get; set; }
    }
}
