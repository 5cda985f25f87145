using System;

namespace EdgeSensor.Core.Storage
{
    /// <summary>
    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, as zlib/PNG), bitwise so it needs no 1 KB table in RAM.
    /// Detects torn or corrupted records; it is not a MAC (storage is trusted, the air is not).
    /// </summary>
    public static class Crc32
    {
        /// <summary>CRC-32 of <paramref name="count"/> bytes at <paramref name="offset"/>. "123456789" gives 0xCBF43926.</summary>
        public static uint Compute(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            uint crc = 0xFFFFFFFF;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= buffer[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc >> 1) ^ (0xEDB88320 & (0 - (crc & 1)));
                }
            }

            return ~crc;
        }
    }
}
