using System.CommandLine;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Diagnostics;
using EdgeSensor.Sdk.Sinks;
using Spectre.Console;

namespace EdgeSensor.Cli.Commands;

/// <summary><c>edgesensor store</c>: consume reports into SQLite or PostgreSQL (idempotent by device, epoch, sequence).</summary>
internal static class StoreCommand
{
    public static Command Create(CliContext context)
    {
        var keyStore = KeyStoreOption.Create();
        var broker = new BrokerOptions();
        var database = new Option<FileInfo>("--db") { Description = "SQLite database file (created if missing)." };
        var postgres = PostgresOption.Create("the table is created if missing.");
        var metricsAddress = MetricsOption.Create();
        var command = new Command("store", "Consume reports from a broker into a SQLite or PostgreSQL database; run several with the same --group to split a fleet (Ctrl+C to stop).");
        command.Options.Add(keyStore);
        command.Options.Add(database);
        command.Options.Add(postgres);
        command.Options.Add(metricsAddress);
        broker.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            PostgresOption.RequireOneDatabase(parse, database, postgres, "store");
            var options = broker.Build(parse, context);
            using var store = context.OpenKeyStore(parse.GetValue(keyStore), createIfMissing: false);
            store.AutoReloadInterval = TimeSpan.FromSeconds(2);
            var (sink, target) = await OpenSinkAsync(parse.GetValue(database), parse.GetValue(postgres), cancellationToken);
            await using var sinkLifetime = (IAsyncDisposable)sink;
            using var metrics = new EdgeSensorMetrics();
            using var endpoint = MetricsEndpoint.Start(parse.GetValue(metricsAddress));
            ShowMetrics(context, parse.GetValue(metricsAddress));
            await using var client = new EdgeSensorClient(options, store, metrics: metrics);
            using var stop = broker.StopAfter(parse, cancellationToken);
            int limit = parse.GetValue(broker.Count);
            await ClientRunner.StartAsync(client, options, stop.Token);
            context.Console.MarkupLine($"[grey]Storing into {Markup.Escape(target)} from {Markup.Escape(options.Host)}:{options.EffectivePort}[/]");

            var pump = new ReportPump([sink], metrics);
            long handled = 0;
            using var enough = new CancellationTokenSource();
            pump.BatchWritten += n =>
            {
                if (limit > 0 && Interlocked.Add(ref handled, n) >= limit)
                {
                    enough.Cancel();
                }
            };
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, enough.Token);
            var pumpTask = pump.RunAsync(client.Reports, CancellationToken.None);
            await context.Console.Status().StartAsync("consuming", async status =>
            {
                while (!linked.IsCancellationRequested)
                {
                    status.Status($"received {client.ReceivedCount}, stored {pump.StoredCount}, duplicates {pump.DuplicateCount}, rejected {client.RejectedCount}");
                    try
                    {
                        await Task.Delay(250, linked.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
            });

            await client.StopAsync(CancellationToken.None);
            await pumpTask; // drains what was received
            var table = new Table().AddColumns("received", "stored", "duplicates", "rejected", "reconnects");
            table.AddRow(client.ReceivedCount.ToString(), pump.StoredCount.ToString(), pump.DuplicateCount.ToString(), client.RejectedCount.ToString(), client.ReconnectCount.ToString());
            context.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Says where the metrics are served (and warns when that is beyond this machine).</summary>
    internal static void ShowMetrics(CliContext context, MetricsAddress? address)
    {
        if (address is null)
        {
            return;
        }

        context.Console.MarkupLine($"[grey]Metrics at {Markup.Escape(address.Url)}[/]");
        if (!address.IsLoopback)
        {
            context.Console.MarkupLine($"[yellow]warning:[/] metrics are served on {Markup.Escape(address.Host)}, reachable from other machines (counts per site and rejection reasons, no keys or report contents).");
        }
    }

    /// <summary>The sink the options name and how to show it (a PostgreSQL password masked).</summary>
    private static async Task<(IReportSink Sink, string Target)> OpenSinkAsync(FileInfo? database, string? postgres, CancellationToken cancellationToken)
    {
        if (database is not null)
        {
            var sqlite = SqliteReportSink.Open(database.FullName);
            return (sqlite, sqlite.DatabasePath);
        }

        PostgresReportSink sink;
        try
        {
            sink = new PostgresReportSink(postgres!);
        }
        catch (ArgumentException ex)
        {
            throw PostgresOption.Malformed(ex);
        }

        try
        {
            // Connect and create the table now: a wrong host, database or password stops here, not at the first report.
            await sink.EnsureSchemaAsync(cancellationToken);
            return (sink, "PostgreSQL " + sink.Description);
        }
        catch (Exception ex) when (PostgresOption.IsUnreachable(ex))
        {
            await sink.DisposeAsync();
            throw PostgresOption.Failed("PostgreSQL " + sink.Description, ex);
        }
    }
}
