using System;
using EdgeSensor.Core.Bytes;
using EdgeSensor.Core.Storage;

namespace EdgeSensor.Core.Device
{
    /// <summary>
    /// Counts boots in the non-volatile store: each construction of a <see cref="SensorNode"/> is one boot.
    /// Reboots (boots after the first) go into every report (health), so a consumer sees a device that
    /// keeps restarting.
    /// </summary>
    internal static class RebootCounter
    {
        private const int RecordLength = 4;

        /// <summary>Boots recorded so far, without recording one; 0 when the record is missing or unreadable.</summary>
        public static uint ReadBoots(INonVolatileStore store)
        {
            DualSlotRecord record = new DualSlotRecord(store, DeviceStorage.RebootSlotA, DeviceStorage.RebootSlotB, RecordLength);
            byte[] scratch = new byte[RecordLength];
            return record.TryLoad(scratch, 0) ? LittleEndian.ReadUInt32(scratch, 0) : 0u;
        }

        /// <summary>
        /// Records one boot (loads the persisted boot count, adds one, persists it) and returns the reboots
        /// so far: 0 on the first boot after provisioning, saturating at 65535 (the wire field is 16 bits).
        /// A failed write still counts this boot in RAM.
        /// </summary>
        public static ushort RecordBoot(INonVolatileStore store)
        {
            DualSlotRecord record = new DualSlotRecord(store, DeviceStorage.RebootSlotA, DeviceStorage.RebootSlotB, RecordLength);
            byte[] scratch = new byte[RecordLength];
            uint boots = 0;
            if (record.TryLoad(scratch, 0))
            {
                boots = LittleEndian.ReadUInt32(scratch, 0);
            }

            if (boots <= ushort.MaxValue)
            {
                boots++;
            }

            LittleEndian.WriteUInt32(scratch, 0, boots);
            record.Save(scratch, 0);
            return (ushort)(boots - 1);
        }
    }
}
