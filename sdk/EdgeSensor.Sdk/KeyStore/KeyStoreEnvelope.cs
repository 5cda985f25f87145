using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeSensor.Sdk.KeyStore;

/// <summary>
/// The key store file's outer layer: a small JSON header (format, KDF, salt, nonce) and the device
/// list encrypted with AES-256-GCM (NIST SP 800-38D). The header is bound as associated data, so
/// changing the KDF, iteration count or salt makes decryption fail. Format in docs/sdk.md.
/// </summary>
internal sealed class KeyStoreEnvelope
{
    public const string FormatName = "edgesensor-keystore";
    public const int CurrentVersion = 1;
    public const string KdfPbkdf2 = "pbkdf2-sha256";
    public const string KdfRawKey = "raw-key";
    private const int SaltSizeBytes = 16;
    private const int NonceSizeBytes = 12;
    private const int TagSizeBytes = 16;

    [JsonPropertyName("format")]
    public string Format { get; set; } = FormatName;

    [JsonPropertyName("version")]
    public int Version { get; set; } = CurrentVersion;

    [JsonPropertyName("kdf")]
    public string Kdf { get; set; } = KdfRawKey;

    [JsonPropertyName("iterations")]
    public int Iterations { get; set; }

    [JsonPropertyName("salt")]
    public string Salt { get; set; } = string.Empty;

    [JsonPropertyName("nonce")]
    public string Nonce { get; set; } = string.Empty;

    [JsonPropertyName("ciphertext")]
    public string Ciphertext { get; set; } = string.Empty;

    [JsonPropertyName("tag")]
    public string Tag { get; set; } = string.Empty;

    /// <summary>Makes a fresh header (new salt) for a secret.</summary>
    public static (string Kdf, int Iterations, byte[] Salt) NewHeader(KeyStoreSecret secret) =>
        secret.IsPassphrase
            ? (KdfPbkdf2, secret.Iterations, RandomNumberGenerator.GetBytes(SaltSizeBytes))
            : (KdfRawKey, 0, RandomNumberGenerator.GetBytes(SaltSizeBytes));

    public static byte[] Seal(string kdf, int iterations, byte[] salt, ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> plaintext)
    {
        var envelope = new KeyStoreEnvelope { Kdf = kdf, Iterations = iterations, Salt = Convert.ToBase64String(salt) };
        byte[] nonce = RandomNumberGenerator.GetBytes(NonceSizeBytes);
        byte[] ciphertext = new byte[plaintext.Length];
        byte[] tag = new byte[TagSizeBytes];
        using (var aes = new AesGcm(fileKey, TagSizeBytes))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, envelope.AssociatedData());
        }

        envelope.Nonce = Convert.ToBase64String(nonce);
        envelope.Ciphertext = Convert.ToBase64String(ciphertext);
        envelope.Tag = Convert.ToBase64String(tag);
        return JsonSerializer.SerializeToUtf8Bytes(envelope, KeyStoreJson.Default.KeyStoreEnvelope);
    }

    /// <summary>Parses and validates the header; throws <see cref="KeyStoreException"/> on anything unexpected.</summary>
    public static KeyStoreEnvelope Parse(ReadOnlySpan<byte> fileBytes)
    {
        KeyStoreEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(fileBytes, KeyStoreJson.Default.KeyStoreEnvelope);
        }
        catch (JsonException ex)
        {
            throw new KeyStoreException("The key store file is not valid JSON.", ex);
        }

        if (envelope is null || envelope.Format != FormatName)
        {
            throw new KeyStoreException("The file is not an EdgeSensor key store.");
        }

        // JSON null passes the deserializer for these strings; a damaged header must fail here, not crash later.
        RequireField(envelope.Kdf, "kdf");
        RequireField(envelope.Salt, "salt");
        RequireField(envelope.Nonce, "nonce");
        RequireField(envelope.Ciphertext, "ciphertext");
        RequireField(envelope.Tag, "tag");

        if (envelope.Version != CurrentVersion)
        {
            throw new KeyStoreException($"Unsupported key store version {envelope.Version}.");
        }

        if (envelope.Kdf == KdfPbkdf2 && envelope.Iterations < KeyStoreSecret.MinimumIterations)
        {
            throw new KeyStoreException($"The key store asks for fewer than {KeyStoreSecret.MinimumIterations} PBKDF2 iterations.");
        }

        if (envelope.Kdf == KdfPbkdf2 && envelope.Iterations > KeyStoreSecret.MaximumIterations)
        {
            throw new KeyStoreException($"The key store asks for more than {KeyStoreSecret.MaximumIterations} PBKDF2 iterations.");
        }

        if (envelope.Kdf != KdfPbkdf2 && envelope.Kdf != KdfRawKey)
        {
            throw new KeyStoreException($"Unknown key derivation '{envelope.Kdf}'.");
        }

        return envelope;
    }

    public byte[] SaltBytes() => Decode(Salt, "salt");

    /// <summary>Decrypts the device list; a wrong secret or any tampering throws.</summary>
    public byte[] Open(ReadOnlySpan<byte> fileKey)
    {
        byte[] nonce = Decode(Nonce, "nonce");
        byte[] ciphertext = Decode(Ciphertext, "ciphertext");
        byte[] tag = Decode(Tag, "tag");
        if (nonce.Length != NonceSizeBytes || tag.Length != TagSizeBytes)
        {
            throw new KeyStoreException("The key store header is damaged.");
        }

        byte[] plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(fileKey, TagSizeBytes);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, AssociatedData());
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new KeyStoreException("Cannot unlock the key store: wrong passphrase or key, or the file was modified.", ex);
        }

        return plaintext;
    }

    private byte[] AssociatedData() => Encoding.UTF8.GetBytes($"{Format}/{Version}/{Kdf}/{Iterations}/{Salt}");

    private static void RequireField(string? value, string field)
    {
        if (value is null)
        {
            throw new KeyStoreException($"The key store header is damaged: '{field}' is missing.");
        }
    }

    private static byte[] Decode(string? text, string field)
    {
        if (text is null)
        {
            throw new KeyStoreException($"The key store field '{field}' is missing.");
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException ex)
        {
            throw new KeyStoreException($"The key store field '{field}' is not base64.", ex);
        }
    }
}
