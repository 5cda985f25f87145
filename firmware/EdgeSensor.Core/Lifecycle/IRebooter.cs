namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>Restarts the device (Power.RebootDevice on the nanoFramework).</summary>
    public interface IRebooter
    {
        /// <summary>Requests a reboot; <paramref name="reason"/> is logged first. May not return.</summary>
        void Reboot(DeviceStatus reason);
    }
}
