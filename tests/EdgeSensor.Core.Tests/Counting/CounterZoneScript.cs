using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// An <see cref="AlternatingZoneScript"/> played into a whole <see cref="PeopleCounter"/> (inside zone 1), ticked after
/// every pair of readings: the scripted scenes that assert what the engine counts.
/// </summary>
internal class CounterZoneScript(int mountHeightMm, int floorMm, int sigmaMm, int halfPeriodMs, int seed)
    : AlternatingZoneScript(floorMm, sigmaMm, halfPeriodMs, seed)
{
    public PeopleCounter Counter { get; } = new(new CounterSettings { MountHeightMillimeters = mountHeightMm, InsideZone = 1 });

    protected override int HeldFloor(int zone) => Counter.BaselineMillimeters(zone);

    protected override void Feed(int zone, long timeMs, int reading) => Counter.AddTofSample(timeMs, zone, reading, 0);

    protected override void FeedInvalid(int zone, long timeMs) => Counter.AddTofSample(timeMs, zone, 0, 2);

    protected override void AfterCycle(long timeMs) => Counter.Tick(timeMs);
}
