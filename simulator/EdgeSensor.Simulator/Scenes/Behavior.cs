namespace EdgeSensor.Simulator.Scenes;

/// <summary>What a person does in the doorway.</summary>
public enum Behavior
{
    /// <summary>Walks straight through.</summary>
    Cross,

    /// <summary>Walks in under the sensor, stops briefly and walks back out the way they came (no crossing).</summary>
    TurnBack,

    /// <summary>Stops under the sensor for several seconds, swaying, then goes on or goes back.</summary>
    Loiter,
}
