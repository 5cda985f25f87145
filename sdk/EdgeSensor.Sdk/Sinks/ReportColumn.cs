using EdgeSensor.Sdk.Client;

namespace EdgeSensor.Sdk.Sinks;

/// <summary>
/// One column of the <c>reports</c> table and how a report fills it. <paramref name="AddedLater"/>: a column appended
/// by a later revision, which a table made before it lacks; it is created with DEFAULT 0 so it can be added to such a
/// table, and 0 is its value for the rows stored before (they all came from reports without it).
/// </summary>
internal sealed record ReportColumn(string Name, ReportColumnKind Kind, Func<ReceivedReport, object> Value, bool AddedLater = false);
