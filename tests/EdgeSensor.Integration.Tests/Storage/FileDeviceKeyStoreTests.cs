using System.Diagnostics;
using EdgeSensor.Sdk.KeyStore;
using EdgeSensor.Sdk.Keys;

namespace EdgeSensor.Integration.Tests.Storage;

[TestClass]
public sealed class FileDeviceKeyStoreTests
{
    private string _directory = string.Empty;

    [TestInitialize]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "edgesensor-ks-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_directory);
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    private string StorePath => Path.Combine(_directory, "keys.json");

    private static KeyStoreSecret Key(byte fill = 7) => KeyStoreSecret.FromKey(Enumerable.Repeat(fill, 32).ToArray());

    [TestMethod]
    public void Provision_ThenReopen_FindsDeviceWithSameKey()
    {
        DeviceRecord device;
        using (var store = FileDeviceKeyStore.Create(StorePath, Key()))
        {
            device = store.Provision("north-gate");
        }

        using var reopened = FileDeviceKeyStore.Open(StorePath, Key());
        Assert.IsTrue(reopened.TryGetDevice(device.DeviceId, out var found));
        Assert.AreEqual("north-gate", found.Site);
        Assert.AreEqual(DeviceStatus.Active, found.Status);
        CollectionAssert.AreEqual(device.RootKey.ToArray(), found.RootKey.ToArray());
        Assert.AreEqual(32, found.RootKey.Length);
    }

    [TestMethod]
    public void File_IsOwnerOnly_AndHoldsNoPlaintextKeyOrSite()
    {
        using var store = FileDeviceKeyStore.Create(StorePath, Key());
        var device = store.Provision("secret-site");
        if (!OperatingSystem.IsWindows())
        {
            Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StorePath));
        }

        string text = File.ReadAllText(StorePath);
        Assert.DoesNotContain("secret-site", text);
        Assert.DoesNotContain(Convert.ToBase64String(device.RootKey.Span), text);
        Assert.DoesNotContain(device.DeviceIdText, text);
        Assert.AreEqual(0, Directory.GetFiles(_directory, "*.tmp", SearchOption.AllDirectories).Length, "no temp file left behind");
    }

    [TestMethod]
    public void ManyInstancesWritingAtOnce_LoseNoDevice()
    {
        using (FileDeviceKeyStore.Create(StorePath, Key()))
        {
        }

        const int Instances = 4, PerInstance = 25;
        var stores = Enumerable.Range(0, Instances).Select(_ => FileDeviceKeyStore.Open(StorePath, Key())).ToArray();
        try
        {
            Parallel.ForEach(stores, new ParallelOptions { MaxDegreeOfParallelism = Instances }, store =>
            {
                for (int i = 0; i < PerInstance; i++)
                {
                    store.Provision("north-gate");
                }
            });
        }
        finally
        {
            foreach (var store in stores)
            {
                store.Dispose();
            }
        }

        using var reopened = FileDeviceKeyStore.Open(StorePath, Key());
        Assert.AreEqual(Instances * PerInstance, reopened.Devices.Count);
    }

    [TestMethod]
    [DataRow("salt")]
    [DataRow("nonce")]
    [DataRow("tag")]
    [DataRow("ciphertext")]
    [DataRow("kdf")]
    public void HeaderFieldNull_IsRefusedWithAKeyStoreError(string field)
    {
        using (var store = FileDeviceKeyStore.Create(StorePath, Key()))
        {
            store.Provision("north-gate");
        }

        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(StorePath))!.AsObject();
        json[field] = null;
        File.WriteAllText(StorePath, json.ToJsonString());

        var error = Assert.ThrowsExactly<KeyStoreException>(() => FileDeviceKeyStore.Open(StorePath, Key()));
        StringAssert.Contains(error.Message, field);
    }

    [TestMethod]
    public void AutoReload_OfADamagedFile_KeepsServingTheLastGoodDevices()
    {
        DeviceRecord device;
        using var store = FileDeviceKeyStore.Create(StorePath, Key());
        device = store.Provision("north-gate");
        store.AutoReloadInterval = TimeSpan.FromMilliseconds(1);

        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(StorePath))!.AsObject();
        json["nonce"] = null;
        File.WriteAllText(StorePath + ".new", json.ToJsonString());
        File.SetUnixFileMode(StorePath + ".new", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(StorePath + ".new", StorePath, overwrite: true);
        Thread.Sleep(5);

        Assert.IsTrue(store.TryGetDevice(device.DeviceId, out var found), "the last good snapshot is still served");
        Assert.AreEqual(device.DeviceId, found.DeviceId);
    }

    [TestMethod]
    public void HugePbkdf2IterationCount_IsRefusedBeforeAnyWork()
    {
        using (FileDeviceKeyStore.Create(StorePath, KeyStoreSecret.FromPassphrase("correct horse battery", KeyStoreSecret.MinimumIterations)))
        {
        }

        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(StorePath))!.AsObject();
        json["iterations"] = 2_000_000_000;
        File.WriteAllText(StorePath, json.ToJsonString());

        var timer = Stopwatch.StartNew();
        var error = Assert.ThrowsExactly<KeyStoreException>(() => FileDeviceKeyStore.Open(StorePath, KeyStoreSecret.FromPassphrase("correct horse battery")));
        StringAssert.Contains(error.Message, "iterations");
        Assert.IsLessThan(10_000L, timer.ElapsedMilliseconds, "refused without deriving (generous guard)");
    }

    [TestMethod]
    public void Dispose_WipesTheStoresRootKeys_ButNotTheCallersCopy()
    {
        var store = FileDeviceKeyStore.Create(StorePath, Key());
        DeviceRecord provisioned = store.Provision("north-gate");
        Assert.IsTrue(store.TryGetDevice(provisioned.DeviceId, out var held));

        store.Dispose();

        Assert.IsTrue(held.RootKey.ToArray().All(b => b == 0), "the store's copy is wiped");
        Assert.IsFalse(provisioned.RootKey.ToArray().All(b => b == 0), "the caller's copy is the caller's");
    }

    [TestMethod]
    public void Open_InAFolderOthersCanWriteTo_IsRefused()
    {
        using (FileDeviceKeyStore.Create(StorePath, Key()))
        {
        }

        File.SetUnixFileMode(_directory, File.GetUnixFileMode(_directory) | UnixFileMode.OtherWrite);

        var error = Assert.ThrowsExactly<KeyStoreException>(() => FileDeviceKeyStore.Open(StorePath, Key()));
        StringAssert.Contains(error.Message, "writable by other users");
    }

    [TestMethod]
    public void Open_AStoreOwnedByAnotherUser_IsRefused()
    {
        using (FileDeviceKeyStore.Create(StorePath, Key()))
        {
        }

        if (Environment.UserName != "root")
        {
            Assert.Inconclusive("needs root to give the file to another user (CI runs as root)");
        }

        using (var chown = Process.Start("chown", ["65534", StorePath]))
        {
            chown.WaitForExit();
            Assert.AreEqual(0, chown.ExitCode, "chown 65534");
        }

        var error = Assert.ThrowsExactly<KeyStoreException>(() => FileDeviceKeyStore.Open(StorePath, Key()));
        StringAssert.Contains(error.Message, "belongs to another user");
    }

    [TestMethod]
    public void Open_WithWrongKey_Throws()
    {
        using (var store = FileDeviceKeyStore.Create(StorePath, Key(1)))
        {
            store.Provision("a");
        }

        Assert.ThrowsExactly<KeyStoreException>(() => FileDeviceKeyStore.Open(StorePath, Key(2)));
    }

    [TestMethod]
    public void Open_TamperedFile_Throws()
    {
        using (var store = FileDeviceKeyStore.Create(StorePath, Key()))
        {
            store.Provision("a");
        }

        string text = File.ReadAllText(StorePath);
        int at = text.IndexOf("\"ciphertext\": \"", StringComparison.Ordinal) + 16;
        char replacement = text[at] == 'A' ? 'B' : 'A';
        File.WriteAllText(StorePath, text[..at] + replacement + text[(at + 1)..]);
        File.SetUnixFileMode(StorePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.ThrowsExactly<KeyStoreException>(() => FileDeviceKeyStore.Open(StorePath, Key()));
    }

    [TestMethod]
    public void Open_ReadableByOthers_IsRefused()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        FileDeviceKeyStore.Create(StorePath, Key()).Dispose();
        File.SetUnixFileMode(StorePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var ex = Assert.ThrowsExactly<KeyStoreException>(() => FileDeviceKeyStore.Open(StorePath, Key()));
        Assert.Contains("chmod 600", ex.Message);
    }

    [TestMethod]
    public void Passphrase_RoundTrips_AndWrongPassphraseFails()
    {
        using (var store = FileDeviceKeyStore.Create(StorePath, KeyStoreSecret.FromPassphrase("correct horse battery", KeyStoreSecret.MinimumIterations)))
        {
            store.Provision("a");
        }

        Assert.Contains("pbkdf2-sha256", File.ReadAllText(StorePath));
        using (var reopened = FileDeviceKeyStore.Open(StorePath, KeyStoreSecret.FromPassphrase("correct horse battery")))
        {
            Assert.AreEqual(1, reopened.Devices.Count);
        }

        Assert.ThrowsExactly<KeyStoreException>(() => FileDeviceKeyStore.Open(StorePath, KeyStoreSecret.FromPassphrase("wrong horse battery")));
        Assert.ThrowsExactly<KeyStoreException>(() => FileDeviceKeyStore.Open(StorePath, Key()));
    }

    [TestMethod]
    public void LoweredIterationCount_IsRefused()
    {
        using (var store = FileDeviceKeyStore.Create(StorePath, KeyStoreSecret.FromPassphrase("correct horse battery", KeyStoreSecret.MinimumIterations)))
        {
            store.Provision("a");
        }

        string text = File.ReadAllText(StorePath).Replace("\"iterations\": 100000", "\"iterations\": 1000", StringComparison.Ordinal);
        File.WriteAllText(StorePath, text);
        File.SetUnixFileMode(StorePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.ThrowsExactly<KeyStoreException>(() => FileDeviceKeyStore.Open(StorePath, KeyStoreSecret.FromPassphrase("correct horse battery")));
    }

    [TestMethod]
    public void RevokeAndRotate_ChangeStatusAndKey_AndPersist()
    {
        using var store = FileDeviceKeyStore.Create(StorePath, Key());
        var a = store.Provision("a");
        var b = store.Provision("a");
        Assert.AreEqual(DeviceStatus.Revoked, store.Revoke(a.DeviceId)!.Status);
        var rotated = store.Rotate(b.DeviceId)!;
        CollectionAssert.AreNotEqual(b.RootKey.ToArray(), rotated.RootKey.ToArray());
        Assert.IsNull(store.Revoke(12345));

        using var reopened = FileDeviceKeyStore.Open(StorePath, Key());
        Assert.IsTrue(reopened.TryGetDevice(a.DeviceId, out var ra));
        Assert.AreEqual(DeviceStatus.Revoked, ra.Status);
        Assert.IsTrue(reopened.TryGetDevice(b.DeviceId, out var rb));
        CollectionAssert.AreEqual(rotated.RootKey.ToArray(), rb.RootKey.ToArray());
    }

    [TestMethod]
    public void AutoReload_SeesDeviceProvisionedByAnotherInstance()
    {
        using var consumer = FileDeviceKeyStore.Create(StorePath, Key());
        consumer.AutoReloadInterval = TimeSpan.FromMilliseconds(1);
        using var tool = FileDeviceKeyStore.Open(StorePath, Key());
        var device = tool.Provision("late");
        Thread.Sleep(20);
        Assert.IsTrue(consumer.TryGetDevice(device.DeviceId, out _));
    }

    [TestMethod]
    public void TwoWriters_DoNotLoseEachOthersDevices()
    {
        using var first = FileDeviceKeyStore.Create(StorePath, Key());
        using var second = FileDeviceKeyStore.Open(StorePath, Key());
        var a = first.Provision("a");
        var b = second.Provision("a");
        using var reopened = FileDeviceKeyStore.Open(StorePath, Key());
        Assert.IsTrue(reopened.TryGetDevice(a.DeviceId, out _));
        Assert.IsTrue(reopened.TryGetDevice(b.DeviceId, out _));
    }

    [TestMethod]
    public void FromEnvironment_RejectsWrongLength()
    {
        string name = "EDGESENSOR_TEST_KEY_" + Guid.NewGuid().ToString("N")[..6];
        Environment.SetEnvironmentVariable(name, Convert.ToBase64String(new byte[16]));
        try
        {
            Assert.ThrowsExactly<KeyStoreException>(() => KeyStoreSecret.FromEnvironment(name));
            Environment.SetEnvironmentVariable(name, KeyStoreSecret.GenerateKeyText());
            using var secret = KeyStoreSecret.FromEnvironment(name);
            Assert.IsNotNull(secret);
            Assert.IsNull(KeyStoreSecret.FromEnvironment(name + "_UNSET"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [TestMethod]
    public void DeviceRecord_ToString_DoesNotLeakKey()
    {
        using var store = FileDeviceKeyStore.Create(StorePath, Key());
        var device = store.Provision("a");
        Assert.DoesNotContain(Convert.ToBase64String(device.RootKey.Span), device.ToString());
        Assert.DoesNotContain(Convert.ToHexString(device.RootKey.Span), device.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
