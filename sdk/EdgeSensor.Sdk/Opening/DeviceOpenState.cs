using System.Security.Cryptography;
using EdgeSensor.Sdk.Reports;

namespace EdgeSensor.Sdk.Opening;

/// <summary>
/// What the opener remembers of one device: its derived keys and the replay windows of the latest accepted
/// epoch and the one before it (late reports of the previous epoch are accepted once, docs/security.md
/// §Replay). Every call runs under the instance's lock, so one device's reports are opened one at a time.
/// </summary>
internal sealed class DeviceOpenState : IDisposable
{
    private readonly ReportOpenerOptions _options;
    private readonly object _gate = new();
    private EpochKeyCache _keys;
    private bool _hasAccepted;
    private uint _currentEpoch;
    private ReplayWindow? _currentWindow;
    private ReplayWindow? _previousWindow;

    public DeviceOpenState(ReadOnlySpan<byte> rootKey, ReportOpenerOptions options)
    {
        _options = options;
        _keys = new EpochKeyCache(rootKey);
    }

    /// <summary>Ratchet steps this device's key cache has derived (for tests).</summary>
    internal long StepsWalked => _keys.StepsWalked;

    public OpenResult Open(ReadOnlySpan<byte> payload, in ReportHeaderV1 header, ReadOnlySpan<byte> rootKey)
    {
        lock (_gate)
        {
            if (!_keys.IsFor(rootKey))
            {
                // Re-provisioned: nothing derived from the old root key may be used again.
                Reset(rootKey);
            }

            uint epoch = header.Epoch;
            uint baseEpoch = _hasAccepted ? _currentEpoch : 0;
            if (_hasAccepted && (ulong)epoch + 1 < _currentEpoch)
            {
                return OpenResult.Rejected(RejectionReason.EpochRolledBack, header);
            }

            if (epoch > baseEpoch && epoch - baseEpoch > _options.MaxEpochStep)
            {
                return OpenResult.Rejected(RejectionReason.EpochTooFarAhead, header);
            }

            ReplayWindow? window = WindowFor(epoch);
            if (window is not null && !window.CanAccept(header.Sequence))
            {
                return OpenResult.Rejected(RejectionReason.Replayed, header);
            }

            // The accepted epoch and the previous one keep their keys whatever forged headers ask for.
            uint protectFrom = _hasAccepted && _currentEpoch > 0 ? _currentEpoch - 1 : 0;
            uint protectTo = _hasAccepted ? _currentEpoch : 0;
            ChaCha20Poly1305 aead = _keys.GetAead(epoch, protectFrom, protectTo);

            int bodyLength = payload.Length - WireFormatV1.HeaderLength - WireFormatV1.TagLength;
            Span<byte> body = stackalloc byte[WireFormatV1.MaxPayloadLength];
            body = body[..bodyLength];
            try
            {
                aead.Decrypt(
                    payload.Slice(WireFormatV1.NonceOffset, WireFormatV1.NonceLength),
                    payload.Slice(WireFormatV1.HeaderLength, bodyLength),
                    payload[^WireFormatV1.TagLength..],
                    body,
                    payload[..WireFormatV1.HeaderLength]);
            }
            catch (AuthenticationTagMismatchException)
            {
                return OpenResult.Rejected(RejectionReason.AuthenticationFailed, header);
            }

            bool decoded = ReportBodyV1.TryDecode(body, header, out AggregateReport? report);
            CryptographicOperations.ZeroMemory(body);
            if (!decoded)
            {
                return OpenResult.Rejected(RejectionReason.Malformed, header);
            }

            Accept(epoch, header.Sequence);
            return OpenResult.Accepted(report!);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _keys.Dispose();
        }
    }

    private ReplayWindow? WindowFor(uint epoch)
    {
        if (!_hasAccepted)
        {
            return null;
        }

        if (epoch == _currentEpoch)
        {
            return _currentWindow;
        }

        return _currentEpoch > 0 && epoch == _currentEpoch - 1 ? _previousWindow : null;
    }

    private void Accept(uint epoch, ulong sequence)
    {
        if (!_hasAccepted || epoch > _currentEpoch)
        {
            // Moving up one epoch keeps the old window for late reports; a jump leaves none to keep.
            _previousWindow = _hasAccepted && epoch == _currentEpoch + 1 ? _currentWindow : null;
            _currentWindow = new ReplayWindow(_options.ReplayWindowSize);
            _currentEpoch = epoch;
            _hasAccepted = true;
        }

        ReplayWindow window;
        if (epoch == _currentEpoch)
        {
            window = _currentWindow!;
        }
        else
        {
            window = _previousWindow ??= new ReplayWindow(_options.ReplayWindowSize);
        }

        window.Mark(sequence);
    }

    private void Reset(ReadOnlySpan<byte> rootKey)
    {
        _keys.Dispose();
        _keys = new EpochKeyCache(rootKey);
        _hasAccepted = false;
        _currentEpoch = 0;
        _currentWindow = null;
        _previousWindow = null;
    }
}
