using System;
using EdgeSensor.Core.Bytes;
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

        /// <summary>Length of the nonce <see cref="WriteDeviceNonce"/> writes: device id, boot count, monotonic ms.</summary>
        public const int DeviceNonceLength = 20;

        /// <summary>
        /// Creates and instantiates a DRBG from <paramref name="entropyCount"/> (≥ 32) bytes of device
        /// entropy and a non-empty nonce (SP 800-90A §8.6.7: a value that does not repeat, here
        /// <see cref="WriteDeviceNonce"/>), with this class's personalization string. The nonce makes two
        /// instantiations differ even if the entropy source were to repeat itself. The caller should wipe its
        /// entropy buffer afterwards.
        /// </summary>
        /// <exception cref="ArgumentNullException">The entropy or the nonce buffer is null.</exception>
        /// <exception cref="ArgumentException">The nonce is empty.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A range does not fit, or the entropy is shorter than 32 bytes.</exception>
        public DrbgRandomSource(byte[] entropy, int entropyOffset, int entropyCount, byte[] nonce, int nonceOffset, int nonceCount)
        {
            if (nonce == null)
            {
                throw new ArgumentNullException(nameof(nonce));
            }

            if (nonceCount == 0)
            {
                throw new ArgumentException("The DRBG needs a non-empty nonce.", nameof(nonceCount));
            }

            _drbg = new HmacDrbg();
            _drbg.Instantiate(entropy, entropyOffset, entropyCount, nonce, nonceOffset, nonceCount, s_personalization, 0, s_personalization.Length);
        }

        /// <summary>
        /// Writes the device's DRBG nonce at <paramref name="offset"/>: device id u64 | boot count u32 | monotonic
        /// milliseconds u64, little-endian (<see cref="DeviceNonceLength"/> bytes). Each boot has its own boot count,
        /// so the nonce never repeats on a device, and the id keeps devices apart.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="nonce"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The nonce does not fit at <paramref name="offset"/>.</exception>
        public static void WriteDeviceNonce(byte[] nonce, int offset, ulong deviceId, uint bootCount, long monotonicMilliseconds)
        {
            if (nonce == null)
            {
                throw new ArgumentNullException(nameof(nonce));
            }

            if (offset < 0 || offset > nonce.Length - DeviceNonceLength)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            LittleEndian.WriteUInt64(nonce, offset, deviceId);
            LittleEndian.WriteUInt32(nonce, offset + 8, bootCount);
            LittleEndian.WriteUInt64(nonce, offset + 12, (ulong)monotonicMilliseconds);
        }

        /// <summary>Next 32 bits of DRBG output.</summary>
        /// <exception cref="InvalidOperationException">The DRBG is not instantiated or needs a reseed.</exception>
        public uint NextUInt32()
        {
            return _drbg.NextUInt32();
        }
    }
}
