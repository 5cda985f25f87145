using System.Device.Gpio;
using EdgeSensor.Core.Device;
using EdgeSensor.Core.Drivers.Vl53l1x;
using EdgeSensor.Simulator.Emulation;
using EdgeSensor.Simulator.Scenarios;
using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Sensors;
using EdgeSensor.Simulator.Traces;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// A virtual device's sensors as the board has them: the firmware's VL53L1X driver (<see cref="Vl53l1xZoneRanger"/>)
/// on an I²C bus to an emulated sensor looking at the scene, and the PIR output on a GPIO input read through a
/// <see cref="GpioController"/>. The loop polls both every simulated millisecond (as an interrupt-driven firmware
/// would notice data ready) and hands readings to the <see cref="SensorNode"/> as they come.
/// </summary>
internal sealed class DriverSensorFeed : IDisposable
{
    private const int PirPin = 4;

    private readonly SimulatedClock _clock = new();
    private readonly Vl53l1xZoneRanger _ranger;
    private readonly GpioController _gpio;
    private long _nowMs;
    private int _pirLevel = -1;

    public DriverSensorFeed(Scene scene, ScenarioDefinition scenario, ulong seed, IEnumerable<TraceRecord> pirRows)
    {
        var emulator = new Vl53l1xEmulator(scene, new TofSensorOptions { Ambient = scenario.Ambient }, seed, _clock);
        var settings = new ZoneRangerSettings
        {
            TimingBudgetMilliseconds = scenario.TimingBudgetMs,
            // The trace path's pace: one zone every budget + 2 ms (TofSensorOptions.OverheadMs).
            InterMeasurementMilliseconds = scenario.TimingBudgetMs + new TofSensorOptions().OverheadMs,
        };
        if (!Vl53l1xSensor.IsSupportedTimingBudget(settings.DistanceMode, settings.TimingBudgetMilliseconds))
        {
            throw new FleetException($"timing budget {scenario.TimingBudgetMs} ms is not one the VL53L1X supports in long mode");
        }

        _ranger = new Vl53l1xZoneRanger(new Vl53l1xSensor(new I2cDeviceBus(emulator)), settings);
        _gpio = new GpioController(new SimulatedPirGpioDriver(_clock, pirRows, PirPin));
        _gpio.OpenPin(PirPin, PinMode.Input);
    }

    /// <summary>Readings that carried an invalid range status (bus errors included).</summary>
    public long InvalidTofReadings { get; private set; }

    public long TofReadings { get; private set; }

    /// <summary>Runs the sensor loop up to and including <paramref name="untilMs"/>.</summary>
    public void RunUntil(long untilMs, SensorNode node)
    {
        for (; _nowMs <= untilMs; _nowMs++)
        {
            _clock.AdvanceTo(_nowMs);
            if (_ranger.TryRead(_nowMs, out int zone, out int distance, out int status))
            {
                TofReadings++;
                InvalidTofReadings += status == 0 ? 0 : 1;
                node.OnTofSample(_nowMs, zone, distance, status);
            }

            int level = _gpio.Read(PirPin) == PinValue.High ? 1 : 0;
            if (level != _pirLevel)
            {
                _pirLevel = level;
                node.OnPirSample(_nowMs, 0, level);
            }
        }

        if (_ranger.State == ZoneRangerState.Failed)
        {
            throw new FleetException($"the VL53L1X driver failed against the emulator: {_ranger.Failure}");
        }
    }

    public void Dispose() => _gpio.Dispose();
}
