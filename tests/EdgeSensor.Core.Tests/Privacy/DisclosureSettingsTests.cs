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
    [DataRow((ushort)1, false)]
    [DataRow((ushort)2, true)]
    [DataRow((ushort)100, true)]
    [DataRow((ushort)101, false)]
    public void SuppressionThreshold_Range(ushort k, bool valid)
    {
        var settings = new DisclosureSettings { Mode = DisclosureMode.SmallCountSuppression, SuppressionThreshold = k };
        Assert.AreEqual(valid, settings.TryValidate(out string error), error);
        Assert.AreEqual(valid, error.Length == 0);
    }

    [TestMethod]
    [DataRow((ushort)9, (ushort)4, false)]
    [DataRow((ushort)10, (ushort)4, true)]
    [DataRow((ushort)10000, (ushort)4, true)]
    [DataRow((ushort)10001, (ushort)4, false)]
    [DataRow((ushort)1000, (ushort)0, false)]
    [DataRow((ushort)1000, (ushort)1, true)]
    [DataRow((ushort)1000, (ushort)100, true)]
    [DataRow((ushort)1000, (ushort)101, false)]
    public void PersonDifferentialPrivacy_Ranges(ushort epsilonMilli, ushort contributionBound, bool valid)
    {
        var settings = new DisclosureSettings
        {
            Mode = DisclosureMode.PersonDifferentialPrivacy,
            EpsilonMilli = epsilonMilli,
            ContributionBound = contributionBound,
        };
        Assert.AreEqual(valid, settings.TryValidate(out _));
    }

    [TestMethod]
    public void PersonDifferentialPrivacy_Defaults_AreEpsilonOneAndFourCrossings()
    {
        var settings = new DisclosureSettings { Mode = DisclosureMode.PersonDifferentialPrivacy };
        Assert.IsTrue(settings.TryValidate(out string error), error);
        Assert.AreEqual((ushort)1000, settings.EpsilonMilli);
        Assert.AreEqual((ushort)4, settings.ContributionBound);
    }

    [TestMethod]
    public void PerWindowDifferentialPrivacy_IsNoLongerConfigurable()
    {
        var settings = new DisclosureSettings { Mode = DisclosureMode.DifferentialPrivacy };
        Assert.IsFalse(settings.TryValidate(out string error));
        StringAssert.Contains(error, "PersonDifferentialPrivacy");
        Assert.ThrowsExactly<ArgumentException>(() => new DisclosureControl(settings, new SplitMix64Random(1)));
    }

    [TestMethod]
    public void UnknownMode_IsRejected()
    {
        var settings = new DisclosureSettings { Mode = (DisclosureMode)7 };
        Assert.IsFalse(settings.TryValidate(out _));
        Assert.ThrowsExactly<ArgumentException>(() => new DisclosureControl(settings, null));
    }

    [TestMethod]
    public void PersonDifferentialPrivacy_WithoutRandom_Throws()
    {
        var settings = new DisclosureSettings { Mode = DisclosureMode.PersonDifferentialPrivacy };
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
