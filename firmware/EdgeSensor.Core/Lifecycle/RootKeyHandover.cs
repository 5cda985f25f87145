using System;
using EdgeSensor.Core.Device;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Storage;

namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// The boot's key step: <see cref="NodeStarter"/> imports the root key into the store (first boot only), and
    /// only once the node runs on a durable key record is the configuration file replaced by its copy without the
    /// root key (<c>"rootKey": null</c>), so from then on the key exists on the device only as the ratcheted epoch
    /// key (docs/security.md). The order makes every power cut safe: before the import is durable the file still
    /// holds the key and the next boot imports again; after it, the file holds the key or not, and either reads
    /// back with the provisioned store; the replacement itself is atomic (<see cref="IConfigurationFile"/>).
    /// </summary>
    public static class RootKeyHandover
    {
        /// <summary>
        /// Starts the pipeline as <see cref="NodeStarter.TryStart"/> does, then, when
        /// <paramref name="configurationWithoutKey"/> is not null (the file still holds a root key), replaces the file
        /// with it. A failed replacement does not stop the device: the status is still
        /// <see cref="DeviceStatus.Running"/> and <paramref name="detail"/> says the key is still in the file (the next
        /// boot tries again). Both <paramref name="rootKey"/> and <paramref name="configurationWithoutKey"/> (which
        /// holds the passwords) are wiped whatever happens.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="configurationFile"/> is null.</exception>
        public static DeviceStatus TryStart(DeviceSettings settings, INonVolatileStore store, IRandomSource? random, byte[]? rootKey, byte[]? configurationWithoutKey, IConfigurationFile configurationFile, uint nowUnixSeconds, out SensorNode? node, out string detail)
        {
            if (store == null || configurationFile == null)
            {
                throw new ArgumentNullException(store == null ? nameof(store) : nameof(configurationFile));
            }

            try
            {
                // Probed before the import: a key in the file over a provisioned store was not taken (NodeStarter).
                bool wasProvisioned = rootKey != null && NodeStarter.HasKeyRecord(store);
                DeviceStatus status = NodeStarter.TryStart(settings, store, random, rootKey, nowUnixSeconds, out node, out detail);
                if (status != DeviceStatus.Running || configurationWithoutKey == null)
                {
                    // Not running: the key record may not be durable, so the file keeps the key for the next boot.
                    return status;
                }

                detail = configurationFile.TryReplace(configurationWithoutKey, configurationWithoutKey.Length)
                    ? "root key removed from the configuration file"
                    : "the root key is still in the configuration file (rewrite failed; retried at the next boot)";
                if (wasProvisioned)
                {
                    detail += "; the store already held a key, which was kept (a new root key needs an erased store)";
                }

                return DeviceStatus.Running;
            }
            finally
            {
                if (configurationWithoutKey != null)
                {
                    Array.Clear(configurationWithoutKey, 0, configurationWithoutKey.Length);
                }
            }
        }
    }
}
