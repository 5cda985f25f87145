namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// Milliseconds since boot that never step back or jump (Environment.TickCount64 on the device). Every
    /// timeout, backoff and watchdog period is measured on it, never on the wall clock, which SNTP may step.
    /// </summary>
    public interface IMonotonicClock
    {
        /// <summary>Milliseconds since boot.</summary>
        long NowMilliseconds { get; }
    }
}
