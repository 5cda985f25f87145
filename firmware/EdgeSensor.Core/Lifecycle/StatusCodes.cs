namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// The fixed mapping of a <see cref="DeviceStatus"/> to its serial log line and LED blink code, so a
    /// technician with only the LED, or only a serial cable, reads the same thing (docs/firmware.md "Status codes").
    /// </summary>
    public static class StatusCodes
    {
        /// <summary>Statuses at or above this code stop the device (the loop halts and keeps showing the code).</summary>
        public const int FirstFatalCode = 10;

        /// <summary>True for statuses that stop the device.</summary>
        public static bool IsFatal(DeviceStatus status)
        {
            return (int)status >= FirstFatalCode;
        }

        /// <summary>
        /// Blinks per cycle: the code itself for progress and degraded statuses, code - 9 long blinks for fatal ones
        /// (so 1..4), and 1 (a heartbeat) for <see cref="DeviceStatus.Running"/>.
        /// </summary>
        public static int BlinkCount(DeviceStatus status)
        {
            int code = (int)status;
            if (code == 0)
            {
                return 1;
            }

            return code >= FirstFatalCode ? code - FirstFatalCode + 1 : code;
        }

        /// <summary>Short, stable name used in the log line.</summary>
        public static string Name(DeviceStatus status)
        {
            switch (status)
            {
                case DeviceStatus.Running: return "running";
                case DeviceStatus.LoadingConfiguration: return "loading-configuration";
                case DeviceStatus.ConnectingWifi: return "connecting-wifi";
                case DeviceStatus.WaitingForTime: return "waiting-for-time";
                case DeviceStatus.StartingSensors: return "starting-sensors";
                case DeviceStatus.Calibrating: return "calibrating";
                case DeviceStatus.BrokerUnreachable: return "broker-unreachable";
                case DeviceStatus.SensorFault: return "sensor-fault";
                case DeviceStatus.ConfigurationMissing: return "configuration-missing";
                case DeviceStatus.ConfigurationInvalid: return "configuration-invalid";
                case DeviceStatus.StorageFailure: return "storage-failure";
                case DeviceStatus.WatchdogExpired: return "watchdog-expired";
                default: return "unknown";
            }
        }

        /// <summary>
        /// The serial log line: <c>status &lt;code&gt; &lt;name&gt;[: detail]</c>, e.g.
        /// <c>status 11 configuration-invalid: BrokerPort must be 1..65535</c>. The detail must hold no secret.
        /// </summary>
        public static string LogLine(DeviceStatus status, string? detail)
        {
            string line = "status " + ((int)status).ToString() + " " + Name(status);
            if (detail != null && detail.Length > 0)
            {
                line += ": " + detail;
            }

            return line;
        }
    }
}
