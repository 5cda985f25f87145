namespace EdgeSensor.Core.Privacy
{
    /// <summary>
    /// Uniform 32-bit random words for the noise mechanism. On the device this is a cryptographic DRBG
    /// seeded from device entropy (<see cref="DrbgRandomSource"/>); tests pass a deterministic source so
    /// the mechanism's distribution can be checked with a fixed seed.
    /// </summary>
    public interface IRandomSource
    {
        /// <summary>Returns the next uniformly distributed 32-bit value.</summary>
        uint NextUInt32();
    }
}
