namespace EdgeSensor.Core.Drivers.Vl53l1x
{
    /// <summary>Why <see cref="Vl53l1xZoneRanger"/> stopped trying (recorded for the boot log and diagnostics).</summary>
    public enum ZoneRangerFailure
    {
        /// <summary>Not failed.</summary>
        None = 0,

        /// <summary>No boot state within the timeout: not powered, XSHUT held low, wrong address or no device.</summary>
        BootTimeout = 1,

        /// <summary>The device answered with another model id than a VL53L1X's 0xEACC.</summary>
        WrongModel = 2,

        /// <summary>The first range never completed within the timeout.</summary>
        CalibrationTimeout = 3,
    }
}
