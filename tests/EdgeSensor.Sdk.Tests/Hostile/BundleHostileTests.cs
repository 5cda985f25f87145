using System.Text;
using CsCheck;
using EdgeSensor.Core.Configuration;
using EdgeSensor.Sdk.Provisioning;
using EdgeSensor.Sdk.Tests.Keys;

namespace EdgeSensor.Sdk.Tests.Hostile;

/// <summary>
/// Configuration bundles as bytes: a written bundle after byte-level damage, or any bytes at all. The SDK reader
/// answers with a bundle or an <see cref="InvalidDataException"/>, the firmware core's reader with true or false and
/// a reason, never anything else; and a version 2 document one of them accepts, the other accepts too. (Field-level
/// edits are in Keys/BundleCrossCheckTests, the core's own JSON fuzzing in EdgeSensor.Core.Tests/Configuration.)
/// </summary>
[TestClass]
public sealed class BundleHostileTests
{
    private static readonly byte[] s_valid = BundleSamples.Full().ToUtf8Json();

    /// <summary>Bytes that matter to JSON, UTF-8 and the bundle's own fields.</summary>
    private static readonly byte[] s_alphabet = [.. "{}[]\",:\\/-+0123456789.eEtfnu \n\t\r"u8, 0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xED, 0xEF, 0xF4, 0xFF];

    [TestMethod]
    public void BundleReaders_OnlyAcceptOrRefuse_AndAgree()
    {
        long sdkAccepted = 0;
        long coreAccepted = 0;
        var report = HostileRun.Run("bundle", 10_000, Documents, bytes =>
        {
            bool sdk;
            string sdkError = string.Empty;
            bool sdkVersion2 = false;
            try
            {
                var bundle = DeviceConfigurationBundle.Parse(bytes);
                sdk = true;
                sdkVersion2 = bundle.SourceVersion == DeviceConfigurationBundle.CurrentVersion;
            }
            catch (InvalidDataException ex)
            {
                sdk = false;
                sdkError = ex.Message;
                Assert.IsFalse(string.IsNullOrWhiteSpace(ex.Message));
            }

            bool core = DeviceConfigurationReader.TryRead(bytes, bytes.Length, out var configuration, out string coreError);
            if (core)
            {
                coreAccepted++;
                Assert.IsTrue(configuration!.ToDeviceSettings().TryValidate(out string settingsError), settingsError);
            }
            else
            {
                Assert.IsFalse(string.IsNullOrWhiteSpace(coreError), "a refusal says why");
            }

            if (sdk)
            {
                sdkAccepted++;
            }

            if (sdkVersion2 || core)
            {
                Assert.AreEqual(sdk, core, $"SDK {(sdk ? "accepts" : sdkError)}, core {(core ? "accepts" : coreError)}");
            }
        }, b => Encoding.UTF8.GetString(b));

        Console.WriteLine($"bundle: SDK accepted {sdkAccepted}, core accepted {coreAccepted}");
        Assert.IsLessThan(TimeSpan.FromSeconds(2), report.WorstTime, "worst time of one document through both readers");
        Assert.IsGreaterThan(0L, sdkAccepted, "some damage leaves a valid bundle (whitespace, an equal digit)");
    }

    /// <summary>Byte edits (insert, delete, overwrite) of the written bundle; or, now and then, any bytes.</summary>
    private static readonly Gen<byte[]> Documents = Gen.Frequency(
        (9, Gen.Select(Gen.Int[0, int.MaxValue].Array[1, 4], Gen.Int[0, s_alphabet.Length - 1].Array[4], Gen.Int[0, 3].Array[4], (positions, picks, kinds) =>
        {
            var bytes = new List<byte>(s_valid);
            for (int i = 0; i < positions.Length; i++)
            {
                int at = bytes.Count == 0 ? 0 : positions[i] % bytes.Count;
                switch (bytes.Count == 0 ? 0 : kinds[i])
                {
                    case 0: bytes.Insert(at, s_alphabet[picks[i]]); break;
                    case 1: bytes.RemoveAt(at); break;
                    case 2: bytes[at] = s_alphabet[picks[i]]; break;
                    default: bytes.RemoveRange(at, bytes.Count - at); break;
                }
            }

            return bytes.ToArray();
        })),
        (1, Gen.Byte.Array[0, 512]));
}
