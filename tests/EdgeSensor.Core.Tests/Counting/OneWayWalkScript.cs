namespace EdgeSensor.Core.Tests.Counting;

/// <summary>
/// A <see cref="CounterZoneScript"/> for a one-way flow from zone 0 into zone 1: the scene is written as zone 0's depths, one
/// per read cycle, and zone 1 reads what zone 0 read <c>lagCycles</c> cycles before (a queue walking on at one pace).
/// </summary>
internal sealed class OneWayWalkScript(int mountHeightMm, int sigmaMm, int halfPeriodMs, int lagCycles, int seed)
    : CounterZoneScript(mountHeightMm, mountHeightMm, sigmaMm, halfPeriodMs, seed)
{
    /// <summary>Plays zone 0's <paramref name="zone0"/> depths, and zone 1 the same ones late.</summary>
    public void Walk(List<int> zone0)
    {
        for (int i = 0; i < zone0.Count + lagCycles; i++)
        {
            int d0 = i < zone0.Count ? zone0[i] : 0;
            int d1 = i >= lagCycles ? zone0[i - lagCycles] : 0;
            Both(1, d1, d0);
        }
    }

    /// <summary>Appends <paramref name="cycles"/> readings <paramref name="depth"/> mm nearer than the floor.</summary>
    public static void Add(List<int> depths, int cycles, int depth)
    {
        for (int i = 0; i < cycles; i++)
        {
            depths.Add(depth);
        }
    }

    /// <summary>Appends a body: the readings of its way in, its head held for <paramref name="cycles"/>, its way out.</summary>
    public static void Add(List<int> depths, int[] rampIn, int head, int cycles, int[] rampOut)
    {
        depths.AddRange(rampIn);
        Add(depths, cycles, head);
        depths.AddRange(rampOut);
    }
}
