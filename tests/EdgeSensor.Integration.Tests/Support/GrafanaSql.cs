using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeSensor.Integration.Tests.Support;

/// <summary>
/// Turns a Grafana PostgreSQL panel query into the plain SQL Grafana would send, the way Grafana's PostgreSQL data
/// source documents its macros (https://grafana.com/docs/grafana/latest/datasources/postgres/query-editor/#macros)
/// and template variables (a multi-value variable becomes a list of single-quoted values). Like Grafana, a macro's
/// arguments end at the first closing parenthesis, so an argument must be a plain column (no nested calls): a
/// dashboard query breaking that rule fails here as it would fail in Grafana. An unknown macro fails too.
/// </summary>
internal static partial class GrafanaSql
{
    public static string Expand(string rawSql, DateTimeOffset from, DateTimeOffset to, TimeSpan interval, IReadOnlyDictionary<string, IReadOnlyList<string>> variables)
    {
        // Grafana substitutes the interval variables first, then template variables, then the macros.
        string sql = rawSql.Replace("$__interval_ms", ((long)interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("$__interval", FormatInterval(interval), StringComparison.Ordinal);
        foreach (var (name, values) in variables)
        {
            string list = string.Join(",", values.Select(v => "'" + v.Replace("'", "''", StringComparison.Ordinal) + "'"));
            sql = sql.Replace("${" + name + "}", list, StringComparison.Ordinal).Replace("[[" + name + "]]", list, StringComparison.Ordinal);
            sql = Regex.Replace(sql, @"\$" + Regex.Escape(name) + @"\b", list.Replace("$", "$$", StringComparison.Ordinal));
        }

        sql = Macro().Replace(sql, m => Evaluate(m.Groups["name"].Value, m.Groups["args"].Value, from, to));
        if (sql.Contains('$', StringComparison.Ordinal))
        {
            throw new FormatException($"Left unexpanded: {sql}");
        }

        return sql;
    }

    private static string Evaluate(string name, string argumentText, DateTimeOffset from, DateTimeOffset to)
    {
        string[] args = argumentText.Length == 0 ? [] : argumentText.Split(',').Select(a => a.Trim()).ToArray();
        string Column() => args.Length > 0 && args[0].Length > 0 ? args[0] : throw new FormatException($"$__{name} needs a column.");
        string Seconds() => args.Length >= 2 ? ParseInterval(args[1]).TotalSeconds.ToString(CultureInfo.InvariantCulture) : throw new FormatException($"$__{name} needs a column and an interval.");
        string Iso(DateTimeOffset t) => "'" + t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "'";
        string Unix(DateTimeOffset t) => t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return name switch
        {
            "__time" => $"{Column()} AS \"time\"",
            "__timeEpoch" => $"extract(epoch from {Column()}) AS \"time\"",
            "__timeFilter" => $"{Column()} BETWEEN {Iso(from)} AND {Iso(to)}",
            "__timeFrom" => Iso(from),
            "__timeTo" => Iso(to),
            "__timeGroup" => $"floor(extract(epoch from {Column()})/{Seconds()})*{Seconds()}",
            "__timeGroupAlias" => $"floor(extract(epoch from {Column()})/{Seconds()})*{Seconds()} AS \"time\"",
            "__unixEpochFilter" => $"{Column()} >= {Unix(from)} AND {Column()} <= {Unix(to)}",
            "__unixEpochFrom" => Unix(from),
            "__unixEpochTo" => Unix(to),
            "__unixEpochGroup" => $"floor(({Column()})/{Seconds()})*{Seconds()}",
            "__unixEpochGroupAlias" => $"floor(({Column()})/{Seconds()})*{Seconds()} AS \"time\"",
            _ => throw new FormatException($"Unknown Grafana macro $__{name}."),
        };
    }

    /// <summary>Grafana's interval text: 30s, 5m, 1h, 1d (optionally quoted).</summary>
    public static TimeSpan ParseInterval(string text)
    {
        Match m = Interval().Match(text.Trim('\'', ' '));
        if (!m.Success)
        {
            throw new FormatException($"Not a Grafana interval: {text}");
        }

        long amount = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
    }

    private static string FormatInterval(TimeSpan interval) =>
        interval.TotalSeconds % 3600 == 0 ? $"{interval.TotalHours:0}h" : interval.TotalSeconds % 60 == 0 ? $"{interval.TotalMinutes:0}m" : $"{interval.TotalSeconds:0}s";

    [GeneratedRegex(@"\$(?<name>__[A-Za-z]+)\((?<args>[^)]*)\)")]
    private static partial Regex Macro();

    [GeneratedRegex(@"^(\d+)(ms|s|m|h|d)$")]
    private static partial Regex Interval();
}
