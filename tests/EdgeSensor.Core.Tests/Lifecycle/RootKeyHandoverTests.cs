using System.Text;
using EdgeSensor.Core.Configuration;
using EdgeSensor.Core.Device;
using EdgeSensor.Core.Keys;
using EdgeSensor.Core.Lifecycle;
using EdgeSensor.Core.Storage;
using EdgeSensor.Core.Tests.Configuration;
using EdgeSensor.Core.Tests.Storage;

namespace EdgeSensor.Core.Tests.Lifecycle;

/// <summary>
/// The root key leaves the configuration file once the store holds the key, and a power cut at any step (during the
/// import, between import and rewrite, during the rewrite) leaves a device that boots with the key it was given.
/// </summary>
[TestClass]
public sealed class RootKeyHandoverTests
{
    private const int KeyRecordLength = 40;

    [TestMethod]
    public void FirstBoot_ImportsTheKey_ThenRemovesItFromTheFile()
    {
        var store = NodeRig.NewStore();
        var file = new FakeConfigurationFile(BundleDocument.Valid);

        Assert.AreEqual(DeviceStatus.Running, Boot(store, file, out string detail), detail);
        Assert.AreEqual("root key removed from the configuration file", detail);
        Assert.AreEqual(1, file.Replacements);
        AssertRemoved(file);
        CollectionAssert.AreEqual(ReferenceKeyRecord(), StoredKeyRecord(store));

        // Every later boot runs on the store's key with the key-less file, and writes nothing to the file.
        Assert.AreEqual(DeviceStatus.Running, Boot(store, file, out detail), detail);
        Assert.AreEqual(string.Empty, detail);
        Assert.AreEqual(1, file.Replacements);
        CollectionAssert.AreEqual(ReferenceKeyRecord(), StoredKeyRecord(store));
    }

    [TestMethod]
    public void RemovedKey_OnAStoreWithoutKey_HaltsAskingForReprovisioning()
    {
        var store = NodeRig.NewStore();
        var file = new FakeConfigurationFile(Encoding.UTF8.GetString(BundleDocument.With("rootKey", "null")));

        Assert.AreEqual(DeviceStatus.StorageFailure, Boot(store, file, out string detail, out SensorNode? node));
        Assert.IsNull(node);
        StringAssert.Contains(detail, "not provisioned");
        StringAssert.Contains(detail, "re-provision");
        Assert.AreEqual(0, file.Replacements);
        Assert.AreEqual(0, store.Read(DeviceStorage.KeySlotA, new byte[8], 0, 8), "nothing was provisioned");
    }

    [TestMethod]
    public void KeyInTheFile_OnAProvisionedStore_KeepsTheStoresKey_AndStillRemovesIt()
    {
        // E.g. a bundle from 'devices rotate' copied over a running device without erasing its store.
        var store = NodeRig.Provision(NodeRig.NewStore(), NodeRig.RootKey(3));
        var ratchet = new EpochKeyRatchet(store, DeviceStorage.KeySlotA, DeviceStorage.KeySlotB);
        Assert.IsTrue(ratchet.TryLoad());
        Assert.IsTrue(ratchet.TryAdvance((NodeRig.StartUnix / 86400) + 1));
        byte[] before = StoredKeyRecord(store);
        var file = new FakeConfigurationFile(BundleDocument.Valid);

        Assert.AreEqual(DeviceStatus.Running, Boot(store, file, out string detail, out SensorNode? node), detail);
        Assert.AreEqual(1u, node!.Epoch, "no return to epoch 0");
        CollectionAssert.AreEqual(before, StoredKeyRecord(store), "the store's key is kept");
        StringAssert.Contains(detail, "already held a key, which was kept");
        AssertRemoved(file);
    }

    [TestMethod]
    public void FailedRewrite_KeepsRunning_AndTheNextBootTriesAgain()
    {
        var store = NodeRig.NewStore();
        var file = new FakeConfigurationFile(BundleDocument.Valid) { Fail = true };

        Assert.AreEqual(DeviceStatus.Running, Boot(store, file, out string detail), detail);
        StringAssert.Contains(detail, "still in the configuration file");
        Assert.AreEqual(BundleDocument.Valid, file.Text, "the old file remains");

        file.Fail = false;
        Assert.AreEqual(DeviceStatus.Running, Boot(store, file, out detail), detail);
        AssertRemoved(file);
        CollectionAssert.AreEqual(ReferenceKeyRecord(), StoredKeyRecord(store));
    }

    [TestMethod]
    public void NodeThatDoesNotStart_LeavesTheKeyInTheFile()
    {
        var file = new FakeConfigurationFile(BundleDocument.Valid);
        var settings = NodeRig.Settings();
        settings.OutboxCapacity = 0;
        byte[] withoutKey = WithoutKey(file);

        DeviceStatus status = RootKeyHandover.TryStart(settings, NodeRig.NewStore(), null, Decode(BundleDocument.RootKey), withoutKey, file, NodeRig.StartUnix, out _, out _);
        Assert.AreEqual(DeviceStatus.ConfigurationInvalid, status);
        Assert.AreEqual(0, file.Replacements);
        Assert.IsTrue(withoutKey.All(b => b == 0), "the copy (it holds the passwords) is wiped");
    }

    [TestMethod]
    public void PowerCut_DuringTheImport_AtEveryWrite_BootsWithTheGivenKey()
    {
        foreach (TearMode mode in Enum.GetValues<TearMode>())
        {
            for (int cut = 0; ; cut++)
            {
                var store = new FaultInjectingStore { CutAtWrite = cut, Mode = mode };
                var file = new FakeConfigurationFile(BundleDocument.Valid);
                try
                {
                    Boot(store, file, out _);
                    break; // no write left to cut
                }
                catch (PowerLossException)
                {
                }

                Assert.AreEqual(BundleDocument.Valid, file.Text, $"{mode} at write {cut}: the key stays in the file until the import is durable");
                store.CutAtWrite = -1;
                AssertRecovers(store, file, $"{mode} at write {cut}");
            }
        }
    }

    [TestMethod]
    public void PowerCut_AfterTheImport_BeforeTheRewrite_BootsWithTheGivenKey()
    {
        var store = NodeRig.NewStore();
        var file = new FakeConfigurationFile(BundleDocument.Valid) { CutBeforeReplace = true };
        Assert.ThrowsExactly<PowerLossException>(() => Boot(store, file, out _));
        Assert.AreEqual(BundleDocument.Valid, file.Text);

        file.CutBeforeReplace = false;
        AssertRecovers(store, file, "cut before the rewrite");
    }

    [TestMethod]
    public void PowerCut_RightAfterTheRewrite_BootsWithTheGivenKey()
    {
        var store = NodeRig.NewStore();
        var file = new FakeConfigurationFile(BundleDocument.Valid) { CutAfterReplace = true };
        Assert.ThrowsExactly<PowerLossException>(() => Boot(store, file, out _));
        AssertRemoved(file);

        file.CutAfterReplace = false;
        AssertRecovers(store, file, "cut after the rewrite");
    }

    private static void AssertRecovers(INonVolatileStore store, FakeConfigurationFile file, string what)
    {
        Assert.AreEqual(DeviceStatus.Running, Boot(store, file, out string detail), $"{what}: {detail}");
        AssertRemoved(file);
        CollectionAssert.AreEqual(ReferenceKeyRecord(), StoredKeyRecord(store), $"{what}: the device holds the key it was given");

        Assert.AreEqual(DeviceStatus.Running, Boot(store, file, out detail), $"{what}, boot after: {detail}");
        CollectionAssert.AreEqual(ReferenceKeyRecord(), StoredKeyRecord(store), $"{what}, boot after");
    }

    private static DeviceStatus Boot(INonVolatileStore store, FakeConfigurationFile file, out string detail) => Boot(store, file, out detail, out _);

    /// <summary>What the firmware's boot steps do: read the file, prepare the key-less copy, start.</summary>
    private static DeviceStatus Boot(INonVolatileStore store, FakeConfigurationFile file, out string detail, out SensorNode? node)
    {
        byte[] json = file.Content;
        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out var configuration, out string error), error);
        byte[]? withoutKey = configuration.RootKeyRemoved ? null : WithoutKey(file);
        return RootKeyHandover.TryStart(NodeRig.Settings(), store, null, configuration.RootKey, withoutKey, file, NodeRig.StartUnix, out node, out detail);
    }

    private static byte[] WithoutKey(FakeConfigurationFile file)
    {
        byte[] json = file.Content;
        Assert.IsTrue(RootKeyRemoval.TryRemove(json, json.Length, out byte[]? copy, out string error), error);
        return copy!;
    }

    private static void AssertRemoved(FakeConfigurationFile file)
    {
        Assert.DoesNotContain(BundleDocument.RootKey, file.Text);
        byte[] json = file.Content;
        Assert.IsTrue(DeviceConfigurationReader.TryRead(json, json.Length, out var configuration, out string error), error);
        Assert.IsTrue(configuration.RootKeyRemoved);
    }

    private static byte[] Decode(string base64) => Convert.FromBase64String(base64);

    /// <summary>The key record (epoch, day, K[e]) a clean first boot with the bundle's key writes.</summary>
    private static byte[] ReferenceKeyRecord() => StoredKeyRecord(NodeRig.Provision(NodeRig.NewStore(), Decode(BundleDocument.RootKey)));

    private static byte[] StoredKeyRecord(INonVolatileStore store)
    {
        byte[] payload = new byte[KeyRecordLength];
        Assert.IsTrue(new DualSlotRecord(store, DeviceStorage.KeySlotA, DeviceStorage.KeySlotB, KeyRecordLength).TryLoad(payload, 0), "a valid key record");
        return payload;
    }

    /// <summary>The configuration file: replaced whole or not at all (what the firmware's AtomicFileReplacer guarantees).</summary>
    private sealed class FakeConfigurationFile(string text) : IConfigurationFile
    {
        private byte[] _content = Encoding.UTF8.GetBytes(text);

        public bool Fail { get; set; }

        public bool CutBeforeReplace { get; set; }

        public bool CutAfterReplace { get; set; }

        public int Replacements { get; private set; }

        public byte[] Content => (byte[])_content.Clone();

        public string Text => Encoding.UTF8.GetString(_content);

        public bool TryReplace(byte[] content, int count)
        {
            if (Fail)
            {
                return false;
            }

            if (CutBeforeReplace)
            {
                throw new PowerLossException();
            }

            _content = content.AsSpan(0, count).ToArray();
            Replacements++;
            if (CutAfterReplace)
            {
                throw new PowerLossException();
            }

            return true;
        }
    }
}
