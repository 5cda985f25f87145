using System;
using EdgeSensor.Core.Lifecycle;
using nanoFramework.Runtime.Native;

namespace EdgeSensor.Firmware.Adapters
{
    /// <summary>
    /// <see cref="IRebooter"/> over <c>Power.RebootDevice</c> (nanoFramework.Runtime.Native,
    /// https://github.com/nanoframework/nanoFramework.Runtime.Native): logs the reason on the serial line, then restarts
    /// the device. Sealed reports are already in the outbox journal, so nothing is flushed first.
    /// </summary>
    public sealed class DeviceRebooter : IRebooter
    {
        /// <inheritdoc />
        public void Reboot(DeviceStatus reason)
        {
            Console.WriteLine(StatusCodes.LogLine(reason, "rebooting"));
            Power.RebootDevice();
        }
    }
}
