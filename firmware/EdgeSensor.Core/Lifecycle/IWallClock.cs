namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>The UTC wall clock and its synchronisation (SNTP on the device).</summary>
    public interface IWallClock
    {
        /// <summary>Starts, or asks again for, a time synchronisation; returns at once.</summary>
        void RequestSync();

        /// <summary>
        /// Seconds since 1970-01-01 UTC as the clock reads now; small values (the RTC's power-on default)
        /// mean "not yet set": callers compare with a minimum valid time.
        /// </summary>
        uint NowUnixSeconds { get; }
    }
}
