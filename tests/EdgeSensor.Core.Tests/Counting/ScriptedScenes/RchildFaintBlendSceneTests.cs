using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, children under a blending zone (raster model, 2.5-3.0 m): a small child reads in each zone only as a sustained
/// dip of a few sigma, found by the weak-dip test, about 100 mm nearer than the floor. That depth is the blend's, not the
/// child's height, yet both targets were refused as lower than any person (the 120 mm minimum person height) and the child
/// was not counted.
/// </summary>
[TestClass]
public sealed class RchildFaintBlendSceneTests
{
    private const int FloorMm = 2450;
    private const int Sigma = 38;
    private const int HalfPeriodMs = 35;

    [TestMethod]
    public void FaintChildReadOnlyByTheWeakDipTest_IsCounted()
    {
        var run = new CounterZoneScript(2500, FloorMm, Sigma, HalfPeriodMs, seed: 3);
        run.Floor(4000);
        run.Both(5, 0, 105);
        run.Both(2, 105, 105);
        run.Both(5, 105, 0);
        run.Floor(3000);
        Assert.AreEqual(1, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }
}
