using System.Security.Cryptography;

namespace EdgeSensor.Sdk.Opening;

/// <summary>
/// One device's derived epoch keys: a few (epoch, chain key, AEAD) entries, so steady-state opening derives
/// nothing, plus a chain-key checkpoint every <see cref="CheckpointSpacing"/> epochs along every walk, so a
/// ratchet walk starts at most <see cref="CheckpointSpacing"/> − 1 steps below the epoch asked for once the
/// chain has been walked that far (forged far-epoch headers cannot force the full walk again and again).
/// The accepted epoch and the one before it are never evicted by others. Not thread-safe: the owning
/// <see cref="DeviceOpenState"/> serialises access.
/// </summary>
internal sealed class EpochKeyCache : IDisposable
{
    public const int CheckpointSpacing = 64;

    private const int Capacity = 4;

    private readonly byte[] _rootKey;
    private readonly Entry?[] _entries = new Entry?[Capacity];
    private readonly List<byte[]> _checkpoints = [];
    private long _clock;

    public EpochKeyCache(ReadOnlySpan<byte> rootKey)
    {
        _rootKey = rootKey.ToArray();
    }

    /// <summary>Ratchet steps derived so far (tests check the walk bound with it).</summary>
    public long StepsWalked { get; private set; }

    /// <summary>Whether this cache was built from <paramref name="rootKey"/> (a re-provisioned device has a new one).</summary>
    public bool IsFor(ReadOnlySpan<byte> rootKey) => CryptographicOperations.FixedTimeEquals(_rootKey, rootKey);

    /// <summary>
    /// The AEAD for <paramref name="epoch"/>, derived if needed. <paramref name="protectFrom"/> is the oldest
    /// epoch still accepted: entries from it on are evicted only when nothing older or newer is left to evict.
    /// </summary>
    public ChaCha20Poly1305 GetAead(uint epoch, uint protectFrom, uint protectTo)
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
        int checkpoint = Math.Min((int)(epoch / CheckpointSpacing), _checkpoints.Count - 1);
        if (checkpoint >= 0 && (start is null || (uint)checkpoint * CheckpointSpacing > start.Epoch))
        {
            _checkpoints[checkpoint].CopyTo(chain);
            at = (uint)checkpoint * CheckpointSpacing;
        }
        else if (start is not null)
        {
            start.ChainKey.CopyTo(chain);
            at = start.Epoch;
        }
        else
        {
            EpochKeys.DeriveInitialChainKey(_rootKey, chain);
            at = 0;
            _checkpoints.Add(chain.ToArray());
        }

        for (; at < epoch; at++)
        {
            StepsWalked++;
            EpochKeys.Ratchet(chain, next);
            next.CopyTo(chain);

            // Checkpoints stay contiguous: the first walk starts at K[0], later ones at or above a checkpoint.
            if ((at + 1) % CheckpointSpacing == 0 && (at + 1) / CheckpointSpacing == (uint)_checkpoints.Count)
            {
                _checkpoints.Add(chain.ToArray());
            }
        }

        Span<byte> aeadKey = stackalloc byte[EpochKeys.KeyLength];
        EpochKeys.DeriveAeadKey(chain, epoch, aeadKey);
        var created = new Entry(epoch, chain.ToArray(), new ChaCha20Poly1305(aeadKey)) { LastUse = ++_clock };
        CryptographicOperations.ZeroMemory(aeadKey);
        CryptographicOperations.ZeroMemory(chain);
        CryptographicOperations.ZeroMemory(next);
        Insert(created, protectFrom, protectTo);
        return created.Aead;
    }

    public void Dispose()
    {
        for (int i = 0; i < _entries.Length; i++)
        {
            _entries[i]?.Dispose();
            _entries[i] = null;
        }

        foreach (byte[] checkpoint in _checkpoints)
        {
            CryptographicOperations.ZeroMemory(checkpoint);
        }

        _checkpoints.Clear();
        CryptographicOperations.ZeroMemory(_rootKey);
    }

    private void Insert(Entry created, uint protectFrom, uint protectTo)
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

            // Evict unprotected entries first (least recently used), the accepted epochs last.
            if (victim < 0 || Rank(entry, protectFrom, protectTo) < Rank(_entries[victim]!, protectFrom, protectTo))
            {
                victim = i;
            }
        }

        _entries[victim]?.Dispose();
        _entries[victim] = created;
    }

    private static long Rank(Entry entry, uint protectFrom, uint protectTo) =>
        entry.Epoch >= protectFrom && entry.Epoch <= protectTo ? entry.LastUse + long.MaxValue / 2 : entry.LastUse;

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
