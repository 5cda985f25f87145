using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace EdgeSensor.Integration.Tests.Support;

/// <summary>
/// A real PostgreSQL server (Debian's <c>postgresql</c> package, installed by ./test.sh) with its own cluster:
/// <c>initdb</c> into a temp folder, <c>postgres</c> on a free loopback port with its unix socket in that
/// folder, password login over TCP; stopped and deleted on dispose. The system cluster the package creates is
/// never used. PostgreSQL refuses to run as root, so under root (as ./test.sh runs in CI containers) the
/// cluster runs as the package's unprivileged <c>postgres</c> account through <c>setpriv</c>. One instance per
/// test run (<see cref="SharedAsync"/>); each test takes a fresh database from it.
/// A missing PostgreSQL fails the test: the issue requires these tests to run.
/// </summary>
internal sealed partial class PostgresServer : IAsyncDisposable
{
    public const string Superuser = "edgesensor";
    private const int SigQuit = 3; // PostgreSQL's "immediate shutdown": the cluster is deleted next, nothing to save
    private const string ServiceAccount = "postgres";
    private static readonly Lazy<Task<PostgresServer>> s_shared = new(StartSharedAsync);

    private readonly string _directory;
    private readonly string _binDirectory;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private PostgresServer(string directory, string binDirectory)
    {
        _directory = directory;
        _binDirectory = binDirectory;
        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    }

    public int Port { get; private set; }

    /// <summary>The superuser's password (TCP logins need it; the unix socket trusts).</summary>
    public string Password { get; }

    /// <summary>What PostgreSQL printed, for failure messages.</summary>
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

    /// <summary>The newest installed server's programs (/usr/lib/postgresql/&lt;major&gt;/bin).</summary>
    public static string BinDirectory
    {
        get
        {
            const string root = "/usr/lib/postgresql";
            var candidates = Directory.Exists(root)
                ? Directory.GetDirectories(root)
                    .Select(d => (Major: int.TryParse(Path.GetFileName(d), out int v) ? v : -1, Bin: Path.Combine(d, "bin")))
                    .Where(c => c.Major > 0 && File.Exists(Path.Combine(c.Bin, "initdb")) && File.Exists(Path.Combine(c.Bin, "postgres")))
                    .OrderByDescending(c => c.Major)
                    .ToArray()
                : [];
            if (candidates.Length == 0)
            {
                Assert.Fail("PostgreSQL is not installed: run ./test.sh, which installs the Debian packages in tests/system-packages.txt (or: sudo apt-get install postgresql).");
            }

            return candidates[0].Bin;
        }
    }

    /// <summary>The run's one server, started on first use and stopped when the test process exits.</summary>
    public static Task<PostgresServer> SharedAsync() => s_shared.Value;

    /// <summary>A connection string for <paramref name="database"/> over TCP with the password.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = Superuser,
            Password = Password,
            Database = database,
            Pooling = false,
        }.ConnectionString;

    /// <summary>A new empty database with a unique name; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        string name = "edgesensor_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection); // name is ours: [a-z0-9_]
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Initialises a cluster in a temp folder and starts it.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        string bin = BinDirectory;
        string directory = Path.Combine(Path.GetTempPath(), "edgesensor-postgres-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var server = new PostgresServer(directory, bin);
        try
        {
            await server.InitialiseAsync();
            return await FreePort.StartOnFreePortAsync<PostgresServer>("PostgreSQL", "could not bind", async port =>
            {
                server.Port = port;
                if (await server.TryStartProcessAsync())
                {
                    return (server, string.Empty);
                }

                string output = server.Output;
                await server.StopAsync();
                return (null, output);
            });
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server (immediate shutdown, as a crash would) without deleting the cluster.</summary>
    public Task StopServerAsync() => StopAsync();

    /// <summary>Starts the stopped server again on the same port (the port is still free right after the stop).</summary>
    public async Task StartServerAsync()
    {
        if (!await TryStartProcessAsync())
        {
            string output = Output;
            await StopAsync();
            Assert.Fail($"PostgreSQL did not start again on port {Port}: {output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        DeleteDirectory();
    }

    /// <summary>Stops the shared server if one was started (the assembly cleanup calls it).</summary>
    public static async Task StopSharedAsync()
    {
        if (s_shared.IsValueCreated)
        {
            await (await s_shared.Value).DisposeAsync();
        }
    }

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var server = await StartAsync();
        // Only for a run that ends without its assembly cleanup: stop without awaiting, as the runtime no longer
        // reports a child's exit while the process itself exits.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopWithoutWaiting();
        return server;
    }

    private static bool RunningAsRoot => GetEffectiveUserId() == 0;

    private string DataDirectory => Path.Combine(_directory, "data");

    private async Task InitialiseAsync()
    {
        string passwordFile = Path.Combine(_directory, "superuser-password");
        await File.WriteAllTextAsync(passwordFile, Password);
        if (RunningAsRoot)
        {
            // The cluster's files must belong to the account that runs it.
            await RunAsync("chown", ["-R", $"{ServiceAccount}:{ServiceAccount}", _directory], "give the cluster folder to the postgres account");
        }

        await RunAsync(Path.Combine(_binDirectory, "initdb"), [
            "-D", DataDirectory, "-U", Superuser, "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256",
            "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"], "initdb");
        File.Delete(passwordFile);
    }

    private async Task RunAsync(string program, string[] arguments, string what)
    {
        using var process = Process.Start(StartInfo(program, arguments)) ?? throw new InvalidOperationException($"Could not start {program}.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            string hint = RunningAsRoot ? $" (running as root: the cluster runs as the '{ServiceAccount}' account, which the postgresql package creates)" : string.Empty;
            Assert.Fail($"PostgreSQL fixture: {what} failed with exit code {process.ExitCode}{hint}: {await stdout}{await stderr}");
        }
    }

    private ProcessStartInfo StartInfo(string program, string[] arguments)
    {
        bool dropPrivileges = RunningAsRoot && program != "chown";
        var info = dropPrivileges
            ? new ProcessStartInfo("setpriv", ["--reuid", ServiceAccount, "--regid", ServiceAccount, "--clear-groups", "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        info.RedirectStandardError = true;
        info.RedirectStandardOutput = true;
        info.UseShellExecute = false;
        info.WorkingDirectory = _directory; // readable by the postgres account, unlike root's home
        return info;
    }

    private async Task<bool> TryStartProcessAsync()
    {
        lock (_output)
        {
            _output.Clear();
        }

        var process = Process.Start(StartInfo(Path.Combine(_binDirectory, "postgres"), [
            "-D", DataDirectory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", _directory,
            "-c", "listen_addresses=127.0.0.1", "-c", "logging_collector=off", "-c", "max_connections=200"]))
            ?? throw new InvalidOperationException("Could not start postgres.");
        process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;

        // Ready when a login over TCP works (the port opens a moment before the server accepts logins).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
                await connection.OpenAsync();
                return true;
            }
            catch (NpgsqlException)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }

    private async Task StopAsync()
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
                _ = Kill(process.Id, SigQuit);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await process.WaitForExitAsync(cts.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            await process.WaitForExitAsync();
        }
        finally
        {
            process.Dispose();
        }
    }

    private void StopWithoutWaiting()
    {
        var process = _process;
        _process = null;
        if (process is not null)
        {
            _ = Kill(process.Id, SigQuit);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            while (DateTime.UtcNow < deadline && IsAlive(process.Id))
            {
                Thread.Sleep(20);
            }
        }

        DeleteDirectory();
    }

    // Gone, or a zombie its exiting parent will not reap: either way it holds no file any more.
    private static bool IsAlive(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private void DeleteDirectory()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
