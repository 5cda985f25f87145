using EdgeSensor.Simulator.Population;
using EdgeSensor.Simulator.Scenes;

namespace EdgeSensor.Simulator.Tests.Physics;

/// <summary>Hand-built scenes for physics tests.</summary>
internal static class TestScenes
{
    /// <summary>A 1700 mm box-like "person" (one flat part) as a body.</summary>
    public static Body Block(double top, double halfLength = 100, double halfWidth = 100) =>
        new(PopulationGroup.Adult, top, 1.0, [new BodyPart(0, 0, halfLength, halfWidth, top)]);

    /// <summary>Someone standing still at (x, y) from <paramref name="fromMs"/> to <paramref name="toMs"/>.</summary>
    public static Person Standing(int id, Body body, double x, double y, double fromMs, double toMs) =>
        new(id, body, Behavior.Loiter, 1, y, 0, [fromMs, toMs], [x, x]);

    /// <summary>Someone walking from x0 to x1 between two times (lateral 0).</summary>
    public static Person Walking(int id, Body body, double x0, double x1, double fromMs, double toMs) =>
        new(id, body, Behavior.Cross, Math.Sign(x1 - x0), 0, 0, [fromMs, toMs], [x0, x1]);

    public static Scene Of(double durationMs, params Person[] persons) => new(durationMs, 2400, 1000, persons, null);
}
