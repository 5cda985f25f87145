using System.Collections;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Sensors;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Scenarios;

/// <summary>
/// A scenario's trace generated as simulated time advances instead of whole: the ToF and PIR models sampled one row
/// at a time and merged with the ground truth in exactly the order <see cref="ScenarioRunner.Generate(ScenarioDefinition, ulong)"/>
/// sorts them (by time; for equal times ToF, then PIR, then truth). It is read through <see cref="Replay.TracePlayback"/> like a
/// whole trace: <see cref="FillThrough"/> makes every row up to a time readable and forgets the rows already played, so
/// memory holds one step's rows, not the run's (a whole trace is about 2.6 MB per device-hour).
/// </summary>
public sealed class StreamedTrace : IReadOnlyList<TraceRecord>
{
    private readonly TofSampleStream _tof;
    private readonly PirSampleStream _pir;
    private readonly SceneStream _scene;
    private readonly Func<SceneStream> _sceneFactory;
    private readonly PirSensorOptions _pirOptions;
    private readonly Func<Randomness.Rng> _pirRngFactory;
    private readonly List<TraceRecord> _window = new(64);
    private TraceRecord _tofHead;
    private TraceRecord _pirHead;
    private bool _hasTof;
    private bool _hasPir;

    /// <summary>Index (in the whole trace) of the first row still held.</summary>
    private int _offset;

    internal StreamedTrace(TraceMetadata metadata, Func<SceneStream> scene, TofSensorOptions tof, PirSensorOptions pir, Randomness.Rng tofRng,
        Func<Randomness.Rng> pirRng)
    {
        Metadata = metadata;
        _sceneFactory = scene;
        _scene = scene();
        _pirOptions = pir;
        _pirRngFactory = pirRng;
        _tof = new TofSampleStream(tof, _scene, tofRng);
        _pir = new PirSampleStream(pir, _scene, pirRng());
        _hasTof = _tof.TryNext(out _tofHead);
        _hasPir = _pir.TryNext(out _pirHead);
    }

    public TraceMetadata Metadata { get; }

    /// <summary>Rows generated so far (the whole trace's index space; only the held ones can be read).</summary>
    public int Count => _offset + _window.Count;

    /// <summary>Rows held in memory now.</summary>
    public int Held => _window.Count;

    /// <summary>True when every row has been generated.</summary>
    public bool Ended => !_hasTof && !_hasPir && !_scene.TryPeekTruth(out _);

    /// <summary>People of the scene held in memory now.</summary>
    public int PeopleHeld => _scene.Held;

    public TraceRecord this[int index] => _window[index - _offset];

    /// <summary>
    /// Generates every row up to and including <paramref name="untilMs"/>, after dropping those at or before
    /// <paramref name="playedThroughMs"/> (the playback has delivered them: rows are delivered by time).
    /// </summary>
    public void FillThrough(long untilMs, long playedThroughMs)
    {
        int played = 0;
        while (played < _window.Count && _window[played].TimeMs <= playedThroughMs)
        {
            played++;
        }

        if (played > 0)
        {
            _window.RemoveRange(0, played);
            _offset += played;
        }

        while (TryPeekTime(out long next) && next <= untilMs)
        {
            _window.Add(Take());
        }
    }

    /// <summary>The rows not yet read, generated one by one and held nowhere (reading consumes the stream).</summary>
    public IEnumerator<TraceRecord> GetEnumerator()
    {
        for (int i = _offset; i < Count; i++)
        {
            yield return this[i];
        }

        _offset += _window.Count;
        _window.Clear();
        while (TryPeekTime(out _))
        {
            _offset++;
            yield return Take();
        }
    }

    /// <summary>The PIR rows alone, from the start, generated as read (for emulated sensors that need the PIR level).</summary>
    public IEnumerable<TraceRecord> PirRows()
    {
        var pir = new PirSampleStream(_pirOptions, _sceneFactory(), _pirRngFactory());
        while (pir.TryNext(out TraceRecord row))
        {
            yield return row;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private bool TryPeekTime(out long timeMs)
    {
        timeMs = long.MaxValue;
        if (_hasTof)
        {
            timeMs = _tofHead.TimeMs;
        }

        if (_hasPir && _pirHead.TimeMs < timeMs)
        {
            timeMs = _pirHead.TimeMs;
        }

        if (_scene.TryPeekTruth(out TraceRecord truth) && truth.TimeMs < timeMs)
        {
            timeMs = truth.TimeMs;
        }

        return timeMs != long.MaxValue;
    }

    private TraceRecord Take()
    {
        // Ties go to the source that came first in the batch trace's concatenation: ToF, PIR, truth.
        long tof = _hasTof ? _tofHead.TimeMs : long.MaxValue;
        long pir = _hasPir ? _pirHead.TimeMs : long.MaxValue;
        long truth = _scene.TryPeekTruth(out TraceRecord head) ? head.TimeMs : long.MaxValue;
        TraceRecord row;
        if (_hasTof && tof <= pir && tof <= truth)
        {
            row = _tofHead;
            _hasTof = _tof.TryNext(out _tofHead);
        }
        else if (_hasPir && pir <= truth)
        {
            row = _pirHead;
            _hasPir = _pir.TryNext(out _pirHead);
        }
        else
        {
            row = _scene.TakeTruth();
        }

        return row;
    }
}
