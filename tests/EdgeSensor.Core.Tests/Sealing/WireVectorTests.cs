using System.Text.Json;
using EdgeSensor.Core.Crypto;
using EdgeSensor.Core.Reports;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Storage;
using EdgeSensor.Core.Tests.Keys;
using EdgeSensor.Core.WireFormat;

namespace EdgeSensor.Core.Tests.Sealing;

/// <summary>The core against tests/vectors/wire-v1: same keys, same body bytes, same sealed payload, and it opens them.</summary>
[TestClass]
public sealed class WireVectorTests
{
    private static readonly string s_folder = Path.Combine(AppContext.BaseDirectory, "vectors", "wire-v1");

    [TestMethod]
    public void CoreDerivesTheVectorKeys()
    {
        foreach (JsonElement v in Positive())
        {
            byte[] root = Hex(v, "rootKey");
            uint epoch = v.GetProperty("epoch").GetUInt32();
            byte[] chain = KeyWalk.ChainKeyAt(root, epoch);
            byte[] aead = KeyWalk.AeadKeyAt(root, epoch);
            Assert.AreEqual(v.GetProperty("chainKey").GetString(), Convert.ToHexStringLower(chain), Name(v));
            Assert.AreEqual(v.GetProperty("aeadKey").GetString(), Convert.ToHexStringLower(aead), Name(v));
        }
    }

    [TestMethod]
    public void CoreSealsExactlyTheVectorPayloads()
    {
        int sealedCount = 0;
        foreach (JsonElement v in Positive().Where(v => v.GetProperty("coreCanSeal").GetBoolean()))
        {
            WindowReport report = ReadReport(v.GetProperty("report"));
            byte[] body = new byte[ReportCodec.BodyLengthFor(report.DisclosureMode)];
            Assert.AreEqual(body.Length, ReportCodec.EncodeBody(report, body, 0), Name(v));
            Assert.AreEqual(v.GetProperty("body").GetString(), Convert.ToHexStringLower(body), Name(v));

            var store = new InMemoryNonVolatileStore(4, 64);
            SealingHarness.Provision(store, Hex(v, "rootKey"), v.GetProperty("epoch").GetUInt32(), report.WindowStartUnixSeconds / 86400);
            SealingHarness.SetNextSequence(store, v.GetProperty("sequence").GetUInt64());
            ReportSealer sealer = SealingHarness.Boot(store, Convert.ToUInt64(v.GetProperty("deviceId").GetString(), 16));

            int length = ReportSealer.SealedLengthFor(report.DisclosureMode);
            byte[] output = new byte[length + 3];
            Assert.AreEqual(length, sealer.Seal(report, output, 3), Name(v));
            Assert.AreEqual(v.GetProperty("payload").GetString(), Convert.ToHexStringLower(output.AsSpan(3)), Name(v));
            sealedCount++;
        }

        Assert.IsTrue(sealedCount >= 5, "01, 02, 04 and the flagged 07 and 08 at least");
    }

    [TestMethod]
    public void CoreOpensTheVectorsItShouldAndRejectsTamperedOnes()
    {
        var aead = new ChaCha20Poly1305Aead();
        foreach (string path in Directory.GetFiles(s_folder, "*.json"))
        {
            JsonElement v = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
            string expect = v.GetProperty("expect").GetString()!;
            if (expect != "Accepted" && expect != "AuthenticationFailed")
            {
                continue;
            }

            byte[] payload = Hex(v, "payload");
            uint epoch = BitConverter.ToUInt32(payload, ReportHeader.EpochOffset);
            byte[] key = KeyWalk.AeadKeyAt(Hex(v, "rootKey"), epoch);
            byte[] body = new byte[payload.Length - ReportHeader.Length - ReportHeader.TagLength];
            bool opened = aead.TryOpen(key, 0, payload, ReportHeader.NonceOffset, payload, 0, ReportHeader.Length, payload, ReportHeader.Length, payload.Length - ReportHeader.Length, body, 0);
            Assert.AreEqual(expect == "Accepted", opened, Name(v));
            if (opened)
            {
                var decoded = new WindowReport();
                Assert.IsTrue(ReportCodec.TryDecodeBody(payload[ReportHeader.FlagsOffset], body, 0, body.Length, decoded), Name(v));
                WindowReport expected = ReadReport(v.GetProperty("report"));
                Assert.AreEqual(expected.Entries, decoded.Entries, Name(v));
                Assert.AreEqual(expected.FirmwareVersion, decoded.FirmwareVersion, Name(v));
                Assert.AreEqual(expected.PrivacyBudgetSpentMilli, decoded.PrivacyBudgetSpentMilli, Name(v));
                Assert.AreEqual(expected.CalibrationState, decoded.CalibrationState, Name(v));
                Assert.AreEqual(expected.SuppressedMask, decoded.SuppressedMask, Name(v));
                Assert.AreEqual(expected.DisclosureMode, decoded.DisclosureMode, Name(v));
                Assert.AreEqual(expected.ContributionBound, decoded.ContributionBound, Name(v));
            }
        }
    }

    [TestMethod]
    public void CoreDecoderRejectsTheAuthenticMalformedVectors()
    {
        var aead = new ChaCha20Poly1305Aead();
        int checkedCount = 0;
        foreach (string path in Directory.GetFiles(s_folder, "*.json"))
        {
            JsonElement v = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
            byte[] payload = Hex(v, "payload");
            if (v.GetProperty("expect").GetString() != "Malformed" || payload.Length < ReportHeader.Length + ReportHeader.TagLength)
            {
                continue;
            }

            byte[] key = KeyWalk.AeadKeyAt(Hex(v, "rootKey"), BitConverter.ToUInt32(payload, ReportHeader.EpochOffset));
            byte[] body = new byte[payload.Length - ReportHeader.Length - ReportHeader.TagLength];
            if (!aead.TryOpen(key, 0, payload, ReportHeader.NonceOffset, payload, 0, ReportHeader.Length, payload, ReportHeader.Length, payload.Length - ReportHeader.Length, body, 0))
            {
                continue;
            }

            Assert.IsFalse(ReportCodec.TryDecodeBody(payload[ReportHeader.FlagsOffset], body, 0, body.Length, new WindowReport()), Name(v));
            checkedCount++;
        }

        Assert.IsTrue(checkedCount >= 5, "19, 22, 23, 24 and 25 are authentic but malformed");
    }

    internal static WindowReport ReadReport(JsonElement r) => new()
    {
        WindowStartUnixSeconds = r.GetProperty("windowStartUnixSeconds").GetUInt32(),
        WindowLengthSeconds = r.GetProperty("windowLengthSeconds").GetUInt16(),
        Entries = r.GetProperty("entries").GetUInt16(),
        Exits = r.GetProperty("exits").GetUInt16(),
        OccupancyAtEnd = r.GetProperty("occupancyAtEnd").GetUInt16(),
        PeakOccupancy = r.GetProperty("peakOccupancy").GetUInt16(),
        PirActivityPermille = r.GetProperty("pirActivityPermille").GetUInt16(),
        SuppressedMask = r.GetProperty("suppressedMask").GetByte(),
        DisclosureMode = (DisclosureMode)r.GetProperty("disclosureMode").GetByte(),
        SuppressionThreshold = r.GetProperty("suppressionThreshold").GetUInt16(),
        EpsilonMilli = r.GetProperty("epsilonMilli").GetUInt16(),
        PrivacyBudgetSpentMilli = r.GetProperty("privacyBudgetSpentMilli").GetUInt32(),
        InvalidSamplePermille = r.GetProperty("invalidSamplePermille").GetUInt16(),
        CalibrationState = (CalibrationState)r.GetProperty("calibrationState").GetByte(),
        RebootCount = r.GetProperty("rebootCount").GetUInt16(),
        FirmwareVersion = r.GetProperty("firmwareVersion").GetUInt32(),
        ContributionBound = r.TryGetProperty("contributionBound", out JsonElement bound) ? bound.GetUInt16() : (ushort)0,
    };


    private static List<JsonElement> Positive()
    {
        var vectors = Directory.GetFiles(s_folder, "*.json").Order(StringComparer.Ordinal)
            .Select(p => JsonDocument.Parse(File.ReadAllText(p)).RootElement)
            .Where(v => v.GetProperty("expect").GetString() == "Accepted")
            .ToList();
        Assert.IsTrue(vectors.Count >= 6, $"vectors missing in {s_folder}");
        return vectors;
    }

    private static byte[] Hex(JsonElement v, string property) => Convert.FromHexString(v.GetProperty(property).GetString()!);

    private static string Name(JsonElement v) => v.GetProperty("name").GetString()!;
}
