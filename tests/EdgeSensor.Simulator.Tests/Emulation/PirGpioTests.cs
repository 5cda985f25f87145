using System.Device.Gpio;
using EdgeSensor.Simulator.Emulation;
using EdgeSensor.Simulator.Randomness;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Sensors;
using EdgeSensor.Simulator.Tests.Physics;
using EdgeSensor.Simulator.Traces;
using Iot.Device.Hcsr501;

namespace EdgeSensor.Simulator.Tests.Emulation;

/// <summary>The simulated PIR output behind a real <see cref="GpioController"/>: a plain input and dotnet/iot's
/// HC-SR501 binding both see the PIR physics' output.</summary>
[TestClass]
public sealed class PirGpioTests
{
    private const int Pin = 27;

    [TestMethod]
    public void PlainInput_ReadsThePirModelsLevel_AtEveryMoment()
    {
        List<TraceRecord> rows = PirRows(out _);
        var clock = new SimulatedClock();
        using var controller = new GpioController(new SimulatedPirGpioDriver(clock, rows, Pin));
        controller.OpenPin(Pin, PinMode.Input);
        int checkedHigh = 0;
        for (int t = 0; t <= 20_000; t += 50)
        {
            clock.AdvanceTo(t);
            int expected = rows.Last(r => r.TimeMs <= t).Value;
            Assert.AreEqual(expected == 1 ? PinValue.High : PinValue.Low, controller.Read(Pin), $"t = {t} ms");
            checkedHigh += expected;
        }

        Assert.IsGreaterThan(10, checkedHigh, "the walk raised the output for a while");
        Assert.ThrowsExactly<InvalidOperationException>(() => controller.SetPinMode(Pin, PinMode.Output));
    }

    [TestMethod]
    public void Hcsr501Binding_GetsTheEdges_AndReadsMotion()
    {
        List<TraceRecord> rows = PirRows(out _);
        var clock = new SimulatedClock();
        using var controller = new GpioController(new SimulatedPirGpioDriver(clock, rows, Pin));
        using var pir = new Hcsr501(Pin, controller, shouldDispose: false);
        var edges = new List<(double TimeMs, bool High)>();
        pir.Hcsr501ValueChanged += (_, e) => edges.Add((clock.NowMilliseconds, e.PinValue == PinValue.High));

        bool sawMotion = false;
        for (int t = 0; t <= 20_000; t += 50)
        {
            clock.AdvanceTo(t);
            sawMotion |= pir.IsMotionDetected;
        }

        var expected = rows.Skip(1).Select(r => ((double)((r.TimeMs + 49) / 50 * 50), r.Value == 1)).ToList();
        CollectionAssert.AreEqual(expected, edges, "one event per PIR level change, when the clock passes it");
        Assert.IsTrue(sawMotion);
    }

    // A walk under the sensor after the PIR's warm-up, no false triggers: rows from the simulator's PIR physics.
    private static List<TraceRecord> PirRows(out Scene scene)
    {
        scene = TestScenes.Of(20_000, TestScenes.Walking(1, TestScenes.Block(1700), -3000, 3000, 10_000, 15_000));
        var rows = new List<TraceRecord>();
        new PirSensorModel(new PirSensorOptions { FalseTriggersPerHour = 0, WarmUpMs = 0 }).Sample(scene, new Rng(1), rows);
        return rows;
    }
}
