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
    public void EveryPropertyOfTheReportIsOnTheWire()
    {
        // 16 fields, 35 bytes: adding a field to WindowReport without a wire-format revision fails here.
        Assert.AreEqual(16, typeof(WindowReport).GetProperties().Length);
        Assert.AreEqual(35, ReportCodec.BodyLength);
    }

    [TestMethod]
    [DataRow("WindowLengthSeconds", 0)]
    [DataRow("PirActivityPermille", 1001)]
    [DataRow("InvalidSamplePermille", 1001)]
    [DataRow("SuppressedMask", 0x20)]
    [DataRow("DisclosureMode", 3)]
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
}
