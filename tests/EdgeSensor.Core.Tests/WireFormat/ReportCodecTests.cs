using EdgeSensor.Core.Reports;
using EdgeSensor.Core.WireFormat;

namespace EdgeSensor.Core.Tests.WireFormat;

[TestClass]
public sealed class ReportCodecTests
{
    [TestMethod]
    public void RoundTripsEveryField()
    {
        var report = new WindowReport
        {
            WindowStartUnixSeconds = 0x01020304,
            WindowLengthSeconds = 0x0506,
            Entries = 0x0708,
            Exits = 0x090a,
            OccupancyAtEnd = 0x0b0c,
            PeakOccupancy = 0x0d0e,
            PirActivityPermille = 999,
            SuppressedMask = 0x1F,
            DisclosureMode = DisclosureMode.DifferentialPrivacy,
            SuppressionThreshold = 0x1112,
            EpsilonMilli = 0x1314,
            PrivacyBudgetSpentMilli = 0x15161718,
            InvalidSamplePermille = 1000,
            CalibrationState = CalibrationState.PirOnly,
            RebootCount = 0x191a,
            FirmwareVersion = 0x00_1b1c1d,
        };
        byte[] body = new byte[ReportCodec.BodyLength + 2];
        ReportCodec.EncodeBody(report, body, 1);
        Assert.AreEqual("04030201", Convert.ToHexStringLower(body, 1, 4), "little-endian window start first");

        var decoded = new WindowReport();
        Assert.IsTrue(ReportCodec.TryDecodeBody(body, 1, ReportCodec.BodyLength, decoded));
        foreach (var property in typeof(WindowReport).GetProperties())
        {
            Assert.AreEqual(property.GetValue(report), property.GetValue(decoded), property.Name);
        }
    }

    [TestMethod]
    [DataRow(DisclosureMode.SmallCountSuppression, (ushort)0, (byte)0x3F)]
    [DataRow(DisclosureMode.PersonDifferentialPrivacy, (ushort)0x2122, (byte)0x3C)]
    public void ExtendedModesRoundTripWithTheContributionBoundAfterTheV1Fields(DisclosureMode mode, ushort bound, byte mask)
    {
        WindowReport report = Sealing.ReportSealerTests.Report();
        report.DisclosureMode = mode;
        report.ContributionBound = bound;
        report.SuppressedMask = mask;
        Assert.IsTrue(ReportCodec.IsEncodable(report));
        Assert.AreEqual(ReportHeader.ExtendedDisclosureFlag, ReportCodec.HeaderFlagsFor(mode));

        byte[] body = new byte[ReportCodec.ExtendedBodyLength + 1];
        Assert.AreEqual(37, ReportCodec.EncodeBody(report, body, 1));
        Assert.AreEqual((byte)bound, body[1 + 35], "contribution bound at body offset 35, little-endian");
        Assert.AreEqual((byte)(bound >> 8), body[1 + 36]);

        var decoded = new WindowReport();
        Assert.IsTrue(ReportCodec.TryDecodeBody(ReportHeader.ExtendedDisclosureFlag, body, 1, 37, decoded));
        foreach (var property in typeof(WindowReport).GetProperties())
        {
            Assert.AreEqual(property.GetValue(report), property.GetValue(decoded), property.Name);
        }

        Assert.IsFalse(ReportCodec.TryDecodeBody(ReportHeader.ExtendedDisclosureFlag, body, 1, 36, new WindowReport()), "flagged body of 36 bytes");
        Assert.IsFalse(ReportCodec.TryDecodeBody(0, body, 1, 37, new WindowReport()), "without the flag, v1 rules: bit 5 / mode 3 malformed");
    }

    [TestMethod]
    [DataRow(DisclosureMode.None)]
    [DataRow(DisclosureMode.DifferentialPrivacy)]
    public void ModesZeroAndTwoKeepTheV1BodyAndNoFlag(DisclosureMode mode)
    {
        WindowReport report = Sealing.ReportSealerTests.Report();
        report.DisclosureMode = mode;
        Assert.AreEqual((byte)0, ReportCodec.HeaderFlagsFor(mode));
        Assert.AreEqual(35, ReportCodec.EncodeBody(report, new byte[35], 0));
        report.SuppressedMask = SuppressedFields.Health;
        Assert.IsFalse(ReportCodec.IsEncodable(report), "the health bit needs the flag, which these modes never send");
    }

    [TestMethod]
    public void AFlaggedModeTwoReportDecodes()
    {
        WindowReport report = Sealing.ReportSealerTests.Report();
        report.DisclosureMode = DisclosureMode.DifferentialPrivacy;
        report.SuppressedMask = 0x3F;
        byte[] body = new byte[37];
        ReportCodec.EncodeBody(report, body, 0);
        var decoded = new WindowReport();
        Assert.IsTrue(ReportCodec.TryDecodeBody(ReportHeader.ExtendedDisclosureFlag, body, 0, 37, decoded));
        Assert.AreEqual(0x3F, decoded.SuppressedMask);
        Assert.AreEqual(0, decoded.ContributionBound);
    }

    [TestMethod]
    public void TheContributionBoundIsNonZeroInModeThreeAndZeroElsewhere()
    {
        WindowReport report = Sealing.ReportSealerTests.Report();
        report.DisclosureMode = DisclosureMode.PersonDifferentialPrivacy;
        report.ContributionBound = 0;
        Assert.IsFalse(ReportCodec.IsEncodable(report), "mode 3 without C");
        report.DisclosureMode = DisclosureMode.SmallCountSuppression;
        report.ContributionBound = 4;
        Assert.IsFalse(ReportCodec.IsEncodable(report), "C in mode 1");

        byte[] body = new byte[37];
        report.ContributionBound = 0;
        ReportCodec.EncodeBody(report, body, 0);
        body[35] = 4;
        Assert.IsFalse(ReportCodec.TryDecodeBody(ReportHeader.ExtendedDisclosureFlag, body, 0, 37, new WindowReport()));
    }

    [TestMethod]
    public void LongerBodiesAreReadUpToTheKnownFields()
    {
        WindowReport report = Sealing.ReportSealerTests.Report();
        report.DisclosureMode = DisclosureMode.PersonDifferentialPrivacy;
        report.ContributionBound = 4;
        byte[] body = new byte[40];
        ReportCodec.EncodeBody(report, body, 0);
        body[37] = 0xEE;
        var decoded = new WindowReport();
        Assert.IsTrue(ReportCodec.TryDecodeBody(ReportHeader.ExtendedDisclosureFlag, body, 0, 40, decoded));
        Assert.AreEqual(4, decoded.ContributionBound);
    }

    [TestMethod]
    public void EveryPropertyOfTheReportIsOnTheWire()
    {
        // 17 fields, 37 bytes with the extended-disclosure flag: adding a field to WindowReport without a
        // wire-format revision fails here.
        Assert.AreEqual(17, typeof(WindowReport).GetProperties().Length);
        Assert.AreEqual(35, ReportCodec.BodyLength);
        Assert.AreEqual(37, ReportCodec.ExtendedBodyLength);
    }

    [TestMethod]
    [DataRow("WindowLengthSeconds", 0)]
    [DataRow("PirActivityPermille", 1001)]
    [DataRow("InvalidSamplePermille", 1001)]
    [DataRow("SuppressedMask", 0x20)]
    [DataRow("DisclosureMode", 4)]
    [DataRow("CalibrationState", 4)]
    [DataRow("FirmwareVersion", 0x01000000)]
    public void OutOfRangeValuesAreNotEncodableAndDoNotDecode(string field, int value)
    {
        WindowReport report = Sealing.ReportSealerTests.Report();
        Assert.IsTrue(ReportCodec.IsEncodable(report));
        var property = typeof(WindowReport).GetProperty(field)!;
        Type type = property.PropertyType.IsEnum ? Enum.GetUnderlyingType(property.PropertyType) : property.PropertyType;
        object converted = Convert.ChangeType(value, type);
        property.SetValue(report, property.PropertyType.IsEnum ? Enum.ToObject(property.PropertyType, converted) : converted);
        Assert.IsFalse(ReportCodec.IsEncodable(report));

        byte[] body = new byte[ReportCodec.BodyLength];
        ReportCodec.EncodeBody(report, body, 0);
        var target = new WindowReport { Entries = 77 };
        Assert.IsFalse(ReportCodec.TryDecodeBody(body, 0, body.Length, target));
        Assert.AreEqual(77, target.Entries, "a failed decode leaves the target unchanged");
    }

    [TestMethod]
    public void ShortBodyDoesNotDecode()
    {
        Assert.IsFalse(ReportCodec.TryDecodeBody(new byte[34], 0, 34, new WindowReport()));
    }

    [TestMethod]
    public void ModeThreeWithoutTheFlagDoesNotDecode()
    {
        WindowReport report = Sealing.ReportSealerTests.Report();
        report.DisclosureMode = DisclosureMode.PersonDifferentialPrivacy;
        report.ContributionBound = 4;
        byte[] body = new byte[37];
        ReportCodec.EncodeBody(report, body, 0);
        Assert.IsFalse(ReportCodec.TryDecodeBody(body, 0, 37, new WindowReport()));
        Assert.IsTrue(ReportCodec.TryDecodeBody(ReportHeader.ExtendedDisclosureFlag, body, 0, 37, new WindowReport()));
    }
}
