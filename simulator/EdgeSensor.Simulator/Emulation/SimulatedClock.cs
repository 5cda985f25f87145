namespace EdgeSensor.Simulator.Emulation;

/// <summary>
/// Simulated time shared by the emulated devices of one virtual board: it moves only when the owner advances it,
/// so drivers, emulators and the scene agree on "now" and a run is reproducible. Listeners (the PIR line) hear
/// every advance.
/// </summary>
public sealed class SimulatedClock
{
    /// <summary>Milliseconds since the scene's start.</summary>
    public double NowMilliseconds { get; private set; }

    /// <summary>Raised after each advance with the new time.</summary>
    public event Action<double>? Advanced;

    /// <summary>Moves time forward to <paramref name="milliseconds"/>; moving backwards is a caller's mistake.</summary>
    public void AdvanceTo(double milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(milliseconds, NowMilliseconds);
        NowMilliseconds = milliseconds;
        Advanced?.Invoke(milliseconds);
    }

    public void Advance(double milliseconds) => AdvanceTo(NowMilliseconds + milliseconds);
}
