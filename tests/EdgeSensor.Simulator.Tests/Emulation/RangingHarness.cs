using EdgeSensor.Simulator.Emulation;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Sensors;

namespace EdgeSensor.Simulator.Tests.Emulation;

/// <summary>One reading as a harness hands it out: which zone, what the driver read, when (simulated ms).</summary>
internal readonly record struct Reading(int Zone, int DistanceMillimeters, int Status, double TimeMs);

/// <summary>What every driver under test is asked to do against the emulator: set up two ROI zones with a budget,
/// then hand out readings one at a time, alternating zones, as the simulated clock advances in 1 ms steps.</summary>
internal abstract class RangingHarness
{
    protected RangingHarness(Scene scene, ulong seed)
    {
        Clock = new SimulatedClock();
        Emulator = new Vl53l1xEmulator(scene, new TofSensorOptions { MissingSampleProbability = 0 }, seed, Clock);
    }

    public SimulatedClock Clock { get; }

    public Vl53l1xEmulator Emulator { get; }

    public abstract string Name { get; }

    public abstract void Start(RangingCase c);

    /// <summary>The next reading; fails the test if none comes within a second of simulated time.</summary>
    public Reading Next()
    {
        for (int i = 0; i < 1000; i++)
        {
            Clock.Advance(1);
            if (TryRead(out Reading reading))
            {
                return reading;
            }
        }

        throw new AssertFailedException($"{Name}: no reading within 1 s of simulated time");
    }

    protected abstract bool TryRead(out Reading reading);

    public static RangingHarness Create(string name, Scene scene, ulong seed) => name switch
    {
        "ours" => new OurDriverHarness(scene, seed),
        "dotnet-iot" => new IotBindingHarness(scene, seed),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
