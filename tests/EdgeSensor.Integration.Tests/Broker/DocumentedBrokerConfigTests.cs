using System.Globalization;
using System.Text.RegularExpressions;
using EdgeSensor.Integration.Tests.Support;
using EdgeSensor.Tests.Shared;
using MQTTnet;

namespace EdgeSensor.Integration.Tests.Broker;

/// <summary>
/// Starts a real Mosquitto with the configuration blocks of hardware/broker.md, taken from the markdown
/// (so the guide and the test cannot drift), and observes which TCP ports the process listens on.
/// Only file paths and port numbers are substituted (see <see cref="ForTest"/>).
/// </summary>
[TestClass]
[DoNotParallelize] // the negative control binds port 1883 on all interfaces
public sealed partial class DocumentedBrokerConfigTests
{
    private const int MosquittoDefaultPort = 1883;
    internal const string ConsumerUser = "consumer-pilot";
    internal const string ConsumerPassword = "consumer-password-for-the-test";

    [TestMethod]
    public async Task DocumentedConfig_ListensOnlyOnItsTlsPort()
    {
        string documented = DocumentedBlock("`/etc/mosquitto/conf.d/edgesensor.conf`:");

        await using var run = await DocumentedRun.StartAsync(documented);

        var listening = run.ListeningPorts();
        CollectionAssert.AreEquivalent(new[] { run.PortFor(8883) }, listening.Select(l => l.Port).Distinct().ToArray(), run.Describe(listening));
        Assert.IsFalse(listening.Any(l => l.Port == MosquittoDefaultPort), "no plaintext listener on 1883: " + run.Describe(listening));
        Assert.IsFalse(await PlaintextLoginSucceedsAsync(run.PortFor(8883)), "the documented listener does not accept a plaintext MQTT CONNECT");
    }

    [TestMethod]
    public async Task DocumentedConfig_WithTheDeviceCertificateListener_ListensOnExactlyTheTwoTlsPorts()
    {
        string documented = DocumentedBlock("`/etc/mosquitto/conf.d/edgesensor.conf`:")
            + "\n" + DocumentedBlock("Append to `/etc/mosquitto/conf.d/edgesensor.conf`:");
        StringAssert.Contains(documented, "require_certificate true");

        await using var run = await DocumentedRun.StartAsync(documented);

        var listening = run.ListeningPorts();
        CollectionAssert.AreEquivalent(new[] { run.PortFor(8883), run.PortFor(8884) }, listening.Select(l => l.Port).Distinct().ToArray(), run.Describe(listening));
    }

    /// <summary>
    /// What section 6 and the troubleshooting section of hardware/broker.md promise, on the documented two-listener file
    /// and ACL: a device certificate with CN gate-7 is its ACL identity on 8884 without a password, its own topic
    /// is delivered, another device's topic is refused with MQTT 5 reason code 0x87, and 8884 refuses a client
    /// without a certificate.
    /// </summary>
    [TestMethod]
    public async Task DocumentedConfig_DeviceCertificateListener_CnIsTheAclIdentity()
    {
        string documented = DocumentedBlock("`/etc/mosquitto/conf.d/edgesensor.conf`:")
            + "\n" + DocumentedBlock("Append to `/etc/mosquitto/conf.d/edgesensor.conf`:");
        await using var run = await DocumentedRun.StartAsync(documented);
        var certificates = run.Certificates;

        using var consumer = await ConnectAsync(run.PortFor(8883), certificates, b => b.WithCredentials(ConsumerUser, ConsumerPassword));
        var received = new System.Collections.Concurrent.ConcurrentQueue<string>();
        consumer.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue(e.ApplicationMessage.Topic);
            return Task.CompletedTask;
        };
        await consumer.SubscribeAsync("edgesensor/#", MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce);

        using var deviceCertificate = certificates.IssueClient("gate-7");
        using var device = await ConnectAsync(run.PortFor(8884), certificates, b => b.WithTlsOptions(t => t
            .UseTls().WithTargetHost("localhost").WithTrustChain([certificates.Ca]).WithClientCertificates([deviceCertificate])
            .WithCertificateValidationHandler(e => MqttConnectionFactoryProbe.Validate(e, certificates))));
        const string own = "edgesensor/north-gate/9b7f9adc16efab6a/report";
        const string other = "edgesensor/north-gate/0123456789abcdef/report";

        var ownResult = await device.PublishAsync(Report(own));
        var otherResult = await device.PublishAsync(Report(other));

        Assert.AreEqual(MqttClientPublishReasonCode.Success, ownResult.ReasonCode);
        Assert.AreEqual(MqttClientPublishReasonCode.NotAuthorized, otherResult.ReasonCode, "MQTT 5 PUBACK reason code 0x87");
        Assert.AreEqual(0x87, (int)otherResult.ReasonCode);
        Assert.IsTrue(await Eventually.TrueAsync(() => received.Contains(own), TimeSpan.FromSeconds(10)), "the device's own topic is delivered");
        await Task.Delay(300);
        Assert.DoesNotContain(other, received.ToArray(), "another device's topic is not delivered");
        StringAssert.Contains(run.Broker.Output, "Denied PUBLISH", "logged at debug level (log_type all in the test harness)");

        await Assert.ThrowsAsync<Exception>(
            () => ConnectAsync(run.PortFor(8884), certificates, b => b.WithCredentials(ConsumerUser, ConsumerPassword)),
            "8884 refuses a client without a certificate, even with a valid password");
    }

    /// <summary>
    /// The control that lets the tests above fail: the same documented file with only
    /// <c>per_listener_settings true</c> gets an extra plaintext listener on 1883, on all interfaces, that takes
    /// the documented accounts' passwords in clear.
    /// </summary>
    [TestMethod]
    public async Task NegativeControl_PerListenerSettingsTrue_OpensPlaintext1883()
    {
        string documented = DocumentedBlock("`/etc/mosquitto/conf.d/edgesensor.conf`:");
        // The one deliberate change: the setting the guide warns against.
        string bad = documented.Replace("per_listener_settings false", "per_listener_settings true", StringComparison.Ordinal);
        Assert.AreNotEqual(documented, bad);

        bool takenByAnother = ListeningSockets.AnyoneListensOn(MosquittoDefaultPort);
        var (run, output) = await DocumentedRun.TryStartAsync(bad);
        if (run is null)
        {
            // Another process holds 1883, so Mosquitto could not open its extra listener and stopped; its log
            // names the port it tried. Checked explicitly, so this case cannot pass silently.
            Assert.IsTrue(takenByAnother, "Mosquitto stopped although 1883 was free: " + output);
            StringAssert.Contains(output, $"listen socket on port {MosquittoDefaultPort}");
            Console.WriteLine("Port 1883 was in use by another process; the control observed Mosquitto trying to open it and failing.");
            return;
        }

        await using (run)
        {
            var listening = run.ListeningPorts();
            var plaintext = listening.Where(l => l.Port == MosquittoDefaultPort).ToArray();
            Assert.IsNotEmpty(plaintext, "the extra default listener exists: " + run.Describe(listening));
            Assert.IsTrue(plaintext.All(l => l.AllInterfaces), "and it is bound to all interfaces: " + run.Describe(listening));
            if (takenByAnother)
            {
                // A more specific socket of another process would take a loopback connection to 1883.
                Console.WriteLine("Port 1883 is shared with another process; the plaintext login was not tried.");
                return;
            }

            Assert.IsTrue(await PlaintextLoginSucceedsAsync(MosquittoDefaultPort), "a documented account logs in over plaintext on 1883");
        }
    }

    /// <summary>The fenced block right below the line <paramref name="introduction"/> in hardware/broker.md.</summary>
    internal static string DocumentedBlock(string introduction)
    {
        string guide = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "hardware", "broker.md")).Replace("\r", string.Empty, StringComparison.Ordinal);
        string line = "\n" + introduction + "\n";
        int at = guide.IndexOf(line, StringComparison.Ordinal);
        Assert.IsGreaterThanOrEqualTo(0, at, $"broker.md has the line {introduction}");
        var block = FencedBlock().Match(guide, at + line.Length);
        Assert.IsTrue(block.Success, $"a fenced block follows {introduction}");
        return block.Groups[1].Value;
    }

    private static MqttApplicationMessage Report(string topic) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload([1, 2, 3])
            .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build();

    /// <summary>An MQTT 5 client over TLS to localhost that trusts only the test CA.</summary>
    private static async Task<IMqttClient> ConnectAsync(int port, TestCertificates certificates, Action<MqttClientOptionsBuilder> configure)
    {
        var builder = new MqttClientOptionsBuilder().WithTcpServer("localhost", port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).WithTimeout(TimeSpan.FromSeconds(10))
            .WithClientId("documented-" + Guid.NewGuid().ToString("N")[..8])
            .WithTlsOptions(t => t.UseTls().WithTargetHost("localhost").WithTrustChain([certificates.Ca])
                .WithCertificateValidationHandler(e => MqttConnectionFactoryProbe.Validate(e, certificates)));
        configure(builder);
        var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            var result = await client.ConnectAsync(builder.Build());
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new InvalidOperationException("CONNACK " + result.ResultCode);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<bool> PlaintextLoginSucceedsAsync(int port)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port)
            .WithCredentials(ConsumerUser, ConsumerPassword).WithTimeout(TimeSpan.FromSeconds(5)).Build();
        try
        {
            var result = await client.ConnectAsync(options);
            return result.ResultCode == MqttClientConnectResultCode.Success;
        }
        catch (Exception)
        {
            // Refused, reset or timed out: whatever the reason, no session was opened.
            return false;
        }
    }

    [GeneratedRegex(@"\G\n*```[a-z]*\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"^listener (\d+)$", RegexOptions.Multiline)]
    private static partial Regex ListenerLine();

    [GeneratedRegex(@"/etc/mosquitto/(?:certs/)?([A-Za-z0-9._-]+)")]
    private static partial Regex GuidePath();

    /// <summary>The guide's configuration made runnable in a temp folder, and the Mosquitto running it.</summary>
    internal sealed class DocumentedRun : IAsyncDisposable
    {
        private readonly Dictionary<int, int> _ports;

        private DocumentedRun(MosquittoBroker broker, Dictionary<int, int> ports, TestCertificates certificates)
        {
            Broker = broker;
            _ports = ports;
            Certificates = certificates;
        }

        public MosquittoBroker Broker { get; }

        /// <summary>The test CA behind the guide's ca.pem, server.pem and server.key.</summary>
        public TestCertificates Certificates { get; }

        /// <param name="accounts">Accounts added to the password file next to the consumer's (for example the ACL's devices).</param>
        public static async Task<DocumentedRun> StartAsync(string documented, params (string User, string Password)[] accounts)
        {
            var (run, output) = await TryStartAsync(documented, accounts);
            Assert.IsNotNull(run, "Mosquitto started and kept running with the guide's configuration:\n" + output);
            return run;
        }

        /// <summary>Null, with the configuration and Mosquitto's output, when Mosquitto exits instead of running.</summary>
        public static async Task<(DocumentedRun? Run, string Output)> TryStartAsync(string documented, params (string User, string Password)[] accounts)
        {
            var (directory, config, ports, certificates) = await ForTest(documented, accounts);
            var (broker, output) = await MosquittoBroker.TryStartWithConfigAsync(directory, config, ports.Values.First());
            if (broker is not null)
            {
                // All listeners are opened before Mosquitto reports "running"; one that cannot bind stops it.
                await Eventually.TrueAsync(() => broker.Output.Contains(" running", StringComparison.Ordinal) || broker.HasExited, TimeSpan.FromSeconds(15));
                if (!broker.HasExited && broker.Output.Contains(" running", StringComparison.Ordinal))
                {
                    return (new DocumentedRun(broker, ports, certificates), broker.Output);
                }

                await broker.DisposeAsync();
                output = broker.Output;
            }

            certificates.Dispose();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }

            return (null, config + "\n" + output);
        }

        /// <summary>The free port that stands in for the guide's <paramref name="documentedPort"/>.</summary>
        public int PortFor(int documentedPort) => _ports[documentedPort];

        public IReadOnlyList<ListeningSocket> ListeningPorts() => ListeningSockets.OfProcess(Broker.ProcessId);

        public string Describe(IReadOnlyList<ListeningSocket> listening) =>
            "listening: " + string.Join(", ", listening) + "; ports " + string.Join(", ", _ports.Select(p => $"{p.Key}->{p.Value}")) + "\n" + Broker.Output;

        public async ValueTask DisposeAsync()
        {
            await Broker.DisposeAsync();
            Certificates.Dispose();
        }

        /// <summary>
        /// The only changes made to the guide's text. Substitution: every documented <c>listener N</c> gets a free
        /// port (8883 may be taken on a test machine), and every /etc/mosquitto path points at a file made here:
        /// test certificates, a password file with the consumer account, and the ACL block of hardware/broker.md.
        /// Three harness lines go on top, none of them about listeners or security: <c>user</c> (as root Mosquitto
        /// would switch to the 'mosquitto' user, which cannot read the temp folder) and logging to stderr.
        /// </summary>
        private static async Task<(string Directory, string Config, Dictionary<int, int> Ports, TestCertificates Certificates)> ForTest(string documented, (string User, string Password)[] accounts)
        {
            string directory = Path.Combine(Path.GetTempPath(), "edgesensor-documented-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(directory);
            var ports = new Dictionary<int, int>();
            string config = ListenerLine().Replace(documented, m =>
            {
                int documentedPort = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                ports[documentedPort] = FreePort.Next();
                return "listener " + ports[documentedPort].ToString(CultureInfo.InvariantCulture);
            });
            Assert.IsNotEmpty(ports, "the guide's configuration defines its listener(s)");
            Assert.IsFalse(ports.ContainsKey(MosquittoDefaultPort), "the guide defines no listener on 1883");

            var files = new HashSet<string>(StringComparer.Ordinal);
            config = GuidePath().Replace(config, m =>
            {
                files.Add(m.Groups[1].Value);
                return Path.Combine(directory, m.Groups[1].Value);
            });
            var certificates = TestCertificates.Create();
            await WriteReferencedFilesAsync(directory, files, certificates, accounts);

            Assert.AreEqual(documented.Split('\n').Length, config.Split('\n').Length, "substitution changes values, never lines");
            string harness = $"user {Environment.UserName}\nlog_dest stderr\nlog_type all\n";
            return (directory, harness + config, ports, certificates);
        }

        private static async Task WriteReferencedFilesAsync(string directory, HashSet<string> files, TestCertificates certificates, (string User, string Password)[] accounts)
        {
            certificates.WriteServerFiles(Path.Combine(directory, "ca.pem"), Path.Combine(directory, "server.pem"), Path.Combine(directory, "server.key"));
            await File.WriteAllTextAsync(Path.Combine(directory, "edgesensor.acl"), DocumentedBlock("`/etc/mosquitto/edgesensor.acl` (owner root, group mosquitto, mode 0640 like the password file):"));
            string passwordFile = Path.Combine(directory, "edgesensor.passwd");
            await File.WriteAllTextAsync(passwordFile, string.Empty);
            await MosquittoPasswd(passwordFile, ConsumerUser, ConsumerPassword);
            foreach (var (user, password) in accounts)
            {
                await MosquittoPasswd(passwordFile, user, password);
            }
            foreach (string file in files)
            {
                Assert.IsTrue(File.Exists(Path.Combine(directory, file)), $"the test provides the guide's {file}");
            }
        }

        private static async Task MosquittoPasswd(string file, string user, string password)
        {
            string tool = Path.Combine(Path.GetDirectoryName(MosquittoBroker.Executable)!.Replace("/sbin", "/bin", StringComparison.Ordinal), "mosquitto_passwd");
            var info = new System.Diagnostics.ProcessStartInfo(tool, ["-b", file, user, password]) { RedirectStandardError = true, RedirectStandardOutput = true };
            using var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("Could not start mosquitto_passwd.");
            string error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.AreEqual(0, process.ExitCode, "mosquitto_passwd: " + error);
        }
    }
}

/// <summary>A TCP socket in LISTEN state: its port and whether it is bound to every interface.</summary>
internal sealed record ListeningSocket(int Port, string Address)
{
    public bool AllInterfaces => Address is "0.0.0.0" or "::";

    public override string ToString() => Address.Contains(':', StringComparison.Ordinal) ? $"[{Address}]:{Port}" : $"{Address}:{Port}";
}

/// <summary>Reads listening TCP sockets from /proc (Linux): those of one process, or anyone's on a port.</summary>
internal static class ListeningSockets
{
    private const string ListenState = "0A";

    /// <summary>The listening sockets whose inodes are among the process's open file descriptors.</summary>
    public static IReadOnlyList<ListeningSocket> OfProcess(int processId)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (string fd in Directory.EnumerateFiles($"/proc/{processId}/fd"))
        {
            string? target = new FileInfo(fd).LinkTarget;
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                inodes.Add(target["socket:[".Length..^1]);
            }
        }

        return All().Where(s => inodes.Contains(s.Inode)).Select(s => s.Socket).ToArray();
    }

    public static bool AnyoneListensOn(int port) => All().Any(s => s.Socket.Port == port);

    private static IEnumerable<(ListeningSocket Socket, string Inode)> All()
    {
        foreach (string table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (string line in File.ReadLines(table).Skip(1))
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
                string[] column = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (column.Length > 9 && column[3] == ListenState)
                {
                    string[] local = column[1].Split(':');
                    yield return (new ListeningSocket(int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture), Address(local[0])), column[9]);
                }
            }
        }
    }

    /// <summary>/proc/net/tcp{,6} print the address as 32-bit words in host (little-endian) byte order.</summary>
    private static string Address(string hex)
    {
        byte[] bytes = Convert.FromHexString(hex);
        for (int word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        return new System.Net.IPAddress(bytes).ToString();
    }
}
