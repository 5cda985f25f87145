using System;
using EdgeSensor.Core.Aggregation;
using EdgeSensor.Core.Bytes;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Storage;

namespace EdgeSensor.Core.Device
{
    /// <summary>
    /// What must survive a reboot for the privacy guarantees to hold (docs/privacy.md): the start of the last
    /// window reported (so a reboot cannot release one window twice, letting a consumer average DP noise away)
    /// and the day's privacy budget (so a reboot cannot reset the spending). One record, two copies.
    /// </summary>
    internal sealed class ReportingState
    {
        private const int LastStartOffset = 0;
        private const int BudgetDayOffset = 4;
        private const int BudgetSpentOffset = 8;
        private const int RecordLength = 12;

        private readonly DualSlotRecord _record;
        private readonly byte[] _scratch = new byte[RecordLength];

        public ReportingState(INonVolatileStore store)
        {
            _record = new DualSlotRecord(store, DeviceStorage.StateSlotA, DeviceStorage.StateSlotB, RecordLength);
        }

        /// <summary>Loads the persisted state into a freshly built aggregator and disclosure control (boot).</summary>
        public void Restore(WindowAggregator aggregator, DisclosureControl disclosure)
        {
            if (!_record.TryLoad(_scratch, 0))
            {
                return;
            }

            uint lastStart = LittleEndian.ReadUInt32(_scratch, LastStartOffset);
            if (lastStart != 0)
            {
                aggregator.RestoreLastReportedStart(lastStart);
            }

            disclosure.RestoreBudget(LittleEndian.ReadUInt32(_scratch, BudgetDayOffset), LittleEndian.ReadUInt32(_scratch, BudgetSpentOffset));
        }

        /// <summary>Persists the state after a window was closed and disclosed; false on an I/O error.</summary>
        public bool TrySave(WindowAggregator aggregator, DisclosureControl disclosure)
        {
            LittleEndian.WriteUInt32(_scratch, LastStartOffset, aggregator.LastReportedStartUnixSeconds);
            LittleEndian.WriteUInt32(_scratch, BudgetDayOffset, disclosure.BudgetDay);
            LittleEndian.WriteUInt32(_scratch, BudgetSpentOffset, disclosure.BudgetSpentMilli);
            return _record.Save(_scratch, 0);
        }
    }
}
