using System;

namespace EdgeSensor.Core.Crypto
{
    /// <summary>
    /// The ChaCha20-Poly1305 AEAD of RFC 8439 §2.8, with caller-provided buffers. An instance owns
    /// its scratch state and allocates nothing per call; it is not thread-safe (use one per thread).
    /// A (key, nonce) pair must never seal two different messages.
    /// </summary>
    public sealed class ChaCha20Poly1305Aead
    {
        /// <summary>Key length in bytes.</summary>
        public const int KeySize = 32;

        /// <summary>Nonce length in bytes.</summary>
        public const int NonceSize = 12;

        /// <summary>Authentication tag length in bytes.</summary>
        public const int TagSize = 16;

        private readonly ChaCha20 _chacha = new ChaCha20();
        private readonly Poly1305 _poly = new Poly1305();
        private readonly byte[] _block = new byte[ChaCha20.BlockSize];
        private readonly byte[] _tag = new byte[TagSize];

        /// <summary>Creates an instance with its scratch buffers.</summary>
        public ChaCha20Poly1305Aead()
        {
        }

        /// <summary>
        /// Encrypts <paramref name="ptLength"/> bytes and authenticates them with the associated data.
        /// Writes the ciphertext (same length) followed by the 16-byte tag, so the output range is
        /// <paramref name="ptLength"/> + <see cref="TagSize"/> bytes. Sealing in place (output range
        /// starting where the plaintext starts) is allowed; other overlaps are not.
        /// </summary>
        /// <param name="aad">Associated data; may be null when <paramref name="aadLength"/> is 0.</param>
        /// <exception cref="ArgumentNullException">A required buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range does not fit its buffer.</exception>
        public void Seal(
            byte[] key, int keyOffset,
            byte[] nonce, int nonceOffset,
            byte[]? aad, int aadOffset, int aadLength,
            byte[] plaintext, int ptOffset, int ptLength,
            byte[] output, int outputOffset)
        {
            CryptoGuard.Range(key, keyOffset, KeySize, nameof(key));
            CryptoGuard.Range(nonce, nonceOffset, NonceSize, nameof(nonce));
            CryptoGuard.OptionalRange(aad, aadOffset, aadLength, nameof(aad));
            CryptoGuard.Range(plaintext, ptOffset, ptLength, nameof(plaintext));
            CryptoGuard.AtMost(ptLength, int.MaxValue - TagSize, nameof(ptLength));
            CryptoGuard.Range(output, outputOffset, ptLength + TagSize, nameof(output));

            // The int length already bounds a message far below the 2^32-block counter limit.
            StartCore(key, keyOffset, nonce, nonceOffset, aad, aadOffset, aadLength);
            _chacha.XorCore(1, plaintext, ptOffset, ptLength, output, outputOffset);
            _chacha.ClearCore();
            FinishTagCore(aadLength, output, outputOffset, ptLength, output, outputOffset + ptLength);
        }

        /// <summary>
        /// Verifies and decrypts <paramref name="inLength"/> bytes (ciphertext followed by the 16-byte
        /// tag) into <paramref name="inLength"/> - 16 bytes of <paramref name="output"/>. The tag is
        /// checked in constant time before anything is decrypted; on failure the output range is
        /// zeroed, so no partial plaintext is ever exposed. Opening in place (output range starting
        /// where the input starts) is allowed.
        /// </summary>
        /// <returns>False when the input is shorter than a tag or authentication fails.</returns>
        /// <param name="aad">Associated data; may be null when <paramref name="aadLength"/> is 0.</param>
        /// <exception cref="ArgumentNullException">A required buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range does not fit its buffer.</exception>
        public bool TryOpen(
            byte[] key, int keyOffset,
            byte[] nonce, int nonceOffset,
            byte[]? aad, int aadOffset, int aadLength,
            byte[] input, int inOffset, int inLength,
            byte[] output, int outOffset)
        {
            CryptoGuard.Range(key, keyOffset, KeySize, nameof(key));
            CryptoGuard.Range(nonce, nonceOffset, NonceSize, nameof(nonce));
            CryptoGuard.OptionalRange(aad, aadOffset, aadLength, nameof(aad));
            CryptoGuard.Range(input, inOffset, inLength, nameof(input));
            if (output == null)
            {
                throw new ArgumentNullException(nameof(output));
            }

            if (inLength < TagSize)
            {
                return false;
            }

            int ctLength = inLength - TagSize;
            CryptoGuard.Range(output, outOffset, ctLength, nameof(output));

            StartCore(key, keyOffset, nonce, nonceOffset, aad, aadOffset, aadLength);
            FinishTagCore(aadLength, input, inOffset, ctLength, _tag, 0);
            bool authentic = FixedTime.AreEqualCore(_tag, 0, input, inOffset + ctLength, TagSize);
            FixedTime.ClearCore(_tag, 0, TagSize);

            if (!authentic)
            {
                _chacha.ClearCore();
                FixedTime.ClearCore(output, outOffset, ctLength);
                return false;
            }

            _chacha.XorCore(1, input, inOffset, ctLength, output, outOffset);
            _chacha.ClearCore();
            return true;
        }

        /// <summary>
        /// Keys ChaCha20, derives the one-time Poly1305 key from block 0 (RFC 8439 §2.6) and
        /// authenticates the padded associated data.
        /// </summary>
        private void StartCore(byte[] key, int keyOffset, byte[] nonce, int nonceOffset, byte[]? aad, int aadOffset, int aadLength)
        {
            _chacha.SetKeyCore(key, keyOffset, nonce, nonceOffset);
            _chacha.BlockCore(0, _block, 0);
            _poly.InitCore(_block, 0);
            FixedTime.ClearCore(_block, 0, ChaCha20.BlockSize);

            if (aadLength > 0)
            {
                _poly.UpdateCore(aad!, aadOffset, aadLength);
                _poly.PadToBlockCore();
            }
        }

        /// <summary>
        /// Authenticates the padded ciphertext and the two little-endian 64-bit lengths (RFC 8439
        /// §2.8), then writes the tag.
        /// </summary>
        private void FinishTagCore(int aadLength, byte[] ciphertext, int ctOffset, int ctLength, byte[] tag, int tagOffset)
        {
            _poly.UpdateCore(ciphertext, ctOffset, ctLength);
            _poly.PadToBlockCore();
            CryptoBytes.StoreLittleEndian64(_block, 0, (ulong)aadLength);
            CryptoBytes.StoreLittleEndian64(_block, 8, (ulong)ctLength);
            _poly.UpdateCore(_block, 0, 16);
            _poly.FinishCore(tag, tagOffset);
            FixedTime.ClearCore(_block, 0, 16);
        }
    }
}
