using System.CommandLine;
using System.Globalization;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Diagnostics;
using Spectre.Console;

namespace EdgeSensor.Cli.Commands;

/// <summary><c>edgesensor tail</c>: live decrypted reports as a table.</summary>
internal static class TailCommand
{
    private const int VisibleRows = 20;

    public static Command Create(CliContext context)
    {
        var keyStore = KeyStoreOption.Create();
        var broker = new BrokerOptions();
        var command = new Command("tail", "Show live, verified and decrypted reports from a broker as a table (Ctrl+C to stop).");
        var metricsAddress = MetricsOption.Create();
        command.Options.Add(keyStore);
        command.Options.Add(metricsAddress);
        broker.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = broker.Build(parse, context);
            using var store = context.OpenKeyStore(parse.GetValue(keyStore), createIfMissing: false);
            store.AutoReloadInterval = TimeSpan.FromSeconds(2);
            var status = new ConnectionStatusLogger(line => context.Console.MarkupLine($"[grey]{Markup.Escape(line)}[/]"));
            using var metrics = new EdgeSensorMetrics();
            using var endpoint = MetricsEndpoint.Start(parse.GetValue(metricsAddress));
            await using var client = new EdgeSensorClient(options, store, status, metrics);
            using var stop = broker.StopAfter(parse, cancellationToken);
            int limit = parse.GetValue(broker.Count);
            var rejections = new System.Collections.Concurrent.ConcurrentQueue<string>();
            client.ReportRejected += (_, e) => rejections.Enqueue($"rejected {e.ReasonTag} on {e.Topic}");
            StoreCommand.ShowMetrics(context, parse.GetValue(metricsAddress));
            context.Console.MarkupLine($"[grey]Connecting to {Markup.Escape(options.Host)}:{options.EffectivePort} ...[/]");
            await ClientRunner.StartAsync(client, options, stop.Token);

            // From here on, connection events join the rejections: a live table must not be written over.
            status.Show = rejections.Enqueue;
            context.Console.MarkupLine($"[grey]Connected to {Markup.Escape(options.Host)}:{options.EffectivePort}; subscribed to {Markup.Escape(string.Join(", ", options.TopicFilters()))}[/]");

            var table = NewTable();
            int shown = 0;
            async Task ReadAsync(Action<ReceivedReport> onReport)
            {
                try
                {
                    await foreach (var item in client.ReadAllAsync(stop.Token))
                    {
                        onReport(item);
                        if (limit > 0 && ++shown >= limit)
                        {
                            break;
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                }
            }

            if (context.Interactive)
            {
                await context.Console.Live(table).StartAsync(async live =>
                {
                    await ReadAsync(item =>
                    {
                        while (rejections.TryDequeue(out string? line))
                        {
                            table.Caption = new TableTitle(Markup.Escape(line));
                        }

                        if (table.Rows.Count >= VisibleRows)
                        {
                            table.Rows.RemoveAt(0);
                        }

                        AddRow(table, item);
                        live.Refresh();
                    });
                });
            }
            else
            {
                await ReadAsync(item =>
                {
                    while (rejections.TryDequeue(out string? line))
                    {
                        context.Console.WriteLine(line);
                    }

                    var single = NewTable();
                    AddRow(single, item);
                    context.Console.Write(single);
                });
            }

            context.Console.MarkupLine($"{client.ReceivedCount} report(s), {client.RejectedCount} rejected");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Table NewTable() => new Table().AddColumns("received", "site", "device", "epoch", "seq", "window (UTC)", "in", "out", "inside", "peak", "privacy");

    private static void AddRow(Table table, ReceivedReport item)
    {
        var r = item.Report;
        var c = CultureInfo.InvariantCulture;
        string privacy = ReportText.Privacy(r);
        table.AddRow(
            item.ReceivedAt.ToString("HH:mm:ss", c),
            item.Site,
            r.DeviceIdText,
            r.Epoch.ToString(c),
            r.Sequence.ToString(c),
            r.WindowStart.UtcDateTime.ToString("yyyy-MM-dd HH:mm", c) + "+" + ((int)r.WindowLength.TotalSeconds).ToString(c) + "s",
            ReportText.Counter(r, r.Entries, Sdk.Reports.SuppressedCounters.Entries),
            ReportText.Counter(r, r.Exits, Sdk.Reports.SuppressedCounters.Exits),
            ReportText.Counter(r, r.OccupancyAtEnd, Sdk.Reports.SuppressedCounters.OccupancyAtEnd),
            ReportText.Counter(r, r.PeakOccupancy, Sdk.Reports.SuppressedCounters.PeakOccupancy),
            privacy);
    }
}
