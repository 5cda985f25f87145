namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>The stages of <see cref="BootSequence"/>, in order; <see cref="Halted"/> ends a failed boot.</summary>
    public enum BootStage
    {
        /// <summary>Read and validate the configuration file.</summary>
        LoadConfiguration = 0,

        /// <summary>Join Wi-Fi, retrying with exponential backoff.</summary>
        ConnectWifi = 1,

        /// <summary>Wait until SNTP set the wall clock (no report may be sealed before).</summary>
        WaitForTime = 2,

        /// <summary>Load (or, on the first boot, provision) the keys and build the pipeline.</summary>
        StartNode = 3,

        /// <summary>Probe and start the ToF and PIR sensors.</summary>
        StartSensors = 4,

        /// <summary>Booted: the sampling loop and the publisher run.</summary>
        Ready = 5,

        /// <summary>A fatal status: the device refuses to run and keeps showing why.</summary>
        Halted = 6,
    }
}
