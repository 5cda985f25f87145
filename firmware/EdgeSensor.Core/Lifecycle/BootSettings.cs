using EdgeSensor.Core.Aggregation;

namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>Timing of <see cref="BootSequence"/>; the defaults suit a pilot site.</summary>
    public sealed class BootSettings
    {
        /// <summary>One Wi-Fi attempt may block this long, ms.</summary>
        public int WifiAttemptTimeoutMilliseconds { get; set; } = 30000;

        /// <summary>First delay ceiling between Wi-Fi attempts, ms.</summary>
        public int WifiBackoffBaseMilliseconds { get; set; } = 2000;

        /// <summary>Largest delay ceiling between Wi-Fi attempts, ms (the radio keeps trying for ever).</summary>
        public int WifiBackoffCapMilliseconds { get; set; } = 300000;

        /// <summary>How long to wait for SNTP before asking again, ms.</summary>
        public int TimeSyncRetryMilliseconds { get; set; } = 30000;

        /// <summary>Wall-clock readings below this are "not set" (the same rule the window aggregator uses).</summary>
        public uint MinValidUnixSeconds { get; set; } = AggregatorSettings.DefaultMinValidUnixSeconds;

        /// <summary>While halted, the status line is logged again this often, ms (for a serial cable plugged in late).</summary>
        public int HaltedRepeatMilliseconds { get; set; } = 30000;
    }
}
