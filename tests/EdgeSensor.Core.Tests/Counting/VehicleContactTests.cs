using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

[TestClass]
public sealed class VehicleContactTests
{
    private static TargetSummary Target(long startMs, long endMs, int episode) =>
        new() { StartMs = startMs, EndMs = endMs, Episode = episode };

    [TestMethod]
    public void OneZone_JudgesByWhetherTheZoneStayedOccupied()
    {
        var contact = new VehicleContact();
        Assert.IsTrue(contact.IsOneBody(0, Target(1000, 2000, 4), Target(2000, 2600, 4)), "hands on the handle: one presence");
        Assert.IsFalse(contact.IsOneBody(0, Target(5000, 6000, 7), Target(6100, 6700, 8)), "the floor showed between them");
    }

    [TestMethod]
    public void FloorShownInTheFirstZoneOnly_TheSecondZoneKeepsThemApartToo()
    {
        var contact = new VehicleContact();
        Assert.IsFalse(contact.IsOneBody(0, Target(1000, 2200, 3), Target(2300, 2900, 4)));
        // Zone 1 sees the same chair (its times overlap zone 0's) with the adult arriving as it leaves: no floor between.
        Assert.IsFalse(contact.IsOneBody(1, Target(1400, 2600, 9), Target(2600, 3300, 9)));
    }

    [TestMethod]
    public void FloorShownInTheSecondZoneOnly_TheFirstZonesMergeStands()
    {
        var contact = new VehicleContact();
        Assert.IsTrue(contact.IsOneBody(0, Target(1000, 2200, 3), Target(2200, 2900, 3)));
        Assert.IsTrue(contact.IsOneBody(1, Target(1400, 2600, 9), Target(2700, 3300, 10)));
    }

    [TestMethod]
    public void AVerdictIsUsedOnceAndOnlyForTheSameLead()
    {
        var contact = new VehicleContact();
        Assert.IsFalse(contact.IsOneBody(0, Target(1000, 2200, 3), Target(2300, 2900, 4)));
        // A later vehicle in zone 1 (no overlap with zone 0's lead) is judged on its own.
        Assert.IsTrue(contact.IsOneBody(1, Target(8000, 9000, 5), Target(9000, 9500, 5)));
        // Zone 0's next pair does not follow zone 1's verdict on another lead either.
        Assert.IsFalse(contact.IsOneBody(0, Target(20_000, 21_000, 6), Target(21_100, 21_600, 7)));

        contact.Clear();
        Assert.IsTrue(contact.IsOneBody(1, Target(20_400, 21_400, 8), Target(21_400, 22_000, 8)), "cleared: judged on its own");
    }
}
