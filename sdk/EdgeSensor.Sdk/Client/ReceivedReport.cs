using EdgeSensor.Sdk.Reports;

namespace EdgeSensor.Sdk.Client;

/// <summary>An authenticated report with where and when it arrived.</summary>
/// <param name="Report">The opened report.</param>
/// <param name="Site">The site from the key store (the topic agreed with it).</param>
/// <param name="ReceivedAt">When this consumer received it (UTC).</param>
public sealed record ReceivedReport(AggregateReport Report, string Site, DateTimeOffset ReceivedAt);
