using System;
using EdgeSensor.Core.Bytes;

namespace EdgeSensor.Core.Storage
{
    /// <summary>
    /// A fixed-length record kept as two copies in two slots so an update survives power loss: each copy is
    /// <c>generation u32 | payload | CRC-32 u32</c>; a save overwrites the copy that is NOT the newest valid one,
    /// so a torn write damages only the copy being written and the load falls back to the other.
    /// Loading takes the valid copy with the highest generation. <see cref="SaveBoth"/> writes the new payload
    /// to both copies, so no copy of the old payload remains (used to erase old keys).
    /// </summary>
    public sealed class DualSlotRecord
    {
        private const int GenerationLength = 4;
        private const int CrcLength = 4;

        private readonly INonVolatileStore _store;
        private readonly int _slotA;
        private readonly int _slotB;
        private readonly int _payloadLength;
        private readonly byte[] _frame;
        private uint _generation;
        private bool _newestIsA;
        private bool _loaded;
        private bool _wasEmpty;

        /// <summary>Creates the record over two distinct slots; nothing is read until <see cref="TryLoad"/>.</summary>
        public DualSlotRecord(INonVolatileStore store, int slotA, int slotB, int payloadLength)
        {
            if (store == null)
            {
                throw new ArgumentNullException(nameof(store));
            }

            if (slotA == slotB)
            {
                throw new ArgumentException("The two copies need distinct slots.", nameof(slotB));
            }

            if (payloadLength <= 0 || payloadLength > 256)
            {
                throw new ArgumentOutOfRangeException(nameof(payloadLength));
            }

            _store = store;
            _slotA = slotA;
            _slotB = slotB;
            _payloadLength = payloadLength;
            _frame = new byte[GenerationLength + payloadLength + CrcLength];
        }

        /// <summary>Length of the payload in bytes.</summary>
        public int PayloadLength
        {
            get { return _payloadLength; }
        }

        /// <summary>
        /// Whether the last <see cref="TryLoad"/> found both slots never written (a fresh device), as opposed to
        /// holding only damaged copies or failing to read: callers must not treat damage as a fresh start.
        /// </summary>
        public bool WasEmpty
        {
            get { return _wasEmpty; }
        }

        /// <summary>
        /// Reads both copies and copies the newest valid payload to <paramref name="payload"/>. Returns false
        /// when neither copy is valid (a fresh device, or both lost), leaving <paramref name="payload"/> untouched.
        /// </summary>
        public bool TryLoad(byte[] payload, int offset)
        {
            CheckPayload(payload, offset);
            uint generationA;
            uint generationB;
            _wasEmpty = true;
            bool validA = ReadCopy(_slotA, out generationA);
            bool validB = ReadCopy(_slotB, out generationB);
            _loaded = true;
            if (!validA && !validB)
            {
                _generation = 0;
                _newestIsA = false;
                return false;
            }

            _newestIsA = validA && (!validB || generationA > generationB);
            _generation = _newestIsA ? generationA : generationB;

            // The last ReadCopy left the other slot's bytes in the frame; re-read the newest one.
            ReadCopy(_newestIsA ? _slotA : _slotB, out _generation);
            Array.Copy(_frame, GenerationLength, payload, offset, _payloadLength);
            Array.Clear(_frame, 0, _frame.Length);
            return true;
        }

        /// <summary>
        /// Persists <paramref name="payload"/> as the newest copy (into the slot not holding the newest valid one).
        /// Returns false on an I/O error; the previous payload then still loads.
        /// </summary>
        public bool Save(byte[] payload, int offset)
        {
            CheckPayload(payload, offset);
            if (!_loaded)
            {
                throw new InvalidOperationException("TryLoad first, so the newest copy is known.");
            }

            uint generation = _generation + 1;
            int slot = _newestIsA ? _slotB : _slotA;
            LittleEndian.WriteUInt32(_frame, 0, generation);
            Array.Copy(payload, offset, _frame, GenerationLength, _payloadLength);
            LittleEndian.WriteUInt32(_frame, GenerationLength + _payloadLength, Crc32.Compute(_frame, 0, GenerationLength + _payloadLength));
            bool written = _store.Write(slot, _frame, 0, _frame.Length);
            Array.Clear(_frame, 0, _frame.Length);
            if (!written)
            {
                return false;
            }

            _generation = generation;
            _newestIsA = !_newestIsA;
            return true;
        }

        /// <summary>
        /// Saves <paramref name="payload"/> into both copies, so the previous payload survives in neither.
        /// Returns false if the first write failed (nothing changed); when only the second fails the new payload
        /// is saved but the old copy remains until the next save.
        /// </summary>
        public bool SaveBoth(byte[] payload, int offset)
        {
            if (!Save(payload, offset))
            {
                return false;
            }

            Save(payload, offset);
            return true;
        }

        private bool ReadCopy(int slot, out uint generation)
        {
            generation = 0;
            int read = _store.Read(slot, _frame, 0, _frame.Length);
            if (read != 0)
            {
                _wasEmpty = false;
            }

            if (read != _frame.Length)
            {
                return false;
            }

            uint crc = LittleEndian.ReadUInt32(_frame, GenerationLength + _payloadLength);
            if (crc != Crc32.Compute(_frame, 0, GenerationLength + _payloadLength))
            {
                return false;
            }

            generation = LittleEndian.ReadUInt32(_frame, 0);
            return true;
        }

        private void CheckPayload(byte[] payload, int offset)
        {
            if (payload == null)
            {
                throw new ArgumentNullException(nameof(payload));
            }

            if (offset < 0 || offset > payload.Length - _payloadLength)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }
        }
    }
}
