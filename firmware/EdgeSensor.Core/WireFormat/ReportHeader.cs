using System;
using EdgeSensor.Core.Bytes;

namespace EdgeSensor.Core.WireFormat
{
    /// <summary>
    /// The clear header of a v1 report (docs/wire-format.md §Header): authenticated as AEAD associated
    /// data, never encrypted, because the receiver needs it to find the key. Little-endian throughout.
    /// <code>
    /// 0  u8  version (1)      1  u8  flags (0x01 extended disclosure)
    /// 2  u64 device id        10 u32 key epoch        14 u64 sequence
    /// </code>
    /// The AEAD nonce is header bytes 10..21 (epoch u32 LE || sequence u64 LE, RFC 8439 §2.8 needs 96 bits),
    /// so each (epoch, sequence) pair maps to exactly one nonce under the one key of that epoch.
    /// </summary>
    public static class ReportHeader
    {
        /// <summary>Format version this code writes and reads.</summary>
        public const byte Version1 = 1;

        /// <summary>Offset of the version byte.</summary>
        public const int VersionOffset = 0;

        /// <summary>Offset of the flags byte.</summary>
        public const int FlagsOffset = 1;

        /// <summary>Offset of the 64-bit device id.</summary>
        public const int DeviceIdOffset = 2;

        /// <summary>Offset of the 32-bit key epoch.</summary>
        public const int EpochOffset = 10;

        /// <summary>Offset of the 64-bit sequence number.</summary>
        public const int SequenceOffset = 14;

        /// <summary>Length of the header in bytes.</summary>
        public const int Length = 22;

        /// <summary>Offset of the nonce inside the header (the epoch and sequence fields).</summary>
        public const int NonceOffset = EpochOffset;

        /// <summary>Length of the AEAD nonce.</summary>
        public const int NonceLength = 12;

        /// <summary>Flag bits a receiver must understand (it rejects a report with an unknown one set).</summary>
        public const byte CriticalFlagsMask = 0x0F;

        /// <summary>
        /// Critical flag: extended disclosure (docs/wire-format.md §3.1). The body is 37 bytes (the contribution bound
        /// follows the v1 fields), the health bit of the suppressed mask and disclosure mode 3 are valid. Receivers
        /// that predate it reject the report, so the new meaning of a suppressed bit is never misread.
        /// </summary>
        public const byte ExtendedDisclosureFlag = 0x01;

        /// <summary>Critical flags this code understands.</summary>
        public const byte KnownCriticalFlags = ExtendedDisclosureFlag;

        /// <summary>Length of the Poly1305 tag that ends every report.</summary>
        public const int TagLength = 16;

        /// <summary>Largest report a receiver accepts, in bytes.</summary>
        public const int MaxPayloadLength = 256;

        /// <summary>Writes a v1 header with no flags at <paramref name="offset"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The header does not fit.</exception>
        public static void Write(byte[] buffer, int offset, ulong deviceId, uint epoch, ulong sequence)
        {
            Write(buffer, offset, 0, deviceId, epoch, sequence);
        }

        /// <summary>Writes a v1 header with <paramref name="flags"/> at <paramref name="offset"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The header does not fit.</exception>
        public static void Write(byte[] buffer, int offset, byte flags, ulong deviceId, uint epoch, ulong sequence)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || offset > buffer.Length - Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            buffer[offset + VersionOffset] = Version1;
            buffer[offset + FlagsOffset] = flags;
            LittleEndian.WriteUInt64(buffer, offset + DeviceIdOffset, deviceId);
            LittleEndian.WriteUInt32(buffer, offset + EpochOffset, epoch);
            LittleEndian.WriteUInt64(buffer, offset + SequenceOffset, sequence);
        }
    }
}
