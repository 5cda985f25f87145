namespace EdgeSensor.Core.Counting
{
    /// <summary>Where a zone target began: on the bare floor, or out of a presence already in the zone.</summary>
    public enum TargetOrigin
    {
        /// <summary>Rose from the empty floor: the start of a new occupancy episode.</summary>
        Floor = 0,

        /// <summary>A second head after a valley: the previous target ended at the valley's top and this one began there.</summary>
        ValleySplit = 1,

        /// <summary>A drop below a still background the zone was holding (a door leaf standing open, a person who stopped).</summary>
        Background = 2,
    }
}
