using Iot.Device.Vl53L1X;
using EdgeSensor.Simulator.Scenes;

namespace EdgeSensor.Simulator.Tests.Emulation;

/// <summary>
/// dotnet/iot's <c>Iot.Device.Vl53L1X</c> binding (Iot.Device.Bindings 4.2.0), written by others from ST's driver,
/// used as its README shows, with the emulator's GPIO1 interrupt line telling when to read (its own data-ready check
/// tests the whole status byte, so it does not wait). Zones alternate as ST's people-counting example does: the other
/// ROI centre is programmed before the read, whose interrupt clear starts the next range.
/// </summary>
internal sealed class IotBindingHarness(Scene scene, ulong seed) : RangingHarness(scene, seed)
{
    private Vl53L1X? _sensor;
    private RangingCase? _case;
    private int _zone;

    public override string Name => "dotnet-iot";

    public Vl53L1X Sensor => _sensor ?? throw new InvalidOperationException("not started");

    public override void Start(RangingCase c)
    {
        _case = c;
        Clock.Advance(2); // past the device's boot time
        _sensor = new Vl53L1X(Emulator, 500, false);
        _sensor.Precision = Precision.Long;
        _sensor.TimingBudgetInMs = c.BudgetMs switch
        {
            20 => TimingBudget.Budget20,
            33 => TimingBudget.Budget33,
            50 => TimingBudget.Budget50,
            100 => TimingBudget.Budget100,
            _ => throw new ArgumentOutOfRangeException(nameof(c)),
        };
        _sensor.InterMeasurementInMs = (ushort)(c.BudgetMs + 4);
        _sensor.Roi = new Roi((ushort)c.Width, (ushort)c.Height);
        _sensor.RoiCenter = (byte)c.Centre0;
        _zone = 0;
        _sensor.StartRanging();
    }

    protected override bool TryRead(out Reading reading)
    {
        reading = default;
        if (!Emulator.InterruptLine)
        {
            return false;
        }

        int measured = _zone;
        _zone = 1 - _zone;
        Sensor.RoiCenter = (byte)(_zone == 0 ? _case!.Centre0 : _case!.Centre1);
        int distance = (int)Math.Round(Sensor.GetDistance().Millimeters);
        int status = Sensor.RangeStatus switch
        {
            RangeStatus.NoError => 0,
            RangeStatus.SigmaFailure => 1,
            RangeStatus.SignalFailure => 2,
            RangeStatus.OutOfBounds => 4,
            RangeStatus.WrapAround => 7,
            var other => throw new AssertFailedException($"unexpected status {other}"),
        };
        reading = new Reading(measured, distance, status, Clock.NowMilliseconds);
        return true;
    }
}
