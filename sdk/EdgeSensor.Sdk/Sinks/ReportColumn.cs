using EdgeSensor.Sdk.Client;

namespace EdgeSensor.Sdk.Sinks;

/// <summary>One column of the <c>reports</c> table and how a report fills it.</summary>
internal sealed record ReportColumn(string Name, ReportColumnKind Kind, Func<ReceivedReport, object> Value);
