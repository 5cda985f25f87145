namespace EdgeSensor.Core.Lifecycle
{
    /// <summary>The PIR sensor's output pin, read by polling (see docs/firmware.md, "Boot and runtime").</summary>
    public interface IPirInput
    {
        /// <summary>The output level now: 0 low (no motion), 1 high.</summary>
        int ReadLevel();
    }
}
