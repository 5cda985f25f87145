using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using EdgeSensor.Sdk.KeyStore;
using MQTTnet;
using MQTTnet.Formatter;

namespace EdgeSensor.Sdk.Client;

/// <summary>Turns <see cref="EdgeSensorClientOptions"/> into MQTTnet client options (MQTT 5, TLS, credentials).</summary>
internal static class MqttConnectionFactory
{
    public static MqttClientOptions Build(EdgeSensorClientOptions options)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.EffectivePort)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(options.ClientId)
            .WithKeepAlivePeriod(options.KeepAlive)
            .WithTimeout(options.ConnectTimeout)
            .WithCleanStart(options.SessionExpirySeconds == 0)
            .WithSessionExpiryInterval(options.SessionExpirySeconds);
        if (options.Username is not null)
        {
            builder.WithCredentials(options.Username, options.Password ?? string.Empty);
        }

        if (options.UseTls)
        {
            X509Certificate2Collection? trusted = LoadTrustedCas(options);
            X509Certificate2? clientCertificate = LoadClientCertificate(options);
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls()
                    .WithTargetHost(options.Host)
                    .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
                    .WithCertificateValidationHandler(e => ValidateServerCertificate(e.Certificate, e.SslPolicyErrors, trusted));
                if (clientCertificate is not null)
                {
                    tls.WithClientCertificates([clientCertificate]);
                }
            });
        }

        return builder.Build();
    }

    /// <summary>
    /// With a configured CA, the broker's certificate must chain to that CA alone (custom root trust)
    /// and match the host name; without one, the system's validation result stands.
    /// </summary>
    internal static bool ValidateServerCertificate(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection? trusted)
    {
        if (certificate is null)
        {
            return false;
        }

        if (trusted is null || trusted.Count == 0)
        {
            return errors == SslPolicyErrors.None;
        }

        if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }

    private static X509Certificate2Collection? LoadTrustedCas(EdgeSensorClientOptions options)
    {
        var collection = new X509Certificate2Collection();
        if (options.TrustedCaCertificates is not null)
        {
            collection.AddRange(options.TrustedCaCertificates);
        }

        if (options.CaCertificatePath is not null)
        {
            CheckPemFile(options.CaCertificatePath, "CA certificate");
            collection.ImportFromPemFile(options.CaCertificatePath);
        }

        return collection.Count == 0 ? null : collection;
    }

    private static X509Certificate2? LoadClientCertificate(EdgeSensorClientOptions options)
    {
        if (options.ClientCertificate is not null)
        {
            return options.ClientCertificate;
        }

        if (options.ClientCertificatePath is null || options.ClientKeyPath is null)
        {
            return null;
        }

        CheckPemFile(options.ClientCertificatePath, "client certificate");
        CheckPemFile(options.ClientKeyPath, "client key");
        using var pem = X509Certificate2.CreateFromPemFile(options.ClientCertificatePath, options.ClientKeyPath);

        // SslStream on Linux needs a certificate whose key is not ephemeral: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>The largest PEM file read: a chain of certificates is a few KiB; anything bigger is not one.</summary>
    private const long MaxPemFileBytes = 1024 * 1024;

    /// <summary>
    /// Refuses a PEM path that is not a regular file of a sane size before the platform reads it whole:
    /// <c>/dev/zero</c> as a CA file once grew the process until it ran out of memory.
    /// </summary>
    private static void CheckPemFile(string path, string what)
    {
        FileKindValue kind = FileKind.Of(path);
        if (kind == FileKindValue.SymbolicLink)
        {
            // A link is judged by what it finally names (a link to /dev/zero is /dev/zero).
            path = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
            kind = FileKind.Of(path);
        }

        if (kind == FileKindValue.Missing)
        {
            throw new FileNotFoundException($"The {what} file '{path}' does not exist.", path);
        }

        if (kind != FileKindValue.Regular || new FileInfo(path).Length > MaxPemFileBytes)
        {
            throw new InvalidDataException($"The {what} file '{path}' is not a regular PEM file of at most {MaxPemFileBytes} bytes.");
        }
    }
}
