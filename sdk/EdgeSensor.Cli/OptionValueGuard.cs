using System.CommandLine;

namespace EdgeSensor.Cli;

/// <summary>
/// System.CommandLine gives an option the next token as its value even when that token is another option:
/// <c>tail --keystore --help</c> looked for a key store named "--help", <c>tail --host --keystore k</c> connected to a host
/// named "--keystore". An option name is never a value here, so it is refused in words.
/// </summary>
internal static class OptionValueGuard
{
    /// <summary>Adds the check to every option that takes a value, in <paramref name="command"/> and its subcommands.</summary>
    public static void Apply(Command command)
    {
        foreach (Option option in command.Options)
        {
            if (option.Arity.MaximumNumberOfValues > 0)
            {
                option.Validators.Add(result =>
                {
                    foreach (var token in result.Tokens)
                    {
                        if (LooksLikeOption(token.Value))
                        {
                            result.AddError($"{option.Name} needs a value, got the option '{token.Value}'.");
                            return;
                        }
                    }
                });
            }
        }

        foreach (Command sub in command.Subcommands)
        {
            Apply(sub);
        }
    }

    // "--anything", "-k" or "-?" (an alias); "-1" (a pin that is not wired) and "-" stay values.
    private static bool LooksLikeOption(string value) =>
        value.StartsWith("--", StringComparison.Ordinal)
        || (value.Length == 2 && value[0] == '-' && (char.IsLetter(value[1]) || value[1] == '?'));
}
