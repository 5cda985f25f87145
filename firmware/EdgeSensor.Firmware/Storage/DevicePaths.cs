namespace EdgeSensor.Firmware.Storage
{
    /// <summary>
    /// Where the device keeps its files on the internal LittleFS drive <c>I:</c> (the only volume of the ESP32
    /// firmware, shared with nanoFramework's network configuration files).
    /// </summary>
    public static class DevicePaths
    {
        /// <summary>The application's directory: the configuration file and one file per store slot.</summary>
        public const string Directory = "I:\\edgesensor";

        /// <summary>The configuration bundle written by <c>edgesensor provision</c> and deployed with nanoff.</summary>
        public const string ConfigurationFile = "I:\\edgesensor\\device.json";

        /// <summary>Largest configuration file read (the bundle is a few kilobytes; a CA certificate is the bulk).</summary>
        public const int MaxConfigurationBytes = 16384;
    }
}
