using System.CommandLine;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Sinks;
using Spectre.Console;

namespace EdgeSensor.Cli.Commands;

/// <summary><c>edgesensor store</c>: consume reports into SQLite (idempotent by device, epoch, sequence).</summary>
internal static class StoreCommand
{
    public static Command Create(CliContext context)
    {
        var keyStore = KeyStoreOption.Create();
        var broker = new BrokerOptions();
        var database = new Option<FileInfo>("--db") { Description = "SQLite database file (created if missing).", Required = true };
        var command = new Command("store", "Consume reports from a broker into a SQLite database; run several with the same --group to split a fleet (Ctrl+C to stop).");
        command.Options.Add(keyStore);
        command.Options.Add(database);
        broker.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = broker.Build(parse, context);
            using var store = context.OpenKeyStore(parse.GetValue(keyStore), createIfMissing: false);
            store.AutoReloadInterval = TimeSpan.FromSeconds(2);
            using var sink = SqliteReportSink.Open(parse.GetValue(database)!.FullName);
            await using var client = new EdgeSensorClient(options, store);
            using var stop = broker.StopAfter(parse, cancellationToken);
            int limit = parse.GetValue(broker.Count);
            await ClientRunner.StartAsync(client, options, stop.Token);
            context.Console.MarkupLine($"[grey]Storing into {Markup.Escape(sink.DatabasePath)} from {Markup.Escape(options.Host)}:{options.EffectivePort}[/]");

            var pump = new ReportPump([sink]);
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
}
