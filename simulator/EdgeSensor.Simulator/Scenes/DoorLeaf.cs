namespace EdgeSensor.Simulator.Scenes;

/// <summary>
/// A swinging door leaf near the sensor: hinged at (<see cref="HingeXMillimeters"/>, -width/2), closed
/// across the doorway, opening towards the outside (-x) to 90°. It opens when someone comes within
/// <see cref="TriggerDistanceMillimeters"/> of it, stays open while anyone is near and closes after
/// <see cref="HoldOpenMs"/>. Seen from above it is a thin vertical plane as tall as the door.
/// </summary>
public sealed class DoorLeaf
{
    public double HingeXMillimeters { get; init; } = 700;

    public double WidthMillimeters { get; init; } = 900;

    public double TopMillimeters { get; init; } = 2030;

    public double SwingMs { get; init; } = 1200;

    public double HoldOpenMs { get; init; } = 2500;

    public double TriggerDistanceMillimeters { get; init; } = 1800;

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
