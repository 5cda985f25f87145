using System;
using EdgeSensor.Core.Device;
using EdgeSensor.Core.Keys;
using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Storage;

namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>
    /// Builds the <see cref="SensorNode"/> at boot, provisioning the first epoch key from the configuration's
    /// root key only when the key slots were never written (a fresh device). A key record that exists but cannot
    /// be read is a storage failure, not a fresh start: provisioning again would bring back the epoch-0 key and
    /// undo forward secrecy (docs/security.md). On a provisioned store the configuration's root key is ignored:
    /// the store's key wins (a new key needs an erased store, docs/provisioning.md). Every failure is a status
    /// with a detail, never an exception. <see cref="RootKeyHandover"/> removes the key from the file afterwards.
    /// </summary>
    public static class NodeStarter
    {
        /// <summary>
        /// Starts the pipeline at wall-clock <paramref name="nowUnixSeconds"/> (must be valid: it dates epoch 0).
        /// The copy of the root key in <paramref name="rootKey"/> is wiped whatever happens.
        /// Returns <see cref="DeviceStatus.Running"/> with <paramref name="node"/> set, or a fatal status.
        /// </summary>
        public static DeviceStatus TryStart(DeviceSettings settings, INonVolatileStore store, IRandomSource? random, byte[]? rootKey, uint nowUnixSeconds, out SensorNode? node, out string detail)
        {
            node = null;
            try
            {
                return TryStartCore(settings, store, random, rootKey, nowUnixSeconds, out node, out detail);
            }
            finally
            {
                if (rootKey != null)
                {
                    Array.Clear(rootKey, 0, rootKey.Length);
                }
            }
        }

        private static DeviceStatus TryStartCore(DeviceSettings settings, INonVolatileStore store, IRandomSource? random, byte[]? rootKey, uint nowUnixSeconds, out SensorNode? node, out string detail)
        {
            node = null;
            if (settings == null || store == null)
            {
                detail = "no settings or store";
                return DeviceStatus.StorageFailure;
            }

            if (!settings.TryValidate(out detail))
            {
                return DeviceStatus.ConfigurationInvalid;
            }

            if (settings.Disclosure.Mode == DisclosureMode.PersonDifferentialPrivacy && random == null)
            {
                detail = "differential privacy needs the DRBG";
                return DeviceStatus.ConfigurationInvalid;
            }

            if (!HasKeyRecord(store) || IsInterruptedFirstImport(store, rootKey))
            {
                if (rootKey == null || rootKey.Length != 32)
                {
                    // Also the case of "rootKey": null (removed after an earlier import) over a store that lost its
                    // key record (erased): the key is gone from the device, only a new bundle can bring one.
                    detail = "not provisioned and no 32-byte root key in the configuration (null once an earlier boot imported it): re-provision with a new bundle";
                    return DeviceStatus.StorageFailure;
                }

                if (IsAllZero(rootKey))
                {
                    // A wiped key (or a placeholder) would seal under keys anyone can derive.
                    detail = "not provisioned and the root key is all zero";
                    return DeviceStatus.StorageFailure;
                }

                if (!DeviceStorage.TryProvision(store, rootKey, 0, nowUnixSeconds / 86400))
                {
                    detail = "could not write the first epoch key";
                    return DeviceStatus.StorageFailure;
                }
            }

            try
            {
                node = new SensorNode(settings, store, random);
            }
            catch (InvalidOperationException)
            {
                detail = "the key record is unreadable (re-provision with a new root key)";
                return DeviceStatus.StorageFailure;
            }

            detail = string.Empty;
            return DeviceStatus.Running;
        }

        private static bool IsAllZero(byte[] key)
        {
            int bits = 0;
            for (int i = 0; i < key.Length; i++)
            {
                bits |= key[i];
            }

            return bits == 0;
        }

        /// <summary>
        /// A power cut during the very first import (the first of its two writes, torn): one key slot holds bytes
        /// but no valid record, the other none, the device never booted on a key (no reboot counter), and the
        /// configuration still has the root key. Importing again cannot bring back an erased key: no epoch ever
        /// existed. A record damaged in any other way stays a failure.
        /// </summary>
        private static bool IsInterruptedFirstImport(INonVolatileStore store, byte[]? rootKey)
        {
            if (rootKey == null || rootKey.Length != 32)
            {
                return false;
            }

            byte[] probe = new byte[1];
            bool slotA = store.Read(DeviceStorage.KeySlotA, probe, 0, 1) != 0;
            bool slotB = store.Read(DeviceStorage.KeySlotB, probe, 0, 1) != 0;
            if (slotA == slotB || store.Read(DeviceStorage.RebootSlotA, probe, 0, 1) != 0 || store.Read(DeviceStorage.RebootSlotB, probe, 0, 1) != 0)
            {
                return false;
            }

            return !new EpochKeyRatchet(store, DeviceStorage.KeySlotA, DeviceStorage.KeySlotB).TryLoad();
        }

        /// <summary>True when either key slot holds any byte: the device was provisioned before.</summary>
        internal static bool HasKeyRecord(INonVolatileStore store)
        {
            // Any byte in either copy, valid or torn, means the device was provisioned before.
            byte[] probe = new byte[1];
            return store.Read(DeviceStorage.KeySlotA, probe, 0, 1) != 0 || store.Read(DeviceStorage.KeySlotB, probe, 0, 1) != 0;
        }
    }
}
