namespace EdgeSensor.Core.Reports
{
    /// <summary>Bits of <see cref="WindowReport.SuppressedMask"/>: which fields were withheld (reported as 0).</summary>
    public static class SuppressedFields
    {
        /// <summary>Entries were below the suppression threshold.</summary>
        public const byte Entries = 0x01;

        /// <summary>Exits were below the suppression threshold.</summary>
        public const byte Exits = 0x02;

        /// <summary>Occupancy at window end was below the suppression threshold.</summary>
        public const byte OccupancyAtEnd = 0x04;

        /// <summary>Peak occupancy was below the suppression threshold.</summary>
        public const byte PeakOccupancy = 0x08;

        /// <summary>PIR activity was withheld (always in person-level DP, with any withheld counter in suppression): a person moves it.</summary>
        public const byte PirActivity = 0x10;

        /// <summary>Health figures (invalid-sample ratio and calibration state) were withheld: a person under the
        /// sensor moves them.</summary>
        public const byte Health = 0x20;

        /// <summary>The four people counters.</summary>
        public const byte AllCounters = Entries | Exits | OccupancyAtEnd | PeakOccupancy;
    }
}
