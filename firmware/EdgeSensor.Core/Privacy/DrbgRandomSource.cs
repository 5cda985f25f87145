using System;
using EdgeSensor.Core.Crypto;

namespace EdgeSensor.Core.Privacy
{
    /// <summary>
    /// The device's random source for differential-privacy noise: an HMAC_DRBG (SP 800-90A) seeded from
    /// device entropy. The noise is only private if it is unpredictable, so the DRBG's seed must come from
    /// a real entropy source (on the ESP32, the hardware RNG behind System.Random). Allocates nothing per
    /// draw. Fails closed: if the DRBG ever demands a reseed, <see cref="NextUInt32"/> throws rather than
    /// returning predictable values.
    /// </summary>
    public sealed class DrbgRandomSource : IRandomSource
    {
        // Personalization string (SP 800-90A §8.7.1) separating this use from any other DRBG instance
        // seeded from the same entropy: ASCII "EdgeSensor/dp-noise/v1".
        private static readonly byte[] s_personalization = new byte[]
        {
            0x45, 0x64, 0x67, 0x65, 0x53, 0x65, 0x6E, 0x73, 0x6F, 0x72, 0x2F,
            0x64, 0x70, 0x2D, 0x6E, 0x6F, 0x69, 0x73, 0x65, 0x2F, 0x76, 0x31,
        };

        private readonly HmacDrbg _drbg;

        /// <summary>Wraps a DRBG the caller has already instantiated from device entropy.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="drbg"/> is null.</exception>
        public DrbgRandomSource(HmacDrbg drbg)
        {
            if (drbg == null)
            {
                throw new ArgumentNullException(nameof(drbg));
            }

            _drbg = drbg;
        }

        /// <summary>
        /// Creates and instantiates a DRBG from <paramref name="entropyCount"/> (≥ 32) bytes of device
        /// entropy and a nonce (e.g. 16 more entropy bytes or the boot counter), with this class's
        /// personalization string. The caller should wipe its entropy buffer afterwards.
        /// </summary>
        /// <exception cref="ArgumentNullException">The entropy buffer is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range does not fit, or the entropy is shorter than 32 bytes.</exception>
        public DrbgRandomSource(byte[] entropy, int entropyOffset, int entropyCount, byte[]? nonce, int nonceOffset, int nonceCount)
        {
            _drbg = new HmacDrbg();
            _drbg.Instantiate(entropy, entropyOffset, entropyCount, nonce, nonceOffset, nonceCount, s_personalization, 0, s_personalization.Length);
        }

        /// <summary>Next 32 bits of DRBG output.</summary>
        /// <exception cref="InvalidOperationException">The DRBG is not instantiated or needs a reseed.</exception>
        public uint NextUInt32()
        {
            return _drbg.NextUInt32();
        }
    }
}
