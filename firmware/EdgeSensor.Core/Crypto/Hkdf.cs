using System;

namespace EdgeSensor.Core.Crypto
{
    /// <summary>
    /// HKDF with HMAC-SHA256 (RFC 5869): <see cref="Extract"/> a pseudorandom key from input keying
    /// material, then <see cref="Expand"/> it into output keying material. Allocates nothing after
    /// construction; not thread-safe.
    /// </summary>
    public sealed class Hkdf
    {
        /// <summary>Length of the pseudorandom key (HashLen) in bytes.</summary>
        public const int PrkSize = Sha256.HashSize;

        /// <summary>Largest output of one <see cref="Expand"/>: 255 * HashLen (RFC 5869 §2.3).</summary>
        public const int MaxOutputLength = 255 * Sha256.HashSize;

        private readonly HmacSha256 _hmac = new HmacSha256();
        private readonly byte[] _block = new byte[Sha256.HashSize];
        private readonly byte[] _counter = new byte[1];

        /// <summary>
        /// PRK = HMAC-Hash(salt, IKM) (RFC 5869 §2.2); writes 32 bytes to <paramref name="prk"/>.
        /// An empty (or null, with count 0) salt means HashLen zero bytes, as the RFC specifies.
        /// </summary>
        /// <exception cref="ArgumentNullException">A required buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range does not fit its buffer.</exception>
        public void Extract(byte[]? salt, int saltOffset, int saltCount, byte[] ikm, int ikmOffset, int ikmCount, byte[] prk, int prkOffset)
        {
            CryptoGuard.OptionalRange(salt, saltOffset, saltCount, nameof(salt));
            CryptoGuard.Range(ikm, ikmOffset, ikmCount, nameof(ikm));
            CryptoGuard.Range(prk, prkOffset, PrkSize, nameof(prk));

            // A zero-length HMAC key is zero-padded to the block, exactly like HashLen zero bytes.
            _hmac.ResetCore(salt ?? _block, saltOffset, saltCount);
            _hmac.AppendCore(ikm, ikmOffset, ikmCount);
            _hmac.FinishCore(prk, prkOffset);
            _hmac.Clear();
        }

        /// <summary>
        /// OKM = T(1) | T(2) | ... truncated to <paramref name="okmLength"/> bytes, where
        /// T(i) = HMAC-Hash(PRK, T(i-1) | info | i) (RFC 5869 §2.3). The OKM range must not overlap
        /// the PRK or info ranges.
        /// </summary>
        /// <exception cref="ArgumentNullException">A required buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">
        /// A range does not fit its buffer, the PRK is shorter than 32 bytes, or
        /// <paramref name="okmLength"/> exceeds <see cref="MaxOutputLength"/>.
        /// </exception>
        public void Expand(byte[] prk, int prkOffset, int prkCount, byte[]? info, int infoOffset, int infoCount, byte[] okm, int okmOffset, int okmLength)
        {
            CryptoGuard.Range(prk, prkOffset, prkCount, nameof(prk));
            CryptoGuard.AtLeast(prkCount, PrkSize, nameof(prkCount));
            CryptoGuard.OptionalRange(info, infoOffset, infoCount, nameof(info));
            CryptoGuard.Range(okm, okmOffset, okmLength, nameof(okm));
            CryptoGuard.AtMost(okmLength, MaxOutputLength, nameof(okmLength));

            _hmac.ResetCore(prk, prkOffset, prkCount);
            int written = 0;
            byte counter = 1;
            while (written < okmLength)
            {
                if (counter > 1)
                {
                    _hmac.AppendCore(_block, 0, Sha256.HashSize);
                }

                if (infoCount > 0)
                {
                    _hmac.AppendCore(info!, infoOffset, infoCount);
                }

                _counter[0] = counter;
                _hmac.AppendCore(_counter, 0, 1);
                _hmac.FinishCore(_block, 0);

                int take = okmLength - written;
                if (take > Sha256.HashSize)
                {
                    take = Sha256.HashSize;
                }

                Array.Copy(_block, 0, okm, okmOffset + written, take);
                written += take;
                counter++;
            }

            FixedTime.ClearCore(_block, 0, Sha256.HashSize);
            _hmac.Clear();
        }
    }
}
