using System;

namespace EdgeSensor.Core.Crypto
{
    /// <summary>
    /// HMAC with SHA-256 (RFC 2104, FIPS 198-1). <see cref="Reset"/> sets the key; then
    /// <see cref="Append"/> and <see cref="Finish"/> as for a hash. After <see cref="Finish"/> the
    /// instance is ready for the next message under the same key. The padded key states are computed
    /// once per key, so each message costs two compressions fewer. Allocates nothing after
    /// construction; not thread-safe.
    /// </summary>
    public sealed class HmacSha256
    {
        /// <summary>Tag length in bytes.</summary>
        public const int HashSize = Sha256.HashSize;

        private const byte InnerPad = 0x36;
        private const byte OuterPad = 0x5c;

        private readonly Sha256 _innerStart = new Sha256();
        private readonly Sha256 _outerStart = new Sha256();
        private readonly Sha256 _inner = new Sha256();
        private readonly Sha256 _outer = new Sha256();
        private readonly byte[] _keyBlock = new byte[Sha256.BlockSize];
        private readonly byte[] _innerHash = new byte[Sha256.HashSize];
        private bool _keyed;

        /// <summary>
        /// Sets the key (any length; keys longer than 64 bytes are hashed first, RFC 2104 §2) and
        /// starts a new message.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not fit the buffer.</exception>
        public void Reset(byte[] key, int offset, int count)
        {
            CryptoGuard.Range(key, offset, count, nameof(key));
            ResetCore(key, offset, count);
        }

        /// <summary>Adds <paramref name="count"/> message bytes.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not fit the buffer.</exception>
        /// <exception cref="InvalidOperationException">No key was set.</exception>
        public void Append(byte[] data, int offset, int count)
        {
            CryptoGuard.Range(data, offset, count, nameof(data));
            CheckKeyed();
            AppendCore(data, offset, count);
        }

        /// <summary>Writes the 32-byte tag and starts a new message under the same key.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The 32 bytes do not fit at <paramref name="offset"/>.</exception>
        /// <exception cref="InvalidOperationException">No key was set.</exception>
        public void Finish(byte[] output, int offset)
        {
            CryptoGuard.Range(output, offset, HashSize, nameof(output));
            CheckKeyed();
            FinishCore(output, offset);
        }

        /// <summary>Wipes every key-dependent state; the instance needs a new key after this.</summary>
        public void Clear()
        {
            _innerStart.Wipe();
            _outerStart.Wipe();
            _inner.Wipe();
            _outer.Wipe();
            FixedTime.ClearCore(_keyBlock, 0, Sha256.BlockSize);
            FixedTime.ClearCore(_innerHash, 0, Sha256.HashSize);
            _keyed = false;
        }

        internal void ResetCore(byte[] key, int offset, int count)
        {
            // K0 (FIPS 198-1 §4): the key, or its hash when longer than a block, zero-padded to 64 bytes.
            if (count > Sha256.BlockSize)
            {
                _inner.Reset();
                _inner.AppendCore(key, offset, count);
                _inner.FinishCore(_keyBlock, 0);
                count = Sha256.HashSize;
            }
            else
            {
                // Array.Copy handles the case where key is _keyBlock itself (overlap safe).
                Array.Copy(key, offset, _keyBlock, 0, count);
            }

            for (int i = count; i < Sha256.BlockSize; i++)
            {
                _keyBlock[i] = 0;
            }

            for (int i = 0; i < Sha256.BlockSize; i++)
            {
                _keyBlock[i] ^= InnerPad;
            }

            _innerStart.Reset();
            _innerStart.AppendCore(_keyBlock, 0, Sha256.BlockSize);

            for (int i = 0; i < Sha256.BlockSize; i++)
            {
                // (K0 ^ ipad) ^ (ipad ^ opad) = K0 ^ opad.
                _keyBlock[i] ^= InnerPad ^ OuterPad;
            }

            _outerStart.Reset();
            _outerStart.AppendCore(_keyBlock, 0, Sha256.BlockSize);
            FixedTime.ClearCore(_keyBlock, 0, Sha256.BlockSize);

            _inner.CopyFrom(_innerStart);
            _keyed = true;
        }

        internal void AppendCore(byte[] data, int offset, int count)
        {
            _inner.AppendCore(data, offset, count);
        }

        internal void FinishCore(byte[] output, int offset)
        {
            // HMAC = H((K0 ^ opad) || H((K0 ^ ipad) || text)) (FIPS 198-1 §4).
            _inner.FinishCore(_innerHash, 0);
            _outer.CopyFrom(_outerStart);
            _outer.AppendCore(_innerHash, 0, Sha256.HashSize);
            _outer.FinishCore(output, offset);
            FixedTime.ClearCore(_innerHash, 0, Sha256.HashSize);
            _inner.CopyFrom(_innerStart);
        }

        private void CheckKeyed()
        {
            if (!_keyed)
            {
                CryptoGuard.NotReady("HmacSha256 needs a key (Reset) first.");
            }
        }
    }
}
