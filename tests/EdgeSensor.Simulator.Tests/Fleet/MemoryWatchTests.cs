using EdgeSensor.Simulator.Fleet;

namespace EdgeSensor.Simulator.Tests.Fleet;

[TestClass]
public sealed class MemoryWatchTests
{
    [TestMethod]
    public void ManagedFigure_BeforeAnyCollection_IsWhatWasAllocated_NotZero()
    {
        // A run of a few seconds may end before the first garbage collection; the heap figure a collection leaves is
        // still 0 then, and the summary printed "0 MB managed heap".
        Assert.AreEqual(5_000_000L, MemoryWatch.ManagedFigure(collectionIndex: 0, heapAfterLastCollection: 0, allocatedNow: 5_000_000));
    }

    [TestMethod]
    public void ManagedFigure_AfterACollection_IsTheHeapItLeft_NotTheGarbageSinceThen()
    {
        Assert.AreEqual(3_000_000L, MemoryWatch.ManagedFigure(collectionIndex: 4, heapAfterLastCollection: 3_000_000, allocatedNow: 9_000_000));
    }
}
