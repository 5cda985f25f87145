// Entry point of the `edgesensor` tool: commands in Commands/, usage in docs/cli.md.
using EdgeSensor.Cli;
using Spectre.Console;

return await CliApp.RunAsync(args, AnsiConsole.Console, Environment.GetEnvironmentVariable);
