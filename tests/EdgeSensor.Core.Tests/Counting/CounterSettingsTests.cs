using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

[TestClass]
public sealed class CounterSettingsTests
{
    [TestMethod]
    public void Defaults_AreValid()
    {
        var s = new CounterSettings();
        Assert.IsTrue(s.TryValidate(out string error), error);
        Assert.AreEqual(2400, s.MountHeightMillimeters);
        Assert.AreEqual(1, s.InsideZone);
        Assert.AreEqual(33, s.TimingBudgetMilliseconds);
        Assert.IsTrue(s.TofFitted);
    }

    [TestMethod]
    [DataRow(nameof(CounterSettings.MountHeightMillimeters), 1999)]
    [DataRow(nameof(CounterSettings.MountHeightMillimeters), 3501)]
    [DataRow(nameof(CounterSettings.InsideZone), 2)]
    [DataRow(nameof(CounterSettings.InsideZone), -1)]
    [DataRow(nameof(CounterSettings.TimingBudgetMilliseconds), 14)]
    [DataRow(nameof(CounterSettings.PirHoldMilliseconds), -1)]
    [DataRow(nameof(CounterSettings.EmptyResetMilliseconds), 5000)]
    [DataRow(nameof(CounterSettings.CalibrationSamples), 7)]
    [DataRow(nameof(CounterSettings.CalibrationSamples), 65)]
    [DataRow(nameof(CounterSettings.MinEnterDeltaMillimeters), 99)]
    [DataRow(nameof(CounterSettings.SplitDepthMillimeters), 49)]
    [DataRow(nameof(CounterSettings.MinPersonHeightMillimeters), 99)]
    [DataRow(nameof(CounterSettings.MaxPersonHeightMillimeters), 3001)]
    [DataRow(nameof(CounterSettings.MaxPairGapMilliseconds), 2001)]
    [DataRow(nameof(CounterSettings.InvalidHoldMilliseconds), 99)]
    [DataRow(nameof(CounterSettings.StaticAbsorbMilliseconds), 4999)]
    [DataRow(nameof(CounterSettings.RebaselineMilliseconds), 499)]
    [DataRow(nameof(CounterSettings.DoorFlatnessMillimeters), 5)]
    [DataRow(nameof(CounterSettings.DoorBandFarMillimeters), 100)]
    [DataRow(nameof(CounterSettings.MedianWindow), 2)]
    public void OutOfRange_IsRejectedNamingTheSetting(string name, int value)
    {
        var s = new CounterSettings();
        typeof(CounterSettings).GetProperty(name)!.SetValue(s, value);
        if (name == nameof(CounterSettings.DoorBandFarMillimeters))
        {
            s.DoorBandNearMillimeters = 200; // far (100) below near
        }

        Assert.IsFalse(s.TryValidate(out string error));
        StringAssert.Contains(error, name.Substring(0, 8));
        var ex = Assert.ThrowsExactly<ArgumentException>(() => new PeopleCounter(s));
        StringAssert.Contains(ex.Message, name.Substring(0, 8));
    }

    [TestMethod]
    [DataRow(2000)]
    [DataRow(3500)]
    public void MountHeight_Bounds_AreAccepted(int mount)
    {
        Assert.IsTrue(new CounterSettings { MountHeightMillimeters = mount }.TryValidate(out _));
    }

    [TestMethod]
    public void EmptyReset_ZeroDisables_IsValid()
    {
        Assert.IsTrue(new CounterSettings { EmptyResetMilliseconds = 0 }.TryValidate(out _));
    }

    [TestMethod]
    public void Constructor_NullSettings_Throws()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => new PeopleCounter(null!));
    }

    [TestMethod]
    public void Settings_AreCopied_LaterChangesHaveNoEffect()
    {
        var s = new CounterSettings { InsideZone = 1 };
        var counter = new PeopleCounter(s);
        s.InsideZone = 0;
        var scene = new SceneGenerator();
        scene.Walk(SceneGenerator.Adult(), 3000, -2500, 2500, 1.3);
        CounterHarness.Feed(counter, scene.Run(9000, 1));
        counter.Tick(9400);
        Assert.AreEqual(1, counter.Entries);
    }

    [TestMethod]
    [DataRow(-1)]
    [DataRow(2)]
    public void AddTofSample_BadZone_Throws(int zone)
    {
        var counter = new PeopleCounter(new CounterSettings());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => counter.AddTofSample(0, zone, 2400, 0));
    }
}
