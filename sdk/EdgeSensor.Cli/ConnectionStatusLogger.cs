using EdgeSensor.Sdk.Client;
using Microsoft.Extensions.Logging;

namespace EdgeSensor.Cli;

/// <summary>
/// Shows the client's connection events to the operator as plain lines: each failed connect attempt with its reason
/// and the wait before the next, a lost connection, reconnecting abandoned. (Successful connects are announced by the
/// command itself; rejections have their own event.) Nothing else the client logs is shown, and the client never logs
/// keys or report contents.
/// </summary>
internal sealed class ConnectionStatusLogger(Action<string> show) : ILogger<EdgeSensorClient>
{
    // Event ids of MqttReportSubscriber's connection messages: 2 lost, 3 connect attempt failed, 4 abandoned.
    private static readonly HashSet<int> ConnectionEvents = [2, 3, 4];

    /// <summary>Where lines go; a command may redirect them (e.g. into a live table's caption).</summary>
    public Action<string> Show { get; set; } = show;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel) || !ConnectionEvents.Contains(eventId.Id))
        {
            return;
        }

        var fields = (state as IReadOnlyList<KeyValuePair<string, object?>>)?.ToDictionary(p => p.Key, p => p.Value) ?? [];
        Show(eventId.Id switch
        {
            3 => FormattableString.Invariant(
                $"connect attempt {fields.GetValueOrDefault("Attempt")} failed: {fields.GetValueOrDefault("Error")}; retrying in {Convert.ToDouble(fields.GetValueOrDefault("DelayMs") ?? 0d, System.Globalization.CultureInfo.InvariantCulture) / 1000:0.0} s"),
            2 => $"connection lost: {fields.GetValueOrDefault("Error")}; reconnecting",
            _ => $"gave up reconnecting: {fields.GetValueOrDefault("Error")}",
        });
    }
}
