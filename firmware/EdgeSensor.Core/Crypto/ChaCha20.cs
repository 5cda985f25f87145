using System;

namespace EdgeSensor.Core.Crypto
{
    /// <summary>
    /// The ChaCha20 stream cipher of RFC 8439 §2.3-§2.4 (256-bit key, 96-bit nonce, 32-bit block
    /// counter). Reuses its own state, so it allocates nothing after construction. Not thread-safe:
    /// use one instance per thread.
    /// </summary>
    public sealed class ChaCha20
    {
        /// <summary>Key length in bytes.</summary>
        public const int KeySize = 32;

        /// <summary>Nonce length in bytes (the IETF variant of RFC 8439 §2.3).</summary>
        public const int NonceSize = 12;

        /// <summary>Keystream block length in bytes.</summary>
        public const int BlockSize = 64;

        // "expand 32-byte k" as four little-endian words (RFC 8439 §2.3).
        private const uint Sigma0 = 0x61707865;
        private const uint Sigma1 = 0x3320646e;
        private const uint Sigma2 = 0x79622d32;
        private const uint Sigma3 = 0x6b206574;

        private readonly uint[] _key = new uint[8];
        private readonly uint[] _nonce = new uint[3];
        private readonly uint[] _keystream = new uint[16];

        /// <summary>
        /// Writes the 64-byte keystream block for <paramref name="counter"/> (the serialized block of
        /// RFC 8439 §2.3.2) to <paramref name="output"/>.
        /// </summary>
        /// <exception cref="ArgumentNullException">A buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A key, nonce or output range does not fit its buffer.</exception>
        public void Block(byte[] key, int keyOffset, byte[] nonce, int nonceOffset, uint counter, byte[] output, int outputOffset)
        {
            CryptoGuard.Range(key, keyOffset, KeySize, nameof(key));
            CryptoGuard.Range(nonce, nonceOffset, NonceSize, nameof(nonce));
            CryptoGuard.Range(output, outputOffset, BlockSize, nameof(output));
            SetKeyCore(key, keyOffset, nonce, nonceOffset);
            BlockCore(counter, output, outputOffset);
            ClearCore();
        }

        /// <summary>
        /// Encrypts or decrypts (the same operation) <paramref name="count"/> bytes: XORs them with the
        /// keystream that starts at block <paramref name="initialCounter"/> (RFC 8439 §2.4). The input
        /// and output ranges may be the same range (in place); other overlaps are not supported.
        /// </summary>
        /// <exception cref="ArgumentNullException">A buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">
        /// A range does not fit its buffer, or the message would need the 32-bit block counter to wrap.
        /// </exception>
        public void Xor(
            byte[] key, int keyOffset, byte[] nonce, int nonceOffset, uint initialCounter,
            byte[] input, int inputOffset, int count, byte[] output, int outputOffset)
        {
            CryptoGuard.Range(key, keyOffset, KeySize, nameof(key));
            CryptoGuard.Range(nonce, nonceOffset, NonceSize, nameof(nonce));
            CryptoGuard.Range(input, inputOffset, count, nameof(input));
            CryptoGuard.Range(output, outputOffset, count, nameof(output));
            CheckCounterRoom(initialCounter, count);
            SetKeyCore(key, keyOffset, nonce, nonceOffset);
            XorCore(initialCounter, input, inputOffset, count, output, outputOffset);
            ClearCore();
        }

        /// <summary>Throws when <paramref name="count"/> bytes starting at block
        /// <paramref name="initialCounter"/> would pass block 2^32 - 1 (the counter must not wrap).</summary>
        internal static void CheckCounterRoom(uint initialCounter, int count)
        {
            ulong blocks = ((ulong)count + BlockSize - 1) / BlockSize;
            if ((ulong)initialCounter + blocks > 0x100000000UL)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }
        }

        internal void SetKeyCore(byte[] key, int keyOffset, byte[] nonce, int nonceOffset)
        {
            for (int i = 0; i < 8; i++)
            {
                _key[i] = CryptoBytes.LoadLittleEndian(key, keyOffset + (4 * i));
            }

            for (int i = 0; i < 3; i++)
            {
                _nonce[i] = CryptoBytes.LoadLittleEndian(nonce, nonceOffset + (4 * i));
            }
        }

        /// <summary>Wipes the key, nonce and last keystream block.</summary>
        internal void ClearCore()
        {
            for (int i = 0; i < 8; i++)
            {
                _key[i] = 0;
            }

            for (int i = 0; i < 3; i++)
            {
                _nonce[i] = 0;
            }

            for (int i = 0; i < 16; i++)
            {
                _keystream[i] = 0;
            }
        }

        internal void BlockCore(uint counter, byte[] output, int outputOffset)
        {
            ComputeKeystream(counter);
            for (int i = 0; i < 16; i++)
            {
                CryptoBytes.StoreLittleEndian(output, outputOffset + (4 * i), _keystream[i]);
            }
        }

        internal void XorCore(uint counter, byte[] input, int inputOffset, int count, byte[] output, int outputOffset)
        {
            uint[] keystream = _keystream;
            while (count >= BlockSize)
            {
                ComputeKeystream(counter);
                for (int i = 0; i < 16; i++)
                {
                    uint word = CryptoBytes.LoadLittleEndian(input, inputOffset) ^ keystream[i];
                    CryptoBytes.StoreLittleEndian(output, outputOffset, word);
                    inputOffset += 4;
                    outputOffset += 4;
                }

                count -= BlockSize;
                unchecked
                {
                    counter++;
                }
            }

            if (count > 0)
            {
                // Last partial block: use the keystream bytes in order (little-endian words).
                ComputeKeystream(counter);
                for (int i = 0; i < count; i++)
                {
                    byte k = (byte)(keystream[i >> 2] >> (8 * (i & 3)));
                    output[outputOffset + i] = (byte)(input[inputOffset + i] ^ k);
                }
            }
        }

        /// <summary>The ChaCha20 block function (RFC 8439 §2.3): 20 rounds, then add the input state.</summary>
        private void ComputeKeystream(uint counter)
        {
            uint[] key = _key;
            uint[] nonce = _nonce;
            unchecked
            {
                uint x0 = Sigma0, x1 = Sigma1, x2 = Sigma2, x3 = Sigma3;
                uint x4 = key[0], x5 = key[1], x6 = key[2], x7 = key[3];
                uint x8 = key[4], x9 = key[5], x10 = key[6], x11 = key[7];
                uint x12 = counter, x13 = nonce[0], x14 = nonce[1], x15 = nonce[2];

                for (int round = 0; round < 10; round++)
                {
                    // Column rounds (RFC 8439 §2.3: QUARTERROUND(0, 4, 8, 12) ...).
                    x0 += x4; x12 ^= x0; x12 = (x12 << 16) | (x12 >> 16);
                    x8 += x12; x4 ^= x8; x4 = (x4 << 12) | (x4 >> 20);
                    x0 += x4; x12 ^= x0; x12 = (x12 << 8) | (x12 >> 24);
                    x8 += x12; x4 ^= x8; x4 = (x4 << 7) | (x4 >> 25);
                    x1 += x5; x13 ^= x1; x13 = (x13 << 16) | (x13 >> 16);
                    x9 += x13; x5 ^= x9; x5 = (x5 << 12) | (x5 >> 20);
                    x1 += x5; x13 ^= x1; x13 = (x13 << 8) | (x13 >> 24);
                    x9 += x13; x5 ^= x9; x5 = (x5 << 7) | (x5 >> 25);
                    x2 += x6; x14 ^= x2; x14 = (x14 << 16) | (x14 >> 16);
                    x10 += x14; x6 ^= x10; x6 = (x6 << 12) | (x6 >> 20);
                    x2 += x6; x14 ^= x2; x14 = (x14 << 8) | (x14 >> 24);
                    x10 += x14; x6 ^= x10; x6 = (x6 << 7) | (x6 >> 25);
                    x3 += x7; x15 ^= x3; x15 = (x15 << 16) | (x15 >> 16);
                    x11 += x15; x7 ^= x11; x7 = (x7 << 12) | (x7 >> 20);
                    x3 += x7; x15 ^= x3; x15 = (x15 << 8) | (x15 >> 24);
                    x11 += x15; x7 ^= x11; x7 = (x7 << 7) | (x7 >> 25);
                    // Diagonal rounds (QUARTERROUND(0, 5, 10, 15) ...).
                    x0 += x5; x15 ^= x0; x15 = (x15 << 16) | (x15 >> 16);
                    x10 += x15; x5 ^= x10; x5 = (x5 << 12) | (x5 >> 20);
                    x0 += x5; x15 ^= x0; x15 = (x15 << 8) | (x15 >> 24);
                    x10 += x15; x5 ^= x10; x5 = (x5 << 7) | (x5 >> 25);
                    x1 += x6; x12 ^= x1; x12 = (x12 << 16) | (x12 >> 16);
                    x11 += x12; x6 ^= x11; x6 = (x6 << 12) | (x6 >> 20);
                    x1 += x6; x12 ^= x1; x12 = (x12 << 8) | (x12 >> 24);
                    x11 += x12; x6 ^= x11; x6 = (x6 << 7) | (x6 >> 25);
                    x2 += x7; x13 ^= x2; x13 = (x13 << 16) | (x13 >> 16);
                    x8 += x13; x7 ^= x8; x7 = (x7 << 12) | (x7 >> 20);
                    x2 += x7; x13 ^= x2; x13 = (x13 << 8) | (x13 >> 24);
                    x8 += x13; x7 ^= x8; x7 = (x7 << 7) | (x7 >> 25);
                    x3 += x4; x14 ^= x3; x14 = (x14 << 16) | (x14 >> 16);
                    x9 += x14; x4 ^= x9; x4 = (x4 << 12) | (x4 >> 20);
                    x3 += x4; x14 ^= x3; x14 = (x14 << 8) | (x14 >> 24);
                    x9 += x14; x4 ^= x9; x4 = (x4 << 7) | (x4 >> 25);
                }

                uint[] s = _keystream;
                s[0] = x0 + Sigma0;
                s[1] = x1 + Sigma1;
                s[2] = x2 + Sigma2;
                s[3] = x3 + Sigma3;
                s[4] = x4 + key[0];
                s[5] = x5 + key[1];
                s[6] = x6 + key[2];
                s[7] = x7 + key[3];
                s[8] = x8 + key[4];
                s[9] = x9 + key[5];
                s[10] = x10 + key[6];
                s[11] = x11 + key[7];
                s[12] = x12 + counter;
                s[13] = x13 + nonce[0];
                s[14] = x14 + nonce[1];
                s[15] = x15 + nonce[2];
            }
        }
    }
}
