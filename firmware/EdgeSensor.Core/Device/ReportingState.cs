using System;
using EdgeSensor.Core.Aggregation;
using EdgeSensor.Core.Bytes;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Storage;

namespace EdgeSensor.Core.Device
{
    /// <summary>
    /// What must survive a reboot for the privacy guarantees to hold (docs/privacy.md): the start of the last
    /// window reported (so a reboot cannot release one window twice, letting a consumer average noise away) and
    /// the budget period (so a reboot cannot start a fresh one). One record, two copies, saved at every window close.
    /// <para>
    /// Layout (16 bytes): last reported start u32 | budget period u32 | uptime in the period, ms u32 | flags u32
    /// (bit 0 exhausted, bit 1 released in the period). The 12-byte record of earlier firmware (a UTC-day budget)
    /// does not load as this one: after that update the device has saved state but no period, so it fails closed.
    /// </para>
    /// </summary>
    internal sealed class ReportingState
    {
        private const int LastStartOffset = 0;
        private const int PeriodOffset = 4;
        private const int PeriodUptimeOffset = 8;
        private const int FlagsOffset = 12;
        private const int RecordLength = 16;

        private const uint ExhaustedFlag = 0x1;
        private const uint ReleasedFlag = 0x2;
        private const uint KnownFlags = ExhaustedFlag | ReleasedFlag;

        private readonly DualSlotRecord _record;
        private readonly byte[] _scratch = new byte[RecordLength];

        public ReportingState(INonVolatileStore store)
        {
            _record = new DualSlotRecord(store, DeviceStorage.StateSlotA, DeviceStorage.StateSlotB, RecordLength);
        }

        /// <summary>
        /// Loads the persisted state into a freshly built aggregator and disclosure control (boot). Without a usable
        /// record the budget period is exhausted (fail closed) when <paramref name="deviceHasHistory"/> (other records
        /// were saved before, so this one was lost), and fresh on a factory-fresh device. Returns whether a record
        /// was restored.
        /// </summary>
        public bool Restore(WindowAggregator aggregator, DisclosureControl disclosure, bool deviceHasHistory)
        {
            if (!_record.TryLoad(_scratch, 0) || !TryRestore(aggregator, disclosure))
            {
                if (deviceHasHistory || !_record.WasEmpty)
                {
                    disclosure.ExhaustBudgetPeriod();
                }

                return false;
            }

            return true;
        }

        /// <summary>Persists the state after a window was closed and disclosed; false on an I/O error.</summary>
        public bool TrySave(WindowAggregator aggregator, DisclosureControl disclosure)
        {
            uint flags = (disclosure.IsBudgetExhausted ? ExhaustedFlag : 0u) | (disclosure.ReleasedInBudgetPeriod ? ReleasedFlag : 0u);
            LittleEndian.WriteUInt32(_scratch, LastStartOffset, aggregator.LastReportedStartUnixSeconds);
            LittleEndian.WriteUInt32(_scratch, PeriodOffset, disclosure.BudgetPeriod);
            LittleEndian.WriteUInt32(_scratch, PeriodUptimeOffset, disclosure.BudgetPeriodUptimeMilliseconds);
            LittleEndian.WriteUInt32(_scratch, FlagsOffset, flags);
            return _record.Save(_scratch, 0);
        }

        private bool TryRestore(WindowAggregator aggregator, DisclosureControl disclosure)
        {
            uint flags = LittleEndian.ReadUInt32(_scratch, FlagsOffset);
            if ((flags & ~KnownFlags) != 0
                || !disclosure.TryRestoreBudgetPeriod(LittleEndian.ReadUInt32(_scratch, PeriodOffset), LittleEndian.ReadUInt32(_scratch, PeriodUptimeOffset), (flags & ExhaustedFlag) != 0, (flags & ReleasedFlag) != 0))
            {
                return false;
            }

            uint lastStart = LittleEndian.ReadUInt32(_scratch, LastStartOffset);
            if (lastStart != 0)
            {
                aggregator.RestoreLastReportedStart(lastStart);
            }

            return true;
        }
    }
}
