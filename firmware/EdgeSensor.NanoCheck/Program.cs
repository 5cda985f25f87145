using EdgeSensor.NanoCheck;

// Usage: see CommandLine.Usage.
// Exit codes: 0 clean, 1 findings (printed in MSBuild's error format), 2 usage or unreadable input.
if (!CommandLine.TryParse(args, out var commandLine, out var error))
{
    Console.Error.WriteLine($"nanocheck: {error}");
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}
var assembly = commandLine!.Assembly;
if (!File.Exists(assembly))
{
    Console.Error.WriteLine($"nanocheck: assembly not found: '{assembly}'");
    return 2;
}

CheckResult result;
try
{
    result = new NanoChecker(commandLine.AllowedReferences).Check(assembly, commandLine.Pdb);
}
catch (BadImageFormatException e)
{
    Console.Error.WriteLine($"nanocheck: {e.Message}");
    return 2;
}

foreach (var finding in result.Findings)
{
    Console.WriteLine(finding.Format(assembly));
}
var name = Path.GetFileName(assembly);
if (result.Findings.Count > 0)
{
    Console.WriteLine($"nanocheck: {name}: {result.Findings.Count} finding(s) the nanoFramework 1.17 runtime rejects");
    return 1;
}
Console.WriteLine($"nanocheck: {name}: OK ({result.TypesChecked} types, {result.MethodsChecked} methods checked)");
return 0;
