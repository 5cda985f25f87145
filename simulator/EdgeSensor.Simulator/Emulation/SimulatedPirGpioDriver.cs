using System.Device.Gpio;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Emulation;

/// <summary>
/// dotnet/iot's <see cref="GpioDriver"/> for one input pin wired to a simulated PIR module's output, so a real
/// <see cref="GpioController"/> — and bindings over it such as <c>Iot.Device.Hcsr501</c> — read the simulated level
/// and get its edges as pin-change callbacks. The output is the simulator's PIR physics (<c>PirSensorModel</c>):
/// its level changes as <c>pir</c> trace rows, replayed as the <see cref="SimulatedClock"/> advances.
/// </summary>
public sealed class SimulatedPirGpioDriver : GpioDriver
{
    private readonly SimulatedClock _clock;
    private readonly TraceRecord[] _edges;
    private readonly int _pin;
    private readonly object _gate = new();
    private readonly List<(PinEventTypes Types, PinChangeEventHandler Handler)> _callbacks = [];
    private int _next;
    private PinValue _level = PinValue.Low;
    private PinMode _mode = PinMode.Input;
    private long _edgeCount;

    /// <param name="clock">Simulated time; each advance replays the edges up to it.</param>
    /// <param name="pirRows">The PIR model's rows (time, level), in time order; other kinds are ignored.</param>
    /// <param name="pin">The pin number the PIR output is wired to.</param>
    public SimulatedPirGpioDriver(SimulatedClock clock, IEnumerable<TraceRecord> pirRows, int pin)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegative(pin);
        _clock = clock;
        _edges = pirRows.Where(r => r.Kind == TraceKind.Pir).ToArray();
        _pin = pin;
        clock.Advanced += OnAdvanced;
        OnAdvanced(clock.NowMilliseconds);
    }

    /// <summary>Edges (level changes) delivered so far.</summary>
    public long EdgeCount => Interlocked.Read(ref _edgeCount);

    protected override int PinCount => _pin + 1;

    protected override void OpenPin(int pinNumber)
    {
        CheckPin(pinNumber);
    }

    protected override void ClosePin(int pinNumber)
    {
        CheckPin(pinNumber);
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        CheckPin(pinNumber);
        if (!IsPinModeSupported(pinNumber, mode))
        {
            throw new InvalidOperationException($"Pin {pinNumber} is a PIR output: input modes only.");
        }

        _mode = mode;
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        CheckPin(pinNumber);
        return _mode;
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        pinNumber == _pin && mode is PinMode.Input or PinMode.InputPullDown or PinMode.InputPullUp;

    protected override PinValue Read(int pinNumber)
    {
        CheckPin(pinNumber);
        lock (_gate)
        {
            return _level;
        }
    }

    protected override void Write(int pinNumber, PinValue value) =>
        throw new InvalidOperationException($"Pin {pinNumber} is a PIR output and cannot be driven.");

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        CheckPin(pinNumber);
        using var fired = new ManualResetEventSlim();
        PinEventTypes seen = PinEventTypes.None;
        void Handler(object sender, PinValueChangedEventArgs e)
        {
            seen = e.ChangeType;
            fired.Set();
        }

        AddCallbackForPinValueChangedEvent(pinNumber, eventTypes, Handler);
        try
        {
            fired.Wait(cancellationToken);
            return new WaitForEventResult { EventTypes = seen, TimedOut = false };
        }
        catch (OperationCanceledException)
        {
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
        finally
        {
            RemoveCallbackForPinValueChangedEvent(pinNumber, Handler);
        }
    }

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        CheckPin(pinNumber);
        lock (_gate)
        {
            _callbacks.Add((eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        CheckPin(pinNumber);
        lock (_gate)
        {
            _callbacks.RemoveAll(c => c.Handler == callback);
        }
    }

    protected override void Dispose(bool disposing)
    {
        _clock.Advanced -= OnAdvanced;
        base.Dispose(disposing);
    }

    private void OnAdvanced(double now)
    {
        while (true)
        {
            (PinEventTypes Types, PinChangeEventHandler Handler)[] listeners;
            PinEventTypes change;
            lock (_gate)
            {
                if (_next >= _edges.Length || _edges[_next].TimeMs > now)
                {
                    return;
                }

                PinValue level = _edges[_next++].Value != 0 ? PinValue.High : PinValue.Low;
                if (level == _level)
                {
                    continue;
                }

                _level = level;
                change = level == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
                listeners = _callbacks.ToArray();
            }

            Interlocked.Increment(ref _edgeCount);
            foreach (var (types, handler) in listeners)
            {
                if ((types & change) != 0)
                {
                    handler(this, new PinValueChangedEventArgs(change, _pin));
                }
            }
        }
    }

    private void CheckPin(int pinNumber)
    {
        if (pinNumber != _pin)
        {
            throw new ArgumentException($"Only pin {_pin} (the PIR output) exists on this simulated board.", nameof(pinNumber));
        }
    }
}
