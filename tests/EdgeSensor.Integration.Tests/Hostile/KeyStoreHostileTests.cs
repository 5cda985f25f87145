using System.Text;
using CsCheck;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.KeyStore;
using EdgeSensor.Sdk.Tests.Hostile;

namespace EdgeSensor.Integration.Tests.Hostile;

/// <summary>
/// The key store file after damage to its bytes (the outer JSON header and the sealed device list), and after damage
/// to the device list itself, sealed again with the right key (what a buggy writer could produce). Opening answers
/// with the devices as they were (damage the format ignores, e.g. whitespace) or a <see cref="KeyStoreException"/>,
/// never another exception, in bounded time.
/// </summary>
[TestClass]
public sealed class KeyStoreHostileTests
{
    private static readonly byte[] s_key = Enumerable.Range(0, 32).Select(i => (byte)(i * 5 + 1)).ToArray();
    private static readonly byte[] s_salt = Enumerable.Range(0, 16).Select(i => (byte)(200 - i)).ToArray();

    private static readonly DeviceRecord[] s_devices =
    [
        new(0x0123456789ABCDEF, "north-gate", Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), DeviceStatus.Active),
        new(0x00000000000000A1, "south_2", Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray(), DeviceStatus.Revoked),
    ];

    /// <summary>The device list as the store writes it (what <see cref="s_file"/> seals).</summary>
    private static readonly byte[] s_contents = Encoding.UTF8.GetBytes(
        """
        {
          "devices": [
            { "id": "0123456789abcdef", "site": "north-gate", "rootKey": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "status": "active", "createdUtc": "2026-11-01T10:00:00+00:00", "changedUtc": "2026-11-01T10:00:00+00:00" },
            { "id": "00000000000000a1", "site": "south_2", "rootKey": "//79/Pv6+fj39vX08/Lx8O/u7ezr6uno5+bl5OPi4eA=", "status": "revoked", "createdUtc": "2026-11-02T10:00:00+00:00", "changedUtc": "2026-11-03T10:00:00Z" }
          ]
        }
        """);

    private static readonly byte[] s_file = Seal(s_contents);

    private static readonly byte[] s_alphabet = [.. "{}[]\",:\\/=+-0123456789.eEtfnuaZ \n"u8, 0x00, 0x80, 0xC3, 0xED, 0xFF];

    private static string s_directory = string.Empty;

    [ClassInitialize]
    public static void CreateFolder(TestContext context)
    {
        _ = context;
        s_directory = Path.Combine(Path.GetTempPath(), "edgesensor-hostile-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(s_directory);
    }

    [ClassCleanup]
    public static void DeleteFolder() => Directory.Delete(s_directory, recursive: true);

    [TestMethod]
    public void Sample_OpensWithBothDevices()
    {
        CollectionAssert.AreEqual(s_devices.OrderBy(d => d.DeviceId).Select(Show).ToArray(), Open(s_file, "sample")!.Select(Show).ToArray());
    }

    [TestMethod]
    public void DamagedFile_OpensUnchangedOrThrowsKeyStoreException()
    {
        long opened = 0;
        var report = HostileRun.Run("keystore-file", 2_000, Damaged(s_file), bytes =>
        {
            var devices = Open(bytes, "file");
            if (devices is not null)
            {
                opened++;
                CollectionAssert.AreEqual(s_devices.OrderBy(d => d.DeviceId).Select(Show).ToArray(), devices.Select(Show).ToArray(), "the devices changed, yet the file opened");
            }
        }, Encoding.UTF8.GetString);

        Console.WriteLine($"keystore-file: {opened} damaged files still opened (unchanged devices)");
        Assert.IsLessThan(TimeSpan.FromSeconds(2), report.WorstTime, "worst time of one file (raw key: no derivation)");
    }

    [TestMethod]
    public void DamagedDeviceList_OpensValidDevicesOrThrowsKeyStoreException()
    {
        long opened = 0;
        var report = HostileRun.Run("keystore-contents", 2_000, Damaged(s_contents), contents =>
        {
            var devices = Open(Seal(contents), "contents");
            if (devices is not null)
            {
                opened++;
                foreach (DeviceRecord device in devices)
                {
                    Assert.AreEqual(DeviceRecord.RootKeySizeBytes, device.RootKey.Length);
                    Assert.IsTrue(Sdk.Topics.ReportTopics.IsValidSite(device.Site), device.Site);
                }
            }
        }, Encoding.UTF8.GetString);

        Console.WriteLine($"keystore-contents: {opened} damaged device lists still opened (all devices valid)");
        Assert.IsLessThan(TimeSpan.FromSeconds(2), report.WorstTime, "worst time of one file (raw key: no derivation)");
        Assert.IsGreaterThan(0L, opened);
    }

    /// <summary>A passphrase file whose header asks for an iteration count outside the bounds fails before any key
    /// derivation; inside them, the derivation costs at most <see cref="KeyStoreSecret.MaximumIterations"/>.</summary>
    [TestMethod]
    [DataRow("-1")]
    [DataRow("0")]
    [DataRow("99999")]
    [DataRow("10000001")]
    [DataRow("2147483647")]
    [DataRow("1e9")]
    [DataRow("\"600000\"")]
    [DataRow("null")]
    public void PassphraseFile_IterationsOutOfBounds_FailFast(string iterations)
    {
        string path = Path.Combine(s_directory, "pass-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        using (FileDeviceKeyStore.Create(path, KeyStoreSecret.FromPassphrase("correct horse", KeyStoreSecret.MinimumIterations)))
        {
        }

        string text = File.ReadAllText(path);
        text = System.Text.RegularExpressions.Regex.Replace(text, "\"iterations\": \\d+", "\"iterations\": " + iterations);
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.ThrowsExactly<KeyStoreException>(() => FileDeviceKeyStore.Open(path, KeyStoreSecret.FromPassphrase("correct horse")).Dispose());
        Assert.IsLessThan(TimeSpan.FromSeconds(2), started.Elapsed, "no derivation for a refused header");
    }

    /// <summary>Opens <paramref name="bytes"/> as a key store file: the devices, or null for a KeyStoreException.</summary>
    private static IReadOnlyList<DeviceRecord>? Open(byte[] bytes, string name)
    {
        string path = Path.Combine(s_directory, name + Environment.CurrentManagedThreadId + ".json");
        File.WriteAllBytes(path, bytes);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            using var store = FileDeviceKeyStore.Open(path, KeyStoreSecret.FromKey(s_key));
            return store.Devices.Select(d => d with { RootKey = d.RootKey.ToArray() }).ToArray();
        }
        catch (KeyStoreException ex)
        {
            Assert.IsFalse(string.IsNullOrWhiteSpace(ex.Message));
            return null;
        }
    }

    private static byte[] Seal(byte[] contents) => KeyStoreEnvelope.Seal(KeyStoreEnvelope.KdfRawKey, 0, s_salt, s_key, contents);

    private static string Show(DeviceRecord d) => $"{d.DeviceIdText} {d.Site} {d.Status} {Convert.ToHexString(d.RootKey.Span)}";

    /// <summary>Byte edits (insert, delete, overwrite, cut) of a document; now and then any bytes.</summary>
    private static Gen<byte[]> Damaged(byte[] valid) => Gen.Frequency(
        (9, Gen.Select(Gen.Int[0, int.MaxValue].Array[1, 4], Gen.Int[0, s_alphabet.Length - 1].Array[4], Gen.Int[0, 7].Array[4], (positions, picks, kinds) =>
        {
            var bytes = new List<byte>(valid);
            for (int i = 0; i < positions.Length; i++)
            {
                int at = bytes.Count == 0 ? 0 : positions[i] % bytes.Count;
                switch (bytes.Count == 0 ? 0 : kinds[i])
                {
                    case 0 or 1 or 2: bytes.Insert(at, s_alphabet[picks[i]]); break;
                    case 3 or 4: bytes.RemoveAt(at); break;
                    case 5 or 6: bytes[at] = s_alphabet[picks[i]]; break;
                    default: bytes.RemoveRange(at, bytes.Count - at); break;
                }
            }

            return bytes.ToArray();
        })),
        (1, Gen.Byte.Array[0, 400]));
}
