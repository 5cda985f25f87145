using System;
using System.IO;
using EdgeSensor.Core.Lifecycle;
using EdgeSensor.Firmware.Storage;

namespace EdgeSensor.Firmware.Boot
{
    /// <summary>Reads the configuration file's bytes, with a status for every way that can fail.</summary>
    internal static class ConfigurationFile
    {
        /// <summary>
        /// Reads <see cref="DevicePaths.ConfigurationFile"/>: <see cref="DeviceStatus.Running"/> with the bytes, or
        /// <see cref="DeviceStatus.ConfigurationMissing"/> / <see cref="DeviceStatus.ConfigurationInvalid"/> with a detail.
        /// The bytes hold secrets: the caller wipes them once parsed.
        /// </summary>
        public static DeviceStatus TryRead(out byte[]? bytes, out string detail)
        {
            bytes = null;
            try
            {
                // A cut while the boot removed the root key from the file may leave only the complete new copy.
                AtomicFileReplacer.RecoverInterruptedReplace(DevicePaths.ConfigurationFile);
                if (!File.Exists(DevicePaths.ConfigurationFile))
                {
                    detail = DevicePaths.ConfigurationFile + " not found (deploy it with nanoff, see hardware/flashing.md)";
                    return DeviceStatus.ConfigurationMissing;
                }

                using (FileStream stream = new FileStream(DevicePaths.ConfigurationFile, FileMode.Open, FileAccess.Read))
                {
                    long length = stream.Length;
                    if (length <= 0 || length > DevicePaths.MaxConfigurationBytes)
                    {
                        detail = "the file is empty or larger than " + DevicePaths.MaxConfigurationBytes.ToString() + " bytes";
                        return DeviceStatus.ConfigurationInvalid;
                    }

                    byte[] buffer = new byte[(int)length];
                    int total = 0;
                    while (total < buffer.Length)
                    {
                        int read = stream.Read(buffer, total, buffer.Length - total);
                        if (read <= 0)
                        {
                            break;
                        }

                        total += read;
                    }

                    if (total != buffer.Length)
                    {
                        Array.Clear(buffer, 0, buffer.Length);
                        detail = "the file could not be read whole";
                        return DeviceStatus.ConfigurationInvalid;
                    }

                    bytes = buffer;
                    detail = string.Empty;
                    return DeviceStatus.Running;
                }
            }
            catch (Exception)
            {
                detail = "the file could not be read";
                return DeviceStatus.ConfigurationInvalid;
            }
        }
    }
}
