using System;

namespace EdgeSensor.Core.Storage
{
    /// <summary>
    /// An <see cref="INonVolatileStore"/> in RAM, for the simulator and tests: it survives "reboots" of the
    /// objects built on it, not of the process. Slots are 0..slotCount-1, each up to maxRecordLength bytes.
    /// </summary>
    public sealed class InMemoryNonVolatileStore : INonVolatileStore
    {
        private readonly byte[][] _slots;
        private readonly int _maxRecordLength;

        /// <summary>Creates an empty store.</summary>
        public InMemoryNonVolatileStore(int slotCount, int maxRecordLength)
        {
            if (slotCount <= 0 || maxRecordLength <= 0)
            {
                throw new ArgumentOutOfRangeException(slotCount <= 0 ? nameof(slotCount) : nameof(maxRecordLength));
            }

            _slots = new byte[slotCount][];
            _maxRecordLength = maxRecordLength;
        }

        /// <summary>Number of writes so far (tests count flash wear with it).</summary>
        public int WriteCount { get; private set; }

        /// <inheritdoc />
        public int Read(int slot, byte[] buffer, int offset, int count)
        {
            CheckSlot(slot);
            byte[] stored = _slots[slot];
            if (stored == null)
            {
                return 0;
            }

            int length = stored.Length < count ? stored.Length : count;
            Array.Copy(stored, 0, buffer, offset, length);
            return length;
        }

        /// <inheritdoc />
        public bool Write(int slot, byte[] buffer, int offset, int count)
        {
            CheckSlot(slot);
            if (count < 0 || count > _maxRecordLength)
            {
                return false;
            }

            byte[] stored = _slots[slot];
            if (stored == null || stored.Length != count)
            {
                stored = new byte[count];
                _slots[slot] = stored;
            }

            Array.Copy(buffer, offset, stored, 0, count);
            WriteCount++;
            return true;
        }

        private void CheckSlot(int slot)
        {
            if (slot < 0 || slot >= _slots.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(slot));
            }
        }
    }
}
