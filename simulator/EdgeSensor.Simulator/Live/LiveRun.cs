using EdgeSensor.Simulator.Fleet;
using Spectre.Console;

namespace EdgeSensor.Simulator.Live;

/// <summary>
/// Runs the fleet with its progress shown as <see cref="FleetOptions.Live"/> asks: the live view on the terminal, or
/// plain lines on standard error (at most one per 10 s). The summary printed afterwards is the same either way.
/// </summary>
public static class LiveRun
{
    public static async Task<FleetResult> RunAsync(FleetOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var monitor = new FleetMonitor();
        if (!IsLive(options.Live, stdout))
        {
            using var lines = new PlainProgress(monitor, stderr);
            return await FleetRunner.RunMonitoredAsync(options, monitor, cancellationToken).ConfigureAwait(false);
        }

        IAnsiConsole console = ReferenceEquals(stdout, Console.Out)
            ? AnsiConsole.Console
            : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
        return await ShowAsync(console, monitor, FleetRunner.RunMonitoredAsync(options, monitor, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Redraws the view of <paramref name="monitor"/> on <paramref name="console"/> until <paramref name="run"/> ends.</summary>
    public static async Task<FleetResult> ShowAsync(IAnsiConsole console, FleetMonitor monitor, Task<FleetResult> run)
    {
        FleetSnapshot last = monitor.Snapshot();
        return await console.Live(LiveTable.Render(last, 0)).AutoClear(false).StartAsync(async context =>
        {
            void Redraw()
            {
                FleetSnapshot now = monitor.Snapshot();
                double seconds = (now.Elapsed - last.Elapsed).TotalSeconds;
                context.UpdateTarget(LiveTable.Render(now, seconds > 0 ? (now.Opened - last.Opened) / seconds : 0));
                context.Refresh();
                last = now;
            }

            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(LiveTable.Refresh)).ConfigureAwait(false);
                Redraw();
            }

            // The run may have finished after the last snapshot was taken (the refresh delay ended first): the view ends
            // with the run's own totals, drawn once more after it completed.
            FleetResult result = await run.ConfigureAwait(false);
            Redraw();
            return result;
        }).ConfigureAwait(false);
    }

    /// <summary>Auto is live only when the output is this process's terminal.</summary>
    public static bool IsLive(LiveView mode, TextWriter stdout) => mode switch
    {
        LiveView.On => true,
        LiveView.Off => false,
        _ => ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected,
    };
}
