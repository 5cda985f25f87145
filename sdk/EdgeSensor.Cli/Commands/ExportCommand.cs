using System.CommandLine;
using EdgeSensor.Sdk.Client;
using EdgeSensor.Sdk.Sinks;
using Microsoft.Data.Sqlite;
using Spectre.Console;

namespace EdgeSensor.Cli.Commands;

/// <summary><c>edgesensor export</c>: stored reports (SQLite or PostgreSQL) to CSV.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var database = new Option<FileInfo>("--db") { Description = "SQLite database written by 'edgesensor store'." };
        var postgres = PostgresOption.Create("the database 'edgesensor store --postgres' wrote (only read).");
        var output = new Option<FileInfo>("--out", "-o") { Description = "CSV file to write.", Required = true };
        var site = new Option<string?>("--site", "-s") { Description = "Only this site." };
        var device = new Option<string?>("--device", "-d") { Description = "Only this device (16 hex digits)." };
        var from = new Option<DateTimeOffset?>("--from") { Description = "Only windows starting at or after this time (ISO 8601)." };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Only windows starting before this time (ISO 8601)." };
        var command = new Command("export", "Export stored reports from SQLite or PostgreSQL to CSV (one row per report, UTC times).");
        var force = OutputPath.CreateForceOption();
        foreach (Option option in new Option[] { database, postgres, output, site, device, from, to, force })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            PostgresOption.RequireOneDatabase(parse, database, postgres, "export");
            var source = OpenSource(parse.GetValue(database), parse.GetValue(postgres));
            ulong? deviceId = parse.GetValue(device) is { } text ? DevicesCommand.ParseId(text) : null;
            string? onlySite = parse.GetValue(site);
            DateTimeOffset? start = parse.GetValue(from);
            DateTimeOffset? end = parse.GetValue(to);
            long total = await Failing(source, () => source.CountAsync(onlySite, deviceId, start, end, cancellationToken));
            string outPath = OutputPath.Check(parse.GetValue(output)!.FullName, context.ResolveKeyStorePath(null), parse.GetValue(force));
            long written = 0;
            await context.Console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("exporting", maxValue: Math.Max(1, total));
                await using var writer = new StreamWriter(outPath);
                var csv = new CsvReportSink(writer);
                var batch = new List<ReceivedReport>(1024);
                await Failing(source, async () =>
                {
                    await foreach (var item in source.ReadAsync(onlySite, deviceId, start, end, cancellationToken))
                    {
                        batch.Add(item);
                        if (batch.Count == batch.Capacity)
                        {
                            written += await csv.WriteAsync(batch, cancellationToken);
                            task.Increment(batch.Count);
                            batch.Clear();
                        }
                    }

                    return 0;
                });

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

    private static ReportSource OpenSource(FileInfo? database, string? postgres)
    {
        if (database is not null)
        {
            if (!database.Exists)
            {
                throw new CliException($"No database at '{database.FullName}'.", ExitCodes.Failure);
            }

            return ReportSource.Sqlite(database.FullName);
        }

        try
        {
            return ReportSource.Postgres(postgres!);
        }
        catch (ArgumentException ex)
        {
            throw PostgresOption.Malformed(ex);
        }
    }

    /// <summary>Runs a read, turning an unreachable database or one without a report table into one line.</summary>
    private static async Task<T> Failing<T>(ReportSource source, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (SqliteException ex)
        {
            throw new CliException($"'{source.Description}' is not a report database: {ex.Message}", ExitCodes.Failure);
        }
        catch (Exception ex) when (PostgresOption.IsUnreachable(ex))
        {
            throw PostgresOption.Failed(source.Description, ex);
        }
    }
}
