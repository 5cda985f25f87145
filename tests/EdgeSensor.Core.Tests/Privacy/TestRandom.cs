using EdgeSensor.Core.Privacy;

namespace EdgeSensor.Core.Tests.Privacy;

/// <summary>Deterministic SplitMix64 generator (Steele, Lea, Flood 2014) for reproducible distribution tests.</summary>
internal sealed class SplitMix64Random : IRandomSource
{
    private ulong _state;

    public SplitMix64Random(ulong seed) => _state = seed;

    public uint NextUInt32() => (uint)(Next64() >> 32);

    private ulong Next64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>Returns a fixed script of words, repeating it; lets a test force extreme noise.</summary>
internal sealed class ScriptedRandom : IRandomSource
{
    private readonly uint[] _words;
    private int _next;

    public ScriptedRandom(params uint[] words) => _words = words;

    public uint NextUInt32()
    {
        uint word = _words[_next];
        _next = (_next + 1) % _words.Length;
        return word;
    }
}
