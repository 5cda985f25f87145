using EdgeSensor.Sdk.Reports;

namespace EdgeSensor.Sdk.Opening;

/// <summary>
/// Outcome of <see cref="ReportOpener.Open"/>: the opened report, or a typed rejection.
/// The header fields are filled in whenever the clear header could be parsed, accepted or not;
/// they are <em>unauthenticated</em> unless <see cref="Success"/> is <see langword="true"/>.
/// </summary>
public readonly struct OpenResult
{
    private OpenResult(AggregateReport? report, RejectionReason reason, ulong? deviceId, uint? epoch, ulong? sequence)
    {
        Report = report;
        Reason = reason;
        DeviceId = deviceId;
        Epoch = epoch;
        Sequence = sequence;
    }

    /// <summary><see langword="true"/> when the report was authenticated, fresh and well formed.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Report))]
    public bool Success => Reason == RejectionReason.None && Report is not null;

    /// <summary>The opened report when <see cref="Success"/>; otherwise <see langword="null"/>.</summary>
    public AggregateReport? Report { get; }

    /// <summary><see cref="RejectionReason.None"/> on success; otherwise why the payload was rejected.</summary>
    public RejectionReason Reason { get; }

    /// <summary>The device id from the clear header, when the header was long enough to carry one.</summary>
    public ulong? DeviceId { get; }

    /// <summary>The key epoch from the clear header, when the header was long enough to carry one.</summary>
    public uint? Epoch { get; }

    /// <summary>The sequence number from the clear header, when the header was long enough to carry one.</summary>
    public ulong? Sequence { get; }

    internal static OpenResult Accepted(AggregateReport report) =>
        new(report, RejectionReason.None, report.DeviceId, report.Epoch, report.Sequence);

    internal static OpenResult Rejected(RejectionReason reason) => new(null, reason, null, null, null);

    internal static OpenResult Rejected(RejectionReason reason, in ReportHeaderV1 header) =>
        new(null, reason, header.DeviceId, header.Epoch, header.Sequence);

    /// <summary>Describes the outcome without any report contents.</summary>
    public override string ToString() => Success
        ? $"Accepted {Report.DeviceIdText} epoch {Epoch} seq {Sequence}"
        : $"Rejected {Reason}";
}
