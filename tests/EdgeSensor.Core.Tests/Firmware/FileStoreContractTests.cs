using EdgeSensor.Core.Storage;
using EdgeSensor.Firmware.Storage;

namespace EdgeSensor.Core.Tests.Firmware;

/// <summary>
/// The firmware's <see cref="FileNonVolatileStore"/> (the same source file the device runs, linked into this project)
/// against the store contract on a temporary directory, plus the power cuts inside its own replace protocol.
/// </summary>
[TestClass]
public sealed class FileStoreContractTests : NonVolatileStoreContract
{
    private string _root = string.Empty;
    private string _directory = string.Empty;
    private int _media;

    [TestInitialize]
    public void MakeDirectory()
    {
        _root = Path.Combine(Path.GetTempPath(), "edgesensor-store-" + Guid.NewGuid().ToString("N"));
        _directory = Path.Combine(_root, "edgesensor");
    }

    [TestCleanup]
    public void RemoveDirectory()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    // Each Create is a fresh, empty medium (a new directory); Reopen is a reboot over the last one.
    protected override INonVolatileStore Create()
    {
        _directory = Path.Combine(_root, "edgesensor-" + (_media++).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new FileNonVolatileStore(_directory, Slots, MaxRecord);
    }

    protected override INonVolatileStore Reopen() => new FileNonVolatileStore(_directory, Slots, MaxRecord);

    [TestMethod]
    public void Constructor_CreatesTheDirectory()
    {
        Create();
        Assert.IsTrue(Directory.Exists(_directory));
    }

    [TestMethod]
    public void CutWhileWritingTheTemporaryFile_KeepsTheOldBytes()
    {
        var store = new FileNonVolatileStore(_directory, Slots, MaxRecord);
        store.Write(3, [1, 1, 1, 1], 0, 4);
        File.WriteAllBytes(store.TemporaryPath(3), [2, 2]); // half of the new record, then the power went

        byte[] read = new byte[4];
        Assert.AreEqual(4, Reopen().Read(3, read, 0, 4));
        CollectionAssert.AreEqual(new byte[] { 1, 1, 1, 1 }, read);

        Assert.IsTrue(store.Write(3, [3, 3, 3], 0, 3), "the next write replaces the stale temporary file");
        Assert.AreEqual(3, store.Read(3, read, 0, 4));
        Assert.IsFalse(File.Exists(store.TemporaryPath(3)));
    }

    [TestMethod]
    public void CutBetweenDeleteAndRename_ReadsTheNewBytes()
    {
        var store = new FileNonVolatileStore(_directory, Slots, MaxRecord);
        store.Write(7, [1, 1, 1, 1], 0, 4);
        File.WriteAllBytes(store.TemporaryPath(7), [5, 5, 5, 5, 5]);
        File.Delete(store.DataPath(7));

        byte[] read = new byte[8];
        Assert.AreEqual(5, Reopen().Read(7, read, 0, 8));
        Assert.AreEqual(5, read[4]);
        Assert.IsTrue(File.Exists(store.DataPath(7)), "promoted to the data file");
        Assert.IsFalse(File.Exists(store.TemporaryPath(7)));
    }

    [TestMethod]
    public void FailingWrite_IsAnIoError_NotAnException()
    {
        var store = new FileNonVolatileStore(_directory, Slots, MaxRecord);
        Directory.CreateDirectory(store.TemporaryPath(2)); // a directory where the slot's temporary file goes
        Assert.IsFalse(store.Write(2, [1], 0, 1));
        Assert.AreEqual(0, store.Read(2, new byte[4], 0, 4), "nothing was stored");
    }

    [TestMethod]
    public void FailingRead_IsAnIoError_NotAnException()
    {
        var store = new FileNonVolatileStore(_directory, Slots, MaxRecord);
        Directory.CreateDirectory(store.DataPath(2)); // the promotion of a left-over temporary file cannot happen
        File.WriteAllBytes(store.TemporaryPath(2), [1, 2]);
        Assert.AreEqual(-1, store.Read(2, new byte[4], 0, 4));
    }

    [TestMethod]
    public void DeviceLayout_FitsAPersistedOutbox()
    {
        var store = new FileNonVolatileStore(_directory, EdgeSensor.Core.Device.DeviceStorage.SlotCountWithOutbox(64), EdgeSensor.Core.Device.DeviceStorage.MaxRecordLengthWithOutbox);
        byte[] frame = new byte[EdgeSensor.Core.Device.DeviceStorage.MaxRecordLengthWithOutbox];
        Assert.IsTrue(store.Write(EdgeSensor.Core.Device.DeviceStorage.OutboxFirstSlot + 63, frame, 0, frame.Length));
    }
}
