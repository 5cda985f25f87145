using System.CommandLine;

namespace EdgeSensor.Simulator.Commands;

/// <summary>The command line as typed (command name and its arguments), for the generated doc blocks that name it.</summary>
internal static class CommandText
{
    public static string Of(ParseResult parse) => string.Join(" ", parse.Tokens.Select(t => t.Value));
}
