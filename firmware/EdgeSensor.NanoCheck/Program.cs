using EdgeSensor.NanoCheck;

// Usage: EdgeSensor.NanoCheck <assembly.dll> [--pdb <file.pdb>] [--allow-reference <assembly name>]...
// Exit codes: 0 clean, 1 findings (printed in MSBuild's error format), 2 usage or unreadable input.
string? assembly = null;
string? pdb = null;
var allowed = new List<string>(NanoChecker.DefaultAllowedReferences);
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--pdb" when i + 1 < args.Length:
            pdb = args[++i];
            break;
        case "--allow-reference" when i + 1 < args.Length:
            allowed.Add(args[++i]);
            break;
        case var path when assembly is null && !path.StartsWith("--", StringComparison.Ordinal):
            assembly = path;
            break;
        default:
            Console.Error.WriteLine($"nanocheck: unexpected argument '{args[i]}'");
            Console.Error.WriteLine("usage: EdgeSensor.NanoCheck <assembly.dll> [--pdb <file.pdb>] [--allow-reference <name>]...");
            return 2;
    }
}
if (assembly is null || !File.Exists(assembly))
{
    Console.Error.WriteLine($"nanocheck: assembly not found: '{assembly}'");
    return 2;
}
pdb ??= Path.ChangeExtension(assembly, ".pdb");

CheckResult result;
try
{
    result = new NanoChecker(allowed).Check(assembly, pdb);
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
