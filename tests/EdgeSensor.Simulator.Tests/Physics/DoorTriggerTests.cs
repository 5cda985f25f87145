using EdgeSensor.Simulator.Population;
using EdgeSensor.Simulator.Scenes;

namespace EdgeSensor.Simulator.Tests.Physics;

/// <summary>The automatic door's motion sensor opens the leaf for whatever part of someone comes first.</summary>
[TestClass]
public sealed class DoorTriggerTests
{
    // Walking from -8 m to +8 m in 10 s (1.6 m/s) towards a hinge line at +0.7 m with a 3.5 m trigger distance: a body
    // with nothing ahead of its head opens the door when the head is at -2.8 m (3.25 s); a stroller whose front
    // reaches 1.5 m ahead opens it when the head is at -4.3 m (2.31 s).
    [TestMethod]
    public void StrollersFront_OpensTheDoorBeforeThePushersHeadWouldHave()
    {
        Body stroller = new(PopulationGroup.Stroller, 1700, 1.6,
            [new BodyPart(0, 0, 150, 200, 1700), new BodyPart(1200, 0, 300, 250, 1000)]);

        Assert.IsGreaterThan(0.0, DoorAngleAt(stroller, 2800));
        Assert.AreEqual(0.0, DoorAngleAt(stroller, 2200));
    }

    [TestMethod]
    public void WalkerWithNothingAhead_OpensTheDoorWithTheirBody()
    {
        Assert.AreEqual(0.0, DoorAngleAt(TestScenes.Block(1700, halfLength: 150), 2800));
        Assert.IsGreaterThan(0.0, DoorAngleAt(TestScenes.Block(1700, halfLength: 150), 3400));
    }

    private static double DoorAngleAt(Body body, double timeMs)
    {
        var door = new DoorLeaf();
        _ = new Scene(10000, 2400, 1000, [TestScenes.Walking(1, body, -8000, 8000, 0, 10000)], door);
        return door.AngleAt(timeMs);
    }
}
