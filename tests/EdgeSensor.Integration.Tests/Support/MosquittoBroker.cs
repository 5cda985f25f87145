using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace EdgeSensor.Integration.Tests.Support;

/// <summary>
/// A real Mosquitto (Debian package, installed by ./test.sh) started on a free loopback port with a
/// config written to a temp folder; stopped on dispose, also when the test failed. Persistence is on,
/// so a graceful restart keeps consumers' sessions and their queued QoS 1 messages.
/// A missing Mosquitto fails the test: the issue requires these tests to run.
/// </summary>
internal sealed partial class MosquittoBroker : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly string _directory;
    private readonly string _configPath;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private MosquittoBroker(string directory, int port, bool tls)
    {
        _directory = directory;
        Port = port;
        Tls = tls;
        _configPath = Path.Combine(directory, "mosquitto.conf");
    }

    public int Port { get; }

    public bool Tls { get; }

    public string Directory => _directory;

    /// <summary>The running Mosquitto's process id (its sockets are under /proc/&lt;pid&gt;/fd).</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("Mosquitto is not running.");

    public bool HasExited => _process?.HasExited ?? true;

    /// <summary>What Mosquitto printed (errors and warnings), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string Executable
    {
        get
        {
            foreach (string candidate in new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            Assert.Fail("Mosquitto is not installed: run ./test.sh, which installs the Debian packages in tests/system-packages.txt (or: sudo apt-get install mosquitto).");
            return string.Empty;
        }
    }

    /// <summary>Starts a broker; with <paramref name="tls"/>, the listener uses the given CA-signed server certificate.</summary>
    public static async Task<MosquittoBroker> StartAsync(TestCertificates? tls = null, bool requireClientCertificate = false)
    {
        return await FreePort.StartOnFreePortAsync<MosquittoBroker>("Mosquitto", "Address already in use", async port =>
        {
            MosquittoBroker broker = await WriteConfigAsync(port, tls, requireClientCertificate);
            if (await broker.TryStartProcessAsync())
            {
                return (broker, string.Empty);
            }

            string output = broker.Output;
            await broker.DisposeAsync();
            return (null, output);
        });
    }

    private static async Task<MosquittoBroker> WriteConfigAsync(int port, TestCertificates? tls, bool requireClientCertificate)
    {
        string directory = Path.Combine(Path.GetTempPath(), "edgesensor-mosquitto-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var broker = new MosquittoBroker(directory, port, tls is not null);
        var config = new StringBuilder()
            .AppendLine("per_listener_settings false")
            // Started as root, Mosquitto would switch to the 'mosquitto' user and could not write its
            // persistence file in our temp folder; as any other user this line has no effect.
            .AppendLine($"user {Environment.UserName}")
            .AppendLine($"allow_anonymous {(requireClientCertificate ? "false" : "true")}")
            .AppendLine("persistence true")
            .AppendLine($"persistence_location {directory}/")
            .AppendLine("max_queued_messages 0")
            .AppendLine("max_inflight_messages 0")
            .AppendLine("log_dest stderr")
            .AppendLine("log_type error")
            .AppendLine("log_type warning")
            .AppendLine("log_type " + (Environment.GetEnvironmentVariable("EDGESENSOR_MOSQUITTO_LOG") ?? "notice"))
            .AppendLine($"listener {broker.Port} 127.0.0.1");
        if (tls is not null)
        {
            string ca = Path.Combine(directory, "ca.pem");
            string cert = Path.Combine(directory, "server.pem");
            string key = Path.Combine(directory, "server.key");
            tls.WriteServerFiles(ca, cert, key);
            config.AppendLine($"cafile {ca}").AppendLine($"certfile {cert}").AppendLine($"keyfile {key}").AppendLine("tls_version tlsv1.2");
            if (requireClientCertificate)
            {
                config.AppendLine("require_certificate true").AppendLine("use_identity_as_username true");
            }
        }

        await File.WriteAllTextAsync(broker._configPath, config.ToString());
        return broker;
    }

    /// <summary>
    /// Starts Mosquitto on a configuration the caller wrote (for example one taken from the guides) and waits
    /// until <paramref name="port"/> accepts connections; null, with Mosquitto's output, when it exits first.
    /// </summary>
    public static async Task<(MosquittoBroker? Broker, string Output)> TryStartWithConfigAsync(string directory, string config, int port)
    {
        var broker = new MosquittoBroker(directory, port, tls: true);
        await File.WriteAllTextAsync(broker._configPath, config);
        if (await broker.TryStartProcessAsync())
        {
            return (broker, broker.Output);
        }

        await broker.StopAsync(graceful: false);
        return (null, broker.Output);
    }

    /// <summary>Stops gracefully (SIGTERM: Mosquitto saves its sessions) and starts again on the same port.</summary>
    public async Task RestartAsync()
    {
        await StopAsync(graceful: true);
        await StartProcessAsync();
    }

    public async Task StopAsync(bool graceful)
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                if (graceful)
                {
                    _ = Kill(process.Id, SigTerm);
                    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    try
                    {
                        await process.WaitForExitAsync(cts.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }

                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            // Also when it had exited already: waits until its last output lines have been read.
            await process.WaitForExitAsync();
        }
        finally
        {
            process.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(graceful: false);
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task StartProcessAsync()
    {
        if (!await TryStartProcessAsync())
        {
            string output = Output;
            await StopAsync(graceful: false);
            Assert.Fail($"Mosquitto did not start on port {Port}: {output}");
        }
    }

    private async Task<bool> TryStartProcessAsync()
    {
        var info = new ProcessStartInfo(Executable, ["-c", _configPath])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start mosquitto.");
        process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;
        return await FreePort.WaitUntilOpenAsync(Port, TimeSpan.FromSeconds(15), () => process.HasExited);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
