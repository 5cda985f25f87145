using System.CommandLine;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Sinks;
using Microsoft.Data.Sqlite;
using Spectre.Console;

namespace EdgeSensor.Cli.Commands;

/// <summary><c>edgesensor export</c>: stored reports to CSV.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var database = new Option<FileInfo>("--db") { Description = "SQLite database written by 'edgesensor store'.", Required = true };
        var output = new Option<FileInfo>("--out", "-o") { Description = "CSV file to write.", Required = true };
        var site = new Option<string?>("--site", "-s") { Description = "Only this site." };
        var device = new Option<string?>("--device", "-d") { Description = "Only this device (16 hex digits)." };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Only windows starting at or after this time (ISO 8601)." };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Only windows starting before this time (ISO 8601)." };
        var command = new Command("export", "Export stored reports to CSV (one row per report, UTC times).");
        var force = OutputPath.CreateForceOption();
        foreach (Option option in new Option[] { database, output, site, device, from, to, force })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var db = parse.GetValue(database)!;
            if (!db.Exists)
            {
                throw new CliException($"No database at '{db.FullName}'.", ExitCodes.Failure);
            }

            ulong? deviceId = parse.GetValue(device) is { } text ? DevicesCommand.ParseId(text) : null;
            string? onlySite = parse.GetValue(site);
            long total = CountRows(db.FullName);
            string outPath = OutputPath.Check(parse.GetValue(output)!.FullName, context.ResolveKeyStorePath(null), parse.GetValue(force));
            long written = 0;
            await context.Console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("exporting", maxValue: Math.Max(1, total));
                await using var writer = new StreamWriter(outPath);
                var csv = new CsvReportSink(writer);
                var batch = new List<ReceivedReport>(1024);
                await foreach (var item in ReportDatabase.ReadAsync(db.FullName, onlySite, deviceId, parse.GetValue(from), parse.GetValue(to), cancellationToken))
                {
                    batch.Add(item);
                    if (batch.Count == batch.Capacity)
                    {
                        written += await csv.WriteAsync(batch, cancellationToken);
                        task.Increment(batch.Count);
                        batch.Clear();
                    }
                }

                if (batch.Count > 0 || written == 0)
                {
                    written += await csv.WriteAsync(batch, cancellationToken);
                }

                task.Value = task.MaxValue;
            });
            context.Console.MarkupLine($"Wrote {written} report(s) to {Markup.Escape(outPath)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static long CountRows(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM reports";
        try
        {
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException ex)
        {
            throw new CliException($"'{path}' is not a report database: {ex.Message}", ExitCodes.Failure);
        }
    }
}
