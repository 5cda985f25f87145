namespace EdgeSensor.Core.Drivers.Vl53l1x
{
    /// <summary>Where <see cref="Vl53l1xZoneRanger"/> is in its start-up and ranging sequence.</summary>
    public enum ZoneRangerState
    {
        /// <summary>Waiting for the device to boot; then it is identified, configured and started.</summary>
        Booting = 0,

        /// <summary>The first range after a start (ST's init does one to calibrate VHV); discarded.</summary>
        Calibrating = 1,

        /// <summary>Ranging the two zones alternately; <see cref="Vl53l1xZoneRanger.TryRead"/> yields readings.</summary>
        Ranging = 2,

        /// <summary>Gave up (see <see cref="Vl53l1xZoneRanger.Failure"/>); <see cref="Vl53l1xZoneRanger.Restart"/> tries again.</summary>
        Failed = 3,
    }
}
