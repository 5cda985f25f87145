namespace EdgeSensor.Sdk.Occupancy;

/// <summary>
/// When the caller declares a device's area empty, for occupancy derived from entries − exits (reports that withhold
/// occupancy, i.e. person-level differential privacy). The derived figure sums the windows that start at or after
/// that instant; choose a time the place is known to be empty (a daily closing time), since every window summed adds
/// noise (σ grows as √(2n) cells) and any miscount since then stays in the figure.
/// </summary>
public abstract class OccupancyBaseline
{
    private OccupancyBaseline()
    {
    }

    /// <summary>Empty at the start of the first stored window of the device (the default).</summary>
    public static OccupancyBaseline FirstReport { get; } = new FirstReportBaseline();

    /// <summary>Empty at <paramref name="instant"/>.</summary>
    public static OccupancyBaseline At(DateTimeOffset instant) => new FixedBaseline(instant);

    /// <summary>Empty every day at <paramref name="closing"/> local time in <paramref name="zone"/> (UTC when null): the latest such instant at or before the device's latest window end.</summary>
    public static OccupancyBaseline Daily(TimeOnly closing, TimeZoneInfo? zone = null) => new DailyBaseline(closing, zone ?? TimeZoneInfo.Utc);

    /// <summary>The instant the area is declared empty, given the device's first window start and latest window end.</summary>
    public abstract DateTimeOffset EmptyAt(DateTimeOffset firstWindowStart, DateTimeOffset latestWindowEnd);

    private sealed class FirstReportBaseline : OccupancyBaseline
    {
        public override DateTimeOffset EmptyAt(DateTimeOffset firstWindowStart, DateTimeOffset latestWindowEnd) => firstWindowStart;
    }

    private sealed class FixedBaseline(DateTimeOffset instant) : OccupancyBaseline
    {
        public override DateTimeOffset EmptyAt(DateTimeOffset firstWindowStart, DateTimeOffset latestWindowEnd) => instant;
    }

    private sealed class DailyBaseline(TimeOnly closing, TimeZoneInfo zone) : OccupancyBaseline
    {
        public override DateTimeOffset EmptyAt(DateTimeOffset firstWindowStart, DateTimeOffset latestWindowEnd)
        {
            DateTimeOffset localEnd = TimeZoneInfo.ConvertTime(latestWindowEnd, zone);
            DateTime day = localEnd.Date;
            for (int back = 0; back < 3; back++)
            {
                DateTime local = day.AddDays(-back) + closing.ToTimeSpan();
                DateTimeOffset candidate = new(local, zone.GetUtcOffset(local));
                if (candidate <= latestWindowEnd)
                {
                    return candidate;
                }
            }

            return latestWindowEnd.AddDays(-1);
        }
    }
}
