using EdgeSensor.Core.Bytes;
using EdgeSensor.Core.Crypto;
using EdgeSensor.Core.Keys;
using EdgeSensor.Core.Sealing;
using EdgeSensor.Core.Storage;
using EdgeSensor.Core.Tests.Storage;
using EdgeSensor.Core.WireFormat;

namespace EdgeSensor.Core.Tests.Keys;

[TestClass]
public sealed class EpochKeyRatchetTests
{
    private static readonly byte[] s_root = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

    [TestMethod]
    public void UnprovisionedStoreLoadsNothing()
    {
        Assert.IsFalse(new EpochKeyRatchet(new InMemoryNonVolatileStore(2, 64), 0, 1).TryLoad());
    }

    [TestMethod]
    public void AdvanceIsPersistedAndMatchesTheChainDerivation()
    {
        var store = new InMemoryNonVolatileStore(2, 64);
        var ratchet = new EpochKeyRatchet(store, 0, 1);
        Assert.IsTrue(ratchet.TryProvision(s_root, 0, 5));
        Assert.IsTrue(ratchet.TryAdvance(6));
        Assert.IsTrue(ratchet.TryAdvance(9));

        var rebooted = new EpochKeyRatchet(store, 0, 1);
        Assert.IsTrue(rebooted.TryLoad());
        Assert.AreEqual(2u, rebooted.Epoch);
        Assert.AreEqual(9u, rebooted.EpochDay);
        Assert.IsTrue(rebooted.TryAdvance(10));
        Assert.AreEqual(3u, rebooted.Epoch);
    }

    [TestMethod]
    public void ProvisioningAgainDoesNotBringBackEpochZero()
    {
        var store = new InMemoryNonVolatileStore(2, 64);
        var ratchet = new EpochKeyRatchet(store, 0, 1);
        Assert.IsTrue(ratchet.TryProvision(s_root, 0, 5));
        Assert.IsTrue(ratchet.TryAdvance(6));
        Assert.IsFalse(new EpochKeyRatchet(store, 0, 1).TryProvision(s_root, 0, 7));
        var rebooted = new EpochKeyRatchet(store, 0, 1);
        Assert.IsTrue(rebooted.TryLoad());
        Assert.AreEqual(1u, rebooted.Epoch);
    }

    [TestMethod]
    public void RatchetIsOneWayAndLabelsSeparateTheKeys()
    {
        byte[] k0 = new byte[32];
        byte[] k1 = new byte[32];
        byte[] a0 = new byte[32];
        byte[] a1 = new byte[32];
        EpochKeyRatchet.DeriveInitialChainKey(s_root, 0, k0, 0);
        EpochKeyRatchet.DeriveNextChainKey(k0, 0, k1, 0);
        EpochKeyRatchet.DeriveAeadKey(k0, 0, 0, a0, 0);
        EpochKeyRatchet.DeriveAeadKey(k1, 0, 1, a1, 0);
        byte[][] all = [s_root, k0, k1, a0, a1];
        for (int i = 0; i < all.Length; i++)
        {
            for (int j = i + 1; j < all.Length; j++)
            {
                CollectionAssert.AreNotEqual(all[i], all[j], $"keys {i} and {j} coincide");
            }
        }
    }

    [TestMethod]
    public void PowerCutDuringAdvanceLeavesTheOldOrTheNewEpochWithItsOwnKey()
    {
        foreach (TearMode mode in Enum.GetValues<TearMode>())
        {
            for (int cut = 2; cut < 8; cut++)
            {
                var store = new FaultInjectingStore { CutAtWrite = cut, Mode = mode };
                var ratchet = new EpochKeyRatchet(store, 0, 1);
                Assert.IsTrue(ratchet.TryProvision(s_root, 0, 1)); // writes 0 and 1
                uint reached = 0;
                try
                {
                    for (uint day = 2; day < 6; day++)
                    {
                        ratchet.TryAdvance(day);
                        reached = ratchet.Epoch;
                    }
                }
                catch (PowerLossException)
                {
                }

                var rebooted = new EpochKeyRatchet(store, 0, 1);
                Assert.IsTrue(rebooted.TryLoad(), $"{mode} cut {cut}: state lost");
                Assert.IsTrue(rebooted.Epoch == reached || rebooted.Epoch == reached + 1, $"{mode} cut {cut}: epoch {rebooted.Epoch}, reached {reached}");

                // The loaded key is the real key of its epoch: what it seals opens with the key derived from the root.
                store.CutAtWrite = -1;
                var sealer = new ReportSealer(1, rebooted, new SequenceReservation(store, 2, 3, 4));
                byte[] payload = new byte[ReportSealer.SealedLength];
                Assert.AreEqual(ReportSealer.SealedLength, sealer.Seal(Sealing.ReportSealerTests.Report(), payload, 0));
                Assert.AreEqual(rebooted.Epoch, LittleEndian.ReadUInt32(payload, ReportHeader.EpochOffset));
                byte[] body = new byte[ReportCodec.BodyLength];
                Assert.IsTrue(
                    new ChaCha20Poly1305Aead().TryOpen(KeyWalk.AeadKeyAt(s_root, rebooted.Epoch), 0, payload, ReportHeader.NonceOffset, payload, 0, ReportHeader.Length, payload, ReportHeader.Length, payload.Length - ReportHeader.Length, body, 0),
                    $"{mode} cut {cut}: loaded key does not match epoch {rebooted.Epoch}");
            }
        }
    }

}
