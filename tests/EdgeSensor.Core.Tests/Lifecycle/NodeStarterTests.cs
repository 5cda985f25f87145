using EdgeSensor.Core.Device;
using EdgeSensor.Core.Lifecycle;

namespace EdgeSensor.Core.Tests.Lifecycle;

[TestClass]
public sealed class NodeStarterTests
{
    [TestMethod]
    public void FreshDevice_IsProvisionedFromTheRootKey_WhichIsThenWiped()
    {
        var store = NodeRig.NewStore();
        byte[] root = NodeRig.RootKey();
        DeviceStatus status = NodeStarter.TryStart(NodeRig.Settings(), store, null, root, NodeRig.StartUnix, out SensorNode? node, out string detail);

        Assert.AreEqual(DeviceStatus.Running, status, detail);
        Assert.IsNotNull(node);
        Assert.IsTrue(root.All(b => b == 0), "the RAM copy of the root key is wiped");
    }

    [TestMethod]
    public void ProvisionedDevice_KeepsItsEpoch_AndIgnoresTheRootKey()
    {
        var store = NodeRig.Provision(NodeRig.NewStore(), NodeRig.RootKey(1));
        var ratchet = new EdgeSensor.Core.Keys.EpochKeyRatchet(store, DeviceStorage.KeySlotA, DeviceStorage.KeySlotB);
        Assert.IsTrue(ratchet.TryLoad());
        Assert.IsTrue(ratchet.TryAdvance((NodeRig.StartUnix / 86400) + 1));

        DeviceStatus status = NodeStarter.TryStart(NodeRig.Settings(), store, null, NodeRig.RootKey(1), NodeRig.StartUnix, out SensorNode? node, out _);
        Assert.AreEqual(DeviceStatus.Running, status);
        Assert.AreEqual(1u, node!.Epoch, "no return to epoch 0");
    }

    [TestMethod]
    public void DamagedKeyRecord_IsAStorageFailure_NotAFreshStart()
    {
        var store = NodeRig.NewStore();
        byte[] garbage = new byte[40];
        new Random(3).NextBytes(garbage);
        store.Write(DeviceStorage.KeySlotA, garbage, 0, garbage.Length);
        store.Write(DeviceStorage.KeySlotB, garbage, 0, garbage.Length);

        DeviceStatus status = NodeStarter.TryStart(NodeRig.Settings(), store, null, NodeRig.RootKey(), NodeRig.StartUnix, out SensorNode? node, out string detail);
        Assert.AreEqual(DeviceStatus.StorageFailure, status);
        Assert.IsNull(node);
        StringAssert.Contains(detail, "unreadable");
        byte[] copy = new byte[40];
        store.Read(DeviceStorage.KeySlotA, copy, 0, 40);
        CollectionAssert.AreEqual(garbage, copy, "nothing was re-provisioned over it");
    }

    [TestMethod]
    public void TornFirstImport_IsImportedAgain_FromTheRootKeyStillInTheFile()
    {
        var store = NodeRig.NewStore();
        byte[] torn = new byte[20];
        new Random(5).NextBytes(torn);
        store.Write(DeviceStorage.KeySlotA, torn, 0, torn.Length);

        DeviceStatus status = NodeStarter.TryStart(NodeRig.Settings(), store, null, NodeRig.RootKey(), NodeRig.StartUnix, out SensorNode? node, out string detail);
        Assert.AreEqual(DeviceStatus.Running, status, detail);
        Assert.AreEqual(0u, node!.Epoch);
    }

    [TestMethod]
    public void TornKeySlot_AfterTheDeviceRan_IsStillAStorageFailure()
    {
        var store = NodeRig.Provision(NodeRig.NewStore(), NodeRig.RootKey());
        Assert.AreEqual(DeviceStatus.Running, NodeStarter.TryStart(NodeRig.Settings(), store, null, null, NodeRig.StartUnix, out _, out _));
        byte[] torn = new byte[20];
        new Random(5).NextBytes(torn);
        store.Write(DeviceStorage.KeySlotA, torn, 0, torn.Length);
        store.Write(DeviceStorage.KeySlotB, Array.Empty<byte>(), 0, 0);

        DeviceStatus status = NodeStarter.TryStart(NodeRig.Settings(), store, null, NodeRig.RootKey(), NodeRig.StartUnix, out _, out string detail);
        Assert.AreEqual(DeviceStatus.StorageFailure, status, "the reboot counter shows an epoch existed: importing again could bring K[0] back");
        StringAssert.Contains(detail, "unreadable");
    }

    [TestMethod]
    public void TornFirstImport_WithoutARootKey_IsAStorageFailure()
    {
        var store = NodeRig.NewStore();
        store.Write(DeviceStorage.KeySlotA, new byte[] { 1, 2, 3 }, 0, 3);

        DeviceStatus status = NodeStarter.TryStart(NodeRig.Settings(), store, null, Array.Empty<byte>(), NodeRig.StartUnix, out _, out string detail);
        Assert.AreEqual(DeviceStatus.StorageFailure, status);
        StringAssert.Contains(detail, "unreadable");
    }

    [TestMethod]
    public void NoKeyAndNoRootKey_IsAStorageFailure()
    {
        DeviceStatus status = NodeStarter.TryStart(NodeRig.Settings(), NodeRig.NewStore(), null, null, NodeRig.StartUnix, out _, out string detail);
        Assert.AreEqual(DeviceStatus.StorageFailure, status);
        StringAssert.Contains(detail, "not provisioned");
    }

    [TestMethod]
    public void AllZeroRootKey_IsNeverProvisioned()
    {
        var store = NodeRig.NewStore();
        DeviceStatus status = NodeStarter.TryStart(NodeRig.Settings(), store, null, new byte[32], NodeRig.StartUnix, out _, out string detail);
        Assert.AreEqual(DeviceStatus.StorageFailure, status);
        StringAssert.Contains(detail, "all zero");
        Assert.AreEqual(0, store.Read(DeviceStorage.KeySlotA, new byte[8], 0, 8), "no key record written");
    }

    [TestMethod]
    public void InvalidSettings_AreAConfigurationError()
    {
        var settings = NodeRig.Settings();
        settings.OutboxCapacity = 0;
        DeviceStatus status = NodeStarter.TryStart(settings, NodeRig.NewStore(), null, NodeRig.RootKey(), NodeRig.StartUnix, out _, out string detail);
        Assert.AreEqual(DeviceStatus.ConfigurationInvalid, status);
        StringAssert.Contains(detail, "OutboxCapacity");
    }
}
