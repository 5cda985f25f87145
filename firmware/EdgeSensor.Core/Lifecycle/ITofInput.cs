namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// The two-zone ToF ranger, non-blocking (EdgeSensor.Core.Drivers.Vl53l1x.Vl53l1xZoneRanger on the device).
    /// </summary>
    public interface ITofInput
    {
        /// <summary>
        /// Returns the next ranging of either zone if one is ready at <paramref name="nowMilliseconds"/>: zone 0 or 1,
        /// distance in mm, VL53L1X range status (0 valid). False when none is ready, or the bus failed.
        /// </summary>
        bool TryRead(long nowMilliseconds, out int zone, out int distanceMillimeters, out int rangeStatus);
    }
}
