using System.Collections.Concurrent;
using EdgeSensor.Sdk.Keys;

namespace EdgeSensor.Sdk.Opening;

/// <summary>
/// Opens sealed EdgeSensor reports (wire format v1, docs/wire-format.md): parses the clear header, looks the
/// device up, derives and caches its epoch key, verifies and decrypts with ChaCha20-Poly1305 (RFC 8439),
/// rejects replays with a per-device sliding window and decodes the aggregate.
/// </summary>
/// <remarks>
/// Untrusted input never throws: every failure is a typed <see cref="RejectionReason"/>. Thread-safe; reports of
/// one device are opened one at a time, different devices in parallel. Replay state lives in memory, so a
/// restarted opener accepts a report once more: store reports idempotently by (device, epoch, sequence).
/// </remarks>
public sealed class ReportOpener : IDisposable
{
    /// <summary>The largest payload accepted, in bytes; longer payloads are rejected as <see cref="RejectionReason.Malformed"/>.</summary>
    public const int MaxPayloadBytes = WireFormatV1.MaxPayloadLength;

    /// <summary>The smallest well-formed v1 payload, in bytes (22-byte header, 35-byte body, 16-byte tag).</summary>
    public const int MinPayloadBytes = WireFormatV1.MinPayloadLength;

    /// <summary>The smallest well-formed payload with the extended-disclosure flag (0x01), in bytes: the body is 37 bytes.</summary>
    public const int MinExtendedPayloadBytes = WireFormatV1.ExtendedMinPayloadLength;

    private readonly IDeviceKeyStore _keyStore;
    private readonly ReportOpenerOptions _options;
    private readonly ConcurrentDictionary<ulong, DeviceOpenState> _devices = new();
    private bool _disposed;

    /// <summary>Creates an opener over <paramref name="keyStore"/>.</summary>
    /// <param name="keyStore">Where device root keys and status are looked up, on every report.</param>
    /// <param name="options">Replay window and epoch limits; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="keyStore"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public ReportOpener(IDeviceKeyStore keyStore, ReportOpenerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(keyStore);
        _options = options ?? new ReportOpenerOptions();
        _options.Validate();
        _keyStore = keyStore;
    }

    /// <summary>The options in effect.</summary>
    public ReportOpenerOptions Options => _options;

    /// <summary>
    /// Verifies, decrypts and decodes one payload as received from the transport. Accepts each
    /// (device, epoch, sequence) at most once.
    /// </summary>
    /// <param name="payload">The raw payload; any bytes at all.</param>
    /// <returns>The report, or the reason it was rejected. Never throws for bad input.</returns>
    /// <exception cref="ObjectDisposedException">The opener was disposed.</exception>
    public OpenResult Open(ReadOnlySpan<byte> payload)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (payload.IsEmpty)
        {
            return OpenResult.Rejected(RejectionReason.Malformed);
        }

        if (payload[WireFormatV1.VersionOffset] != WireFormatV1.Version)
        {
            return OpenResult.Rejected(RejectionReason.UnsupportedVersion);
        }

        if (payload.Length < WireFormatV1.HeaderLength)
        {
            return OpenResult.Rejected(RejectionReason.Malformed);
        }

        var header = ReportHeaderV1.Read(payload);
        if ((header.Flags & WireFormatV1.CriticalFlagsMask & ~WireFormatV1.KnownCriticalFlags) != 0)
        {
            return OpenResult.Rejected(RejectionReason.UnsupportedVersion, header);
        }

        int minLength = header.ExtendedDisclosure ? WireFormatV1.ExtendedMinPayloadLength : WireFormatV1.MinPayloadLength;
        if (payload.Length < minLength || payload.Length > WireFormatV1.MaxPayloadLength)
        {
            return OpenResult.Rejected(RejectionReason.Malformed, header);
        }

        if (!_keyStore.TryGetDevice(header.DeviceId, out DeviceRecord? device)
            || device.RootKey.Length != DeviceRecord.RootKeySizeBytes)
        {
            return OpenResult.Rejected(RejectionReason.UnknownDevice, header);
        }

        if (device.Status != DeviceStatus.Active)
        {
            return OpenResult.Rejected(RejectionReason.DeviceRevoked, header);
        }

        ReadOnlySpan<byte> rootKey = device.RootKey.Span;
        DeviceOpenState state = _devices.GetOrAdd(header.DeviceId, static (_, arg) => new DeviceOpenState(arg.Key.Span, arg.Options), (Key: device.RootKey, Options: _options));
        return state.Open(payload, header, rootKey);
    }

    /// <summary>
    /// Reads the device id from a payload's clear header without opening it (so a transport can check that the
    /// topic names that device before any key is derived or any replay slot is used). The id is unauthenticated
    /// until <see cref="Open"/> verifies the tag. False when the payload is not long enough for a v1 header or
    /// has another version.
    /// </summary>
    /// <param name="payload">The raw payload; any bytes at all.</param>
    /// <param name="deviceId">The header's device id.</param>
    public static bool TryReadDeviceId(ReadOnlySpan<byte> payload, out ulong deviceId)
    {
        if (payload.Length < WireFormatV1.HeaderLength || payload[WireFormatV1.VersionOffset] != WireFormatV1.Version)
        {
            deviceId = 0;
            return false;
        }

        deviceId = ReportHeaderV1.Read(payload).DeviceId;
        return true;
    }

    /// <summary>Ratchet steps derived for <paramref name="deviceId"/> so far (for tests).</summary>
    internal long StepsWalked(ulong deviceId) => _devices.TryGetValue(deviceId, out DeviceOpenState? state) ? state.StepsWalked : 0;

    /// <summary>Forgets a device's cached keys and replay state (e.g. after it was re-provisioned or removed).</summary>
    /// <param name="deviceId">The device to forget.</param>
    public void Forget(ulong deviceId)
    {
        if (_devices.TryRemove(deviceId, out DeviceOpenState? state))
        {
            state.Dispose();
        }
    }

    /// <summary>Erases every cached key.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (DeviceOpenState state in _devices.Values)
        {
            state.Dispose();
        }

        _devices.Clear();
    }
}
