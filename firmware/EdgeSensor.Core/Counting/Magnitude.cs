namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// Integer magnitudes, written once: the rules compare readings (mm) and instants (ms) either way round, and
    /// nanoFramework's System.Math has no Abs for long. Negating int.MinValue or long.MinValue overflows; no reading or
    /// instant difference in the engine comes near them.
    /// </summary>
    internal static class Magnitude
    {
        public static int Of(int value) => value < 0 ? -value : value;

        public static long Of(long value) => value < 0 ? -value : value;

        /// <summary>True when value lies no farther than bound from zero, on either side.</summary>
        public static bool Within(int value, int bound) => value <= bound && -value <= bound;

        /// <summary>True when value lies no farther than bound from zero, on either side.</summary>
        public static bool Within(long value, long bound) => value <= bound && -value <= bound;
    }
}
