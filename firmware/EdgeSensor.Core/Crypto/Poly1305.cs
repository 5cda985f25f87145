using System;

namespace EdgeSensor.Core.Crypto
{
    /// <summary>
    /// The Poly1305 one-time authenticator of RFC 8439 §2.5, used incrementally:
    /// <see cref="Init"/>, any number of <see cref="Update"/> calls, then <see cref="Finish"/>.
    /// The accumulator is kept in five 26-bit limbs so that every product fits a 64-bit integer
    /// (no 128-bit or big-integer type is needed on the device). A key must authenticate one
    /// message only. Allocates nothing after construction; not thread-safe.
    /// </summary>
    public sealed class Poly1305
    {
        /// <summary>One-time key length in bytes (r then s, RFC 8439 §2.5).</summary>
        public const int KeySize = 32;

        /// <summary>Tag length in bytes.</summary>
        public const int TagSize = 16;

        private const int BlockSize = 16;
        private const uint LimbMask = 0x3ffffff;

        private readonly byte[] _pending = new byte[BlockSize];
        private int _pendingCount;
        private bool _ready;

        // r (clamped) and 5*r for limbs 1..4: 2^130 = 5 (mod p), so high products fold back times 5.
        private uint _r0, _r1, _r2, _r3, _r4;
        private uint _s1, _s2, _s3, _s4;

        // Accumulator h.
        private uint _h0, _h1, _h2, _h3, _h4;

        // s, added at the end (RFC 8439 §2.5.1).
        private uint _pad0, _pad1, _pad2, _pad3;

        /// <summary>Starts a new tag with a 32-byte one-time key.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The 32 key bytes do not fit at <paramref name="offset"/>.</exception>
        public void Init(byte[] key, int offset)
        {
            CryptoGuard.Range(key, offset, KeySize, nameof(key));
            InitCore(key, offset);
        }

        /// <summary>Adds <paramref name="count"/> message bytes.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not fit the buffer.</exception>
        /// <exception cref="InvalidOperationException"><see cref="Init"/> was not called.</exception>
        public void Update(byte[] buffer, int offset, int count)
        {
            CryptoGuard.Range(buffer, offset, count, nameof(buffer));
            if (!_ready)
            {
                CryptoGuard.NotReady("Poly1305 needs Init before Update.");
            }

            UpdateCore(buffer, offset, count);
        }

        /// <summary>Writes the 16-byte tag and wipes the key; call <see cref="Init"/> before reuse.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="tag"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The 16 bytes do not fit at <paramref name="offset"/>.</exception>
        /// <exception cref="InvalidOperationException"><see cref="Init"/> was not called.</exception>
        public void Finish(byte[] tag, int offset)
        {
            CryptoGuard.Range(tag, offset, TagSize, nameof(tag));
            if (!_ready)
            {
                CryptoGuard.NotReady("Poly1305 needs Init before Finish.");
            }

            FinishCore(tag, offset);
        }

        internal void InitCore(byte[] key, int offset)
        {
            // Clamp r (RFC 8439 §2.5: r &= 0x0ffffffc0ffffffc0ffffffc0fffffff), then split it into
            // 26-bit limbs.
            uint t0 = CryptoBytes.LoadLittleEndian(key, offset) & 0x0fffffff;
            uint t1 = CryptoBytes.LoadLittleEndian(key, offset + 4) & 0x0ffffffc;
            uint t2 = CryptoBytes.LoadLittleEndian(key, offset + 8) & 0x0ffffffc;
            uint t3 = CryptoBytes.LoadLittleEndian(key, offset + 12) & 0x0ffffffc;

            _r0 = t0 & LimbMask;
            _r1 = ((t0 >> 26) | (t1 << 6)) & LimbMask;
            _r2 = ((t1 >> 20) | (t2 << 12)) & LimbMask;
            _r3 = ((t2 >> 14) | (t3 << 18)) & LimbMask;
            _r4 = t3 >> 8;

            _s1 = _r1 * 5;
            _s2 = _r2 * 5;
            _s3 = _r3 * 5;
            _s4 = _r4 * 5;

            _h0 = 0;
            _h1 = 0;
            _h2 = 0;
            _h3 = 0;
            _h4 = 0;

            _pad0 = CryptoBytes.LoadLittleEndian(key, offset + 16);
            _pad1 = CryptoBytes.LoadLittleEndian(key, offset + 20);
            _pad2 = CryptoBytes.LoadLittleEndian(key, offset + 24);
            _pad3 = CryptoBytes.LoadLittleEndian(key, offset + 28);

            _pendingCount = 0;
            _ready = true;
        }

        internal void UpdateCore(byte[] buffer, int offset, int count)
        {
            if (_pendingCount > 0)
            {
                int take = BlockSize - _pendingCount;
                if (take > count)
                {
                    take = count;
                }

                Array.Copy(buffer, offset, _pending, _pendingCount, take);
                _pendingCount += take;
                offset += take;
                count -= take;
                if (_pendingCount < BlockSize)
                {
                    return;
                }

                ProcessBlock(_pending, 0, 1u << 24);
                _pendingCount = 0;
            }

            while (count >= BlockSize)
            {
                ProcessBlock(buffer, offset, 1u << 24);
                offset += BlockSize;
                count -= BlockSize;
            }

            if (count > 0)
            {
                Array.Copy(buffer, offset, _pending, 0, count);
                _pendingCount = count;
            }
        }

        /// <summary>
        /// Adds zero bytes up to the next 16-byte boundary of the message so far (the padding of the
        /// AEAD construction, RFC 8439 §2.8). Cheaper than feeding zeros: a pending partial block is
        /// simply completed with zeros and processed as a full block.
        /// </summary>
        internal void PadToBlockCore()
        {
            if (_pendingCount == 0)
            {
                return;
            }

            for (int i = _pendingCount; i < BlockSize; i++)
            {
                _pending[i] = 0;
            }

            ProcessBlock(_pending, 0, 1u << 24);
            _pendingCount = 0;
        }

        internal void FinishCore(byte[] tag, int offset)
        {
            if (_pendingCount > 0)
            {
                // Final short block: append a 1 byte and zeros; no 2^128 bit (RFC 8439 §2.5.1).
                _pending[_pendingCount] = 1;
                for (int i = _pendingCount + 1; i < BlockSize; i++)
                {
                    _pending[i] = 0;
                }

                ProcessBlock(_pending, 0, 0);
                _pendingCount = 0;
            }

            unchecked
            {
                // Carry h fully so each limb is below 2^26 and h < 2^130 + small.
                uint h0 = _h0, h1 = _h1, h2 = _h2, h3 = _h3, h4 = _h4;
                uint c = h1 >> 26; h1 &= LimbMask;
                h2 += c; c = h2 >> 26; h2 &= LimbMask;
                h3 += c; c = h3 >> 26; h3 &= LimbMask;
                h4 += c; c = h4 >> 26; h4 &= LimbMask;
                h0 += c * 5; c = h0 >> 26; h0 &= LimbMask;
                h1 += c;

                // g = h + 5 - 2^130; if that is not negative, h >= p and the reduced value is g.
                uint g0 = h0 + 5; c = g0 >> 26; g0 &= LimbMask;
                uint g1 = h1 + c; c = g1 >> 26; g1 &= LimbMask;
                uint g2 = h2 + c; c = g2 >> 26; g2 &= LimbMask;
                uint g3 = h3 + c; c = g3 >> 26; g3 &= LimbMask;
                uint g4 = h4 + c - (1u << 26);

                // Select without a branch: useG is all ones when g4 did not borrow (top bit clear).
                uint useG = (g4 >> 31) - 1;
                uint useH = ~useG;
                h0 = (h0 & useH) | (g0 & useG);
                h1 = (h1 & useH) | (g1 & useG);
                h2 = (h2 & useH) | (g2 & useG);
                h3 = (h3 & useH) | (g3 & useG);
                h4 = (h4 & useH) | (g4 & useG);

                // Repack to four 32-bit words (h mod 2^128) and add s mod 2^128.
                uint w0 = h0 | (h1 << 26);
                uint w1 = (h1 >> 6) | (h2 << 20);
                uint w2 = (h2 >> 12) | (h3 << 14);
                uint w3 = (h3 >> 18) | (h4 << 8);

                ulong f = (ulong)w0 + _pad0;
                CryptoBytes.StoreLittleEndian(tag, offset, (uint)f);
                f = (ulong)w1 + _pad1 + (f >> 32);
                CryptoBytes.StoreLittleEndian(tag, offset + 4, (uint)f);
                f = (ulong)w2 + _pad2 + (f >> 32);
                CryptoBytes.StoreLittleEndian(tag, offset + 8, (uint)f);
                f = (ulong)w3 + _pad3 + (f >> 32);
                CryptoBytes.StoreLittleEndian(tag, offset + 12, (uint)f);
            }

            Wipe();
        }

        private void Wipe()
        {
            _r0 = _r1 = _r2 = _r3 = _r4 = 0;
            _s1 = _s2 = _s3 = _s4 = 0;
            _h0 = _h1 = _h2 = _h3 = _h4 = 0;
            _pad0 = _pad1 = _pad2 = _pad3 = 0;
            for (int i = 0; i < BlockSize; i++)
            {
                _pending[i] = 0;
            }

            _pendingCount = 0;
            _ready = false;
        }

        /// <summary>h = (h + block + hibit*2^128) * r mod 2^130 - 5, partially reduced.</summary>
        private void ProcessBlock(byte[] block, int offset, uint hibit)
        {
            unchecked
            {
                uint t0 = CryptoBytes.LoadLittleEndian(block, offset);
                uint t1 = CryptoBytes.LoadLittleEndian(block, offset + 4);
                uint t2 = CryptoBytes.LoadLittleEndian(block, offset + 8);
                uint t3 = CryptoBytes.LoadLittleEndian(block, offset + 12);

                uint h0 = _h0 + (t0 & LimbMask);
                uint h1 = _h1 + (((t0 >> 26) | (t1 << 6)) & LimbMask);
                uint h2 = _h2 + (((t1 >> 20) | (t2 << 12)) & LimbMask);
                uint h3 = _h3 + (((t2 >> 14) | (t3 << 18)) & LimbMask);
                uint h4 = _h4 + ((t3 >> 8) | hibit);

                ulong r0 = _r0, r1 = _r1, r2 = _r2, r3 = _r3, r4 = _r4;
                ulong s1 = _s1, s2 = _s2, s3 = _s3, s4 = _s4;

                // Schoolbook product; each limb product is < 2^26 * 5 * 2^27, five of them fit 64 bits.
                ulong d0 = (h0 * r0) + (h1 * s4) + (h2 * s3) + (h3 * s2) + (h4 * s1);
                ulong d1 = (h0 * r1) + (h1 * r0) + (h2 * s4) + (h3 * s3) + (h4 * s2);
                ulong d2 = (h0 * r2) + (h1 * r1) + (h2 * r0) + (h3 * s4) + (h4 * s3);
                ulong d3 = (h0 * r3) + (h1 * r2) + (h2 * r1) + (h3 * r0) + (h4 * s4);
                ulong d4 = (h0 * r4) + (h1 * r3) + (h2 * r2) + (h3 * r1) + (h4 * r0);

                // Partial reduction: carry each limb into the next, the top carry folds back times 5.
                ulong c = d0 >> 26; h0 = (uint)d0 & LimbMask;
                d1 += c; c = d1 >> 26; h1 = (uint)d1 & LimbMask;
                d2 += c; c = d2 >> 26; h2 = (uint)d2 & LimbMask;
                d3 += c; c = d3 >> 26; h3 = (uint)d3 & LimbMask;
                d4 += c; c = d4 >> 26; h4 = (uint)d4 & LimbMask;
                ulong e0 = h0 + (c * 5);
                h0 = (uint)e0 & LimbMask;
                h1 += (uint)(e0 >> 26);

                _h0 = h0;
                _h1 = h1;
                _h2 = h2;
                _h3 = h3;
                _h4 = h4;
            }
        }
    }
}
