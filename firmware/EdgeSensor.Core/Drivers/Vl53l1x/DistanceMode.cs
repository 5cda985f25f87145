namespace EdgeSensor.Core.Drivers.Vl53l1x
{
    /// <summary>
    /// VL53L1X distance mode (datasheet DS12385 §2.5.1): short ranges to about 1.3 m with better immunity to
    /// ambient light, long to about 4 m in the dark. Values as ST's ultra lite driver numbers them.
    /// </summary>
    public enum DistanceMode
    {
        /// <summary>Up to about 1.3 m; allows a 15 ms timing budget.</summary>
        Short = 1,

        /// <summary>Up to about 4 m in the dark (the people-counting default: a 2–3 m mount sees the floor).</summary>
        Long = 2,
    }
}
