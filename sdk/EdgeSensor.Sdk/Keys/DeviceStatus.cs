namespace EdgeSensor.Sdk.Keys;

/// <summary>Whether reports from a device are accepted.</summary>
public enum DeviceStatus
{
    /// <summary>The device is provisioned and its reports are opened.</summary>
    Active = 0,

    /// <summary>The device was revoked; its reports are rejected.</summary>
    Revoked = 1,
}
