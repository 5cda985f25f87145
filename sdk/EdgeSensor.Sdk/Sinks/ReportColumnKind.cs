namespace EdgeSensor.Sdk.Sinks;

/// <summary>What a column holds, mapped to each database's own type name.</summary>
internal enum ReportColumnKind
{
    /// <summary>A string.</summary>
    Text,

    /// <summary>Fits a signed 32-bit integer.</summary>
    Int32,

    /// <summary>Needs a signed 64-bit integer (a uint epoch, a ulong sequence stored two's complement, Unix times).</summary>
    Int64,

    /// <summary>A double.</summary>
    Real,
}
