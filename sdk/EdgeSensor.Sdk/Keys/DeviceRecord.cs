namespace EdgeSensor.Sdk.Keys;

/// <summary>What the SDK knows of one provisioned device.</summary>
/// <param name="DeviceId">The device's 64-bit id (text form: 16 lowercase hex digits).</param>
/// <param name="Site">The site the device belongs to (topic segment, e.g. <c>north-gate</c>).</param>
/// <param name="RootKey">The device's 256-bit root key; epoch keys are derived from it. Never log it.</param>
/// <param name="Status">Whether the device's reports are accepted.</param>
public sealed record DeviceRecord(ulong DeviceId, string Site, ReadOnlyMemory<byte> RootKey, DeviceStatus Status)
{
    /// <summary>Size of a root key in bytes.</summary>
    public const int RootKeySizeBytes = 32;

    /// <summary>The device id in its text form: 16 lowercase hex digits.</summary>
    public string DeviceIdText => DeviceId.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Prints the record without its key.</summary>
    public override string ToString() => $"DeviceRecord {{ DeviceId = {DeviceIdText}, Site = {Site}, Status = {Status} }}";
}
