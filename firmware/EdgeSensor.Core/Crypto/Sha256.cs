using System;

namespace EdgeSensor.Core.Crypto
{
    /// <summary>
    /// SHA-256 (FIPS 180-4 §6.2), incremental: <see cref="Append"/> any number of times, then
    /// <see cref="Finish"/>, which also resets the instance for the next message. Allocates nothing
    /// after construction; not thread-safe.
    /// </summary>
    public sealed class Sha256
    {
        /// <summary>Digest length in bytes.</summary>
        public const int HashSize = 32;

        /// <summary>Input block length in bytes.</summary>
        public const int BlockSize = 64;

        // First 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4 §4.2.2).
        private static readonly uint[] s_roundConstants = new uint[]
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };

        private readonly uint[] _state = new uint[8];
        private readonly uint[] _schedule = new uint[64];
        private readonly byte[] _pending = new byte[BlockSize];
        private int _pendingCount;
        private ulong _totalBytes;

        /// <summary>Creates an instance ready for a message.</summary>
        public Sha256()
        {
            Reset();
        }

        /// <summary>Discards any message in progress and starts a new one.</summary>
        public void Reset()
        {
            // Initial hash value H(0) (FIPS 180-4 §5.3.3).
            _state[0] = 0x6a09e667;
            _state[1] = 0xbb67ae85;
            _state[2] = 0x3c6ef372;
            _state[3] = 0xa54ff53a;
            _state[4] = 0x510e527f;
            _state[5] = 0x9b05688c;
            _state[6] = 0x1f83d9ab;
            _state[7] = 0x5be0cd19;
            _pendingCount = 0;
            _totalBytes = 0;
        }

        /// <summary>Adds <paramref name="count"/> message bytes.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not fit the buffer.</exception>
        public void Append(byte[] data, int offset, int count)
        {
            CryptoGuard.Range(data, offset, count, nameof(data));
            AppendCore(data, offset, count);
        }

        /// <summary>Writes the 32-byte digest and resets the instance.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The 32 bytes do not fit at <paramref name="offset"/>.</exception>
        public void Finish(byte[] output, int offset)
        {
            CryptoGuard.Range(output, offset, HashSize, nameof(output));
            FinishCore(output, offset);
        }

        internal void AppendCore(byte[] data, int offset, int count)
        {
            _totalBytes += (ulong)count;
            if (_pendingCount > 0)
            {
                int take = BlockSize - _pendingCount;
                if (take > count)
                {
                    take = count;
                }

                Array.Copy(data, offset, _pending, _pendingCount, take);
                _pendingCount += take;
                offset += take;
                count -= take;
                if (_pendingCount < BlockSize)
                {
                    return;
                }

                Compress(_pending, 0);
                _pendingCount = 0;
            }

            while (count >= BlockSize)
            {
                Compress(data, offset);
                offset += BlockSize;
                count -= BlockSize;
            }

            if (count > 0)
            {
                Array.Copy(data, offset, _pending, 0, count);
                _pendingCount = count;
            }
        }

        internal void FinishCore(byte[] output, int offset)
        {
            // Padding (FIPS 180-4 §5.1.1): a 1 bit, zeros, then the message length in bits as a
            // big-endian 64-bit number, ending on a block boundary.
            ulong bitLength = unchecked(_totalBytes * 8);
            _pending[_pendingCount++] = 0x80;
            if (_pendingCount > BlockSize - 8)
            {
                for (int i = _pendingCount; i < BlockSize; i++)
                {
                    _pending[i] = 0;
                }

                Compress(_pending, 0);
                _pendingCount = 0;
            }

            for (int i = _pendingCount; i < BlockSize - 8; i++)
            {
                _pending[i] = 0;
            }

            CryptoBytes.StoreBigEndian(_pending, BlockSize - 8, (uint)(bitLength >> 32));
            CryptoBytes.StoreBigEndian(_pending, BlockSize - 4, (uint)bitLength);
            Compress(_pending, 0);

            for (int i = 0; i < 8; i++)
            {
                CryptoBytes.StoreBigEndian(output, offset + (4 * i), _state[i]);
            }

            // Wipe message traces before reuse.
            for (int i = 0; i < BlockSize; i++)
            {
                _pending[i] = 0;
            }

            for (int i = 0; i < 64; i++)
            {
                _schedule[i] = 0;
            }

            Reset();
        }

        /// <summary>Copies the running state of <paramref name="source"/> (a saved HMAC pad state).</summary>
        internal void CopyFrom(Sha256 source)
        {
            Array.Copy(source._state, _state, 8);
            Array.Copy(source._pending, _pending, BlockSize);
            _pendingCount = source._pendingCount;
            _totalBytes = source._totalBytes;
        }

        /// <summary>Wipes the state (key-dependent when used inside HMAC) and resets.</summary>
        internal void Wipe()
        {
            for (int i = 0; i < BlockSize; i++)
            {
                _pending[i] = 0;
            }

            for (int i = 0; i < 64; i++)
            {
                _schedule[i] = 0;
            }

            Reset();
        }

        /// <summary>One application of the compression function to a 64-byte block (FIPS 180-4 §6.2.2).</summary>
        private void Compress(byte[] block, int offset)
        {
            uint[] w = _schedule;
            uint[] k = s_roundConstants;
            unchecked
            {
                for (int t = 0; t < 16; t++)
                {
                    w[t] = CryptoBytes.LoadBigEndian(block, offset + (4 * t));
                }

                for (int t = 16; t < 64; t++)
                {
                    uint w15 = w[t - 15];
                    uint w2 = w[t - 2];
                    uint sigma0 = ((w15 >> 7) | (w15 << 25)) ^ ((w15 >> 18) | (w15 << 14)) ^ (w15 >> 3);
                    uint sigma1 = ((w2 >> 17) | (w2 << 15)) ^ ((w2 >> 19) | (w2 << 13)) ^ (w2 >> 10);
                    w[t] = sigma1 + w[t - 7] + sigma0 + w[t - 16];
                }

                uint a = _state[0], b = _state[1], c = _state[2], d = _state[3];
                uint e = _state[4], f = _state[5], g = _state[6], h = _state[7];

                for (int t = 0; t < 64; t++)
                {
                    uint bigSigma1 = ((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7));
                    uint choose = (e & f) ^ (~e & g);
                    uint t1 = h + bigSigma1 + choose + k[t] + w[t];
                    uint bigSigma0 = ((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10));
                    uint majority = (a & b) ^ (a & c) ^ (b & c);
                    uint t2 = bigSigma0 + majority;
                    h = g;
                    g = f;
                    f = e;
                    e = d + t1;
                    d = c;
                    c = b;
                    b = a;
                    a = t1 + t2;
                }

                _state[0] += a;
                _state[1] += b;
                _state[2] += c;
                _state[3] += d;
                _state[4] += e;
                _state[5] += f;
                _state[6] += g;
                _state[7] += h;
            }
        }
    }
}
