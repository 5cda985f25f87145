using EdgeSensor.Core.Keys;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Storage;
using EdgeSensor.Sdk.Opening;
using EdgeSensor.Sdk.Tests.TestSupport;
using CoreDisclosureMode = EdgeSensor.Core.Reports.DisclosureMode;
using SdkDisclosureMode = EdgeSensor.Sdk.Reports.DisclosureMode;

namespace EdgeSensor.Sdk.Tests;

/// <summary>The firmware core seals, the SDK opens: the two independent implementations agree.</summary>
[TestClass]
public sealed class InteropTests
{
    private const ulong Device = 0xa1b2c3d4e5f60718;
    private const uint Day = 20782;
    private static readonly byte[] s_root = Enumerable.Range(50, 32).Select(i => (byte)i).ToArray();

    [TestMethod]
    public void CoreSealedReportsOpenInTheSdkAcrossEpochsAndReboots()
    {
        var store = new InMemoryNonVolatileStore(4, 64);
        Assert.IsTrue(new EpochKeyRatchet(store, 0, 1).TryProvision(s_root, 0, Day));
        using var opener = new ReportOpener(new InMemoryKeyStore().Add(Device, s_root));
        byte[] output = new byte[ReportSealer.SealedLength];
        var report = new WindowReport();
        uint lastEpoch = 0;
        for (int boot = 0; boot < 5; boot++)
        {
            var ratchet = new EpochKeyRatchet(store, 0, 1);
            Assert.IsTrue(ratchet.TryLoad());
            var sealer = new ReportSealer(Device, ratchet, new SequenceReservation(store, 2, 3, 16)) { MaxReportsPerEpoch = 9 };
            for (int i = 0; i < 20; i++)
            {
                Fill(report, boot, i);
                Assert.AreEqual(ReportSealer.SealedLength, sealer.Seal(report, output, 0));
                OpenResult result = opener.Open(output);
                Assert.IsTrue(result.Success, $"boot {boot} report {i}: {result.Reason}");
                Assert.AreEqual(Device, result.Report.DeviceId);
                Assert.AreEqual(report.Entries, result.Report.Entries);
                Assert.AreEqual(report.Exits, result.Report.Exits);
                Assert.AreEqual(report.PeakOccupancy, result.Report.PeakOccupancy);
                Assert.AreEqual(DateTimeOffset.FromUnixTimeSeconds(report.WindowStartUnixSeconds), result.Report.WindowStart);
                Assert.AreEqual(SdkDisclosureMode.DifferentialPrivacy, result.Report.DisclosureMode);
                Assert.AreEqual(report.EpsilonMilli / 1000.0, result.Report.Epsilon);
                Assert.AreEqual(new Version(1, 2, 3), result.Report.FirmwareVersion);
                Assert.IsTrue(result.Report.Epoch >= lastEpoch);
                lastEpoch = result.Report.Epoch;

                Assert.AreEqual(RejectionReason.Replayed, opener.Open(output).Reason);
            }
        }

        Assert.IsTrue(lastEpoch >= 10, $"epochs advanced to {lastEpoch}");
    }

    [TestMethod]
    public void EveryCoreSealedByteFlipIsRejectedByTheSdk()
    {
        var store = new InMemoryNonVolatileStore(4, 64);
        var ratchet = new EpochKeyRatchet(store, 0, 1);
        Assert.IsTrue(ratchet.TryProvision(s_root, 0, Day));
        var sealer = new ReportSealer(Device, ratchet, new SequenceReservation(store, 2, 3, 16));
        var report = new WindowReport();
        Fill(report, 0, 0);
        byte[] output = new byte[ReportSealer.SealedLength];
        sealer.Seal(report, output, 0);
        using var opener = new ReportOpener(new InMemoryKeyStore().Add(Device, s_root));
        for (int i = 0; i < output.Length; i++)
        {
            byte[] tampered = (byte[])output.Clone();
            tampered[i] ^= 0x04;
            Assert.IsFalse(opener.Open(tampered).Success, $"byte {i}");
        }

        Assert.IsTrue(opener.Open(output).Success);
    }

    private static void Fill(WindowReport report, int boot, int i)
    {
        report.Clear();
        report.WindowStartUnixSeconds = (Day + (uint)boot) * 86400 + (uint)i * 300;
        report.WindowLengthSeconds = 300;
        report.Entries = (ushort)(boot * 100 + i);
        report.Exits = (ushort)i;
        report.PeakOccupancy = (ushort)(i + 3);
        report.DisclosureMode = CoreDisclosureMode.DifferentialPrivacy;
        report.EpsilonMilli = 750;
        report.CalibrationState = CalibrationState.Calibrated;
        report.FirmwareVersion = 0x010203;
    }
}
