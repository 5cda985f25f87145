// Entry point of the `edgesensor` tool; its commands arrive with the SDK consumer.
Console.Error.WriteLine("usage: edgesensor <command> [options]");
return 2;
