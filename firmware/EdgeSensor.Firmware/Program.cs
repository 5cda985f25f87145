using System.Diagnostics;
using System.Threading;

namespace EdgeSensor.Firmware
{
    /// <summary>Entry point of the ESP32 application.</summary>
    public static class Program
    {
        public static void Main()
        {
            Debug.WriteLine("EdgeSensor firmware " + typeof(nanoFramework.M2Mqtt.MqttClient).Name + typeof(EdgeSensor.Core.Device.SensorNode).Name);
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
