namespace EdgeSensor.Core.Counting
{
    /// <summary>What one sample did to a zone's target.</summary>
    public enum ZoneEvent
    {
        /// <summary>Nothing changed.</summary>
        None = 0,

        /// <summary>A target appeared in the zone.</summary>
        Rise = 1,

        /// <summary>The target left the zone (or a valley split ended it); its features are complete.</summary>
        Fall = 2,

        /// <summary>A valley split: the target ended (Fall) and a new one started (Rise) with this sample.</summary>
        Split = 4,

        /// <summary>The target was dropped without a verdict (zone unknown, or target absorbed into the floor).</summary>
        Cancel = 3,
    }
}
