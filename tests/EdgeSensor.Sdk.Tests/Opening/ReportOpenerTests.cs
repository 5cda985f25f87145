using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Opening;
using EdgeSensor.Sdk.Tests.TestSupport;

namespace EdgeSensor.Sdk.Tests.Opening;

[TestClass]
public sealed class ReportOpenerTests
{
    private const ulong Device = 0x1122334455667788;
    private static readonly byte[] s_root = Enumerable.Range(7, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] s_body = BodyValues.Typical.Encode();

    private static byte[] Seal(uint epoch, ulong sequence) => TestSealer.Seal(s_root, Device, epoch, sequence, s_body);

    private static ReportOpener NewOpener(ReportOpenerOptions? options = null) =>
        new(new InMemoryKeyStore().Add(Device, s_root), options);

    [TestMethod]
    public void OpensOnceThenRejectsTheReplay()
    {
        using ReportOpener opener = NewOpener();
        byte[] payload = Seal(0, 5);
        OpenResult first = opener.Open(payload);
        Assert.IsTrue(first.Success, first.Reason.ToString());
        Assert.AreEqual(Device, first.DeviceId);
        Assert.AreEqual(5UL, first.Report.Sequence);
        Assert.AreEqual(12, first.Report.Entries);

        OpenResult again = opener.Open(payload);
        Assert.AreEqual(RejectionReason.Replayed, again.Reason);
        Assert.IsFalse(again.Success);
        Assert.IsNull(again.Report);
        Assert.AreEqual(Device, again.DeviceId);
    }

    [TestMethod]
    public void EveryFlippedBitOfEveryByteIsRejected()
    {
        using ReportOpener opener = NewOpener();
        byte[] payload = Seal(3, 40);
        foreach (byte mask in new byte[] { 0x01, 0x10, 0x80, 0xFF })
        {
            for (int i = 0; i < payload.Length; i++)
            {
                byte[] tampered = (byte[])payload.Clone();
                tampered[i] ^= mask;
                OpenResult result = opener.Open(tampered);
                Assert.IsFalse(result.Success, $"byte {i} ^ {mask:x2} accepted");
                Assert.AreNotEqual(RejectionReason.None, result.Reason);
            }
        }

        // None of the forgeries disturbed the device's state: the genuine report still opens, once.
        Assert.IsTrue(opener.Open(payload).Success);
    }

    [TestMethod]
    public void EveryTruncationIsMalformed()
    {
        using ReportOpener opener = NewOpener();
        byte[] payload = Seal(0, 1);
        for (int length = 0; length < payload.Length; length++)
        {
            Assert.AreEqual(RejectionReason.Malformed, opener.Open(payload.AsSpan(0, length)).Reason, $"length {length}");
        }

        Assert.IsTrue(opener.Open(payload).Success);
    }

    [TestMethod]
    public void OversizeIsMalformedEvenWhenAuthentic()
    {
        using ReportOpener opener = NewOpener();
        byte[] body = new byte[ReportOpener.MaxPayloadBytes - 22 - 16 + 1];
        s_body.CopyTo(body, 0);
        byte[] payload = TestSealer.Seal(s_root, Device, 0, 1, body);
        Assert.AreEqual(ReportOpener.MaxPayloadBytes + 1, payload.Length);
        Assert.AreEqual(RejectionReason.Malformed, opener.Open(payload).Reason);

        // The largest allowed payload (a longer body, extension rule) opens.
        Assert.IsTrue(opener.Open(TestSealer.Seal(s_root, Device, 0, 2, body[..^1])).Success);
    }

    [TestMethod]
    [DataRow((byte)0)]
    [DataRow((byte)2)]
    [DataRow((byte)255)]
    public void UnknownVersionIsUnsupported(byte version)
    {
        using ReportOpener opener = NewOpener();
        byte[] payload = TestSealer.Seal(s_root, Device, 0, 1, s_body, version: version);
        Assert.AreEqual(RejectionReason.UnsupportedVersion, opener.Open(payload).Reason);
        Assert.AreEqual(RejectionReason.UnsupportedVersion, opener.Open(new[] { version }).Reason);
    }

    [TestMethod]
    public void UnknownAndRevokedDevicesAreRejected()
    {
        var store = new InMemoryKeyStore().Add(Device, s_root, DeviceStatus.Revoked);
        using var opener = new ReportOpener(store);
        Assert.AreEqual(RejectionReason.DeviceRevoked, opener.Open(Seal(0, 1)).Reason);
        Assert.AreEqual(RejectionReason.UnknownDevice, opener.Open(TestSealer.Seal(s_root, Device + 1, 0, 1, s_body)).Reason);

        store.Add(Device, s_root, DeviceStatus.Active);
        Assert.IsTrue(opener.Open(Seal(0, 1)).Success);
        store.Add(Device, s_root, DeviceStatus.Revoked);
        Assert.AreEqual(RejectionReason.DeviceRevoked, opener.Open(Seal(0, 2)).Reason, "revocation applies at once");
    }

    [TestMethod]
    public void LateReportsInsideTheWindowAreAcceptedOnce()
    {
        using ReportOpener opener = NewOpener(new ReportOpenerOptions { ReplayWindowSize = 64 });
        Assert.IsTrue(opener.Open(Seal(0, 100)).Success);
        Assert.IsTrue(opener.Open(Seal(0, 90)).Success, "late, unseen, inside the window");
        Assert.AreEqual(RejectionReason.Replayed, opener.Open(Seal(0, 90)).Reason);
        Assert.IsTrue(opener.Open(Seal(0, 37)).Success, "the oldest number still inside a 64-wide window");
        Assert.AreEqual(RejectionReason.Replayed, opener.Open(Seal(0, 36)).Reason, "older than the window");
        Assert.IsTrue(opener.Open(Seal(0, 100_000)).Success, "a jump ahead is fine");
        Assert.AreEqual(RejectionReason.Replayed, opener.Open(Seal(0, 100)).Reason, "now far behind the window");
    }

    [TestMethod]
    public void PreviousEpochIsToleratedOlderOnesAreRolledBack()
    {
        using ReportOpener opener = NewOpener();
        Assert.IsTrue(opener.Open(Seal(5, 10)).Success);
        Assert.IsTrue(opener.Open(Seal(6, 11)).Success);
        Assert.IsTrue(opener.Open(Seal(5, 9)).Success, "late report of the previous epoch");
        Assert.AreEqual(RejectionReason.Replayed, opener.Open(Seal(5, 10)).Reason, "the previous epoch keeps its replay window");
        Assert.AreEqual(RejectionReason.EpochRolledBack, opener.Open(Seal(4, 12)).Reason);

        Assert.IsTrue(opener.Open(Seal(8, 13)).Success, "a jump of two epochs");
        Assert.AreEqual(RejectionReason.EpochRolledBack, opener.Open(Seal(6, 12)).Reason);
        Assert.IsTrue(opener.Open(Seal(7, 12)).Success, "the epoch before the new current one, never seen, is still tolerated");
    }

    [TestMethod]
    public void EpochTooFarAheadIsRejectedBeforeAnyKeyWalk()
    {
        var store = new InMemoryKeyStore().Add(Device, s_root);
        using var opener = new ReportOpener(store, new ReportOpenerOptions { MaxEpochStep = 10 });
        Assert.AreEqual(RejectionReason.EpochTooFarAhead, opener.Open(Seal(11, 1)).Reason, "first contact: measured from epoch 0");
        Assert.IsTrue(opener.Open(Seal(10, 1)).Success);
        Assert.AreEqual(RejectionReason.EpochTooFarAhead, opener.Open(Seal(21, 2)).Reason);
        Assert.AreEqual(RejectionReason.EpochTooFarAhead, opener.Open(TestSealer.SealWithKey(new byte[32], TestSealer.Header(Device, uint.MaxValue, 2), s_body)).Reason);
        Assert.IsTrue(opener.Open(Seal(20, 2)).Success);
    }

    [TestMethod]
    public void ForgedFutureEpochsDoNotDisturbTheDevice()
    {
        using ReportOpener opener = NewOpener();
        Assert.IsTrue(opener.Open(Seal(2, 1)).Success);
        for (uint epoch = 3; epoch < 12; epoch++)
        {
            byte[] forged = Seal(epoch, 2);
            forged[^1] ^= 1;
            Assert.AreEqual(RejectionReason.AuthenticationFailed, opener.Open(forged).Reason);
        }

        Assert.IsTrue(opener.Open(Seal(2, 2)).Success);
        Assert.IsTrue(opener.Open(Seal(1, 3)).Success, "previous epoch still tolerated: forgeries did not advance the epoch");
    }

    [TestMethod]
    public void ForgedFarEpochsCannotForceTheFullKeyWalkAgain()
    {
        using ReportOpener opener = NewOpener(new ReportOpenerOptions { MaxEpochStep = 2000 });
        Assert.IsTrue(opener.Open(Seal(10, 1)).Success);
        byte[] zeroKey = new byte[32];
        var random = new Random(3);
        opener.Open(TestSealer.SealWithKey(zeroKey, TestSealer.Header(Device, 2010, 2), s_body));
        long afterFirstWalk = opener.StepsWalked(Device);
        Assert.IsTrue(afterFirstWalk >= 2000 && afterFirstWalk < 2100, $"{afterFirstWalk} steps");
        for (int i = 0; i < 50; i++)
        {
            uint epoch = (uint)random.Next(11, 2011);
            Assert.AreEqual(RejectionReason.AuthenticationFailed, opener.Open(TestSealer.SealWithKey(zeroKey, TestSealer.Header(Device, epoch, 2), s_body)).Reason);
        }

        long perForgery = (opener.StepsWalked(Device) - afterFirstWalk) / 50;
        Assert.IsTrue(perForgery < 64, $"{perForgery} steps per forged report");
        Assert.IsTrue(opener.Open(Seal(10, 2)).Success, "the accepted epoch's key survived the flood");
        Assert.IsTrue(opener.Open(Seal(9, 3)).Success);
    }

    [TestMethod]
    public void ReprovisionedDeviceStartsAfresh()
    {
        var store = new InMemoryKeyStore().Add(Device, s_root);
        using var opener = new ReportOpener(store);
        Assert.IsTrue(opener.Open(Seal(4, 1)).Success);

        byte[] newRoot = Enumerable.Range(200, 32).Select(i => (byte)i).ToArray();
        store.Add(Device, newRoot);
        Assert.AreEqual(RejectionReason.AuthenticationFailed, opener.Open(Seal(4, 2)).Reason, "old key no longer opens");
        Assert.IsTrue(opener.Open(TestSealer.Seal(newRoot, Device, 0, 0, s_body)).Success, "new key starts at epoch 0");
    }

    [TestMethod]
    public void RandomInputNeverThrows()
    {
        using ReportOpener opener = NewOpener();
        var random = new Random(99);
        byte[] genuine = Seal(1, 1);
        for (int i = 0; i < 20_000; i++)
        {
            byte[] payload = new byte[random.Next(0, 300)];
            random.NextBytes(payload);
            if (i % 2 == 0)
            {
                // Keep a plausible header so the input reaches the key lookup and the AEAD.
                genuine.AsSpan(0, Math.Min(payload.Length, 22)).CopyTo(payload);
            }

            OpenResult result = opener.Open(payload);
            Assert.IsFalse(result.Success);
        }
    }

    [TestMethod]
    public void ConcurrentOpensAcceptEachReportExactlyOnce()
    {
        const int devices = 4;
        const int perDevice = 500;
        var store = new InMemoryKeyStore();
        for (ulong d = 0; d < devices; d++)
        {
            store.Add(Device + d, s_root);
        }

        using var opener = new ReportOpener(store);
        var payloads = new List<byte[]>();
        for (ulong d = 0; d < devices; d++)
        {
            for (ulong s = 0; s < perDevice; s++)
            {
                byte[] payload = TestSealer.Seal(s_root, Device + d, (uint)(s / 200), s, s_body);
                payloads.Add(payload);
                payloads.Add(payload);
            }
        }

        var shuffled = payloads.OrderBy(_ => Random.Shared.Next()).ToArray();
        int accepted = 0;
        int replayed = 0;
        Parallel.ForEach(shuffled, new ParallelOptions { MaxDegreeOfParallelism = 4 }, payload =>
        {
            OpenResult result = opener.Open(payload);
            if (result.Success)
            {
                Interlocked.Increment(ref accepted);
            }
            else if (result.Reason == RejectionReason.Replayed || result.Reason == RejectionReason.EpochRolledBack)
            {
                Interlocked.Increment(ref replayed);
            }
        });

        Assert.AreEqual(payloads.Count, accepted + replayed, "only replay-type rejections");
        Assert.IsTrue(accepted <= devices * perDevice, "no report accepted twice");
        Assert.IsTrue(accepted > devices * perDevice / 2, $"only {accepted} accepted");
    }

    [TestMethod]
    public void ForgetDropsReplayStateAndDisposeStopsOpening()
    {
        var opener = NewOpener();
        byte[] payload = Seal(2, 7);
        Assert.IsTrue(opener.Open(payload).Success);
        opener.Forget(Device);
        Assert.IsTrue(opener.Open(payload).Success, "after Forget the opener starts afresh, as after a restart");
        opener.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => opener.Open(payload));
    }

    [TestMethod]
    public void InvalidOptionsAreRejected()
    {
        var store = new InMemoryKeyStore();
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ReportOpener(store, new ReportOpenerOptions { ReplayWindowSize = 100 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ReportOpener(store, new ReportOpenerOptions { MaxEpochStep = 0 }));
        Assert.ThrowsExactly<ArgumentNullException>(() => new ReportOpener(null!));
    }
}
