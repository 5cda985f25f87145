using System.CommandLine;
using EdgeSensor.Cli.Commands;
using EdgeSensor.Sdk.KeyStore;
using Spectre.Console;

namespace EdgeSensor.Cli;

/// <summary>The <c>edgesensor</c> command tree and its error handling.</summary>
internal static class CliApp
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("edgesensor: provision EdgeSensor devices and consume their encrypted aggregate reports.");
        root.Subcommands.Add(ProvisionCommand.Create(context));
        root.Subcommands.Add(DevicesCommand.Create(context));
        root.Subcommands.Add(TailCommand.Create(context));
        root.Subcommands.Add(StoreCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(OpenCommand.Create(context));
        OptionValueGuard.Apply(root);
        return root;
    }

    /// <summary>Parses and runs; every failure becomes one red line and an exit code (docs/cli.md).</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, Func<string, string?> environment, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(console, environment);
        var root = Build(context);
        // No response files: "@/dev/zero" would be read to the end of memory before any validation runs.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                console.MarkupLine($"[red]{Markup.Escape(ParseErrorText.Describe(problem.Message))}[/]");
            }

            console.MarkupLine("Run with --help for usage.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        if (output is not null)
        {
            configuration.Output = output;
        }

        if (error is not null)
        {
            configuration.Error = error;
        }

        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (CliException ex)
        {
            console.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return ex.ExitCode;
        }
        catch (KeyStoreException ex)
        {
            console.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return ExitCodes.KeyStore;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or System.Data.Common.DbException)
        {
            // Files and databases the operator named (e.g. store --db /nonexistent/x.db): their message is the answer.
            console.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Fail closed with one line, never a stack trace (it could also carry paths or values of secrets).
            console.MarkupLine($"[red]Failed: {Markup.Escape(ex.GetType().Name)}: {Markup.Escape(ex.Message)}[/]");
            return ExitCodes.Failure;
        }
    }
}
