using EdgeSensor.Core.Privacy;
using EdgeSensor.Core.Reports;

namespace EdgeSensor.Core.Tests.Privacy;

[TestClass]
public sealed class DisclosureSettingsTests
{
    [TestMethod]
    public void Defaults_Validate()
    {
        var settings = new DisclosureSettings();
        Assert.IsTrue(settings.TryValidate(out string error), error);
        Assert.AreEqual(DisclosureMode.SmallCountSuppression, settings.Mode);
    }

    [TestMethod]
    [DataRow((ushort)0, false)]
    [DataRow((ushort)1, true)]
    [DataRow((ushort)100, true)]
    [DataRow((ushort)101, false)]
    public void SuppressionThreshold_Range(ushort k, bool valid)
    {
        var settings = new DisclosureSettings { Mode = DisclosureMode.SmallCountSuppression, SuppressionThreshold = k };
        Assert.AreEqual(valid, settings.TryValidate(out string error), error);
        Assert.AreEqual(valid, error.Length == 0);
    }

    [TestMethod]
    [DataRow((ushort)9, 100000u, false)]
    [DataRow((ushort)10, 100000u, true)]
    [DataRow((ushort)10000, 100000u, true)]
    [DataRow((ushort)10001, 100000u, false)]
    [DataRow((ushort)1000, 999u, false)]
    [DataRow((ushort)1000, 1000u, true)]
    [DataRow((ushort)1000, 100000001u, false)]
    public void DifferentialPrivacy_Ranges(ushort epsilonMilli, uint dailyBudgetMilli, bool valid)
    {
        var settings = new DisclosureSettings
        {
            Mode = DisclosureMode.DifferentialPrivacy,
            EpsilonMilli = epsilonMilli,
            DailyBudgetMilli = dailyBudgetMilli,
        };
        Assert.AreEqual(valid, settings.TryValidate(out _));
    }

    [TestMethod]
    public void UnknownMode_IsRejected()
    {
        var settings = new DisclosureSettings { Mode = (DisclosureMode)7 };
        Assert.IsFalse(settings.TryValidate(out _));
        Assert.ThrowsExactly<ArgumentException>(() => new DisclosureControl(settings, null));
    }

    [TestMethod]
    public void DifferentialPrivacy_WithoutRandom_Throws()
    {
        var settings = new DisclosureSettings { Mode = DisclosureMode.DifferentialPrivacy };
        Assert.ThrowsExactly<ArgumentNullException>(() => new DisclosureControl(settings, null));
    }
}

[TestClass]
public sealed class DisclosureSettingsCopyTests
{
    [TestMethod]
    public void Control_CopiesSettings_LaterChangesHaveNoEffect()
    {
        var settings = new DisclosureSettings { Mode = DisclosureMode.SmallCountSuppression, SuppressionThreshold = 3 };
        var control = new DisclosureControl(settings, null);
        settings.SuppressionThreshold = 50;
        settings.Mode = DisclosureMode.None;

        var report = new EdgeSensor.Core.Reports.WindowReport { OccupancyAtEnd = 10, PeakOccupancy = 10 };
        control.Apply(report);
        Assert.AreEqual(DisclosureMode.SmallCountSuppression, report.DisclosureMode);
        Assert.AreEqual((ushort)3, report.SuppressionThreshold);
        Assert.AreEqual((ushort)10, report.OccupancyAtEnd, "k = 3, not 50");
    }
}
