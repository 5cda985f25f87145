using System.CommandLine;
using System.Data.Common;
using System.Net.Sockets;

namespace EdgeSensor.Cli.Commands;

/// <summary>
/// <c>--postgres &lt;connection string&gt;</c> of <c>store</c> and <c>export</c>, and how their PostgreSQL failures read:
/// one line naming the database with its password masked, and the server's or the network's reason.
/// </summary>
internal static class PostgresOption
{
    public static Option<string> Create(string purpose) => new("--postgres")
    {
        HelpName = "connection string",
        Description = $"PostgreSQL connection string, e.g. \"Host=db;Database=edgesensor;Username=consumer\" (password from PGPASSWORD or a pgpass file); {purpose}",
    };

    /// <summary>
    /// <c>store</c> and <c>export</c> take exactly one database. Checked when the command runs, not as a command
    /// validator: System.CommandLine runs those before the options' own checks and then hides the options' errors
    /// (command-line-api issue 2779), so `export --from yesterday` would name only the missing database.
    /// </summary>
    public static void RequireOneDatabase(ParseResult parse, Option<FileInfo> database, Option<string> postgres, string command)
    {
        if ((parse.GetResult(database) is null) == (parse.GetResult(postgres) is null))
        {
            throw new CliException($"{command} needs one database: --db <file> (SQLite) or --postgres <connection string>.", ExitCodes.Usage);
        }
    }

    /// <summary>A connection string Npgsql cannot parse, as a usage error that never echoes it (it may hold the password).</summary>
    public static CliException Malformed(ArgumentException ex) =>
        new($"--postgres: {ex.Message.Split(" (Parameter", 2)[0]}", ExitCodes.Usage);

    /// <summary>True for what a wrong host, port, database, password or an unreachable server throws.</summary>
    public static bool IsUnreachable(Exception ex) => ex is DbException or SocketException or TimeoutException;

    /// <summary>The failure in one line: "PostgreSQL Host=...;Password=********: reason".</summary>
    public static CliException Failed(string description, Exception ex)
    {
        // A server error's Message adds detail lines (POSITION: ...); its MessageText is the one sentence.
        string reason = ex switch
        {
            Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UndefinedTable } pg => $"holds no report table ({pg.MessageText}; 'edgesensor store --postgres' creates it)",
            Npgsql.PostgresException pg => $"{pg.SqlState}: {pg.MessageText}",
            { InnerException: { } inner } when !ex.Message.Contains(inner.Message, StringComparison.Ordinal) => $"{ex.Message} ({inner.Message})",
            _ => ex.Message,
        };
        return new CliException($"{description}: {reason.ReplaceLineEndings(" ")}", ExitCodes.Failure);
    }
}
