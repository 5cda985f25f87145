using System;
using EdgeSensor.Core.Aggregation;
using EdgeSensor.Core.Counting;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Storage;

namespace EdgeSensor.Core.Device
{
    /// <summary>
    /// Everything a <see cref="SensorNode"/> is configured with (flashed with the device configuration).
    /// Validate with <see cref="TryValidate"/> first, as ESPHome components validate their configuration
    /// before they run; the node copies what it needs when it is constructed.
    /// </summary>
    public sealed class DeviceSettings
    {
        /// <summary>Default <see cref="OutboxCapacity"/>: about an hour of 60-second windows (64 × at most 75 bytes of RAM).</summary>
        public const int DefaultOutboxCapacity = 64;

        /// <summary>Largest <see cref="OutboxCapacity"/>: the outbox ring is capped at 64 KiB.</summary>
        public const int MaxOutboxCapacity = 65536 / ReportSealer.MaxSealedLength;

        /// <summary>The device's 64-bit id (written into every report header); 0 is not a valid id.</summary>
        public ulong DeviceId { get; set; }

        /// <summary>Firmware version as major &lt;&lt; 16 | minor &lt;&lt; 8 | patch, copied into every report.</summary>
        public uint FirmwareVersion { get; set; } = 0x000100;

        /// <summary>Counting engine configuration.</summary>
        public CounterSettings Counter { get; set; } = new CounterSettings();

        /// <summary>Window configuration (its reboot count and firmware version are set by the node).</summary>
        public AggregatorSettings Aggregator { get; set; } = new AggregatorSettings();

        /// <summary>Disclosure control configuration (small-count suppression by default).</summary>
        public DisclosureSettings Disclosure { get; set; } = new DisclosureSettings();

        /// <summary>Sealed reports held while the transport is down, 1..<see cref="MaxOutboxCapacity"/>.</summary>
        public int OutboxCapacity { get; set; } = DefaultOutboxCapacity;

        /// <summary>
        /// Keep unacknowledged sealed reports in the store too (an <c>OutboxJournal</c>), so they survive a reboot.
        /// The store must then offer <see cref="DeviceStorage.SlotCountWithOutbox"/> slots of up to
        /// <see cref="DeviceStorage.MaxRecordLengthWithOutbox"/> bytes. The ESP32 firmware sets it; the
        /// simulator's virtual devices, which never reboot, leave it off.
        /// </summary>
        public bool PersistOutbox { get; set; }

        /// <summary>Sequence numbers reserved per flash write, 1..1000000.</summary>
        public uint SequenceBlockSize { get; set; } = SequenceReservation.DefaultBlockSize;

        /// <summary>Checks every value; returns false with a message naming the first bad one.</summary>
        public bool TryValidate(out string error)
        {
            if (DeviceId == 0)
            {
                error = "DeviceId must not be 0";
                return false;
            }

            if (Counter == null || Aggregator == null || Disclosure == null)
            {
                error = "Counter, Aggregator and Disclosure settings are required";
                return false;
            }

            string inner;
            if (!Counter.TryValidate(out inner))
            {
                error = "Counter." + inner;
                return false;
            }

            if (!Aggregator.TryValidate(out inner))
            {
                error = "Aggregator." + inner;
                return false;
            }

            if (!Disclosure.TryValidate(out inner))
            {
                error = "Disclosure." + inner;
                return false;
            }

            if (Disclosure.Mode == DisclosureMode.PersonDifferentialPrivacy && Aggregator.WindowLengthSeconds < DisclosureSettings.MinPersonPrivacyWindowSeconds)
            {
                // Every window is a noised cell: shorter windows add noise to every hourly sum.
                error = "Aggregator.WindowLengthSeconds must be at least 900 with Disclosure.Mode PersonDifferentialPrivacy";
                return false;
            }

            if (OutboxCapacity < 1 || OutboxCapacity > MaxOutboxCapacity)
            {
                error = "OutboxCapacity must be 1..897";
                return false;
            }

            if (SequenceBlockSize < 1 || SequenceBlockSize > 1000000)
            {
                error = "SequenceBlockSize must be 1..1000000";
                return false;
            }

            error = string.Empty;
            return true;
        }
    }
}
