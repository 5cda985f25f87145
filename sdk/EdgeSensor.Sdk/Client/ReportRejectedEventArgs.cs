using EdgeSensor.Sdk.Opening;

using EdgeSensor.Sdk.Diagnostics;

namespace EdgeSensor.Sdk.Client;

/// <summary>A payload the client refused; the stream goes on.</summary>
public sealed class ReportRejectedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    public ReportRejectedEventArgs(string topic, RejectionReason reason, bool topicMismatch, ulong? deviceId, uint? epoch, ulong? sequence)
    {
        Topic = topic;
        Reason = reason;
        TopicMismatch = topicMismatch;
        DeviceId = deviceId;
        Epoch = epoch;
        Sequence = sequence;
    }

    /// <summary>The topic the payload arrived on.</summary>
    public string Topic { get; }

    /// <summary>Why the opener rejected it; <see cref="RejectionReason.None"/> when <see cref="TopicMismatch"/>.</summary>
    public RejectionReason Reason { get; }

    /// <summary>
    /// The report was authentic but arrived on another device's or site's topic (a broker ACL
    /// problem or a misconfigured device); it is not delivered.
    /// </summary>
    public bool TopicMismatch { get; }

    /// <summary>Device id from the clear header when it could be read (unauthenticated unless <see cref="TopicMismatch"/>).</summary>
    public ulong? DeviceId { get; }

    /// <summary>Key epoch from the clear header when it could be read.</summary>
    public uint? Epoch { get; }

    /// <summary>Sequence number from the clear header when it could be read.</summary>
    public ulong? Sequence { get; }

    /// <summary>The metric tag value: the reason in snake case, or <c>topic_mismatch</c>.</summary>
    public string ReasonTag => TopicMismatch ? "topic_mismatch" : RejectionTags.For(Reason);
}
