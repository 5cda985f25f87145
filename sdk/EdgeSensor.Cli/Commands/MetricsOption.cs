using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;

namespace EdgeSensor.Cli.Commands;

/// <summary>
/// <c>--metrics [host:]port</c> of <c>tail</c> and <c>store</c>: where to serve <c>/metrics</c>. A bare port binds
/// the loopback address, so metrics leave the machine only when the operator names another address; 0.0.0.0 means
/// every IPv4 interface. IPv6 addresses are refused: the exporter's HttpListener cannot bind them on Linux.
/// </summary>
internal static class MetricsOption
{
    public const string Examples = "e.g. 9464, 127.0.0.1:9464 or 0.0.0.0:9464";

    public static Option<MetricsAddress?> Create() => new("--metrics")
    {
        HelpName = "[host:]port",
        Description = $"Serve the consumer's metrics in Prometheus text format at http://host:port/metrics ({Examples}; a bare port binds 127.0.0.1, 0.0.0.0 every IPv4 interface).",
        CustomParser = Parse,
    };

    private static MetricsAddress? Parse(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        string text = result.Tokens[0].Value;
        if (TryParse(text, out MetricsAddress? address, out string problem))
        {
            return address;
        }

        result.AddError($"--metrics: '{text}' {problem} ({Examples}).");
        return null;
    }

    /// <summary>Reads <c>port</c> or <c>host:port</c>; the host is an IPv4 address or <c>localhost</c>.</summary>
    public static bool TryParse(string text, out MetricsAddress? address, out string problem)
    {
        address = null;
        text = text.Trim();
        string host = "127.0.0.1";
        string portText = text;
        int colon = text.LastIndexOf(':');
        if (colon >= 0)
        {
            host = text[..colon];
            portText = text[(colon + 1)..];
            if (host.StartsWith('[') && host.EndsWith(']'))
            {
                host = host[1..^1];
            }
            else if (host.Contains(':', StringComparison.Ordinal))
            {
                problem = "is not host:port (write an IPv6 address in brackets)";
                return false;
            }
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            problem = "does not end in a port 1..65535";
            return false;
        }

        if (!string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            if (!IPAddress.TryParse(host, out IPAddress? ip))
            {
                problem = "does not name an IPv4 address or localhost to listen on";
                return false;
            }

            if (ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            {
                problem = "is an IPv6 address, which the metrics listener cannot bind (use an IPv4 address, localhost or 0.0.0.0)";
                return false;
            }
        }

        address = new MetricsAddress(host, port);
        problem = string.Empty;
        return true;
    }
}

/// <summary>Where the metrics endpoint listens.</summary>
internal sealed record MetricsAddress(string Host, int Port)
{
    /// <summary>True for 0.0.0.0: every IPv4 interface.</summary>
    public bool IsAnyAddress => Host == "0.0.0.0";

    /// <summary>True when only this machine can reach it.</summary>
    public bool IsLoopback => string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(Host, out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>The scrape URL.</summary>
    public string Url => $"http://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/metrics";
}
