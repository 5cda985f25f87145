using EdgeSensor.Simulator.Scenes;
using EdgeSensor.Simulator.Tests.Physics;

namespace EdgeSensor.Simulator.Tests.Emulation;

/// <summary>One row of the shared emulator test table: a still scene, a budget, an ROI size and two centres.</summary>
internal sealed record RangingCase(string Name, Func<Scene> Scene, int BudgetMs, int Width, int Height, int Centre0, int Centre1)
{
    // A 1700 mm block standing 150 mm inside the line: under zone 1 only, head 700 mm from a 2400 mm mount.
    private static Scene PersonInside() => TestScenes.Of(60_000, TestScenes.Standing(1, TestScenes.Block(1700), 150, 0, 0, 60_000));

    private static Scene ChildOutside() => TestScenes.Of(60_000, TestScenes.Standing(1, TestScenes.Block(1200), -200, 50, 0, 60_000));

    public static readonly RangingCase[] All =
    [
        new("empty floor, 33 ms, 8x16 halves", () => TestScenes.Of(60_000), 33, 8, 16, 167, 231),
        new("person inside, 33 ms, 8x16 halves", PersonInside, 33, 8, 16, 167, 231),
        new("child outside, 50 ms, 8x16 halves", ChildOutside, 50, 8, 16, 167, 231),
        new("person inside, 100 ms, 4x16 edge strips", PersonInside, 100, 4, 16, 151, 247),
        new("person inside, 20 ms, 6x6 off-centre", PersonInside, 20, 6, 6, 164, 212),
    ];

    public override string ToString() => Name;
}
