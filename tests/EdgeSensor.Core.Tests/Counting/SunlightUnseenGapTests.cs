using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// A floor beyond range (3.0 m in sunlight: nine floor readings in ten are signal fails) and a walker ranged once in each
/// zone as they pass: the two sides lie farther apart than the pair gap, with nothing but signal fails between them.
/// </summary>
[TestClass]
public sealed class SunlightUnseenGapTests
{
    private const int Mount = 3000;
    private const int Floor = 3050;
    private const int PeriodMs = 35;

    // The floor's valid readings, about 60 mm either side of it (a fixed pattern).
    private static readonly int[] FloorSpread = { -60, 48, -24, 72, -40, 16, 60, -68, 36, -12, 24, -48, 4, 52, -32, 8 };

    // Simulator, sunlight raster 3.0 m seed 1429 at 164.4 s (times from 162.9 s): an adult entering is ranged once in zone 0
    // (2542 mm at 578 ms, 4.6 floor sigmas deep) and once in zone 1 (2588 mm at 1033 ms), 455 ms later, every reading of
    // both zones in between a signal fail. Zone 0's side ended on its two fails 140 ms after its reading (nothing near), so
    // the sides lay 315 ms apart, past the 300 ms pair gap, and each was dropped for want of a partner. No ranged reading
    // saw the gap: zone 0 next ranged its floor at 1068 ms, after zone 1 saw the walker.
    private const string Crossing = @"
18 0 0 2; 53 1 0 2; 88 0 3184 0; 123 1 0 2; 158 0 0 2; 193 1 0 2; 228 0 0 2; 263 1 0 2; 298 0 0 2;
333 1 0 2; 368 0 0 2; 403 1 0 2; 438 0 0 2; 473 1 0 2; 508 0 0 2; 543 1 0 2; 578 0 2542 0;
613 1 0 2; 648 0 0 2; 683 1 0 2; 718 0 0 2; 753 1 0 2; 788 0 0 2; 823 1 0 2; 858 0 0 2; 893 1 0 2;
928 0 0 2; 963 1 0 2; 998 0 0 2; 1033 1 2588 0; 1068 0 2986 0; 1103 1 0 2; 1138 0 0 2; 1173 1 0 2;
1208 0 0 2; 1243 1 0 2; 1278 0 0 2; 1313 1 0 2; 1348 0 0 2; 1383 1 3015 0; 1418 0 0 2; 1453 1 0 2;
1488 0 0 2; 1523 1 3005 0; 1558 0 0 2; 1593 1 0 2; 1628 0 0 2; 1663 1 0 2; 1698 0 0 2; 1733 1 0 2;
1768 0 0 2; 1803 1 0 2; 1838 0 3104 0; 1873 1 0 2; 1908 0 0 2; 1943 1 0 2; 1978 0 0 2; 2013 1 0 2;
2048 0 0 2; 2083 1 0 2; 2118 0 0 2; 2153 1 0 2; 2188 0 0 2; 2223 1 0 2; 2258 0 0 2; 2293 1 0 2;
2328 0 0 2; 2363 1 0 2; 2398 0 3502 1; 2433 1 0 2; 2468 0 0 2; 2503 1 2964 0; 2538 0 0 2;
2573 1 0 2; 2608 0 0 2; 2643 1 0 2; 2678 0 0 2; 2713 1 0 2; 2748 0 0 2; 2783 1 0 2; 2818 0 0 2;
2853 1 0 2; 2888 0 3007 0; 2923 1 0 2; 2958 0 0 2; 2993 1 0 2";

    [TestMethod]
    public void Counter_SidesRangedOnceWithOnlySignalFailsBetween_AreOneCrossing()
    {
        var counter = new PeopleCounter(new CounterSettings { MountHeightMillimeters = Mount, InsideZone = 1, TimingBudgetMilliseconds = 33 });
        long t = FeedSunlitFloor(counter, PeriodMs, 60000);
        foreach ((int dt, int zone, int distance, int status) in RecordedReadings.Rows(Crossing))
        {
            counter.AddTofSample(t + dt, zone, distance, status);
        }

        t = FeedSunlitFloor(counter, t + 3000, 3000);
        counter.Tick(t);
        Assert.AreEqual(1, counter.Entries, CounterHarness.Describe(counter));
        Assert.AreEqual(0, counter.Exits, CounterHarness.Describe(counter));
    }

    // Both zones in turn, one reading each PeriodMs; each zone ranges its floor one reading in ten (the zones out of step).
    private static long FeedSunlitFloor(PeopleCounter counter, long t, long durationMs)
    {
        long end = t + durationMs;
        for (int i = 0; t < end; i++, t += PeriodMs)
        {
            int zone = i % 2;
            int reading = i / 2;
            bool ranged = (reading + (zone * 5)) % 10 == 9;
            counter.AddTofSample(t, zone, ranged ? Floor + FloorSpread[(reading / 10) % FloorSpread.Length] : 0, ranged ? 0 : 2);
        }

        return t;
    }
}
