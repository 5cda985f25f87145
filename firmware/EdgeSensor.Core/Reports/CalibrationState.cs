namespace EdgeSensor.Core.Reports
{
    /// <summary>State of the counting engine's ToF calibration, reported in each window's health.</summary>
    public enum CalibrationState : byte
    {
        /// <summary>No baseline yet (booting, or no ToF sensor fitted).</summary>
        NotCalibrated = 0,

        /// <summary>Baselines are established and tracked.</summary>
        Calibrated = 1,

        /// <summary>Calibration failed or was lost (e.g. the sensor reports mostly invalid ranges).</summary>
        Degraded = 2,

        /// <summary>No ToF sensor is fitted: the device reports PIR presence/activity only, never counts.</summary>
        PirOnly = 3,
    }
}
