using EdgeSensor.Simulator.Accuracy;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Tests.Accuracy;

[TestClass]
public sealed class ZoneVisibilityTests
{
    // Zone 0 and zone 1 read a floor at 2500 mm, ±10 mm alternately (noise σ = 1.4826 × 10 mm), every 70 ms for 20 s;
    // one truth crossing at 10 s, with three zone-0 readings 150 mm nearer than the floor around it.
    private static List<TraceRecord> Scene(int dipReadings, long quietUntilMs = 0)
    {
        var records = new List<TraceRecord>();
        int i = 0;
        for (long t = quietUntilMs; t < 20_000; t += 70, i++)
        {
            int noise = i % 2 == 0 ? -10 : 10;
            bool dip = t >= 9_930 && t < 9_930 + dipReadings * 70;
            records.Add(new TraceRecord(t, TraceKind.Tof, 0, 2500 + noise - (dip ? 150 : 0), 0));
            records.Add(new TraceRecord(t + 35, TraceKind.Tof, 1, 2500 + noise, 0));
        }

        records.Add(new TraceRecord(10_000, TraceKind.Truth, 0, 1, 0));
        return records;
    }

    [TestMethod]
    public void ADipIsMeasuredInTheZonesOwnFloorNoise()
    {
        var visibility = new ZoneVisibility(Scene(dipReadings: 3));

        // 150 mm nearer, give or take the ±10 mm noise riding on the three readings, over σ = 14.8 mm.
        Assert.AreEqual(150.0 / 14.826, visibility.DipSigmas(0, 10_000)!.Value, 10.0 / 14.826);
        Assert.IsLessThan(0.5, visibility.DipSigmas(1, 10_000)!.Value, "zone 1 read only its floor noise");
    }

    [TestMethod]
    public void OneNearReadingIsNotADip()
    {
        // A single outlier is what noise does once in a while: it must not make the crossing look visible.
        var visibility = new ZoneVisibility(Scene(dipReadings: 1));

        Assert.IsLessThan(150.0 / 14.826 / 2, visibility.DipSigmas(0, 10_000)!.Value);
    }

    [TestMethod]
    public void AZoneWithoutAQuietFloorIsNotJudged()
    {
        // The trace begins 9 s in: no empty floor before the first person, so no noise to measure against.
        var visibility = new ZoneVisibility(Scene(dipReadings: 3, quietUntilMs: 9_000));

        Assert.IsNull(visibility.DipSigmas(0, 10_000));
    }
}
