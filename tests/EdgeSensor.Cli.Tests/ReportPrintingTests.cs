using EdgeSensor.Cli.Commands;
using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Sdk.KeyStore;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Reports;

namespace EdgeSensor.Cli.Tests;

/// <summary>What <c>open</c> and <c>tail</c> print of the extended-disclosure fields.</summary>
[TestClass]
public sealed class ReportPrintingTests
{
    [TestMethod]
    public async Task Open_PrintsThePersonLevelFields()
    {
        using var cli = new CliHarness();
        DeviceRecord device;
        using (var store = FileDeviceKeyStore.Create(cli.KeyStorePath, cli.Secret))
        {
            device = store.Provision("north-gate");
        }

        // Mode 3 as a device sends it: occupancy, peak, PIR and health withheld (0x3C), C = 4.
        byte[] payload = TestSealer.Seal(device.RootKey.Span, device.DeviceId, 0, 7, DateTimeOffset.FromUnixTimeSeconds(1_700_000_100), windowSeconds: 900,
            entries: 14, exits: 11, occupancy: 0, peak: 0, disclosure: 3, epsilonMilli: 1000, suppressed: 0x3C, contributionBound: 4);
        Assert.AreEqual(75, payload.Length);
        var (code, output) = await cli.RunAsync("open", "--hex", Convert.ToHexString(payload), "--keystore", cli.KeyStorePath);
        Assert.AreEqual(ExitCodes.Success, code, output);
        Assert.Contains("0x01 (extended disclosure)", output);
        Assert.Contains("14 / 11", output);
        Assert.Contains("– / –", output, "withheld occupancy and peak are not printed as 0");
        Assert.Contains("PersonDifferentialPrivacy", output);
        Assert.Contains("per person per budget period, C 4 crossings per person", output);
        Assert.Contains("noise sd 5.6 per counter", output, "α = e^−1/4");
        Assert.Contains("calibration and invalid samples withheld", output);
    }

    [TestMethod]
    public void Tail_PrivacyColumnNamesTheModeAndItsParameters()
    {
        static AggregateReport Report(DisclosureMode mode, double epsilon, int bound, int k, bool extended) => new()
        {
            DeviceId = 1, Epoch = 0, Sequence = 0, WindowStart = DateTimeOffset.UnixEpoch, WindowLength = TimeSpan.FromMinutes(15),
            Entries = 0, Exits = 0, OccupancyAtEnd = 0, PeakOccupancy = 0, PirActivityPermille = 0, Suppressed = SuppressedCounters.Entries,
            DisclosureMode = mode, SuppressionThreshold = k, Epsilon = epsilon, PrivacyBudgetSpent = epsilon, InvalidSamplePermille = 0,
            CalibrationState = CalibrationState.Calibrated, RebootCount = 0, FirmwareVersion = new Version(0, 2, 0),
            ContributionBound = bound, ExtendedDisclosure = extended,
        };

        Assert.AreEqual("ε=1/person C=4", ReportText.Privacy(Report(DisclosureMode.PersonDifferentialPrivacy, 1, 4, 0, true)));
        Assert.AreEqual("budget exhausted C=4", ReportText.Privacy(Report(DisclosureMode.PersonDifferentialPrivacy, 0, 4, 0, true)));
        Assert.AreEqual("ε=0.5/window", ReportText.Privacy(Report(DisclosureMode.DifferentialPrivacy, 0.5, 0, 0, false)));
        Assert.AreEqual("k=5", ReportText.Privacy(Report(DisclosureMode.SmallCountSuppression, 0, 0, 5, true)));
        Assert.Contains("0..k−1 or complementary", ReportText.Disclosure(Report(DisclosureMode.SmallCountSuppression, 0, 0, 5, true)));
        Assert.Contains("1..k−1", ReportText.Disclosure(Report(DisclosureMode.SmallCountSuppression, 0, 0, 5, false)));
        Assert.AreEqual("–", ReportText.Counter(Report(DisclosureMode.SmallCountSuppression, 0, 0, 5, true), 0, SuppressedCounters.Entries));
    }
}
