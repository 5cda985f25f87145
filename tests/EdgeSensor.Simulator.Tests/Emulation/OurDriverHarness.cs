using EdgeSensor.Core.Drivers.Vl53l1x;
using EdgeSensor.Simulator.Emulation;
using EdgeSensor.Simulator.Scenes;

namespace EdgeSensor.Simulator.Tests.Emulation;

/// <summary>Our driver: <see cref="Vl53l1xZoneRanger"/> over <see cref="Vl53l1xSensor"/> over <see cref="I2cDeviceBus"/>,
/// polled once per simulated millisecond as the firmware's loop would.</summary>
internal sealed class OurDriverHarness(Scene scene, ulong seed) : RangingHarness(scene, seed)
{
    private Vl53l1xZoneRanger? _ranger;

    public override string Name => "ours";

    public Vl53l1xZoneRanger Ranger => _ranger ?? throw new InvalidOperationException("not started");

    public override void Start(RangingCase c)
    {
        _ranger = new Vl53l1xZoneRanger(new Vl53l1xSensor(new I2cDeviceBus(Emulator)), new ZoneRangerSettings
        {
            TimingBudgetMilliseconds = c.BudgetMs,
            RoiWidth = c.Width,
            RoiHeight = c.Height,
            Zone0RoiCenter = c.Centre0,
            Zone1RoiCenter = c.Centre1,
        });
        for (int i = 0; i < 1000 && _ranger.State != ZoneRangerState.Ranging; i++)
        {
            _ranger.TryRead((long)Clock.NowMilliseconds, out _, out _, out _);
            Clock.Advance(1);
        }

        Assert.AreEqual(ZoneRangerState.Ranging, _ranger.State, $"started ({_ranger.Failure})");
    }

    protected override bool TryRead(out Reading reading)
    {
        bool got = Ranger.TryRead((long)Clock.NowMilliseconds, out int zone, out int distance, out int status);
        reading = new Reading(zone, distance, status, Clock.NowMilliseconds);
        return got;
    }
}
