using EdgeSensor.Core.Keys;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Storage;
using EdgeSensor.Sdk.Keys;

namespace EdgeSensor.Integration.Tests.Support;

/// <summary>
/// A virtual device sealing with the firmware's own portable code (EdgeSensor.Core's
/// <see cref="ReportSealer"/>, key ratchet and sequence reservation over an in-memory flash).
/// </summary>
internal sealed class CoreDevice
{
    private readonly ReportSealer _sealer;
    private readonly WindowReport _report = new();

    public CoreDevice(DeviceRecord record, uint firstWindowStartUnixSeconds)
    {
        Record = record;
        var flash = new InMemoryNonVolatileStore(4, 64);
        var ratchet = new EpochKeyRatchet(flash, 0, 1);
        byte[] root = record.RootKey.ToArray();
        if (!ratchet.TryProvision(root, 0, firstWindowStartUnixSeconds / 86400))
        {
            throw new InvalidOperationException("provisioning the ratchet failed");
        }

        _sealer = new ReportSealer(record.DeviceId, ratchet, new SequenceReservation(flash, 2, 3, SequenceReservation.DefaultBlockSize));
    }

    public DeviceRecord Record { get; }

    /// <summary>Seals one window (entries, exits, occupancy) with the device code; returns a new payload array.</summary>
    public byte[] Seal(uint windowStartUnixSeconds, ushort windowSeconds, ushort entries, ushort exits, ushort occupancy)
    {
        byte[] output = new byte[ReportSealer.SealedLength];
        return Seal(windowStartUnixSeconds, windowSeconds, entries, exits, occupancy, output) ? output : throw new InvalidOperationException("seal failed: " + _sealer.LastStatus);
    }

    /// <summary>Seals into a caller buffer (no allocation), as the firmware does.</summary>
    public bool Seal(uint windowStartUnixSeconds, ushort windowSeconds, ushort entries, ushort exits, ushort occupancy, byte[] output)
    {
        _report.Clear();
        _report.WindowStartUnixSeconds = windowStartUnixSeconds;
        _report.WindowLengthSeconds = windowSeconds;
        _report.Entries = entries;
        _report.Exits = exits;
        _report.OccupancyAtEnd = occupancy;
        _report.PeakOccupancy = occupancy;
        _report.CalibrationState = CalibrationState.Calibrated;
        _report.FirmwareVersion = 0x000100;
        return _sealer.Seal(_report, output, 0) == ReportSealer.SealedLength;
    }
}
