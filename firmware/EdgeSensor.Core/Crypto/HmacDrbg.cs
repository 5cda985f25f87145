using System;

namespace EdgeSensor.Core.Crypto
{
    /// <summary>
    /// HMAC_DRBG with SHA-256 (NIST SP 800-90A Rev. 1 §10.1.2), without prediction resistance: a
    /// deterministic generator seeded from a real entropy source (on the device, the hardware RNG
    /// behind <c>System.Random</c>), used for differential-privacy noise. Security strength 256 bits.
    /// Allocates nothing after construction; not thread-safe.
    /// </summary>
    public sealed class HmacDrbg
    {
        /// <summary>Minimum entropy input in bytes: the 256-bit security strength (SP 800-90A §10.1, Table 2).</summary>
        public const int MinEntropyLength = 32;

        /// <summary>
        /// Largest request in bytes: 7500 bits rounded down. SP 800-90A Table 2 allows up to 2^19 bits
        /// for HMAC_DRBG; a lower limit is permitted and keeps each request short on the device.
        /// </summary>
        public const int MaxRequestLength = 937;

        /// <summary>Default and largest number of requests between reseeds (SP 800-90A Table 2: 2^48).</summary>
        public const long MaxReseedInterval = 1L << 48;

        private const int OutLength = Sha256.HashSize;

        private readonly HmacSha256 _hmac = new HmacSha256();
        private readonly byte[] _key = new byte[OutLength];
        private readonly byte[] _value = new byte[OutLength];
        private readonly byte[] _separator = new byte[1];
        private readonly byte[] _words = new byte[64];
        private readonly long _reseedInterval;
        private long _reseedCounter;
        private int _wordOffset;
        private bool _instantiated;

        /// <summary>Creates a generator that demands a reseed after 2^48 requests.</summary>
        public HmacDrbg()
            : this(MaxReseedInterval)
        {
        }

        /// <summary>Creates a generator that demands a reseed after <paramref name="reseedInterval"/> requests.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The interval is below 1 or above 2^48.</exception>
        public HmacDrbg(long reseedInterval)
        {
            if (reseedInterval < 1 || reseedInterval > MaxReseedInterval)
            {
                throw new ArgumentOutOfRangeException(nameof(reseedInterval));
            }

            _reseedInterval = reseedInterval;
        }

        /// <summary>
        /// Instantiate (SP 800-90A §10.1.2.3): seed material = entropy || nonce || personalization;
        /// Key = 0x00..., V = 0x01...; Update(seed material).
        /// </summary>
        /// <param name="entropy">At least <see cref="MinEntropyLength"/> bytes from a real entropy source.</param>
        /// <param name="nonce">A nonce (e.g. 16 more entropy bytes or a boot counter); may be empty.</param>
        /// <param name="personalization">Optional device-specific string; may be null with count 0.</param>
        /// <exception cref="ArgumentNullException">A required buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range does not fit, or the entropy is too short.</exception>
        public void Instantiate(byte[] entropy, int entropyOffset, int entropyCount, byte[]? nonce, int nonceOffset, int nonceCount, byte[]? personalization, int personalizationOffset, int personalizationCount)
        {
            CryptoGuard.Range(entropy, entropyOffset, entropyCount, nameof(entropy));
            CryptoGuard.AtLeast(entropyCount, MinEntropyLength, nameof(entropyCount));
            CryptoGuard.OptionalRange(nonce, nonceOffset, nonceCount, nameof(nonce));
            CryptoGuard.OptionalRange(personalization, personalizationOffset, personalizationCount, nameof(personalization));

            for (int i = 0; i < OutLength; i++)
            {
                _key[i] = 0x00;
                _value[i] = 0x01;
            }

            Update(entropy, entropyOffset, entropyCount, nonce, nonceOffset, nonceCount, personalization, personalizationOffset, personalizationCount);
            _reseedCounter = 1;
            DropBufferedWords();
            _instantiated = true;
        }

        /// <summary>Reseed (SP 800-90A §10.1.2.4): Update(entropy || additional input); counter = 1.</summary>
        /// <exception cref="ArgumentNullException">A required buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range does not fit, or the entropy is too short.</exception>
        /// <exception cref="InvalidOperationException">Not instantiated.</exception>
        public void Reseed(byte[] entropy, int entropyOffset, int entropyCount, byte[]? additional, int additionalOffset, int additionalCount)
        {
            CryptoGuard.Range(entropy, entropyOffset, entropyCount, nameof(entropy));
            CryptoGuard.AtLeast(entropyCount, MinEntropyLength, nameof(entropyCount));
            CryptoGuard.OptionalRange(additional, additionalOffset, additionalCount, nameof(additional));
            CheckInstantiated();

            Update(entropy, entropyOffset, entropyCount, additional, additionalOffset, additionalCount, null, 0, 0);
            _reseedCounter = 1;
            DropBufferedWords();
        }

        /// <summary>
        /// Generate (SP 800-90A §10.1.2.5) without additional input: fills <paramref name="count"/>
        /// bytes (at most <see cref="MaxRequestLength"/>), then updates the state so the output
        /// cannot be recomputed from a later state (backtracking resistance).
        /// </summary>
        /// <returns>False (and nothing written) when a reseed is required first.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range does not fit or exceeds the request limit.</exception>
        /// <exception cref="InvalidOperationException">Not instantiated.</exception>
        public bool Generate(byte[] output, int offset, int count)
        {
            CryptoGuard.Range(output, offset, count, nameof(output));
            CryptoGuard.AtMost(count, MaxRequestLength, nameof(count));
            CheckInstantiated();
            return GenerateCore(output, offset, count);
        }

        /// <summary>
        /// A uniformly distributed 32-bit value. Values are taken little-endian from 64-byte
        /// <see cref="Generate"/> requests, so one request serves 16 calls; the unused part of a
        /// request stays in memory until used or until the next Instantiate/Reseed.
        /// </summary>
        /// <exception cref="InvalidOperationException">Not instantiated, or a reseed is required.</exception>
        public uint NextUInt32()
        {
            CheckInstantiated();
            if (_wordOffset >= _words.Length)
            {
                if (!GenerateCore(_words, 0, _words.Length))
                {
                    CryptoGuard.NotReady("HmacDrbg needs a reseed.");
                }

                _wordOffset = 0;
            }

            uint value = CryptoBytes.LoadLittleEndian(_words, _wordOffset);

            // Wipe what was handed out, so a later memory read cannot recover it.
            FixedTime.ClearCore(_words, _wordOffset, 4);
            _wordOffset += 4;
            return value;
        }

        private bool GenerateCore(byte[] output, int offset, int count)
        {
            if (_reseedCounter > _reseedInterval)
            {
                return false;
            }

            // V = HMAC(Key, V), appended until enough bytes (step 4).
            _hmac.ResetCore(_key, 0, OutLength);
            int written = 0;
            while (written < count)
            {
                _hmac.AppendCore(_value, 0, OutLength);
                _hmac.FinishCore(_value, 0);
                int take = count - written;
                if (take > OutLength)
                {
                    take = OutLength;
                }

                Array.Copy(_value, 0, output, offset + written, take);
                written += take;
            }

            // (Key, V) = Update(additional input = empty) (step 6), then count the request.
            Update(null, 0, 0, null, 0, 0, null, 0, 0);
            _reseedCounter++;
            return true;
        }

        /// <summary>
        /// HMAC_DRBG_Update (SP 800-90A §10.1.2.2) with provided data given as up to three parts
        /// (concatenated logically, so no buffer is needed to join them).
        /// </summary>
        private void Update(byte[]? a, int aOffset, int aCount, byte[]? b, int bOffset, int bCount, byte[]? c, int cOffset, int cCount)
        {
            bool hasData = aCount + bCount + cCount > 0;
            UpdateRound(0x00, a, aOffset, aCount, b, bOffset, bCount, c, cOffset, cCount);
            if (hasData)
            {
                UpdateRound(0x01, a, aOffset, aCount, b, bOffset, bCount, c, cOffset, cCount);
            }

            _hmac.Clear();
        }

        /// <summary>Key = HMAC(Key, V || separator || data); V = HMAC(Key, V).</summary>
        private void UpdateRound(byte separator, byte[]? a, int aOffset, int aCount, byte[]? b, int bOffset, int bCount, byte[]? c, int cOffset, int cCount)
        {
            _hmac.ResetCore(_key, 0, OutLength);
            _hmac.AppendCore(_value, 0, OutLength);
            _separator[0] = separator;
            _hmac.AppendCore(_separator, 0, 1);
            if (aCount > 0)
            {
                _hmac.AppendCore(a!, aOffset, aCount);
            }

            if (bCount > 0)
            {
                _hmac.AppendCore(b!, bOffset, bCount);
            }

            if (cCount > 0)
            {
                _hmac.AppendCore(c!, cOffset, cCount);
            }

            _hmac.FinishCore(_key, 0);
            _hmac.ResetCore(_key, 0, OutLength);
            _hmac.AppendCore(_value, 0, OutLength);
            _hmac.FinishCore(_value, 0);
        }

        private void DropBufferedWords()
        {
            FixedTime.ClearCore(_words, 0, _words.Length);
            _wordOffset = _words.Length;
        }

        private void CheckInstantiated()
        {
            if (!_instantiated)
            {
                CryptoGuard.NotReady("HmacDrbg needs Instantiate first.");
            }
        }
    }
}
