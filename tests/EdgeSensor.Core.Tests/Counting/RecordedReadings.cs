using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// Readings recorded from a trace, as written into a scripted scene: rows of "time-ms zone distance-mm range-status"
/// separated by ';' (line breaks anywhere between fields).
/// </summary>
internal static class RecordedReadings
{
    public static IEnumerable<(int TimeMs, int Zone, int DistanceMm, int Status)> Rows(string readings)
    {
        foreach (string row in readings.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] f = row.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            yield return (int.Parse(f[0]), int.Parse(f[1]), int.Parse(f[2]), int.Parse(f[3]));
        }
    }

    /// <summary>
    /// Feeds every row to <paramref name="counter"/>; returns when its first entry, its first exit and its last exit were
    /// counted (-1: never).
    /// </summary>
    public static (int FirstEntryMs, int FirstExitMs, int LastExitMs) Play(PeopleCounter counter, string readings)
    {
        int firstEntry = -1;
        int firstExit = -1;
        int lastExit = -1;
        int exits = counter.Exits;
        foreach ((int t, int zone, int distance, int status) in Rows(readings))
        {
            counter.AddTofSample(t, zone, distance, status);
            firstEntry = firstEntry < 0 && counter.Entries > 0 ? t : firstEntry;
            firstExit = firstExit < 0 && counter.Exits > 0 ? t : firstExit;
            lastExit = counter.Exits > exits ? t : lastExit;
            exits = counter.Exits;
        }

        return (firstEntry, firstExit, lastExit);
    }

    /// <summary>
    /// A counter set up as the simulator's traces were recorded (zone 1 inside, 33 ms budget) at <paramref name="mountMm"/>,
    /// fed every row (<see cref="Play"/>) and then ticked to <paramref name="untilMs"/>, with its first entry and exit times
    /// and its last exit's (<paramref name="untilMs"/> when the tick counted one).
    /// </summary>
    public static (PeopleCounter Counter, int FirstEntryMs, int FirstExitMs, int LastExitMs) Replay(int mountMm, string readings, long untilMs)
    {
        var counter = new PeopleCounter(new CounterSettings { MountHeightMillimeters = mountMm, InsideZone = 1, TimingBudgetMilliseconds = 33 });
        (int firstEntry, int firstExit, int lastExit) = Play(counter, readings);
        int exits = counter.Exits;
        counter.Tick(untilMs);
        return (counter, firstEntry, firstExit, counter.Exits > exits ? (int)untilMs : lastExit);
    }

    /// <summary>
    /// Replays <paramref name="readings"/> (<see cref="Replay"/>) and asserts the entries and exits counted by
    /// <paramref name="untilMs"/>, describing the counter when they differ.
    /// </summary>
    public static void AssertCounted(int mountMm, string readings, long untilMs, int entries, int exits)
    {
        PeopleCounter counter = Replay(mountMm, readings, untilMs).Counter;
        Assert.AreEqual(entries, counter.Entries, CounterHarness.Describe(counter));
        Assert.AreEqual(exits, counter.Exits, CounterHarness.Describe(counter));
    }
}
