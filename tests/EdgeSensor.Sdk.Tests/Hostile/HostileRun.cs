using System.Diagnostics;
using CsCheck;

namespace EdgeSensor.Sdk.Tests.Hostile;

/// <summary>
/// Runs one target of the hostile-input campaign: a fixed number of inputs drawn from a CsCheck generator with a
/// seeded PCG (so a run is repeatable, unlike <c>Check.Sample</c>, which seeds only its first case), each checked by a
/// property, while the worst time and allocation of one input are recorded. A failing case is reported with its
/// CsCheck seed: <c>gen.Sample(property, seed: "...", iter: 1)</c> replays it.
/// </summary>
internal static class HostileRun
{
    public static HostileReport Run<T>(string target, long shortRunShare, Gen<T> gen, Action<T> property, Func<T, string>? print = null)
    {
        long cases = HostileSettings.Cases(shortRunShare);
        var pcg = new PCG(Stream(target), HostileSettings.Seed);
        long worstTicks = 0;
        long worstBytes = 0;
        string worstTimeSeed = string.Empty;
        var total = Stopwatch.StartNew();
        for (long i = 0; i < cases; i++)
        {
            ulong state = pcg.State;
            T input = gen.Generate(pcg, null!, out _);
            long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            long started = Stopwatch.GetTimestamp();
            try
            {
                property(input);
            }
            catch (Exception ex)
            {
                string seed = pcg.ToString(state);
                string shown = print is null ? Check.Print(input) : print(input);
                throw new AssertFailedException(
                    $"{target}: case {i} failed (CsCheck seed {seed}): {Shorten(shown)}: {ex.GetType().Name}: {ex.Message}{Environment.NewLine}{Shrink(gen, property, seed, print)}",
                    ex);
            }

            long ticks = Stopwatch.GetTimestamp() - started;
            long bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
            if (ticks > worstTicks)
            {
                worstTicks = ticks;
                worstTimeSeed = pcg.ToString(state);
            }

            worstBytes = Math.Max(worstBytes, bytes);
        }

        var report = new HostileReport(target, cases, total.Elapsed, TimeSpan.FromSeconds((double)worstTicks / Stopwatch.Frequency), worstBytes, worstTimeSeed);
        Console.WriteLine(report);
        return report;
    }

    /// <summary>
    /// Continues from a failing case with CsCheck's shrinking (random search for a simpler input that still fails, started
    /// at the failing seed), bounded in time, so the report names the simplest failing input found as well as the first.
    /// </summary>
    private static string Shrink<T>(Gen<T> gen, Action<T> property, string seed, Func<T, string>? print)
    {
        try
        {
            gen.Sample(
                input =>
                {
                    try
                    {
                        property(input);
                        return true;
                    }
                    catch (Exception)
                    {
                        return false;
                    }
                },
                seed: seed,
                time: ShrinkSeconds,
                threads: 1,
                print: print);
        }
        catch (Exception shrunk)
        {
            return "shrunk: " + Shorten(shrunk.Message);
        }

        return "shrunk: the failing seed passed when replayed (the property depends on state outside its input)";
    }

    /// <summary>Shrinking budget in seconds: enough for CsCheck to simplify a failing input, short enough to report promptly.</summary>
    private const int ShrinkSeconds = 10;

    /// <summary>Each target draws from its own PCG stream, so adding a target leaves the others' cases unchanged.</summary>
    private static uint Stream(string target)
    {
        uint hash = 2166136261;
        foreach (char c in target)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "...";
}

/// <summary>What one target's run measured: the worst time and allocation of a single input, and where it was.</summary>
internal sealed record HostileReport(string Target, long Cases, TimeSpan Total, TimeSpan WorstTime, long WorstAllocatedBytes, string WorstTimeSeed)
{
    public override string ToString() =>
        FormattableString.Invariant($"hostile {Target}: {Cases} cases in {Total.TotalSeconds:0.0} s; worst input {WorstTime.TotalMilliseconds:0.###} ms (seed {WorstTimeSeed}), {WorstAllocatedBytes} B allocated");
}
