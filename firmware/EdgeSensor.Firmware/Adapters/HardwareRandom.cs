using System;
using EdgeSensor.Core.Privacy;

namespace EdgeSensor.Firmware.Adapters
{
    /// <summary>
    /// The ESP32's hardware random number generator: nanoFramework's <c>System.Random</c> calls <c>esp_random()</c> on
    /// every draw and ignores any seed (nanoframework/nf-interpreter, targets/ESP32/_nanoCLR/targetRandom.cpp). Its
    /// output is truly random only while the radio runs (ESP32 Technical Reference Manual, "Random Number Generator"),
    /// so <see cref="FillSeed"/> is called after Wi-Fi is up. Used directly for backoff jitter; the differential-privacy
    /// noise uses a DRBG seeded from it (<see cref="DrbgRandomSource"/>).
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

        /// <summary>A DRBG for the noise, instantiated from 32 bytes of entropy and a 16-byte nonce, then the seed wiped.</summary>
        public DrbgRandomSource CreateNoiseSource()
        {
            byte[] seed = new byte[48];
            FillSeed(seed);
            DrbgRandomSource source = new DrbgRandomSource(seed, 0, 32, seed, 32, 16);
            Array.Clear(seed, 0, seed.Length);
            return source;
        }
    }
}
