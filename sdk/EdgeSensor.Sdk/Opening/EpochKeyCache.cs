using System.Security.Cryptography;

namespace EdgeSensor.Sdk.Opening;

/// <summary>
/// One device's derived epoch keys: a few (epoch, chain key, AEAD) entries, so steady-state opening derives
/// nothing and a ratchet walk starts from the nearest cached epoch below the one asked for (or from the root
/// key). Not thread-safe: the owning <see cref="DeviceOpenState"/> serialises access.
/// </summary>
internal sealed class EpochKeyCache : IDisposable
{
    private const int Capacity = 4;

    private readonly byte[] _rootKey;
    private readonly Entry?[] _entries = new Entry?[Capacity];
    private long _clock;

    public EpochKeyCache(ReadOnlySpan<byte> rootKey)
    {
        _rootKey = rootKey.ToArray();
    }

    /// <summary>Whether this cache was built from <paramref name="rootKey"/> (a re-provisioned device has a new one).</summary>
    public bool IsFor(ReadOnlySpan<byte> rootKey) => CryptographicOperations.FixedTimeEquals(_rootKey, rootKey);

    /// <summary>
    /// The AEAD for <paramref name="epoch"/>, derived if needed. <paramref name="keepAtLeast"/> is the oldest
    /// epoch still accepted: entries below it are evicted first.
    /// </summary>
    public ChaCha20Poly1305 GetAead(uint epoch, uint keepAtLeast)
    {
        Entry? start = null;
        foreach (Entry? entry in _entries)
        {
            if (entry is null || entry.Epoch > epoch)
            {
                continue;
            }

            if (entry.Epoch == epoch)
            {
                entry.LastUse = ++_clock;
                return entry.Aead;
            }

            if (start is null || entry.Epoch > start.Epoch)
            {
                start = entry;
            }
        }

        Span<byte> chain = stackalloc byte[EpochKeys.KeyLength];
        Span<byte> next = stackalloc byte[EpochKeys.KeyLength];
        uint at;
        if (start is null)
        {
            EpochKeys.DeriveInitialChainKey(_rootKey, chain);
            at = 0;
        }
        else
        {
            start.ChainKey.CopyTo(chain);
            at = start.Epoch;
        }

        for (; at < epoch; at++)
        {
            EpochKeys.Ratchet(chain, next);
            next.CopyTo(chain);
        }

        Span<byte> aeadKey = stackalloc byte[EpochKeys.KeyLength];
        EpochKeys.DeriveAeadKey(chain, epoch, aeadKey);
        var created = new Entry(epoch, chain.ToArray(), new ChaCha20Poly1305(aeadKey)) { LastUse = ++_clock };
        CryptographicOperations.ZeroMemory(aeadKey);
        CryptographicOperations.ZeroMemory(chain);
        CryptographicOperations.ZeroMemory(next);
        Insert(created, keepAtLeast);
        return created.Aead;
    }

    public void Dispose()
    {
        for (int i = 0; i < _entries.Length; i++)
        {
            _entries[i]?.Dispose();
            _entries[i] = null;
        }

        CryptographicOperations.ZeroMemory(_rootKey);
    }

    private void Insert(Entry created, uint keepAtLeast)
    {
        int victim = -1;
        for (int i = 0; i < _entries.Length; i++)
        {
            Entry? entry = _entries[i];
            if (entry is null)
            {
                victim = i;
                break;
            }

            // Prefer evicting an epoch no longer accepted, then the least recently used.
            if (victim < 0 || Rank(entry, keepAtLeast) < Rank(_entries[victim]!, keepAtLeast))
            {
                victim = i;
            }
        }

        _entries[victim]?.Dispose();
        _entries[victim] = created;
    }

    private static long Rank(Entry entry, uint keepAtLeast) =>
        entry.Epoch < keepAtLeast ? entry.LastUse - long.MaxValue / 2 : entry.LastUse;

    private sealed class Entry : IDisposable
    {
        public Entry(uint epoch, byte[] chainKey, ChaCha20Poly1305 aead)
        {
            Epoch = epoch;
            ChainKey = chainKey;
            Aead = aead;
        }

        public uint Epoch { get; }

        public byte[] ChainKey { get; }

        public ChaCha20Poly1305 Aead { get; }

        public long LastUse { get; set; }

        public void Dispose()
        {
            CryptographicOperations.ZeroMemory(ChainKey);
            Aead.Dispose();
        }
    }
}
