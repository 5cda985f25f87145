using System;

namespace EdgeSensor.Core.Drivers.Vl53l1x
{
    /// <summary>
    /// Region-of-interest arithmetic on the 16 × 16 SPAD array (ST UM2555 "VL53L1X ultra lite driver multiple zone
    /// implementation", SPAD map figure; https://www.st.com/resource/en/user_manual/um2555-vl53l1x-ultra-lite-driver-multiple-zone-implementation-stmicroelectronics.pdf).
    /// Columns run 0..15 left to right and rows 0..15 bottom to top as UM2555 draws the array (pin 1 bottom right).
    /// The upper half (rows 8..15) is numbered 128 + 8·column + (15 − row), the lower half (rows 0..7)
    /// 8·(15 − column) + row: SPAD 0 is bottom right, 128 top left, 199 (the default centre) column 8 row 8,
    /// 167 and 231 the centres of the left and right 8-column halves.
    /// An even-sized ROI centred on column c spans columns c − w/2 .. c + w/2 − 1 (16 wide on column 8: 0..15);
    /// an odd-sized one c − (w − 1)/2 .. c + (w − 1)/2. Rows likewise.
    /// </summary>
    public static class Vl53l1xRoi
    {
        /// <summary>Smallest ROI side the device accepts (UM2555: 4 × 4).</summary>
        public const int MinimumSize = 4;

        /// <summary>The whole array.</summary>
        public const int ArraySize = 16;

        /// <summary>Centre SPAD of a full 16 × 16 ROI (ST's default, register 0x7F = 0xC7).</summary>
        public const int DefaultCenter = 199;

        /// <summary>The size register's value: (height − 1) in the high nibble, (width − 1) in the low (16 × 16 → 0xFF).</summary>
        public static byte EncodeSize(int width, int height)
        {
            CheckSize(width, nameof(width));
            CheckSize(height, nameof(height));
            return (byte)(((height - 1) << 4) | (width - 1));
        }

        /// <summary>Width and height from the size register's value.</summary>
        public static void DecodeSize(byte encoded, out int width, out int height)
        {
            width = (encoded & 0x0F) + 1;
            height = ((encoded >> 4) & 0x0F) + 1;
        }

        /// <summary>The SPAD number of a column and row (0..15 each, UM2555 orientation).</summary>
        public static int SpadNumber(int column, int row)
        {
            if (column < 0 || column >= ArraySize)
            {
                throw new ArgumentOutOfRangeException(nameof(column));
            }

            if (row < 0 || row >= ArraySize)
            {
                throw new ArgumentOutOfRangeException(nameof(row));
            }

            return row >= 8 ? 128 + 8 * column + (15 - row) : 8 * (15 - column) + row;
        }

        /// <summary>Column and row of a SPAD number (0..255).</summary>
        public static void Position(int spad, out int column, out int row)
        {
            if (spad < 0 || spad > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(spad));
            }

            if (spad >= 128)
            {
                column = (spad - 128) / 8;
                row = 15 - (spad - 128) % 8;
            }
            else
            {
                column = 15 - spad / 8;
                row = spad % 8;
            }
        }

        /// <summary>First column (or row) an ROI of <paramref name="size"/> centred on <paramref name="centre"/> covers;
        /// it may fall outside 0..15 when the centre is too near the edge (the device then clips).</summary>
        public static int FirstIndex(int centre, int size)
        {
            return centre - size / 2;
        }

        private static void CheckSize(int size, string name)
        {
            if (size < MinimumSize || size > ArraySize)
            {
                throw new ArgumentOutOfRangeException(name, "An ROI side is 4..16 SPADs.");
            }
        }
    }
}
