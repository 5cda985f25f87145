using System;
using EdgeSensor.Core.Keys;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Storage;

namespace EdgeSensor.Core.Device
{
    /// <summary>
    /// The slot layout of the device's non-volatile store (one LittleFS file per slot on the ESP32) and
    /// the provisioning step that writes the first key record. Every record is a <see cref="DualSlotRecord"/>
    /// (two copies), so each owns two slots.
    /// </summary>
    public static class DeviceStorage
    {
        /// <summary>Epoch key record, first copy.</summary>
        public const int KeySlotA = 0;

        /// <summary>Epoch key record, second copy.</summary>
        public const int KeySlotB = 1;

        /// <summary>Sequence-number reservation, first copy.</summary>
        public const int SequenceSlotA = 2;

        /// <summary>Sequence-number reservation, second copy.</summary>
        public const int SequenceSlotB = 3;

        /// <summary>Reboot counter, first copy.</summary>
        public const int RebootSlotA = 4;

        /// <summary>Reboot counter, second copy.</summary>
        public const int RebootSlotB = 5;

        /// <summary>Reporting state (last reported window start, privacy budget period), first copy.</summary>
        public const int StateSlotA = 6;

        /// <summary>Reporting state, second copy.</summary>
        public const int StateSlotB = 7;

        /// <summary>Slots a device store must offer when the outbox is kept in RAM only.</summary>
        public const int SlotCount = 8;

        /// <summary>Longest record in bytes (the key record: generation, epoch, day, 32-byte key, CRC).</summary>
        public const int MaxRecordLength = 64;

        /// <summary>Outbox journal's confirmed ordinal, first copy (with <see cref="DeviceSettings.PersistOutbox"/>).</summary>
        public const int OutboxConfirmedSlotA = 8;

        /// <summary>Outbox journal's confirmed ordinal, second copy.</summary>
        public const int OutboxConfirmedSlotB = 9;

        /// <summary>First of the outbox journal's report slots (one per <see cref="DeviceSettings.OutboxCapacity"/>).</summary>
        public const int OutboxFirstSlot = 10;

        /// <summary>Longest record with a persisted outbox: a journal frame (ordinal, sealed report, CRC).</summary>
        public const int MaxRecordLengthWithOutbox = 8 + ReportSealer.MaxSealedLength + 4;

        /// <summary>Slots a device store must offer with a persisted outbox of <paramref name="outboxCapacity"/> reports.</summary>
        public static int SlotCountWithOutbox(int outboxCapacity)
        {
            return OutboxFirstSlot + outboxCapacity;
        }

        /// <summary>
        /// Whether the device has run before: any byte in a copy of the sequence reservation, the reboot counter or
        /// the reporting state (valid or torn). Only the key record exists on a device that was provisioned but never
        /// booted its pipeline. Read before the boot is recorded.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
        public static bool HasRunBefore(INonVolatileStore store)
        {
            if (store == null)
            {
                throw new ArgumentNullException(nameof(store));
            }

            byte[] probe = new byte[1];
            for (int slot = SequenceSlotA; slot <= StateSlotB; slot++)
            {
                if (store.Read(slot, probe, 0, 1) != 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Boots recorded so far (0 on a device whose pipeline never started, or whose counter is unreadable), read
        /// without recording one: the firmware mixes it into the noise generator's nonce before the pipeline starts.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
        public static uint ReadBootCount(INonVolatileStore store)
        {
            return RebootCounter.ReadBoots(store);
        }

        /// <summary>
        /// Provisioning: derives epoch 0 from the 256-bit <paramref name="rootKey"/> and persists it. The caller
        /// erases the root key afterwards (only the SDK's key store keeps it). False on an I/O error.
        /// </summary>
        /// <exception cref="ArgumentNullException">A buffer or the store is null.</exception>
        public static bool TryProvision(INonVolatileStore store, byte[] rootKey, int rootKeyOffset, uint epochDay)
        {
            if (store == null)
            {
                throw new ArgumentNullException(nameof(store));
            }

            EpochKeyRatchet ratchet = new EpochKeyRatchet(store, KeySlotA, KeySlotB);
            return ratchet.TryProvision(rootKey, rootKeyOffset, epochDay);
        }
    }
}
