namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// The LED waveform of a status: <see cref="StatusCodes.BlinkCount"/> blinks, then a pause, repeating.
    /// Progress and degraded statuses blink short (150 ms on, 250 ms off), fatal ones long (600 ms on, 400 ms off);
    /// the cycle pause is 1.5 s (3 s for the running heartbeat) so the count is easy to read by eye.
    /// Pure function of the time since the status was shown, so the LED adapter keeps no state of its own.
    /// </summary>
    public static class BlinkPattern
    {
        private const int ShortOnMilliseconds = 150;
        private const int ShortOffMilliseconds = 250;
        private const int LongOnMilliseconds = 600;
        private const int LongOffMilliseconds = 400;
        private const int PauseMilliseconds = 1500;
        private const int HeartbeatPauseMilliseconds = 3000;

        /// <summary>Length of one cycle of <paramref name="status"/>'s pattern in milliseconds.</summary>
        public static int CycleMilliseconds(DeviceStatus status)
        {
            bool fatal = StatusCodes.IsFatal(status);
            int blink = fatal ? LongOnMilliseconds + LongOffMilliseconds : ShortOnMilliseconds + ShortOffMilliseconds;
            int pause = status == DeviceStatus.Running ? HeartbeatPauseMilliseconds : PauseMilliseconds;
            return (StatusCodes.BlinkCount(status) * blink) + pause;
        }

        /// <summary>Whether the LED is lit <paramref name="elapsedMilliseconds"/> (≥ 0) after the status was shown.</summary>
        public static bool IsOn(DeviceStatus status, long elapsedMilliseconds)
        {
            if (elapsedMilliseconds < 0)
            {
                return false;
            }

            bool fatal = StatusCodes.IsFatal(status);
            int on = fatal ? LongOnMilliseconds : ShortOnMilliseconds;
            int blink = on + (fatal ? LongOffMilliseconds : ShortOffMilliseconds);
            long phase = elapsedMilliseconds % CycleMilliseconds(status);
            if (phase >= (long)StatusCodes.BlinkCount(status) * blink)
            {
                return false;
            }

            return phase % blink < on;
        }
    }
}
