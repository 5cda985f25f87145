using System;

namespace EdgeSensor.Core.Crypto
{
    /// <summary>
    /// Unchecked word loads and stores for the crypto inner loops. Callers have validated the ranges
    /// at their public entry point, so these do no range checks of their own (unlike
    /// <c>Bytes.LittleEndian</c>, whose per-call checks would cost measurably here).
    /// ChaCha20 and Poly1305 are little-endian (RFC 8439 §2.1, §2.5); SHA-256 is big-endian
    /// (FIPS 180-4 §3.1).
    /// </summary>
    internal static class CryptoBytes
    {
        internal static uint LoadLittleEndian(byte[] buffer, int offset)
        {
            return (uint)buffer[offset]
                | ((uint)buffer[offset + 1] << 8)
                | ((uint)buffer[offset + 2] << 16)
                | ((uint)buffer[offset + 3] << 24);
        }

        internal static void StoreLittleEndian(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        internal static uint LoadBigEndian(byte[] buffer, int offset)
        {
            return ((uint)buffer[offset] << 24)
                | ((uint)buffer[offset + 1] << 16)
                | ((uint)buffer[offset + 2] << 8)
                | (uint)buffer[offset + 3];
        }

        internal static void StoreBigEndian(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }

        /// <summary>Little-endian 64-bit store, used for the AEAD length block (RFC 8439 §2.8).</summary>
        internal static void StoreLittleEndian64(byte[] buffer, int offset, ulong value)
        {
            StoreLittleEndian(buffer, offset, (uint)value);
            StoreLittleEndian(buffer, offset + 4, (uint)(value >> 32));
        }
    }
}
