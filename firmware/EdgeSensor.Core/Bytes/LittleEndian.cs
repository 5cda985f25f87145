using System;

namespace EdgeSensor.Core.Bytes
{
    /// <summary>
    /// Fixed-width little-endian reads and writes on caller-owned byte arrays.
    /// The nanoFramework mscorlib has no <c>BinaryPrimitives</c> (it is a separate package we cannot
    /// install), so the core carries this small equivalent. Little-endian is the byte order of every
    /// integer on the EdgeSensor wire (docs/wire-format.md) and of ChaCha20/Poly1305 words (RFC 8439 §2.1).
    /// </summary>
    public static class LittleEndian
    {
        /// <summary>Writes <paramref name="value"/> as 2 bytes at <paramref name="offset"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The 2 bytes do not fit at <paramref name="offset"/>.</exception>
        public static void WriteUInt16(byte[] buffer, int offset, ushort value)
        {
            CheckRange(buffer, offset, 2);
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
        }

        /// <summary>Writes <paramref name="value"/> as 4 bytes at <paramref name="offset"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The 4 bytes do not fit at <paramref name="offset"/>.</exception>
        public static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            CheckRange(buffer, offset, 4);
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Writes <paramref name="value"/> as 8 bytes at <paramref name="offset"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The 8 bytes do not fit at <paramref name="offset"/>.</exception>
        public static void WriteUInt64(byte[] buffer, int offset, ulong value)
        {
            CheckRange(buffer, offset, 8);
            WriteUInt32(buffer, offset, (uint)value);
            WriteUInt32(buffer, offset + 4, (uint)(value >> 32));
        }

        /// <summary>Reads 2 bytes at <paramref name="offset"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The 2 bytes are not all inside the buffer.</exception>
        public static ushort ReadUInt16(byte[] buffer, int offset)
        {
            CheckRange(buffer, offset, 2);
            return (ushort)(buffer[offset] | (buffer[offset + 1] << 8));
        }

        /// <summary>Reads 4 bytes at <paramref name="offset"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The 4 bytes are not all inside the buffer.</exception>
        public static uint ReadUInt32(byte[] buffer, int offset)
        {
            CheckRange(buffer, offset, 4);
            return (uint)buffer[offset]
                | ((uint)buffer[offset + 1] << 8)
                | ((uint)buffer[offset + 2] << 16)
                | ((uint)buffer[offset + 3] << 24);
        }

        /// <summary>Reads 8 bytes at <paramref name="offset"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The 8 bytes are not all inside the buffer.</exception>
        public static ulong ReadUInt64(byte[] buffer, int offset)
        {
            CheckRange(buffer, offset, 8);
            return ReadUInt32(buffer, offset) | ((ulong)ReadUInt32(buffer, offset + 4) << 32);
        }

        private static void CheckRange(byte[] buffer, int offset, int length)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            // Written so that a huge offset cannot overflow into a false pass.
            if (offset < 0 || offset > buffer.Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }
        }
    }
}
