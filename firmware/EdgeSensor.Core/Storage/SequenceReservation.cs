using System;
using EdgeSensor.Core.Bytes;

namespace EdgeSensor.Core.Storage
{
    /// <summary>
    /// Hands out report sequence numbers that never repeat, across reboots and power loss, without a flash
    /// write per report: before using number n it makes sure a reservation end &gt; n is persisted, reserving
    /// a block of <c>blockSize</c> numbers at a time. After a reboot it resumes at the persisted end, skipping
    /// whatever was left of the last block. Sequence numbers are never reset (not even per epoch), so the
    /// (epoch, sequence) nonce is unique whatever happens to the epoch state (docs/security.md §Nonce safety).
    /// </summary>
    public sealed class SequenceReservation
    {
        /// <summary>Default block size: one flash write per 64 reports (about 10 minutes of 10 s windows).</summary>
        public const uint DefaultBlockSize = 64;

        private const int RecordLength = 8;

        private readonly DualSlotRecord _record;
        private readonly uint _blockSize;
        private readonly byte[] _scratch = new byte[RecordLength];
        private ulong _next;
        private ulong _reservedEnd;
        private bool _damaged;

        /// <summary>
        /// Restores the persisted reservation from slots <paramref name="slotA"/>/<paramref name="slotB"/>
        /// (a fresh store starts at 0). No number is reserved until the first <see cref="TryNext"/>.
        /// </summary>
        public SequenceReservation(INonVolatileStore store, int slotA, int slotB, uint blockSize)
        {
            if (blockSize == 0 || blockSize > 1000000)
            {
                throw new ArgumentOutOfRangeException(nameof(blockSize));
            }

            _record = new DualSlotRecord(store, slotA, slotB, RecordLength);
            _blockSize = blockSize;
            if (_record.TryLoad(_scratch, 0))
            {
                _next = LittleEndian.ReadUInt64(_scratch, 0);
            }
            else if (!_record.WasEmpty)
            {
                // Written before but unreadable now: starting at 0 could repeat numbers already used.
                _damaged = true;
            }

            _reservedEnd = _next;
        }

        /// <summary>
        /// True when the persisted reservation exists but could not be read (both copies damaged, or an I/O
        /// error): no number is handed out until <see cref="RestartUnderNewEpoch"/>.
        /// </summary>
        public bool IsDamaged
        {
            get { return _damaged; }
        }

        /// <summary>
        /// Recovers from <see cref="IsDamaged"/> by starting again at 0. Only safe once the epoch has advanced to a
        /// key that has never sealed anything, so (epoch, sequence) stays unique; <c>ReportSealer</c> does both.
        /// </summary>
        public void RestartUnderNewEpoch()
        {
            _damaged = false;
            _next = 0;
            _reservedEnd = 0;
        }

        /// <summary>The number the next successful <see cref="TryNext"/> returns.</summary>
        public ulong NextSequence
        {
            get { return _next; }
        }

        /// <summary>The first number not covered by the persisted reservation.</summary>
        public ulong ReservedEnd
        {
            get { return _reservedEnd; }
        }

        /// <summary>
        /// Takes the next sequence number, persisting a new reservation first when the current one is used up.
        /// Returns false (and takes nothing) when that write fails or the 64-bit space is exhausted.
        /// </summary>
        public bool TryNext(out ulong sequence)
        {
            sequence = 0;
            if (_damaged)
            {
                return false;
            }

            if (_next == _reservedEnd)
            {
                // The end is exclusive, so ulong.MaxValue itself is never handed out.
                if (_reservedEnd == ulong.MaxValue)
                {
                    return false;
                }

                ulong end = _reservedEnd > ulong.MaxValue - _blockSize ? ulong.MaxValue : _reservedEnd + _blockSize;
                LittleEndian.WriteUInt64(_scratch, 0, end);

                // Persisted before any number of the block is used: a reboot can only skip numbers, never repeat them.
                if (!_record.Save(_scratch, 0))
                {
                    return false;
                }

                _reservedEnd = end;
            }

            sequence = _next;
            _next++;
            return true;
        }
    }
}
