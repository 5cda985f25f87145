namespace EdgeSensor.Sdk.Opening;

/// <summary>Why <see cref="ReportOpener.Open"/> rejected a payload. <see cref="None"/> means it was accepted.</summary>
public enum RejectionReason
{
    /// <summary>The report was accepted.</summary>
    None = 0,

    /// <summary>The payload is not a well-formed report: too short, too long, or its authenticated body is out of range.</summary>
    Malformed = 1,

    /// <summary>The format version (or a critical flag) is one this SDK does not implement.</summary>
    UnsupportedVersion = 2,

    /// <summary>The header names a device the key store does not know.</summary>
    UnknownDevice = 3,

    /// <summary>The device is known but revoked.</summary>
    DeviceRevoked = 4,

    /// <summary>The report's key epoch is older than the epochs still accepted for the device.</summary>
    EpochRolledBack = 5,

    /// <summary>The report's key epoch is further ahead than <see cref="ReportOpenerOptions.MaxEpochStep"/> allows.</summary>
    EpochTooFarAhead = 6,

    /// <summary>The AEAD tag did not verify: the report was forged, corrupted, or sealed with another key.</summary>
    AuthenticationFailed = 7,

    /// <summary>The report was already accepted, or is older than the replay window.</summary>
    Replayed = 8,
}
