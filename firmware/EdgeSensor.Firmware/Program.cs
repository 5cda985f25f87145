using System;
using System.Threading;
using EdgeSensor.Firmware.Boot;
using nanoFramework.Runtime.Native;

namespace EdgeSensor.Firmware
{
    /// <summary>Entry point of the ESP32 application.</summary>
    public static class Program
    {
        /// <summary>Runs the device (<see cref="DeviceApplication"/>); never returns.</summary>
        public static void Main()
        {
            Console.WriteLine("EdgeSensor firmware starting");
            try
            {
                new DeviceApplication().Run();
            }
            catch (Exception e)
            {
                // A bug, not a status: name the exception type only (a message could echo configuration values),
                // wait so the line can be read, and start over.
                Console.WriteLine("fatal: unexpected " + e.GetType().Name + ", rebooting in 10 s");
                Thread.Sleep(10000);
                Power.RebootDevice();
            }
        }
    }
}
