using EdgeSensor.Core.Counting;
using EdgeSensor.Core.Reports;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Replay;

/// <summary>
/// Runs a trace's sensor rows through the firmware's counting engine (<see cref="PeopleCounter"/>, the same code the
/// device runs) in time order, ticking it as the firmware loop does. Truth rows are only tallied, never fed to the engine.
/// </summary>
public static class TraceReplayer
{
    /// <summary>Builds the engine settings from the trace metadata and the overrides; false with a message when invalid.</summary>
    public static bool TryCreateSettings(TraceMetadata metadata, ReplayOptions options, out CounterSettings settings, out string error)
    {
        settings = new CounterSettings
        {
            MountHeightMillimeters = options.MountHeightMillimeters ?? metadata.MountHeightMillimeters,
            InsideZone = options.InsideZone ?? metadata.InsideZone,
            TimingBudgetMilliseconds = options.TimingBudgetMs ?? metadata.TimingBudgetMs,
            TofFitted = !options.IgnoreTof,
        };
        if (metadata.PirHoldMs is int hold)
        {
            settings.PirHoldMilliseconds = hold;
        }

        return settings.TryValidate(out error);
    }

    public static ReplayResult Run(Trace trace, ReplayOptions options)
    {
        if (!TryCreateSettings(trace.Metadata, options, out CounterSettings settings, out string error))
        {
            throw new ArgumentException($"engine settings rejected: {error}");
        }

        var counter = new PeopleCounter(settings);
        var crossings = new List<CountedCrossing>();
        int tofRows = 0, invalidTof = 0, pirRows = 0, truthRows = 0, truthEntries = 0, truthExits = 0;
        int entries = 0, exits = 0;
        long nextTick = 0, last = 0;
        foreach (TraceRecord r in trace.Records)
        {
            while (nextTick <= r.TimeMs)
            {
                counter.Tick(nextTick);
                Collect(counter, nextTick, ref entries, ref exits, crossings);
                nextTick += options.TickMs;
            }

            last = r.TimeMs;
            switch (r.Kind)
            {
                case TraceKind.Tof:
                    tofRows++;
                    invalidTof += r.Status != 0 ? 1 : 0;
                    if (!options.IgnoreTof)
                    {
                        counter.AddTofSample(r.TimeMs, r.Channel, r.Value, r.Status);
                    }

                    break;
                case TraceKind.Pir:
                    pirRows++;
                    counter.AddPirSample(r.TimeMs, r.Channel, r.Value);
                    break;
                case TraceKind.Truth:
                    truthRows++;
                    truthEntries += r.Value > 0 ? 1 : 0;
                    truthExits += r.Value < 0 ? 1 : 0;
                    break;
            }

            Collect(counter, r.TimeMs, ref entries, ref exits, crossings);
        }

        // A last tick lets a crossing that completes on the final samples (or a pending timeout) settle.
        counter.Tick(last + options.TickMs);
        Collect(counter, last + options.TickMs, ref entries, ref exits, crossings);
        return new ReplayResult
        {
            Entries = counter.Entries,
            Exits = counter.Exits,
            TruthEntries = truthEntries,
            TruthExits = truthExits,
            Occupancy = counter.Occupancy,
            TofRows = tofRows,
            InvalidTofRows = invalidTof,
            PirRows = pirRows,
            TruthRows = truthRows,
            DurationMs = last,
            Calibration = counter.CalibrationState.ToString(),
            Crossings = crossings,
        };
    }

    // Crossings are read from the counters rather than return values, so a count completed by Tick is seen too.
    private static void Collect(PeopleCounter counter, long timeMs, ref int entries, ref int exits, List<CountedCrossing> crossings)
    {
        while (entries < counter.Entries)
        {
            entries++;
            crossings.Add(new CountedCrossing(timeMs, 1));
        }

        while (exits < counter.Exits)
        {
            exits++;
            crossings.Add(new CountedCrossing(timeMs, -1));
        }
    }
}
