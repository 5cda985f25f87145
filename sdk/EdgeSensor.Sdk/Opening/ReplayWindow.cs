namespace EdgeSensor.Sdk.Opening;

/// <summary>
/// Sliding anti-replay window over one (device, epoch)'s sequence numbers, as IPsec ESP does
/// (RFC 4303 §3.4.3; bitmap ring as in RFC 6479): the highest accepted number and a bitmap of the
/// <c>size</c> numbers below it. Check before the costly AEAD, mark only after it verified. Not thread-safe.
/// </summary>
internal sealed class ReplayWindow
{
    private readonly ulong[] _bits;
    private readonly int _size;
    private ulong _highest;
    private bool _any;

    public ReplayWindow(int size)
    {
        _size = size;
        _bits = new ulong[size / 64];
    }

    /// <summary><see langword="true"/> when <paramref name="sequence"/> is new and not older than the window.</summary>
    public bool CanAccept(ulong sequence)
    {
        if (!_any || sequence > _highest)
        {
            return true;
        }

        if (_highest - sequence >= (ulong)_size)
        {
            return false;
        }

        return !IsSet(sequence);
    }

    /// <summary>Records <paramref name="sequence"/> as seen; the caller checked <see cref="CanAccept"/>.</summary>
    public void Mark(ulong sequence)
    {
        if (!_any)
        {
            _any = true;
            _highest = sequence;
        }
        else if (sequence > _highest)
        {
            ulong advance = sequence - _highest;
            if (advance >= (ulong)_size)
            {
                Array.Clear(_bits);
            }
            else
            {
                // Slots of the numbers the window slides over are reused for the new top numbers.
                for (ulong s = _highest + 1; s < sequence; s++)
                {
                    Clear(s);
                }
            }

            _highest = sequence;
        }

        Set(sequence);
    }

    private bool IsSet(ulong sequence)
    {
        int index = (int)(sequence % (ulong)_size);
        return (_bits[index >> 6] & (1UL << (index & 63))) != 0;
    }

    private void Set(ulong sequence)
    {
        int index = (int)(sequence % (ulong)_size);
        _bits[index >> 6] |= 1UL << (index & 63);
    }

    private void Clear(ulong sequence)
    {
        int index = (int)(sequence % (ulong)_size);
        _bits[index >> 6] &= ~(1UL << (index & 63));
    }
}
