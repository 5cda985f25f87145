namespace EdgeSensor.Core.Counting
{
    /// <summary>What a zone's occupancy detector sees now.</summary>
    public enum DetectorState
    {
        /// <summary>The bare floor: nothing nearer than the exit threshold.</summary>
        Empty = 0,

        /// <summary>A target (a person, or something not yet known to be still) is open.</summary>
        Target = 1,

        /// <summary>A still level above the floor (a door leaf standing open) held as background; no target open.</summary>
        Background = 2,
    }
}
