using System.Diagnostics.CodeAnalysis;

namespace EdgeSensor.Sdk.Keys;

/// <summary>Looks provisioned devices up by id. Implementations must be safe for concurrent readers.</summary>
public interface IDeviceKeyStore
{
    /// <summary>Finds the device with <paramref name="deviceId"/>.</summary>
    /// <param name="deviceId">The device id from a report's clear header.</param>
    /// <param name="record">The device's record when found (active or revoked).</param>
    /// <returns><see langword="true"/> when the device is known.</returns>
    bool TryGetDevice(ulong deviceId, [NotNullWhen(true)] out DeviceRecord? record);
}
