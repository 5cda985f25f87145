using System;

namespace EdgeSensor.Core.Counting
{
    /// <summary>
    /// Configuration of the people-counting engine. All lengths in millimetres, all times in milliseconds.
    /// The engine copies the values when it is constructed; later changes have no effect on it.
    /// Defaults suit a VL53L1X mounted 2.4 m above a doorway, two 8x16 SPAD regions of interest side by side
    /// along the walking direction, read alternately (docs/counting.md).
    /// </summary>
    public sealed class CounterSettings
    {
        /// <summary>Sensor height above the floor, 2000..3500 mm. Used as a plausibility bound for the calibrated floor.</summary>
        public int MountHeightMillimeters { get; set; } = 2400;

        /// <summary>The zone (0 or 1) on the inside: a crossing from the other zone into it is an entry.</summary>
        public int InsideZone { get; set; } = 1;

        /// <summary>VL53L1X timing budget per ranging, 15..1000 ms (UM2356 §2.5.2: 15, 20, 33, 50, 100, 200, 500).</summary>
        public int TimingBudgetMilliseconds { get; set; } = 33;

        /// <summary>False on a PIR-only device: ToF samples are ignored and nothing is ever counted.</summary>
        public bool TofFitted { get; set; } = true;

        /// <summary>PIR output hold time (HC-SR501 "Tx" potentiometer), 0..600000 ms.</summary>
        public int PirHoldMilliseconds { get; set; } = 2500;

        /// <summary>
        /// Occupancy drift correction: occupancy is reset to 0 after ToF and PIR agree the space is empty this long.
        /// 0 disables it; otherwise 10000..86400000 ms. Needs a PIR (it never fires before a PIR sample arrived).
        /// </summary>
        public int EmptyResetMilliseconds { get; set; } = 300000;

        /// <summary>Valid samples per zone used for the boot baseline (median), 8..64.</summary>
        public int CalibrationSamples { get; set; } = 16;

        /// <summary>Largest interquartile range (mm) of the calibration samples accepted as an empty floor, 20..1000.</summary>
        public int CalibrationMaxSpreadMillimeters { get; set; } = 120;

        /// <summary>
        /// Smallest rise above the floor (mm) that makes a zone occupied, 100..1500; the zone's own noise (5 sigma) sets the
        /// threshold when that is higher. Exit threshold is 2/3 of it. Low by default: a zone reads a blend of all it sees,
        /// so a child passing under a high mount moves the reading only a few hundred mm or less.
        /// </summary>
        public int MinEnterDeltaMillimeters { get; set; } = 120;

        /// <summary>
        /// Valley split: while occupied, a rise of this many mm above the nearest reading followed by a fall of as much
        /// separates two targets (two people close behind each other), 50..2000.
        /// </summary>
        public int SplitDepthMillimeters { get; set; } = 200;

        /// <summary>
        /// A crossing's highest point must be at least this far (mm) above the floor to count, 100..2000. The default is
        /// the default enter threshold, so any target that crossed it may count: a zone reports a blend of all it
        /// sees (a near and a far surface in one zone read in between), so a child or a seated person who fills little
        /// of a zone mounted high reads only a few hundred mm above the floor. Raise it where pets pass and the mount is low.
        /// </summary>
        public int MinPersonHeightMillimeters { get; set; } = 120;

        /// <summary>
        /// A crossing whose highest point is higher than this (mm above the floor) is a door leaf's top edge, not a
        /// person, 1500..3000. Doors are at least 2032 mm high (ADA 404.2.3: 80 in clear height; EN and national
        /// codes similar); fewer than 0.1 % of adults are taller than 2000 mm (NHANES: men 1754 mm, SD 71).
        /// </summary>
        public int MaxPersonHeightMillimeters { get; set; } = 2000;

        /// <summary>Largest time gap (ms) between a target leaving one zone and appearing in the other, 0..2000.</summary>
        public int MaxPairGapMilliseconds { get; set; } = 300;

        /// <summary>How long (ms) a zone holds its state through invalid samples before it is declared unknown, 100..10000.</summary>
        public int InvalidHoldMilliseconds { get; set; } = 1000;

        /// <summary>A target that stays still this long (ms) becomes the new floor (furniture moved in), 5000..600000.</summary>
        public int StaticAbsorbMilliseconds { get; set; } = 60000;

        /// <summary>An empty zone reading steadily off its baseline this long (ms) is re-baselined (furniture moved out), 500..60000.</summary>
        public int RebaselineMilliseconds { get; set; } = 2000;

        /// <summary>
        /// Door discriminator: both zones' targets flat within this many mm and at the same distance means a door leaf,
        /// not a person. 0 disables; otherwise 10..200.
        /// </summary>
        public int DoorFlatnessMillimeters { get; set; } = 30;

        /// <summary>
        /// Declared door band, nearer edge (mm from the sensor). A crossing whose nearest readings in both zones lie in
        /// [near, far] is a door swing. 0 (with far 0) disables.
        /// </summary>
        public int DoorBandNearMillimeters { get; set; }

        /// <summary>Declared door band, farther edge (mm from the sensor); see <see cref="DoorBandNearMillimeters"/>.</summary>
        public int DoorBandFarMillimeters { get; set; }

        /// <summary>Median window over each zone's valid samples: 1 (off), 3 or 5.</summary>
        public int MedianWindow { get; set; } = 1;

        /// <summary>Checks every value; returns false with a message naming the first bad one.</summary>
        public bool TryValidate(out string error)
        {
            error = string.Empty;
            if (!InRange(MountHeightMillimeters, 2000, 3500)) { error = "MountHeightMillimeters must be 2000..3500"; return false; }
            if (InsideZone != 0 && InsideZone != 1) { error = "InsideZone must be 0 or 1"; return false; }
            if (!InRange(TimingBudgetMilliseconds, 15, 1000)) { error = "TimingBudgetMilliseconds must be 15..1000"; return false; }
            if (!InRange(PirHoldMilliseconds, 0, 600000)) { error = "PirHoldMilliseconds must be 0..600000"; return false; }
            if (EmptyResetMilliseconds != 0 && !InRange(EmptyResetMilliseconds, 10000, 86400000)) { error = "EmptyResetMilliseconds must be 0 or 10000..86400000"; return false; }
            if (!InRange(CalibrationSamples, ZoneCalibrator.MinSamples, ZoneCalibrator.MaxSamples)) { error = "CalibrationSamples must be 8..64"; return false; }
            if (!InRange(CalibrationMaxSpreadMillimeters, 20, 1000)) { error = "CalibrationMaxSpreadMillimeters must be 20..1000"; return false; }
            if (!InRange(MinEnterDeltaMillimeters, 100, 1500)) { error = "MinEnterDeltaMillimeters must be 100..1500"; return false; }
            if (!InRange(SplitDepthMillimeters, 50, 2000)) { error = "SplitDepthMillimeters must be 50..2000"; return false; }
            if (!InRange(MinPersonHeightMillimeters, 100, 2000)) { error = "MinPersonHeightMillimeters must be 100..2000"; return false; }
            if (!InRange(MaxPersonHeightMillimeters, 1500, 3000) || MaxPersonHeightMillimeters <= MinPersonHeightMillimeters) { error = "MaxPersonHeightMillimeters must be 1500..3000 and above MinPersonHeightMillimeters"; return false; }
            if (!InRange(MaxPairGapMilliseconds, 0, 2000)) { error = "MaxPairGapMilliseconds must be 0..2000"; return false; }
            if (!InRange(InvalidHoldMilliseconds, 100, 10000)) { error = "InvalidHoldMilliseconds must be 100..10000"; return false; }
            if (!InRange(StaticAbsorbMilliseconds, 5000, 600000)) { error = "StaticAbsorbMilliseconds must be 5000..600000"; return false; }
            if (!InRange(RebaselineMilliseconds, 500, 60000)) { error = "RebaselineMilliseconds must be 500..60000"; return false; }
            if (DoorFlatnessMillimeters != 0 && !InRange(DoorFlatnessMillimeters, 10, 200)) { error = "DoorFlatnessMillimeters must be 0 or 10..200"; return false; }
            if (DoorBandNearMillimeters != 0 || DoorBandFarMillimeters != 0)
            {
                if (DoorBandNearMillimeters < 0 || DoorBandFarMillimeters <= DoorBandNearMillimeters || DoorBandFarMillimeters > MountHeightMillimeters)
                {
                    error = "DoorBand must satisfy 0 <= near < far <= MountHeightMillimeters (or both 0)";
                    return false;
                }
            }

            if (MedianWindow != 1 && MedianWindow != 3 && MedianWindow != 5) { error = "MedianWindow must be 1, 3 or 5"; return false; }
            return true;
        }

        private static bool InRange(int value, int min, int max)
        {
            return value >= min && value <= max;
        }
    }
}
