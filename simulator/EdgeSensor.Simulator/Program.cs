// Entry point of the simulator; the commands (trace, replay, accuracy, run) are added with the simulation.
Console.Error.WriteLine("usage: EdgeSensor.Simulator <command> [options]");
return 2;
