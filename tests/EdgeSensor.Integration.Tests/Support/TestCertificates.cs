using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EdgeSensor.Integration.Tests.Support;

/// <summary>A throw-away CA and a server certificate for 127.0.0.1/localhost, made in the test.</summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly ECDsa _caKey;

    private TestCertificates(X509Certificate2 ca, ECDsa caKey, X509Certificate2 server)
    {
        Ca = ca;
        _caKey = caKey;
        Server = server;
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Server { get; }

    public static TestCertificates Create(string caName = "EdgeSensor Test CA")
    {
        var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={caName}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(san.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        byte[] serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var signed = serverRequest.Create(ca, now.AddMinutes(-5), now.AddDays(1), serial);
        var server = signed.CopyWithPrivateKey(serverKey);
        return new TestCertificates(ca, caKey, server);
    }

    /// <summary>A client certificate (TLS client authentication) signed by this CA.</summary>
    public X509Certificate2 IssueClient(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        byte[] serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        var now = DateTimeOffset.UtcNow;
        using var signed = request.Create(Ca.SubjectName, X509SignatureGenerator.CreateForECDsa(_caKey), now.AddMinutes(-5), now.AddDays(1), serial);
        using var withKey = signed.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    public void WriteServerFiles(string caPath, string certPath, string keyPath)
    {
        File.WriteAllText(caPath, Ca.ExportCertificatePem());
        File.WriteAllText(certPath, Server.ExportCertificatePem());
        File.WriteAllText(keyPath, Server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }

    public void Dispose()
    {
        _caKey.Dispose();
        Ca.Dispose();
        Server.Dispose();
    }
}
