namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// The application-specific boot steps <see cref="BootSequence"/> runs in order (the firmware's composition
    /// root implements them with the configuration reader, <see cref="NodeStarter"/> and the sensor drivers).
    /// Each returns a status and a detail for the log line; none may throw or put a secret in the detail.
    /// </summary>
    public interface IBootSteps
    {
        /// <summary>
        /// Reads and validates the configuration: <see cref="DeviceStatus.Running"/> when usable, otherwise
        /// <see cref="DeviceStatus.ConfigurationMissing"/> or <see cref="DeviceStatus.ConfigurationInvalid"/>.
        /// </summary>
        DeviceStatus LoadConfiguration(out string detail);

        /// <summary>
        /// Builds the pipeline once the wall clock is valid (<paramref name="nowUnixSeconds"/>), provisioning the key
        /// on the very first boot: <see cref="DeviceStatus.Running"/>, or a fatal status.
        /// </summary>
        DeviceStatus StartNode(uint nowUnixSeconds, out string detail);

        /// <summary>
        /// Probes and starts the sensors. False when the ToF sensor did not answer: the device still runs
        /// (PIR, health reports with the failure), showing <see cref="DeviceStatus.SensorFault"/>.
        /// </summary>
        bool TryStartSensors(out string detail);
    }
}
