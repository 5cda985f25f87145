using System.Net;
using System.Net.Sockets;
using EdgeSensor.Sdk.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace EdgeSensor.Cli.Commands;

/// <summary>
/// Serves the SDK's meter (<see cref="EdgeSensorMetrics.MeterName"/>) at <c>/metrics</c> in Prometheus text format
/// through OpenTelemetry's HttpListener exporter, for as long as the returned provider lives.
/// </summary>
internal static class MetricsEndpoint
{
    /// <summary>Starts listening, or returns <see langword="null"/> when no address was asked for.</summary>
    /// <exception cref="CliException">The address cannot be listened on (in use, not on this machine, not allowed).</exception>
    public static MeterProvider? Start(MetricsAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        try
        {
            return global::OpenTelemetry.Sdk.CreateMeterProviderBuilder()
                .ConfigureResource(resource => resource.AddService("edgesensor"))
                .AddMeter(EdgeSensorMetrics.MeterName)
                .AddPrometheusHttpListener(options =>
                {
                    options.Host = address.Host;
                    options.Port = address.Port;
                    if (address.IsAnyAddress)
                    {
                        // HttpListener's own spelling of "every interface": it refuses 0.0.0.0.
                        options.ConfigureHttpListener = (_, listener) =>
                        {
                            listener.Prefixes.Clear();
                            listener.Prefixes.Add($"http://*:{address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/");
                        };
                    }

                    options.ScrapeEndpointPath = "/metrics";
                    options.ScrapeResponseCacheDurationMilliseconds = 0; // every scrape sees the counters as they are
                })
                .Build();
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpListenerException or SocketException)
        {
            throw new CliException($"--metrics {address.Host}:{address.Port}: cannot listen there: {Reason(ex)}.", ExitCodes.Failure);
        }
    }

    private static string Reason(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is HttpListenerException or SocketException)
            {
                return e.Message.TrimEnd('.');
            }
        }

        return ex.Message.TrimEnd('.');
    }
}
