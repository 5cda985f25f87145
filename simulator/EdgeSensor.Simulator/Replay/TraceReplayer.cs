using EdgeSensor.Core.Counting;
using EdgeSensor.Core.Reports;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Replay;

/// <summary>
/// Runs a trace's sensor rows through the firmware's counting engine (<see cref="PeopleCounter"/>, the same code the
/// device runs) through <see cref="TracePlayback"/>, the one trace-to-engine loop. Truth rows are only tallied.
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

    /// <summary>
    /// The engine settings a trace's metadata implies (what its device was configured with), the engine's defaults
    /// for what the metadata leaves out; the one mapping from a trace to <see cref="CounterSettings"/>.
    /// </summary>
    public static CounterSettings SettingsFor(TraceMetadata metadata)
    {
        if (!TryCreateSettings(metadata, new ReplayOptions(), out CounterSettings settings, out string error))
        {
            throw new ArgumentException($"engine settings rejected: {error}");
        }

        return settings;
    }

    public static ReplayResult Run(Trace trace, ReplayOptions options)
    {
        if (!TryCreateSettings(trace.Metadata, options, out CounterSettings settings, out string error))
        {
            throw new ArgumentException($"engine settings rejected: {error}");
        }

        var engine = new EngineSink(new PeopleCounter(settings), options.IgnoreTof);
        var playback = new TracePlayback(trace.Records, options.TickMs);
        long last = trace.Records.Count == 0 ? 0 : trace.Records[^1].TimeMs;

        // Every row, then a tick after the last one lets a crossing that completes on the final samples (or a
        // pending timeout) settle.
        playback.AdvanceTo(last + options.TickMs, engine);
        PeopleCounter counter = engine.Counter;
        return new ReplayResult
        {
            Entries = counter.Entries,
            Exits = counter.Exits,
            TruthEntries = playback.TruthEntries,
            TruthExits = playback.TruthExits,
            Occupancy = counter.Occupancy,
            TofRows = playback.TofRows,
            InvalidTofRows = playback.InvalidTofRows,
            PirRows = playback.PirRows,
            TruthRows = playback.TruthRows,
            DurationMs = last,
            Calibration = counter.CalibrationState.ToString(),
            Crossings = engine.Crossings,
        };
    }

    /// <summary>The bare engine as the sink; crossings are read from its counters, so one completed by a tick is seen too.</summary>
    private sealed class EngineSink(PeopleCounter counter, bool ignoreTof) : ITraceSink
    {
        private int _entries;
        private int _exits;

        public PeopleCounter Counter { get; } = counter;

        public List<CountedCrossing> Crossings { get; } = [];

        public void OnTof(in TraceRecord row)
        {
            if (!ignoreTof)
            {
                Counter.AddTofSample(row.TimeMs, row.Channel, row.Value, row.Status);
            }

            Collect(row.TimeMs);
        }

        public void OnPir(in TraceRecord row)
        {
            Counter.AddPirSample(row.TimeMs, row.Channel, row.Value);
            Collect(row.TimeMs);
        }

        public void OnTick(long timeMs)
        {
            Counter.Tick(timeMs);
            Collect(timeMs);
        }

        private void Collect(long timeMs)
        {
            while (_entries < Counter.Entries)
            {
                _entries++;
                Crossings.Add(new CountedCrossing(timeMs, 1));
            }

            while (_exits < Counter.Exits)
            {
                _exits++;
                Crossings.Add(new CountedCrossing(timeMs, -1));
            }
        }
    }
}
