namespace EdgeSensor.Core.Configuration
{
    /// <summary>
    /// The VL53L1X's 16x16 SPAD array and its SPAD numbering, used to check that a region of interest fits.
    /// Numbering (ST UM2555 and the people-counting guide UM2600, "SPAD map"): with the array drawn as 16
    /// columns by 16 rows, row 0 at the top, the top half (rows 0..7) holds 128 + 8·column + row and the bottom
    /// half (rows 8..15) holds 127 − 8·column − (row − 8). A ROI of even size is centred on the SPAD right of and
    /// above its exact centre: the full 16x16 array is centre 199, the two 8x16 halves 167 and 231.
    /// </summary>
    public static class SpadGrid
    {
        /// <summary>Side of the array, SPADs.</summary>
        public const int Size = 16;

        /// <summary>The column (0..15, left to right) of SPAD <paramref name="spad"/> (0..255).</summary>
        public static int ColumnOf(int spad)
        {
            return spad >= 128 ? (spad - 128) / 8 : (127 - spad) / 8;
        }

        /// <summary>The row (0..15, top to bottom) of SPAD <paramref name="spad"/> (0..255).</summary>
        public static int RowOf(int spad)
        {
            return spad >= 128 ? (spad - 128) % 8 : 8 + ((127 - spad) % 8);
        }

        /// <summary>True when a <paramref name="width"/> x <paramref name="height"/> ROI centred on
        /// <paramref name="centerSpad"/> lies inside the array.</summary>
        public static bool RoiFits(int centerSpad, int width, int height)
        {
            if (centerSpad < 0 || centerSpad > 255 || width < 1 || width > Size || height < 1 || height > Size)
            {
                return false;
            }

            int left = ColumnOf(centerSpad) - (width / 2);
            int top = RowOf(centerSpad) - ((height - 1) / 2);
            return left >= 0 && left + width <= Size && top >= 0 && top + height <= Size;
        }
    }
}
