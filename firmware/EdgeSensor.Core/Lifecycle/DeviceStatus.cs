namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// What the device is doing or why it stopped, shown as a serial log line and an LED blink code
    /// (<see cref="StatusCodes"/>; table in docs/firmware.md "Status codes"). Codes 1..9 are progress or
    /// degraded operation (short blinks), 10 and up are fatal: the device refuses to run (long blinks).
    /// </summary>
    public enum DeviceStatus
    {
        /// <summary>Counting and publishing normally.</summary>
        Running = 0,

        /// <summary>Reading the configuration file.</summary>
        LoadingConfiguration = 1,

        /// <summary>Joining Wi-Fi (retried with exponential backoff).</summary>
        ConnectingWifi = 2,

        /// <summary>Waiting for SNTP: no report is sealed before the clock is valid.</summary>
        WaitingForTime = 3,

        /// <summary>Probing and starting the sensors.</summary>
        StartingSensors = 4,

        /// <summary>Sensors running, the ToF floor baseline not yet established (nothing counted yet).</summary>
        Calibrating = 5,

        /// <summary>Counting, but the broker is unreachable: reports wait in the outbox.</summary>
        BrokerUnreachable = 6,

        /// <summary>Running, but the ToF sensor does not answer or ranges mostly invalid (reported in health).</summary>
        SensorFault = 7,

        /// <summary>No configuration file: fatal.</summary>
        ConfigurationMissing = 10,

        /// <summary>The configuration file is unreadable or invalid: fatal.</summary>
        ConfigurationInvalid = 11,

        /// <summary>The store holds no key and none could be provisioned, or flash failed: fatal.</summary>
        StorageFailure = 12,

        /// <summary>The software watchdog was not fed in time: the device reboots.</summary>
        WatchdogExpired = 13,
    }
}
