using EdgeSensor.Firmware.Storage;

namespace EdgeSensor.Core.Tests.Firmware;

/// <summary>
/// The firmware's <see cref="AtomicFileReplacer"/> (the device's source file, linked in) on a temporary directory,
/// including the file states a power cut leaves at each step of its replace protocol.
/// </summary>
[TestClass]
public sealed class AtomicFileReplacerTests
{
    private static readonly byte[] Old = "old configuration"u8.ToArray();
    private static readonly byte[] New = "new configuration, longer"u8.ToArray();

    private string _directory = string.Empty;
    private string _path = string.Empty;

    [TestInitialize]
    public void MakeDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "edgesensor-replace-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _path = Path.Combine(_directory, "device.json");
        File.WriteAllBytes(_path, Old);
    }

    [TestCleanup]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [TestMethod]
    public void Replace_WritesTheNewBytes_AndLeavesNoTemporaryFile()
    {
        Assert.IsTrue(new AtomicFileReplacer(_path).TryReplace(New, New.Length));
        CollectionAssert.AreEqual(New, File.ReadAllBytes(_path));
        Assert.IsFalse(File.Exists(AtomicFileReplacer.TemporaryPath(_path)));
    }

    [TestMethod]
    public void Replace_WritesOnlyCountBytes()
    {
        Assert.IsTrue(new AtomicFileReplacer(_path).TryReplace(New, 3));
        CollectionAssert.AreEqual(New[..3], File.ReadAllBytes(_path));
    }

    [TestMethod]
    public void CutWhileWritingTheTemporaryFile_LeavesTheOldFile_AndTheNextReplaceWorks()
    {
        File.WriteAllBytes(AtomicFileReplacer.TemporaryPath(_path), New[..5]);

        Assert.IsTrue(AtomicFileReplacer.RecoverInterruptedReplace(_path));
        CollectionAssert.AreEqual(Old, File.ReadAllBytes(_path), "a half-written temporary file is ignored");

        Assert.IsTrue(new AtomicFileReplacer(_path).TryReplace(New, New.Length));
        CollectionAssert.AreEqual(New, File.ReadAllBytes(_path), "and truncated by the next replace");
    }

    [TestMethod]
    public void CutBetweenDeleteAndRename_IsFinishedBeforeTheFileIsRead()
    {
        File.WriteAllBytes(AtomicFileReplacer.TemporaryPath(_path), New);
        File.Delete(_path);

        Assert.IsTrue(AtomicFileReplacer.RecoverInterruptedReplace(_path));
        CollectionAssert.AreEqual(New, File.ReadAllBytes(_path));
        Assert.IsFalse(File.Exists(AtomicFileReplacer.TemporaryPath(_path)));
    }

    [TestMethod]
    public void Recover_WithNothingInterrupted_ChangesNothing()
    {
        Assert.IsTrue(AtomicFileReplacer.RecoverInterruptedReplace(_path));
        CollectionAssert.AreEqual(Old, File.ReadAllBytes(_path));

        File.Delete(_path);
        Assert.IsTrue(AtomicFileReplacer.RecoverInterruptedReplace(_path));
        Assert.IsFalse(File.Exists(_path), "no file stays no file (the boot reports it missing)");
    }

    [TestMethod]
    public void Replace_IntoAMissingDirectory_IsFalse_NotAnException()
    {
        string path = Path.Combine(_directory, "absent", "device.json");
        Assert.IsFalse(new AtomicFileReplacer(path).TryReplace(New, New.Length));
        Assert.IsFalse(new AtomicFileReplacer(_path).TryReplace(New, New.Length + 1));
        Assert.IsFalse(new AtomicFileReplacer(_path).TryReplace(null!, 0));
        CollectionAssert.AreEqual(Old, File.ReadAllBytes(_path));
    }
}
