using EdgeSensor.Sdk.Opening;

namespace EdgeSensor.Sdk.Diagnostics;

/// <summary>Stable metric tag values for rejection reasons.</summary>
internal static class RejectionTags
{
    public static string For(RejectionReason reason) => reason switch
    {
        RejectionReason.None => "none",
        RejectionReason.Malformed => "malformed",
        RejectionReason.UnsupportedVersion => "unsupported_version",
        RejectionReason.UnknownDevice => "unknown_device",
        RejectionReason.DeviceRevoked => "device_revoked",
        RejectionReason.EpochRolledBack => "epoch_rolled_back",
        RejectionReason.EpochTooFarAhead => "epoch_too_far_ahead",
        RejectionReason.AuthenticationFailed => "authentication_failed",
        RejectionReason.Replayed => "replayed",
        _ => "other",
    };
}
