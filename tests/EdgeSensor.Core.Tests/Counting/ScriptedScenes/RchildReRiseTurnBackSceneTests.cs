using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting.ScriptedScenes;

/// <summary>
/// Issue 9, a child who steps over the line, lingers and goes back, under a 2.8-3.0 m mount on the blending (raster) model:
/// the child's faint blend in the zone past the line falls under the threshold for a reading or two while they linger, so
/// that zone's target ends and a new one rises right after it. Taken for someone new, it confirmed the crossing at once,
/// and the child's way back paired with it as a second crossing: an exit and an entry for someone who never crossed. A head
/// as near rising within the pair gap, with nothing in the zone the child came from, is the same body still there: the
/// crossing is held on, and the way back is the turn-back it is.
/// </summary>
[TestClass]
public sealed class RchildReRiseTurnBackSceneTests
{
    private const int FloorMm = 2750;
    private const int Sigma = 50;
    private const int HalfPeriodMs = 35;

    // Read cycles (zone 1, zone 0: depth nearer than the floor, mm) of a child's turn-back recorded by the simulator (raster,
    // 2.8 m, seed 101, 86 s): the child walks from the inside zone into the outside one, whose blend falls back to the floor
    // for two readings while the child lingers there, and then walks back into the inside zone.
    private static readonly int[,] TurnBack =
    {
        { -8, 25 }, { 8, -29 }, { 6, -36 }, { -19, 0 }, { 36, -26 }, { -6, -14 },
        { AlternatingZoneScript.Invalid, 18 }, { -10, 2 }, { AlternatingZoneScript.Invalid, 6 }, { 70, 16 }, { 31, -18 }, { 137, -23 },
        { 106, -16 }, { 103, -14 }, { 95, -15 }, { 110, 3 }, { 67, -52 }, { 60, -35 },
        { 105, 65 }, { AlternatingZoneScript.Invalid, 142 }, { 19, 131 }, { 1, 201 }, { 3, 163 }, { 23, AlternatingZoneScript.Invalid },
        { -33, 133 }, { -4, 115 }, { -9, 101 }, { -32, 92 }, { -2, AlternatingZoneScript.Invalid }, { 70, 146 },
        { -9, 111 }, { -2, 177 }, { 43, 196 }, { -21, 171 }, { AlternatingZoneScript.Invalid, 141 }, { -48, 145 },
        { -3, 179 }, { -2, 197 }, { -32, 112 }, { -8, AlternatingZoneScript.Invalid }, { AlternatingZoneScript.Invalid, 179 }, { AlternatingZoneScript.Invalid, 163 },
        { -23, 184 }, { 18, 174 }, { AlternatingZoneScript.Invalid, 190 }, { 52, AlternatingZoneScript.Invalid }, { 74, -33 }, { 174, AlternatingZoneScript.Invalid },
        { 123, -25 }, { 183, 0 }, { 156, AlternatingZoneScript.Invalid }, { 149, AlternatingZoneScript.Invalid }, { 204, 32 }, { 159, -2 },
        { 124, -41 }, { 28, -18 }, { -3, -15 }, { -43, 3 }, { -14, 31 }, { -23, AlternatingZoneScript.Invalid },
        { 5, 9 }, { -10, -5 }, { -20, -26 }, { AlternatingZoneScript.Invalid, AlternatingZoneScript.Invalid }, { -55, -4 }, { -13, AlternatingZoneScript.Invalid },
        { -27, AlternatingZoneScript.Invalid }, { -28, -8 }, { 21, AlternatingZoneScript.Invalid }, { 37, 50 }, { 23, 12 },
    };

    [TestMethod]
    public void ChildLingeringPastTheLineAndGoingBack_CountsNothing()
    {
        var run = new CounterZoneScript(2800, 2846, 47, HalfPeriodMs, seed: 5);
        run.Floor(4000);
        run.Play(TurnBack);
        run.Floor(4000);
        Assert.AreEqual(0, run.Counter.Entries + run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }

    // The same child walking on after lingering: counted once.
    [TestMethod]
    public void ChildLingeringPastTheLineAndWalkingOn_CountsOnce()
    {
        var run = new CounterZoneScript(2800, FloorMm, Sigma, HalfPeriodMs, seed: 5);
        run.Floor(4000);
        run.Both(9, 0, 130);
        run.Both(1, 150, 130);
        run.Both(7, 150, 0);
        run.Both(4, 0, 0);
        run.Both(15, 150, 0);
        run.Floor(4000);
        Assert.AreEqual(1, run.Counter.Entries, CounterHarness.Describe(run.Counter));
        Assert.AreEqual(0, run.Counter.Exits, CounterHarness.Describe(run.Counter));
    }
}
