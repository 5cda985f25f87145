using EdgeSensor.Core.Privacy;
using EdgeSensor.Simulator.Randomness;

namespace EdgeSensor.Simulator.Privacy;

/// <summary>The simulator's seeded generator as the core's noise source, so an evaluation is repeatable. A device
/// uses its cryptographic DRBG instead; the noise distribution is the same.</summary>
public sealed class RngRandomSource(Rng rng) : IRandomSource
{
    public uint NextUInt32() => (uint)(rng.NextUInt64() >> 32);
}
