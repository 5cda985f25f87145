namespace EdgeSensor.Sdk.Opening;

/// <summary>Settings of a <see cref="ReportOpener"/>. The defaults suit the documented epoch policy (docs/security.md).</summary>
public sealed class ReportOpenerOptions
{
    /// <summary>Default <see cref="ReplayWindowSize"/>: 1024 sequence numbers.</summary>
    public const int DefaultReplayWindowSize = 1024;

    /// <summary>Default <see cref="MaxEpochStep"/>: 3660 epochs, ten years of daily epochs.</summary>
    public const uint DefaultMaxEpochStep = 3660;

    /// <summary>
    /// How many sequence numbers below the highest accepted one (per device and epoch) are still accepted
    /// once each, for reports that arrive late or out of order. A multiple of 64, 64..65536.
    /// </summary>
    public int ReplayWindowSize { get; init; } = DefaultReplayWindowSize;

    /// <summary>
    /// How far a report's epoch may be ahead of the device's latest accepted epoch (or of epoch 0 for a device
    /// not seen yet). Bounds the key-ratchet walk an unauthenticated header can trigger; beyond it the report
    /// is rejected with <see cref="RejectionReason.EpochTooFarAhead"/>. 1..1,000,000.
    /// </summary>
    public uint MaxEpochStep { get; init; } = DefaultMaxEpochStep;

    internal void Validate()
    {
        if (ReplayWindowSize < 64 || ReplayWindowSize > 65536 || ReplayWindowSize % 64 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ReplayWindowSize), ReplayWindowSize, "Must be a multiple of 64 in 64..65536.");
        }

        if (MaxEpochStep < 1 || MaxEpochStep > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxEpochStep), MaxEpochStep, "Must be in 1..1,000,000.");
        }
    }
}
