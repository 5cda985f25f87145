using System;
using EdgeSensor.Core.Bytes;
using EdgeSensor.Core.Storage;
using EdgeSensor.Core.WireFormat;

namespace EdgeSensor.Core.Outbox
{
    /// <summary>
    /// The flash copy of a <see cref="ReportOutbox"/>, so sealed reports that were not yet acknowledged survive
    /// a reboot. Each report gets an ordinal (1, 2, 3, ...; never reused) and is written once, as
    /// <c>ordinal u64 | sealed report | CRC-32 u32</c>, into a slot that holds no pending report. Acknowledging
    /// the oldest report persists "confirmed through ordinal n" as a <see cref="DualSlotRecord"/>; nothing is erased.
    /// At boot, every valid frame above the confirmed ordinal is pending again, oldest first.
    /// <para>
    /// Power-cut behaviour (tests: OutboxPersistenceTests): a cut while a report is being written loses at most
    /// that report; a torn frame is found, counted in <see cref="LostAtRestore"/> and cleared at the next boot.
    /// A cut while a confirmation is saved keeps the old or the new confirmed ordinal: the report is then at worst
    /// published once more, with the same bytes (so the same sequence number; the consumer drops the replay).
    /// The journal stores sealed bytes and never reseals, so no sequence number can be used for two reports.
    /// </para>
    /// Mirrors the RAM outbox exactly: same capacity, and when full the oldest pending report is overwritten.
    /// Not thread-safe; allocates only in the constructor.
    /// </summary>
    public sealed class OutboxJournal
    {
        private const int OrdinalLength = 8;
        private const int CrcLength = 4;
        private const int ConfirmedLength = 8;

        private readonly INonVolatileStore _store;
        private readonly DualSlotRecord _confirmed;
        private readonly int _firstSlot;
        private readonly int _reportLength;
        private readonly byte[] _frame;
        private readonly byte[] _confirmedScratch = new byte[ConfirmedLength];

        // Pending reports oldest first, as a ring parallel to the RAM outbox: ordinal and slot (-1 = not written).
        private readonly ulong[] _ordinals;
        private readonly int[] _slots;
        private readonly bool[] _slotBusy;
        private int _head;
        private int _count;
        private ulong _nextOrdinal = 1;
        private ulong _confirmedThrough;
        private bool _restored;

        /// <summary>
        /// Creates the journal over <paramref name="capacity"/> report slots starting at <paramref name="firstSlot"/>,
        /// and two slots for the confirmed ordinal. Nothing is read until <see cref="Restore"/>.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">Capacity or report length is not positive.</exception>
        public OutboxJournal(INonVolatileStore store, int confirmedSlotA, int confirmedSlotB, int firstSlot, int capacity, int reportLength)
        {
            if (store == null)
            {
                throw new ArgumentNullException(nameof(store));
            }

            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity));
            }

            if (reportLength < 1 || reportLength > ReportHeader.MaxPayloadLength + ReportHeader.Length + ReportHeader.TagLength)
            {
                throw new ArgumentOutOfRangeException(nameof(reportLength));
            }

            _store = store;
            _confirmed = new DualSlotRecord(store, confirmedSlotA, confirmedSlotB, ConfirmedLength);
            _firstSlot = firstSlot;
            _reportLength = reportLength;
            _frame = new byte[FrameLength(reportLength)];
            _ordinals = new ulong[capacity];
            _slots = new int[capacity];
            _slotBusy = new bool[capacity];
        }

        /// <summary>Bytes one journal slot holds for reports of <paramref name="reportLength"/> bytes.</summary>
        public static int FrameLength(int reportLength)
        {
            return OrdinalLength + reportLength + CrcLength;
        }

        /// <summary>Reports pending in the journal (equals the RAM outbox's count).</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Torn frames found (and cleared) by <see cref="Restore"/>: reports a power cut destroyed while being written.</summary>
        public int LostAtRestore { get; private set; }

        /// <summary>Frames or confirmations that could not be written since boot (I/O errors).</summary>
        public int WriteFailures { get; private set; }

        /// <summary>
        /// Boot: loads every pending report into the empty <paramref name="outbox"/>, oldest first, and returns
        /// how many. Torn frames are counted in <see cref="LostAtRestore"/> and cleared so they are counted once.
        /// When the confirmed ordinal is unreadable every valid frame counts as pending (resend rather than lose).
        /// </summary>
        /// <exception cref="InvalidOperationException">The outbox or the journal is not empty.</exception>
        public int Restore(ReportOutbox outbox)
        {
            if (outbox == null)
            {
                throw new ArgumentNullException(nameof(outbox));
            }

            if (_restored || outbox.Count != 0 || outbox.Capacity != _ordinals.Length)
            {
                throw new InvalidOperationException("Restore once, at boot, into an empty outbox of the journal's capacity.");
            }

            _restored = true;
            _head = 0;
            _confirmedThrough = 0;
            if (_confirmed.TryLoad(_confirmedScratch, 0))
            {
                _confirmedThrough = LittleEndian.ReadUInt64(_confirmedScratch, 0);
            }

            ulong highest = _confirmedThrough;
            for (int index = 0; index < _ordinals.Length; index++)
            {
                ulong ordinal;
                int state = ReadFrame(index, out ordinal);
                if (state < 0)
                {
                    LostAtRestore++;
                    _store.Write(_firstSlot + index, _frame, 0, 0);
                    continue;
                }

                if (state == 0)
                {
                    continue;
                }

                if (ordinal > highest)
                {
                    highest = ordinal;
                }

                if (ordinal > _confirmedThrough)
                {
                    InsertSorted(ordinal, index);
                }
            }

            for (int i = 0; i < _count; i++)
            {
                int index = _slots[(_head + i) % _ordinals.Length];
                ulong ordinal;
                ReadFrame(index, out ordinal);
                outbox.Enqueue(_frame, OrdinalLength, _reportLength);
            }

            Array.Clear(_frame, 0, _frame.Length);
            _nextOrdinal = highest + 1;
            return _count;
        }

        /// <summary>
        /// Journals a report just added to the RAM outbox (call right after its Enqueue). When the journal is full
        /// the oldest pending report's slot is reused, as the RAM outbox dropped it. False on an I/O error: the
        /// report then lives in RAM only (lost if the device reboots before it is published).
        /// </summary>
        /// <exception cref="ArgumentException">The report is not <c>reportLength</c> bytes.</exception>
        public bool Append(byte[] report, int offset, int length)
        {
            if (report == null)
            {
                throw new ArgumentNullException(nameof(report));
            }

            if (length != _reportLength || offset < 0 || offset > report.Length - length)
            {
                throw new ArgumentException("A journal frame holds exactly one sealed report.", nameof(length));
            }

            CheckRestored();
            if (_count == _ordinals.Length)
            {
                PopOldest();
            }

            int index = FreeSlot();
            ulong ordinal = _nextOrdinal++;
            LittleEndian.WriteUInt64(_frame, 0, ordinal);
            Array.Copy(report, offset, _frame, OrdinalLength, length);
            LittleEndian.WriteUInt32(_frame, OrdinalLength + length, Crc32.Compute(_frame, 0, OrdinalLength + length));
            bool written = _store.Write(_firstSlot + index, _frame, 0, _frame.Length);
            Array.Clear(_frame, 0, _frame.Length);
            if (!written)
            {
                WriteFailures++;
                index = -1;
            }

            Push(ordinal, index);
            return written;
        }

        /// <summary>
        /// Records that the oldest pending report was acknowledged (call when the RAM outbox removed it).
        /// False when nothing is pending or the confirmation could not be saved (the report is then sent again
        /// after a reboot, never lost).
        /// </summary>
        public bool ConfirmOldest()
        {
            CheckRestored();
            if (_count == 0)
            {
                return false;
            }

            ulong ordinal = PopOldest();
            LittleEndian.WriteUInt64(_confirmedScratch, 0, ordinal);
            if (!_confirmed.Save(_confirmedScratch, 0))
            {
                WriteFailures++;
                return false;
            }

            _confirmedThrough = ordinal;
            return true;
        }

        private void CheckRestored()
        {
            if (!_restored)
            {
                throw new InvalidOperationException("Restore first, so the pending reports and ordinals are known.");
            }
        }

        // 1 = valid frame, 0 = empty slot, -1 = torn or unreadable (non-empty but not a valid frame).
        private int ReadFrame(int index, out ulong ordinal)
        {
            ordinal = 0;
            int read = _store.Read(_firstSlot + index, _frame, 0, _frame.Length);
            if (read == 0)
            {
                return 0;
            }

            if (read != _frame.Length)
            {
                return -1;
            }

            int body = OrdinalLength + _reportLength;
            if (LittleEndian.ReadUInt32(_frame, body) != Crc32.Compute(_frame, 0, body))
            {
                return -1;
            }

            ordinal = LittleEndian.ReadUInt64(_frame, 0);
            return ordinal == 0 ? -1 : 1;
        }

        private void InsertSorted(ulong ordinal, int index)
        {
            // Boot only, at most capacity entries: insertion sort into the ring (head is 0 during restore).
            int position = _count;
            while (position > 0 && _ordinals[position - 1] > ordinal)
            {
                _ordinals[position] = _ordinals[position - 1];
                _slots[position] = _slots[position - 1];
                position--;
            }

            _ordinals[position] = ordinal;
            _slots[position] = index;
            _slotBusy[index] = true;
            _count++;
        }

        private void Push(ulong ordinal, int index)
        {
            int position = (_head + _count) % _ordinals.Length;
            _ordinals[position] = ordinal;
            _slots[position] = index;
            if (index >= 0)
            {
                _slotBusy[index] = true;
            }

            _count++;
        }

        private ulong PopOldest()
        {
            ulong ordinal = _ordinals[_head];
            int index = _slots[_head];
            if (index >= 0)
            {
                _slotBusy[index] = false;
            }

            _head = (_head + 1) % _ordinals.Length;
            _count--;
            return ordinal;
        }

        private int FreeSlot()
        {
            for (int index = 0; index < _slotBusy.Length; index++)
            {
                if (!_slotBusy[index])
                {
                    return index;
                }
            }

            // Unreachable: Append pops the oldest first when every slot is pending.
            throw new InvalidOperationException("No free journal slot.");
        }
    }
}
