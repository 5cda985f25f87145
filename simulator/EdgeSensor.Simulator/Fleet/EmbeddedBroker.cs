using System.Net;
using System.Net.Sockets;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace EdgeSensor.Simulator.Fleet;

/// <summary>
/// MQTTnet's broker inside this process on a loopback port the OS picks (no TLS: it never leaves the machine).
/// The repository's one in-process broker: the simulator's <c>run</c> starts it, and the test projects compile
/// this same file in (they cannot see the simulator's internals and need no other part of it).
/// MQTTnet 5.2's own TCP endpoint cannot report the port it bound, so "port 0" would leave the port unknown
/// and "pick a free port, then start" races other processes. So the listening socket is bound here, to port 0,
/// and its port read back; MQTTnet gets the accepted connections through its public server-adapter interface.
/// No race, no retries.
/// </summary>
internal sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly MqttServer _server;
    private readonly LoopbackAdapter _adapter;

    private EmbeddedBroker(MqttServer server, LoopbackAdapter adapter)
    {
        _server = server;
        _adapter = adapter;
    }

    /// <summary>Messages the broker queues for one subscriber before it drops the oldest (about 100 bytes each).</summary>
    public const int MaxPendingMessagesPerClient = 1_000_000;

    /// <summary>The loopback port the broker listens on.</summary>
    public int Port => _adapter.Port;

    /// <summary>The MQTTnet server, for tests that watch or drive it.</summary>
    public MqttServer Server => _server;

    /// <summary>Starts a broker; <paramref name="persistentSessions"/> keeps sessions of clients that ask for it.</summary>
    public static Task<EmbeddedBroker> StartAsync(CancellationToken cancellationToken = default, bool persistentSessions = false) =>
        StartAsync(0, cancellationToken, persistentSessions);

    /// <summary>Starts a broker on loopback port <paramref name="port"/> (0: one the OS picks), e.g. the port of a broker
    /// stopped a moment ago: a restart without persistence, as <c>run --fault broker-outage</c> does.</summary>
    public static async Task<EmbeddedBroker> StartAsync(int port, CancellationToken cancellationToken = default, bool persistentSessions = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var adapter = new LoopbackAdapter(port);
        // MQTTnet queues at most 250 messages per client by default and then drops the oldest: a fleet's window edge
        // publishes one report per device at once, so a subscriber may fall that far behind for a moment.
        var builder = new MqttServerOptionsBuilder().WithMaxPendingMessagesPerClient(MaxPendingMessagesPerClient);
        if (persistentSessions)
        {
            builder.WithPersistentSessions();
        }

        var server = new MqttServerFactory().CreateMqttServer(builder.Build(), [adapter]);
        try
        {
            await server.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return new EmbeddedBroker(server, adapter);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync().ConfigureAwait(false);
        _server.Dispose();
    }

    /// <summary>Accepts TCP connections on a socket bound to loopback port 0 and hands each to the broker.</summary>
    private sealed class LoopbackAdapter : IMqttServerAdapter
    {
        private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly CancellationTokenSource _stopping = new();
        private MqttServerOptions _options = new();
        private IMqttNetLogger _logger = MqttNetNullLogger.Instance;
        private Task _accepting = Task.CompletedTask;

        public LoopbackAdapter(int port)
        {
            if (port != 0)
            {
                AllowRebindWhileConnectionsLinger(_socket);
            }

            _socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            _socket.Listen();
            Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        }

        public int Port { get; }

        // A restarted broker binds the port its predecessor's connections still linger on (TIME_WAIT): SO_REUSEADDR.
        // Not .NET's ReuseAddress on Linux: it sets SO_REUSEPORT as well, which lets a second listener bind a port that
        // another broker is listening on, and the kernel then shares the connections between the two (a test's
        // consumer reached another test's broker). Linux's SOL_SOCKET = 1, SO_REUSEADDR = 2 (socket(7)); elsewhere
        // ReuseAddress is SO_REUSEADDR alone.
        private const int LinuxSolSocket = 1;
        private const int LinuxSoReuseAddr = 2;

        private static void AllowRebindWhileConnectionsLinger(Socket socket)
        {
            if (OperatingSystem.IsLinux())
            {
                socket.SetRawSocketOption(LinuxSolSocket, LinuxSoReuseAddr, BitConverter.GetBytes(1));
            }
            else
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }
        }

        public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

        public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
        {
            _options = options;
            _logger = logger;
            _accepting = Task.Run(AcceptAsync);
            return Task.CompletedTask;
        }

        public async Task StopAsync()
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            _socket.Close();
            await _accepting.ConfigureAwait(false);
        }

        public void Dispose()
        {
            _stopping.Cancel();
            _socket.Dispose();
            _stopping.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                Socket client;
                try
                {
                    client = await _socket.AcceptAsync(_stopping.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException && _stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (SocketException)
                {
                    continue; // a connection reset before it was accepted
                }

                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(Socket client)
        {
            client.NoDelay = true;
            var channel = new MqttTcpChannel(new NetworkStream(client, ownsSocket: true), client.LocalEndPoint, client.RemoteEndPoint, null);
            var formatter = new MqttPacketFormatterAdapter(new MqttBufferWriter(_options.WriterBufferSize, _options.WriterBufferSizeMax));
            using var adapter = new MqttChannelAdapter(channel, formatter, _logger);
            try
            {
                if (ClientHandler is { } handler)
                {
                    await handler(adapter).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The client went away; the broker has already ended its session.
            }
        }
    }
}
