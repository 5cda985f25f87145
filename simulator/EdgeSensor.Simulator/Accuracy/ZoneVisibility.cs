using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Accuracy;

/// <summary>
/// How visible a moment of a trace was to each ToF zone, judged from the readings alone (as any engine would have to):
/// the deepest mean of <see cref="RunLength"/> consecutive valid readings nearer than the zone's floor within
/// ±<see cref="WindowMs"/>, in units of that zone's floor noise. The floor and its noise come from the zone's valid
/// readings before the first person (<see cref="QuietLeadMs"/> before the first truth crossing): their median, and
/// 1.4826 × their median absolute deviation (a standard deviation that a few outlier readings do not inflate).
/// A miss under 2 in both zones was hardly there to be seen; one at 5 and more in both was lost by the engine.
/// </summary>
public sealed class ZoneVisibility
{
    /// <summary>Half the window around a truth crossing (ms): a slow walker passes both zones within it.</summary>
    public const long WindowMs = 1200;

    /// <summary>How long before the first truth crossing the quiet floor is taken to end (ms): people approach before they cross.</summary>
    public const long QuietLeadMs = 2500;

    /// <summary>Readings averaged: one reading's noise alone reaches 2.5σ about once in 35 readings, three together rarely.</summary>
    public const int RunLength = 3;

    /// <summary>Fewer quiet readings than this give no floor to measure against.</summary>
    private const int MinQuietReadings = 10;

    private readonly List<TraceRecord>[] _readings = [[], []];
    private readonly double[] _floorMm = new double[2];
    private readonly double[] _sigmaMm = new double[2];
    private readonly bool[] _measured = new bool[2];

    public ZoneVisibility(IReadOnlyList<TraceRecord> records)
    {
        long firstTruth = long.MaxValue;
        foreach (TraceRecord r in records)
        {
            if (r.Kind == TraceKind.Truth)
            {
                firstTruth = Math.Min(firstTruth, r.TimeMs);
            }
            else if (r.Kind == TraceKind.Tof && r.Status == 0 && r.Channel is 0 or 1)
            {
                _readings[r.Channel].Add(r);
            }
        }

        for (int zone = 0; zone < 2; zone++)
        {
            double[] quiet = [.. _readings[zone].Where(r => r.TimeMs < firstTruth - QuietLeadMs).Select(r => (double)r.Value)];
            if (quiet.Length < MinQuietReadings)
            {
                continue;
            }

            _floorMm[zone] = Median(quiet);
            double floor = _floorMm[zone];
            // At least 1 mm: a noiseless simulated floor would otherwise divide by zero.
            _sigmaMm[zone] = Math.Max(1.0, 1.4826 * Median([.. quiet.Select(v => Math.Abs(v - floor))]));
            _measured[zone] = true;
        }
    }

    /// <summary>
    /// The deepest dip of <paramref name="zone"/> around <paramref name="timeMs"/> in floor-noise units (0 when nothing
    /// read nearer than the floor), or null when the zone has no quiet floor to measure against.
    /// </summary>
    public double? DipSigmas(int zone, long timeMs)
    {
        if (!_measured[zone])
        {
            return null;
        }

        double[] near = [.. _readings[zone].Where(r => Math.Abs(r.TimeMs - timeMs) <= WindowMs).Select(r => _floorMm[zone] - r.Value)];
        double deepest = 0;
        for (int i = 0; i + RunLength <= near.Length; i++)
        {
            deepest = Math.Max(deepest, near.Skip(i).Take(RunLength).Average());
        }

        return deepest / _sigmaMm[zone];
    }

    private static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
