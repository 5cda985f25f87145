namespace EdgeSensor.Simulator.Scenes;

/// <summary>
/// An automatic swing door near the sensor: the leaf is hinged at (<see cref="HingeXMillimeters"/>, -width/2), closed
/// across the doorway, opening towards the outside (-x) to 90°. Its motion sensor opens it when any part of someone (a
/// stroller's front, a footrest) comes within <see cref="TriggerDistanceMillimeters"/> (far enough that it is fully open
/// before a walker reaches the leaf's sweep), it stays open while anyone is near and closes <see cref="HoldOpenMs"/> after. Seen from above it is a thin
/// vertical plane as tall as the door.
/// </summary>
public sealed class DoorLeaf
{
    public double HingeXMillimeters { get; init; } = 700;

    public double WidthMillimeters { get; init; } = 900;

    public double TopMillimeters { get; init; } = 2030;

    public double SwingMs { get; init; } = 1000;

    public double HoldOpenMs { get; init; } = 2500;

    public double TriggerDistanceMillimeters { get; init; } = 3500;

    /// <summary>Opening angle in radians (0 closed, π/2 fully open) at each 10 ms step, precomputed by the scene.</summary>
    internal double[]? AngleTrack { get; set; }

    public double AngleAt(double timeMs)
    {
        if (AngleTrack is null || AngleTrack.Length == 0)
        {
            return 0;
        }

        int i = Math.Clamp((int)(timeMs / 10), 0, AngleTrack.Length - 1);
        return AngleTrack[i];
    }
}
