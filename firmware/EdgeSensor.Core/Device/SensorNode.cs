using System;
using EdgeSensor.Core.Aggregation;
using EdgeSensor.Core.Counting;
using EdgeSensor.Core.Keys;
using EdgeSensor.Core.Outbox;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Storage;

namespace EdgeSensor.Core.Device
{
    /// <summary>
    /// The device pipeline, composed once at boot (restoring the persisted reporting state): samples → <see cref="PeopleCounter"/> →
    /// <see cref="WindowAggregator"/> → <see cref="DisclosureControl"/> → <see cref="ReportSealer"/> →
    /// <see cref="ReportOutbox"/>. The ESP32 firmware and the simulator's virtual devices run this same class.
    /// <para>
    /// It has no transport: the caller's loop publishes what <see cref="PeekReport"/> returns and calls
    /// <see cref="ConfirmPublished"/> only after the broker acknowledged it, so a failed publish is retried.
    /// No clocks inside: every call takes the caller's monotonic milliseconds (Environment.TickCount64 on the
    /// device) and <see cref="Tick"/> also the wall clock (SNTP, may step). Nothing is allocated per sample or
    /// per report after construction. Not thread-safe: one loop owns it.
    /// </para>
    /// </summary>
    public sealed class SensorNode
    {
        private readonly PeopleCounter _counter;
        private readonly WindowAggregator _aggregator;
        private readonly DisclosureControl _disclosure;
        private readonly ReportSealer _sealer;
        private readonly ReportOutbox _outbox;
        private readonly OutboxJournal? _journal;
        private readonly ReportingState _state;
        private readonly WindowReport _report = new WindowReport();
        private readonly byte[] _sealed = new byte[ReportSealer.MaxSealedLength];
        private readonly ushort _rebootCount;
        private int _entriesRecorded;
        private int _exitsRecorded;
        private long _samplesRecorded;
        private long _invalidSamplesRecorded;
        private int _pirLevels;

        /// <summary>
        /// Boots the pipeline: records the boot, loads the epoch key and the sequence reservation from
        /// <paramref name="store"/> (slots in <see cref="DeviceStorage"/>). <paramref name="random"/> feeds
        /// person-level differential-privacy noise and is required in that mode (a DRBG seeded from the hardware RNG).
        /// </summary>
        /// <exception cref="ArgumentNullException">settings or store is null, or random is null in mode 3.</exception>
        /// <exception cref="ArgumentException">The settings do not validate (the message names the bad value).</exception>
        /// <exception cref="InvalidOperationException">The store holds no key: the device is not provisioned.</exception>
        public SensorNode(DeviceSettings settings, INonVolatileStore store, IRandomSource? random)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (store == null)
            {
                throw new ArgumentNullException(nameof(store));
            }

            string error;
            if (!settings.TryValidate(out error))
            {
                throw new ArgumentException(error, nameof(settings));
            }

            EpochKeyRatchet ratchet = new EpochKeyRatchet(store, DeviceStorage.KeySlotA, DeviceStorage.KeySlotB);
            if (!ratchet.TryLoad())
            {
                throw new InvalidOperationException("The device is not provisioned (no epoch key in the store).");
            }

            // Before this boot writes anything: a device that ran before and lost its budget period fails closed.
            bool ranBefore = DeviceStorage.HasRunBefore(store);
            _rebootCount = RebootCounter.RecordBoot(store);
            SequenceReservation sequences = new SequenceReservation(store, DeviceStorage.SequenceSlotA, DeviceStorage.SequenceSlotB, settings.SequenceBlockSize);
            _sealer = new ReportSealer(settings.DeviceId, ratchet, sequences);

            // A copy, so the reboot count and firmware version this node stamps cannot be changed under it.
            AggregatorSettings windows = new AggregatorSettings();
            windows.WindowLengthSeconds = settings.Aggregator.WindowLengthSeconds;
            windows.MinValidUnixSeconds = settings.Aggregator.MinValidUnixSeconds;
            windows.RebootCount = _rebootCount;
            windows.FirmwareVersion = settings.FirmwareVersion;

            _counter = new PeopleCounter(settings.Counter);
            _aggregator = new WindowAggregator(windows);
            _disclosure = new DisclosureControl(settings.Disclosure, random);
            // The mode fixes the header flag and so the length of every report this device seals (docs/wire-format.md §3.1).
            int sealedLength = ReportSealer.SealedLengthFor(settings.Disclosure.Mode);
            _outbox = new ReportOutbox(settings.OutboxCapacity, sealedLength);
            if (settings.PersistOutbox)
            {
                _journal = new OutboxJournal(store, DeviceStorage.OutboxConfirmedSlotA, DeviceStorage.OutboxConfirmedSlotB, DeviceStorage.OutboxFirstSlot, settings.OutboxCapacity, sealedLength);
                RestoredReports = _journal.Restore(_outbox);
            }

            _state = new ReportingState(store);
            BudgetPeriodRestored = _state.Restore(_aggregator, _disclosure, ranBefore);
        }

        /// <summary>Whether the boot found the saved reporting state (budget period); false on a fresh device or when it was lost.</summary>
        public bool BudgetPeriodRestored { get; private set; }

        /// <summary>The disclosure control (read-only use: its budget period for health and tests).</summary>
        public DisclosureControl Disclosure => _disclosure;

        /// <summary>The device id stamped into every report.</summary>
        public ulong DeviceId => _sealer.DeviceId;

        /// <summary>The counting engine (read-only use: counts, calibration, health figures).</summary>
        public PeopleCounter Counter => _counter;

        /// <summary>Reboots since provisioning (0 on the first boot), as reported.</summary>
        public ushort RebootCount => _rebootCount;

        /// <summary>Sealed reports waiting for the transport.</summary>
        public int PendingReports => _outbox.Count;

        /// <summary>Reports dropped because the outbox was full (oldest first), since boot.</summary>
        public uint OutboxDrops => _outbox.DroppedCount;

        /// <summary>Unacknowledged reports reloaded from the store at boot (<see cref="DeviceSettings.PersistOutbox"/>).</summary>
        public int RestoredReports { get; private set; }

        /// <summary>Reports a power cut destroyed while they were being journaled, found at boot (0 without a journal).</summary>
        public int ReportsLostAtBoot => _journal == null ? 0 : _journal.LostAtRestore;

        /// <summary>Journal writes (reports or acknowledgements) that failed since boot (0 without a journal).</summary>
        public int OutboxJournalFailures => _journal == null ? 0 : _journal.WriteFailures;

        /// <summary>Reports sealed into the outbox since boot.</summary>
        public long ReportsSealed { get; private set; }

        /// <summary>Closed windows that could not be sealed (see <see cref="LastSealStatus"/>), since boot.</summary>
        public long SealFailures { get; private set; }

        /// <summary>Closed windows withheld because the reporting state could not be persisted, since boot.</summary>
        public long StateSaveFailures { get; private set; }

        /// <summary>Outcome of the last seal attempt.</summary>
        public SealStatus LastSealStatus => _sealer.LastStatus;

        /// <summary>The key epoch the next report will be sealed under.</summary>
        public uint Epoch => _sealer.Epoch;

        /// <summary>Entries the engine counted into closed windows, before disclosure control, since boot.</summary>
        public long WindowedEntries { get; private set; }

        /// <summary>Exits the engine counted into closed windows, before disclosure control, since boot.</summary>
        public long WindowedExits { get; private set; }

        /// <summary>Entries of the window closed last, before disclosure control.</summary>
        public int LastWindowEntries { get; private set; }

        /// <summary>Exits of the window closed last, before disclosure control.</summary>
        public int LastWindowExits { get; private set; }

        /// <summary>Withheld fields (bits of <see cref="SuppressedFields"/>) of the window closed last, after disclosure control.</summary>
        public byte LastWindowSuppressedMask { get; private set; }

        /// <summary>Feeds one ToF ranging of <paramref name="zone"/> (0 or 1): distance in mm, range status (0 valid).</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="zone"/> is not 0 or 1.</exception>
        public void OnTofSample(long timeMs, int zone, int distanceMillimeters, int rangeStatus)
        {
            _counter.AddTofSample(timeMs, zone, distanceMillimeters, rangeStatus);
            SyncCounts();
        }

        /// <summary>Feeds one PIR output level (0 low, otherwise high) of input <paramref name="channel"/> (0..3).</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="channel"/> is outside 0..3.</exception>
        public void OnPirSample(long timeMs, int channel, int level)
        {
            _counter.AddPirSample(timeMs, channel, level);

            // Window activity: any PIR input high (the sensor's own hold time is part of its output).
            int bit = 1 << channel;
            _pirLevels = level != 0 ? (_pirLevels | bit) : (_pirLevels & ~bit);
            _aggregator.RecordPirState(_pirLevels != 0, timeMs);
            SyncCounts();
        }

        /// <summary>
        /// Call every loop pass (every 20–100 ms): advances the engine's time and, when a window's end has
        /// passed on the wall clock, closes it, applies disclosure control and seals it into the outbox.
        /// Returns true when a report was sealed. The reporting state (last window start, budget period) is
        /// persisted before sealing; when that fails the window is withheld (fail closed) and counted in
        /// <see cref="StateSaveFailures"/>. A seal failure (storage) is counted in <see cref="SealFailures"/>.
        /// </summary>
        public bool Tick(long nowMs, uint nowUnixSeconds)
        {
            _counter.Tick(nowMs);
            _disclosure.ObserveUptime(nowMs);
            SyncCounts();
            _aggregator.SetCalibrationState(_counter.CalibrationState);
            if (!_aggregator.TryCloseWindow(nowUnixSeconds, nowMs, _report))
            {
                return false;
            }

            LastWindowEntries = _report.Entries;
            LastWindowExits = _report.Exits;
            WindowedEntries += _report.Entries;
            WindowedExits += _report.Exits;
            _disclosure.Apply(_report, nowMs);
            LastWindowSuppressedMask = _report.SuppressedMask;
            if (!_state.TrySave(_aggregator, _disclosure))
            {
                // Released without a persisted record, a reboot could release this window's start again.
                _report.Clear();
                StateSaveFailures++;
                return false;
            }

            int length = _sealer.Seal(_report, _sealed, 0);
            _report.Clear();
            if (length == 0)
            {
                SealFailures++;
                return false;
            }

            _outbox.Enqueue(_sealed, 0, length);
            if (_journal != null)
            {
                // After the RAM copy: a failed flash write still leaves the report to publish before any reboot.
                _journal.Append(_sealed, 0, length);
            }

            ReportsSealed++;
            return true;
        }

        /// <summary>
        /// Copies the oldest unpublished report into <paramref name="buffer"/> at <paramref name="offset"/>
        /// (room for <see cref="ReportSealer.MaxSealedLength"/> bytes) and returns its length, or 0 when none waits.
        /// The report stays queued until <see cref="ConfirmPublished"/>.
        /// </summary>
        /// <exception cref="ArgumentException">The buffer cannot hold a report at that offset.</exception>
        public int PeekReport(byte[] buffer, int offset)
        {
            return _outbox.PeekOldest(buffer, offset);
        }

        /// <summary>
        /// Removes the report last peeked, after the broker acknowledged it, from RAM and from the journal.
        /// False when none waits.
        /// </summary>
        public bool ConfirmPublished()
        {
            if (!_outbox.RemoveOldest())
            {
                return false;
            }

            if (_journal != null)
            {
                _journal.ConfirmOldest();
            }

            return true;
        }


        private void SyncCounts()
        {
            // The engine's counters are cumulative; the window takes the increments (a crossing may also
            // complete inside Tick, so the counters, not return values, are the source).
            while (_entriesRecorded < _counter.Entries)
            {
                _entriesRecorded++;
                _aggregator.RecordEntry();
            }

            while (_exitsRecorded < _counter.Exits)
            {
                _exitsRecorded++;
                _aggregator.RecordExit();
            }

            // Sample health as the engine judged it (one definition of an invalid ranging).
            long samples = _counter.TotalTofSamples - _samplesRecorded;
            if (samples > 0)
            {
                long invalid = _counter.InvalidTofSamples - _invalidSamplesRecorded;
                _aggregator.RecordSamples((int)samples, (int)invalid);
                _samplesRecorded += samples;
                _invalidSamplesRecorded += invalid;
            }

            _aggregator.RecordOccupancy(_counter.Occupancy);
        }
    }
}
