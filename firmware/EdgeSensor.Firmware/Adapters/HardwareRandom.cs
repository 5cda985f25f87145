using System;
using EdgeSensor.Core.Privacy;

namespace EdgeSensor.Firmware.Adapters
{
    /// <summary>
    /// The ESP32's hardware random number generator: nanoFramework's <c>System.Random</c> calls <c>esp_random()</c> on
    /// every draw and ignores any seed (nanoframework/nf-interpreter, targets/ESP32/_nanoCLR/targetRandom.cpp). Its
    /// output is a true random number only while the Wi-Fi or Bluetooth radio runs; otherwise it is pseudo-random
    /// (Espressif, ESP-IDF API reference "Random Number Generation",
    /// https://docs.espressif.com/projects/esp-idf/en/stable/esp32/api-reference/system/random.html, and ESP32
    /// Technical Reference Manual, chapter "Random Number Generator",
    /// https://www.espressif.com/sites/default/files/documentation/esp32_technical_reference_manual_en.pdf).
    /// So <see cref="CreateNoiseSource"/> refuses to run before Wi-Fi is connected. Used directly for backoff jitter;
    /// the differential-privacy noise uses a DRBG seeded from it (<see cref="DrbgRandomSource"/>).
    /// </summary>
    public sealed class HardwareRandom : IRandomSource
    {
        private readonly Random _random = new Random();
        private readonly byte[] _word = new byte[4];

        /// <inheritdoc />
        public uint NextUInt32()
        {
            lock (_word)
            {
                _random.NextBytes(_word);
                return (uint)(_word[0] | (_word[1] << 8) | (_word[2] << 16) | (_word[3] << 24));
            }
        }

        /// <summary>Fills <paramref name="seed"/> with hardware random bytes (entropy for the DRBG).</summary>
        public void FillSeed(byte[] seed)
        {
            lock (_word)
            {
                _random.NextBytes(seed);
            }
        }

        /// <summary>
        /// A DRBG for the noise, instantiated from 32 bytes of hardware entropy and a nonce of the device id, the boot
        /// count and the monotonic time (<see cref="DrbgRandomSource.WriteDeviceNonce"/>), then the seed wiped. Null
        /// while Wi-Fi is not connected (<paramref name="radioOn"/> false): without the radio the RNG is not a true RNG.
        /// </summary>
        public DrbgRandomSource? CreateNoiseSource(bool radioOn, ulong deviceId, uint bootCount, long monotonicMilliseconds)
        {
            if (!radioOn)
            {
                return null;
            }

            byte[] entropy = new byte[32];
            byte[] nonce = new byte[DrbgRandomSource.DeviceNonceLength];
            FillSeed(entropy);
            DrbgRandomSource.WriteDeviceNonce(nonce, 0, deviceId, bootCount, monotonicMilliseconds);
            DrbgRandomSource source = new DrbgRandomSource(entropy, 0, entropy.Length, nonce, 0, nonce.Length);
            Array.Clear(entropy, 0, entropy.Length);
            return source;
        }
    }
}
