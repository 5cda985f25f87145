namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// Where a status change is shown: the serial log line and the status LED's blink code
    /// (<see cref="StatusCodes"/>). Called from the loop, only on a change; must not block.
    /// </summary>
    public interface IStatusIndicator
    {
        /// <summary>Shows <paramref name="status"/>; <paramref name="line"/> is its serial log line (no secrets).</summary>
        void Show(DeviceStatus status, string line);
    }
}
