namespace EdgeSensor.Core.Aggregation
{
    /// <summary>Configuration of the <see cref="WindowAggregator"/>. Validate with <see cref="TryValidate"/> before use.</summary>
    public sealed class AggregatorSettings
    {
        /// <summary>Shortest window, seconds.</summary>
        public const int MinWindowLengthSeconds = 10;

        /// <summary>Longest window, seconds (1 h).</summary>
        public const int MaxWindowLengthSeconds = 3600;

        /// <summary>Default window, seconds.</summary>
        public const int DefaultWindowLengthSeconds = 60;

        /// <summary>Seconds in a UTC day; every window length divides it.</summary>
        public const int SecondsPerDay = 86400;

        /// <summary>2024-01-01T00:00:00Z: wall-clock times before it mean "clock not set yet" (no SNTP sync).</summary>
        public const uint DefaultMinValidUnixSeconds = 1704067200;

        /// <summary>
        /// Window length in seconds, 10..3600, and a divisor of 86400 so that windows tile every UTC day
        /// (no window straddles midnight, where the epoch key changes). Default 60; at least 900 with person-level
        /// differential privacy (DeviceSettings checks it).
        /// </summary>
        public int WindowLengthSeconds { get; set; } = DefaultWindowLengthSeconds;

        /// <summary>Wall-clock times below this are treated as an unset clock: windows do not open yet.</summary>
        public uint MinValidUnixSeconds { get; set; } = DefaultMinValidUnixSeconds;

        /// <summary>Health: reboots since provisioning, copied into every report.</summary>
        public ushort RebootCount { get; set; }

        /// <summary>Health: firmware version (major &lt;&lt; 16 | minor &lt;&lt; 8 | patch), copied into every report.</summary>
        public uint FirmwareVersion { get; set; }

        /// <summary>
        /// The one home of the window rule: 10..3600 s and a divisor of <see cref="SecondsPerDay"/>, so that windows
        /// tile every UTC day and none straddles midnight, where the epoch key changes. Configuration readers
        /// and the simulator's options ask this; the host SDK (which does not reference the core) mirrors it in
        /// DeviceConfigurationBundle, and a core test checks the two agree.
        /// </summary>
        public static bool IsValidWindowLength(int seconds)
        {
            return seconds >= MinWindowLengthSeconds && seconds <= MaxWindowLengthSeconds && SecondsPerDay % seconds == 0;
        }

        /// <summary>Checks the settings; on failure <paramref name="error"/> says why.</summary>
        public bool TryValidate(out string error)
        {
            if (WindowLengthSeconds < MinWindowLengthSeconds || WindowLengthSeconds > MaxWindowLengthSeconds)
            {
                error = "WindowLengthSeconds must be 10..3600";
                return false;
            }

            if (!IsValidWindowLength(WindowLengthSeconds))
            {
                error = "WindowLengthSeconds must divide 86400 (e.g. 10, 15, 30, 60, 300, 600, 900, 1800, 3600)";
                return false;
            }

            error = string.Empty;
            return true;
        }
    }
}
