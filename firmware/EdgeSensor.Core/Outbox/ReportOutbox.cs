using System;

namespace EdgeSensor.Core.Outbox
{
    /// <summary>
    /// Sealed reports waiting to be published, oldest first, in a fixed ring of equal slots allocated
    /// once. The device keeps sealing while the broker is unreachable; when the ring is full the
    /// oldest report is dropped (newest data matters most for crowd safety) and counted, so the
    /// consumer sees a sequence gap and the device's health says how many were lost.
    /// A report leaves the outbox only after the transport confirms it (<see cref="RemoveOldest"/>),
    /// so a failed publish is retried, never lost.
    /// </summary>
    public sealed class ReportOutbox
    {
        private readonly byte[] _slots;
        private readonly int[] _lengths;
        private readonly int _slotSize;
        private int _head;   // index of the oldest report
        private int _count;
        private uint _dropped;

        /// <summary>Creates an outbox of <paramref name="capacity"/> reports of at most <paramref name="maxReportLength"/> bytes.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Capacity or length is not positive, or the ring would exceed 64 KiB.</exception>
        public ReportOutbox(int capacity, int maxReportLength)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity));
            }
            if (maxReportLength < 1 || (long)capacity * maxReportLength > 65536)
            {
                // The device heap is 100–200 KB; the ring must stay a small, fixed part of it.
                throw new ArgumentOutOfRangeException(nameof(maxReportLength));
            }
            _slots = new byte[capacity * maxReportLength];
            _lengths = new int[capacity];
            _slotSize = maxReportLength;
        }

        /// <summary>Reports that can be held.</summary>
        public int Capacity { get { return _lengths.Length; } }

        /// <summary>Reports waiting.</summary>
        public int Count { get { return _count; } }

        /// <summary>Reports dropped because the ring was full, since boot (wraps at 2^32).</summary>
        public uint DroppedCount { get { return _dropped; } }

        /// <summary>
        /// Copies a sealed report in. Returns false (and stores nothing) if it is longer than a slot;
        /// when the ring is full the oldest report is dropped to make room.
        /// </summary>
        public bool Enqueue(byte[] report, int offset, int length)
        {
            if (report == null)
            {
                throw new ArgumentNullException(nameof(report));
            }
            if (offset < 0 || length < 0 || offset > report.Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }
            if (length == 0 || length > _slotSize)
            {
                return false;
            }
            if (_count == _lengths.Length)
            {
                RemoveOldest();
                _dropped++;
            }
            var slot = (_head + _count) % _lengths.Length;
            Array.Copy(report, offset, _slots, slot * _slotSize, length);
            _lengths[slot] = length;
            _count++;
            return true;
        }

        /// <summary>
        /// Copies the oldest report to <paramref name="destination"/> without removing it and returns
        /// its length, or 0 when the outbox is empty.
        /// </summary>
        /// <exception cref="ArgumentException">The destination cannot hold the report.</exception>
        public int PeekOldest(byte[] destination, int offset)
        {
            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }
            if (_count == 0)
            {
                return 0;
            }
            var length = _lengths[_head];
            if (offset < 0 || offset > destination.Length - length)
            {
                throw new ArgumentException("destination too small for the report", nameof(destination));
            }
            Array.Copy(_slots, _head * _slotSize, destination, offset, length);
            return length;
        }

        /// <summary>Removes the oldest report (after the transport confirmed it). Returns false when empty.</summary>
        public bool RemoveOldest()
        {
            if (_count == 0)
            {
                return false;
            }
            // Sealed reports are ciphertext, but a freed slot is still wiped: nothing lingers in RAM longer than needed.
            Array.Clear(_slots, _head * _slotSize, _lengths[_head]);
            _lengths[_head] = 0;
            _head = (_head + 1) % _lengths.Length;
            _count--;
            return true;
        }
    }
}
