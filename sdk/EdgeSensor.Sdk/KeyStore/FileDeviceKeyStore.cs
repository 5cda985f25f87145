using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using EdgeSensor.Sdk.Keys;
using EdgeSensor.Sdk.Topics;

namespace EdgeSensor.Sdk.KeyStore;

/// <summary>
/// The device key store shared by the <c>edgesensor</c> tool and the SDK: one file, AES-256-GCM
/// encrypted under a passphrase or an environment-provided key, written atomically with mode 0600.
/// Lookups read an immutable snapshot, so they are safe from any number of threads while the
/// tool (another process) or this instance changes the file. With <see cref="AutoReloadInterval"/>
/// set, lookups notice a changed file (a provisioned, revoked or rotated device) and reload it.
/// </summary>
public sealed class FileDeviceKeyStore : IDeviceKeyStore, IDisposable
{
    private readonly string _path;
    private readonly KeyStoreSecret _secret;
    private readonly Lock _writeLock = new();
    private string _kdf = KeyStoreEnvelope.KdfRawKey;
    private int _iterations;
    private byte[] _salt = [];
    private byte[] _fileKey = [];
    private volatile Snapshot _snapshot = new(FrozenDictionary<ulong, Entry>.Empty, default);
    private long _nextReloadCheckTicks;

    private FileDeviceKeyStore(string path, KeyStoreSecret secret)
    {
        // Through symbolic links to the real file: an atomic rename over a link would replace the link itself.
        string full = Path.GetFullPath(path);
        _path = new FileInfo(full).LinkTarget is null ? full : new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        _secret = secret;
    }

    /// <summary>The key store file.</summary>
    public string FilePath => _path;

    /// <summary>How often lookups check the file for changes; <see cref="TimeSpan.Zero"/> (default) never.</summary>
    public TimeSpan AutoReloadInterval { get; set; } = TimeSpan.Zero;

    /// <summary>All devices, ordered by id.</summary>
    public IReadOnlyList<DeviceRecord> Devices =>
        _snapshot.Devices.Values.Select(e => e.Record).OrderBy(r => r.DeviceId).ToArray();

    /// <summary>Creates a new, empty key store file; fails if the file exists.</summary>
    /// <param name="path">Where to write it.</param>
    /// <param name="secret">Owned by the store from now on (disposed with it).</param>
    public static FileDeviceKeyStore Create(string path, KeyStoreSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var store = new FileDeviceKeyStore(path, secret);
        using (store.LockForWrite())
        {
            if (File.Exists(store._path))
            {
                throw new KeyStoreException($"The key store '{path}' already exists.");
            }

            (store._kdf, store._iterations, store._salt) = KeyStoreEnvelope.NewHeader(secret);
            store._fileKey = secret.DeriveKey(store._salt, store._iterations);
            store.Save(new Dictionary<ulong, Entry>());
        }

        return store;
    }

    /// <summary>Opens an existing key store file.</summary>
    /// <param name="path">The file; it must be readable by its owner only.</param>
    /// <param name="secret">Owned by the store from now on (disposed with it).</param>
    /// <exception cref="KeyStoreException">Missing file, unsafe permissions, wrong secret, tampering or bad format.</exception>
    public static FileDeviceKeyStore Open(string path, KeyStoreSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var store = new FileDeviceKeyStore(path, secret);
        store.Load();
        return store;
    }

    /// <summary>Opens the file if it exists, otherwise creates it (safe when several processes race to create it).</summary>
    public static FileDeviceKeyStore OpenOrCreate(string path, KeyStoreSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var store = new FileDeviceKeyStore(path, secret);
        using (store.LockForWrite())
        {
            if (File.Exists(store._path))
            {
                store.Load();
            }
            else
            {
                (store._kdf, store._iterations, store._salt) = KeyStoreEnvelope.NewHeader(secret);
                store._fileKey = secret.DeriveKey(store._salt, store._iterations);
                store.Save(new Dictionary<ulong, Entry>());
            }
        }

        return store;
    }

    /// <inheritdoc />
    public bool TryGetDevice(ulong deviceId, [NotNullWhen(true)] out DeviceRecord? record)
    {
        MaybeReload();
        if (_snapshot.Devices.TryGetValue(deviceId, out Entry? entry))
        {
            record = entry.Record;
            return true;
        }

        record = null;
        return false;
    }

    /// <summary>When the device was added and last changed.</summary>
    public bool TryGetTimes(ulong deviceId, out DateTimeOffset createdUtc, out DateTimeOffset changedUtc)
    {
        bool found = _snapshot.Devices.TryGetValue(deviceId, out Entry? entry);
        createdUtc = entry?.CreatedUtc ?? default;
        changedUtc = entry?.ChangedUtc ?? default;
        return found;
    }

    /// <summary>Adds a new device with a random 64-bit id and a random 256-bit root key, and saves the file.</summary>
    /// <param name="site">The device's site (topic segment).</param>
    public DeviceRecord Provision(string site)
    {
        ReportTopics.ValidateSite(site, nameof(site));
        lock (_writeLock)
        using (LockForWrite())
        {
            var devices = ReloadForWrite();
            ulong id;
            do
            {
                id = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));
            }
            while (id == 0 || devices.ContainsKey(id));

            var now = DateTimeOffset.UtcNow;
            var record = new DeviceRecord(id, site, RandomNumberGenerator.GetBytes(DeviceRecord.RootKeySizeBytes), DeviceStatus.Active);
            devices[id] = new Entry(record, now, now);
            Save(devices);
            return WithOwnKey(record);
        }
    }

    /// <summary>Adds an existing device record (e.g. an import) and saves the file.</summary>
    public void Add(DeviceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ReportTopics.ValidateSite(record.Site, nameof(record));
        if (record.RootKey.Length != DeviceRecord.RootKeySizeBytes)
        {
            throw new ArgumentException($"A root key has {DeviceRecord.RootKeySizeBytes} bytes.", nameof(record));
        }

        lock (_writeLock)
        using (LockForWrite())
        {
            var devices = ReloadForWrite();
            if (!devices.TryAdd(record.DeviceId, new Entry(WithOwnKey(record), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow)))
            {
                throw new InvalidOperationException($"Device {record.DeviceIdText} is already in the key store.");
            }

            Save(devices);
        }
    }

    /// <summary>
    /// Removes a device and saves the file (the tool undoes a provisioning whose bundle could not be written).
    /// Reports of a removed device are rejected as unknown; prefer <see cref="Revoke"/> for a device in service.
    /// </summary>
    /// <returns>False when the device was not in the store.</returns>
    public bool Remove(ulong deviceId)
    {
        lock (_writeLock)
        using (LockForWrite())
        {
            var devices = ReloadForWrite();
            if (!devices.Remove(deviceId))
            {
                return false;
            }

            Save(devices);
            return true;
        }
    }

    /// <summary>Marks a device revoked (its reports are rejected from now on) and saves the file.</summary>
    /// <returns>The updated record; <see langword="null"/> when the device is unknown.</returns>
    public DeviceRecord? Revoke(ulong deviceId) => Change(deviceId, r => r with { Status = DeviceStatus.Revoked });

    /// <summary>
    /// Gives a device a new random root key (the device must be re-flashed with a new configuration
    /// bundle) and reactivates it; saves the file.
    /// </summary>
    /// <returns>The updated record; <see langword="null"/> when the device is unknown.</returns>
    public DeviceRecord? Rotate(ulong deviceId) =>
        Change(deviceId, r => r with { RootKey = RandomNumberGenerator.GetBytes(DeviceRecord.RootKeySizeBytes), Status = DeviceStatus.Active });

    /// <summary>Re-reads the file now.</summary>
    public void Reload()
    {
        lock (_writeLock)
        {
            Load();
        }
    }

    /// <summary>Clears keys from memory: the file key, the secret and every device's root key held by this store.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_fileKey);
        foreach (Entry entry in _snapshot.Devices.Values)
        {
            if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray(entry.Record.RootKey, out ArraySegment<byte> key))
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }

        _snapshot = new Snapshot(FrozenDictionary<ulong, Entry>.Empty, default);
        _secret.Dispose();
    }

    private DeviceRecord? Change(ulong deviceId, Func<DeviceRecord, DeviceRecord> change)
    {
        lock (_writeLock)
        using (LockForWrite())
        {
            var devices = ReloadForWrite();
            if (!devices.TryGetValue(deviceId, out Entry? entry))
            {
                return null;
            }

            var updated = change(entry.Record);
            devices[deviceId] = entry with { Record = updated, ChangedUtc = DateTimeOffset.UtcNow };
            Save(devices);
            return WithOwnKey(updated);
        }
    }

    /// <summary>A record with its own copy of the key: the store and its callers never share a key array, so wiping
    /// the store's keys on <see cref="Dispose"/> leaves the caller's alone (and the reverse).</summary>
    private static DeviceRecord WithOwnKey(DeviceRecord record) => record with { RootKey = record.RootKey.ToArray() };

    /// <summary>The cross-process lock every read-modify-write of the file holds (see <see cref="KeyStoreFileLock"/>).</summary>
    private KeyStoreFileLock LockForWrite() => KeyStoreFileLock.Acquire(_path, KeyStoreFileLock.DefaultTimeout);

    private Dictionary<ulong, Entry> ReloadForWrite()
    {
        // Called under the file lock. Another process or instance may have changed the file since we read it
        // (a time stamp can miss a change made within its resolution): always start from the file.
        if (File.Exists(_path))
        {
            Load();
        }

        return new Dictionary<ulong, Entry>(_snapshot.Devices);
    }

    private void MaybeReload()
    {
        if (AutoReloadInterval <= TimeSpan.Zero)
        {
            return;
        }

        long now = Environment.TickCount64;
        long next = Interlocked.Read(ref _nextReloadCheckTicks);
        if (now < next || Interlocked.CompareExchange(ref _nextReloadCheckTicks, now + (long)AutoReloadInterval.TotalMilliseconds, next) != next)
        {
            return;
        }

        try
        {
            if (FileStamp.Of(_path) != _snapshot.Stamp)
            {
                Reload();
            }
        }
        catch (Exception ex) when (ex is IOException or KeyStoreException or UnauthorizedAccessException)
        {
            // Keep serving the last good snapshot; a bad write by someone else must not stop consumers.
        }
    }

    private void Load()
    {
        if (!File.Exists(_path))
        {
            throw new KeyStoreException($"The key store '{_path}' does not exist.");
        }

        if (SecureFile.IsAccessibleByOthers(_path))
        {
            throw new KeyStoreException($"The key store '{_path}' is accessible by other users; run chmod 600 on it.");
        }

        if (FileKind.TryGetOwner(_path, out uint owner, out bool ownedByMe) && !ownedByMe)
        {
            // Another account could have planted or can still rewrite it; its mode bits alone do not say.
            throw new KeyStoreException($"The key store '{_path}' belongs to another user (uid {owner}); only its owner may use it.");
        }

        string directory = Path.GetDirectoryName(_path) ?? ".";
        if (SecureFile.IsDirectoryWritableByOthers(directory))
        {
            throw new KeyStoreException($"The key store's folder '{directory}' is writable by other users, who could replace the file; run chmod go-w on it.");
        }

        var stamp = FileStamp.Of(_path);
        byte[] bytes = File.ReadAllBytes(_path);
        var envelope = KeyStoreEnvelope.Parse(bytes);
        bool isPassphraseFile = envelope.Kdf == KeyStoreEnvelope.KdfPbkdf2;
        if (isPassphraseFile != _secret.IsPassphrase)
        {
            throw new KeyStoreException(isPassphraseFile
                ? "This key store is locked with a passphrase, not a key."
                : "This key store is locked with a key (EDGESENSOR_KEYSTORE_KEY), not a passphrase.");
        }

        byte[] salt = envelope.SaltBytes();
        if (_fileKey.Length == 0 || !salt.AsSpan().SequenceEqual(_salt) || envelope.Iterations != _iterations)
        {
            CryptographicOperations.ZeroMemory(_fileKey);
            _fileKey = _secret.DeriveKey(salt, envelope.Iterations);
        }

        byte[] plaintext = envelope.Open(_fileKey);
        try
        {
            var contents = JsonSerializer.Deserialize(plaintext, KeyStoreJson.Default.KeyStoreContents)
                ?? throw new KeyStoreException("The key store is empty.");
            var devices = new Dictionary<ulong, Entry>();
            foreach (var device in contents.Devices ?? throw new KeyStoreException("The key store has no device list."))
            {
                var entry = ToEntry(device);
                if (!devices.TryAdd(entry.Record.DeviceId, entry))
                {
                    throw new KeyStoreException($"Device {device.Id} appears twice in the key store.");
                }
            }

            _kdf = envelope.Kdf;
            _iterations = envelope.Iterations;
            _salt = salt;
            _snapshot = new Snapshot(devices.ToFrozenDictionary(), stamp);
        }
        catch (JsonException ex)
        {
            throw new KeyStoreException("The key store contents are not valid.", ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private void Save(Dictionary<ulong, Entry> devices)
    {
        var contents = new KeyStoreContents();
        foreach (var entry in devices.Values.OrderBy(e => e.Record.DeviceId))
        {
            contents.Devices.Add(new KeyStoreDevice
            {
                Id = entry.Record.DeviceIdText,
                Site = entry.Record.Site,
                RootKey = Convert.ToBase64String(entry.Record.RootKey.Span),
                Status = entry.Record.Status == DeviceStatus.Active ? "active" : "revoked",
                CreatedUtc = entry.CreatedUtc,
                ChangedUtc = entry.ChangedUtc,
            });
        }

        byte[] plaintext = JsonSerializer.SerializeToUtf8Bytes(contents, KeyStoreJson.Default.KeyStoreContents);
        try
        {
            byte[] file = KeyStoreEnvelope.Seal(_kdf, _iterations, _salt, _fileKey, plaintext);
            SecureFile.WriteAllBytesAtomic(_path, file);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }

        _snapshot = new Snapshot(devices.ToFrozenDictionary(), FileStamp.Of(_path));
    }

    private static Entry ToEntry(KeyStoreDevice? device)
    {
        // JSON null passes the deserializer for any of these: refuse the file rather than crash on it.
        if (device is null || device.Id is null || device.Site is null || device.RootKey is null || device.Status is null)
        {
            throw new KeyStoreException("The key store holds a device with a missing field.");
        }

        if (!ReportTopics.TryParseDeviceId(device.Id, out ulong id) || !ReportTopics.IsValidSite(device.Site))
        {
            throw new KeyStoreException("The key store holds a device with a bad id or site.");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(device.RootKey);
        }
        catch (FormatException ex)
        {
            throw new KeyStoreException($"Device {device.Id} has a damaged root key.", ex);
        }

        if (key.Length != DeviceRecord.RootKeySizeBytes)
        {
            throw new KeyStoreException($"Device {device.Id} has a damaged root key.");
        }

        var status = device.Status switch
        {
            "active" => DeviceStatus.Active,
            "revoked" => DeviceStatus.Revoked,
            _ => throw new KeyStoreException($"Device {device.Id} has an unknown status."),
        };
        return new Entry(new DeviceRecord(id, device.Site, key, status), device.CreatedUtc, device.ChangedUtc);
    }

    private sealed record Entry(DeviceRecord Record, DateTimeOffset CreatedUtc, DateTimeOffset ChangedUtc);

    private sealed record Snapshot(FrozenDictionary<ulong, Entry> Devices, FileStamp Stamp);

    private readonly record struct FileStamp(DateTime LastWriteUtc, long Length)
    {
        public static FileStamp Of(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(info.LastWriteTimeUtc, info.Length) : default;
        }
    }
}
