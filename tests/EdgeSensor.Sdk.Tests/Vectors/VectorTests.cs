using EdgeSensor.Sdk.Opening;
using EdgeSensor.Sdk.Reports;
using EdgeSensor.Sdk.Tests.TestSupport;

namespace EdgeSensor.Sdk.Tests.Vectors;

[TestClass]
public sealed class VectorTests
{
    [TestMethod]
    public void VectorFilesAreUpToDate()
    {
        var generated = VectorSet.Build().ToDictionary(v => v.Name);
        string? writeTo = Environment.GetEnvironmentVariable("EDGESENSOR_WRITE_VECTORS");
        if (!string.IsNullOrEmpty(writeTo))
        {
            Directory.CreateDirectory(writeTo);
            foreach (string stale in Directory.GetFiles(writeTo, "*.json"))
            {
                File.Delete(stale);
            }

            foreach (WireVector vector in generated.Values)
            {
                File.WriteAllText(Path.Combine(writeTo, vector.Name + ".json"), vector.ToJson());
            }

            return;
        }

        var committed = Directory.GetFiles(WireVector.Folder, "*.json").ToDictionary(p => Path.GetFileNameWithoutExtension(p), File.ReadAllText);
        CollectionAssert.AreEquivalent(generated.Keys.ToList(), committed.Keys.ToList());
        foreach (WireVector vector in generated.Values)
        {
            Assert.AreEqual(vector.ToJson(), committed[vector.Name], $"{vector.Name} differs from what the generator produces");
        }
    }

    [TestMethod]
    public void EveryVectorOpensAsExpected()
    {
        foreach (WireVector vector in WireVector.LoadAll())
        {
            var store = new InMemoryKeyStore().Add(vector.DeviceIdValue, vector.RootKeyBytes);
            using var opener = new ReportOpener(store);
            OpenResult result = opener.Open(vector.PayloadBytes);
            if (vector.Expect == "Accepted")
            {
                Assert.IsTrue(result.Success, $"{vector.Name}: {result.Reason}");
                AssertMatches(vector, result.Report);
            }
            else
            {
                Assert.AreEqual(Enum.Parse<RejectionReason>(vector.Expect), result.Reason, vector.Name);
                Assert.IsNull(result.Report);
            }
        }
    }

    [TestMethod]
    public void VectorKeysFollowTheDocumentedHierarchy()
    {
        foreach (WireVector vector in WireVector.LoadAll().Where(v => v.ChainKey is not null))
        {
            byte[] chain = new byte[32];
            EpochKeys.DeriveInitialChainKey(vector.RootKeyBytes, chain);
            byte[] next = new byte[32];
            for (uint e = 0; e < vector.Epoch; e++)
            {
                EpochKeys.Ratchet(chain, next);
                next.CopyTo(chain, 0);
            }

            byte[] aead = new byte[32];
            EpochKeys.DeriveAeadKey(chain, vector.Epoch!.Value, aead);
            Assert.AreEqual(vector.ChainKey, Convert.ToHexStringLower(chain), vector.Name);
            Assert.AreEqual(vector.AeadKey, Convert.ToHexStringLower(aead), vector.Name);
            Assert.AreEqual(vector.Aad, vector.Payload[..44], vector.Name);
            Assert.AreEqual(vector.Nonce, vector.Payload[20..44], vector.Name);
        }
    }

    internal static void AssertMatches(WireVector vector, AggregateReport report)
    {
        BodyValues expected = vector.Report!;
        Assert.AreEqual(vector.DeviceIdValue, report.DeviceId, vector.Name);
        Assert.AreEqual(vector.Epoch, report.Epoch, vector.Name);
        Assert.AreEqual(vector.Sequence, report.Sequence, vector.Name);
        Assert.AreEqual(DateTimeOffset.FromUnixTimeSeconds(expected.WindowStartUnixSeconds), report.WindowStart, vector.Name);
        Assert.AreEqual(TimeSpan.FromSeconds(expected.WindowLengthSeconds), report.WindowLength, vector.Name);
        Assert.AreEqual(expected.Entries, report.Entries, vector.Name);
        Assert.AreEqual(expected.Exits, report.Exits, vector.Name);
        Assert.AreEqual(expected.OccupancyAtEnd, report.OccupancyAtEnd, vector.Name);
        Assert.AreEqual(expected.PeakOccupancy, report.PeakOccupancy, vector.Name);
        Assert.AreEqual(expected.PirActivityPermille, report.PirActivityPermille, vector.Name);
        Assert.AreEqual((SuppressedCounters)expected.SuppressedMask, report.Suppressed, vector.Name);
        Assert.AreEqual((DisclosureMode)expected.DisclosureMode, report.DisclosureMode, vector.Name);
        Assert.AreEqual(expected.SuppressionThreshold, report.SuppressionThreshold, vector.Name);
        Assert.AreEqual(expected.EpsilonMilli / 1000.0, report.Epsilon, 1e-12, vector.Name);
        Assert.AreEqual(expected.PrivacyBudgetSpentMilli / 1000.0, report.PrivacyBudgetSpent, 1e-9, vector.Name);
        Assert.AreEqual(expected.InvalidSamplePermille, report.InvalidSamplePermille, vector.Name);
        Assert.AreEqual((CalibrationState)expected.CalibrationState, report.CalibrationState, vector.Name);
        Assert.AreEqual(expected.RebootCount, report.RebootCount, vector.Name);
        uint fw = expected.FirmwareVersion;
        Assert.AreEqual(new Version((int)(fw >> 16), (int)((fw >> 8) & 0xFF), (int)(fw & 0xFF)), report.FirmwareVersion, vector.Name);
        bool flagged = (vector.PayloadBytes[1] & 0x01) != 0;
        Assert.AreEqual(flagged, report.ExtendedDisclosure, vector.Name);
        Assert.AreEqual(flagged, expected.ContributionBound is not null, $"{vector.Name}: a flagged body has the contribution bound");
        Assert.AreEqual(expected.ContributionBound ?? 0, report.ContributionBound, vector.Name);
    }
}
