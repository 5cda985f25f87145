namespace EdgeSensor.Core.Counting
{
    /// <summary>What one ToF sample completed: nothing, an entry or an exit.</summary>
    public enum CrossingKind
    {
        /// <summary>No crossing completed with this sample.</summary>
        None = 0,

        /// <summary>A person crossed from the outside zone into the inside zone.</summary>
        Entry = 1,

        /// <summary>A person crossed from the inside zone into the outside zone.</summary>
        Exit = 2,
    }
}
