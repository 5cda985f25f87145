using EdgeSensor.Core.Counting;

namespace EdgeSensor.Core.Tests.Counting;

[TestClass]
public sealed class DebugDump
{
    [TestMethod]
    public void Dump()
    {
        string which = Environment.GetEnvironmentVariable("DUMP") ?? "";
        if (which.Length == 0) return;
        var scene = new SceneGenerator();
        double dur = 12000;
        if (which == "tail") { scene.Walk(SceneGenerator.Adult(1780), 3000, -2500, 2500, 1.0); scene.Walk(SceneGenerator.Adult(1640), 3500, -2500, 2500, 1.0); }
        if (which == "turn") { scene.Actors.Add(new Actor(SceneGenerator.Adult()).At(3000, -2500).MoveTo(300, 1.2).Wait(400).MoveTo(-2500, 1.2)); }
        if (which == "door") { scene.Door = new DoorLeafScript(); scene.Door.Keys.Add((3000, 0)); scene.Door.Keys.Add((4200, Math.PI/2)); scene.Door.Keys.Add((6700, Math.PI/2)); scene.Door.Keys.Add((7900, 0)); }
        if (which == "doorppl") { scene.Door = new DoorLeafScript(); int dir = int.Parse(Environment.GetEnvironmentVariable("DIR") ?? "1"); double t0 = 3000, from = -3000 * dir, speed = 1.3; scene.Walk(SceneGenerator.Adult(1700), t0, from, -from, speed);
            double open = t0 + Math.Abs(from - (700 - 1800 * dir)) / speed; double passed = t0 + Math.Abs(from - (700 + 1800 * dir)) / speed;
            scene.Door.Keys.Add((open, 0)); scene.Door.Keys.Add((open + 1200, Math.PI / 2)); scene.Door.Keys.Add((passed + 2500, Math.PI / 2)); scene.Door.Keys.Add((passed + 3700, 0)); }
        if (which == "boot") { scene.Walk(SceneGenerator.Adult(), 0, -1500, 2500, 1.0); scene.Walk(SceneGenerator.Adult(), 9000, -2500, 2500, 1.3); dur = 16000; }
        List<TofSample>? fileSamples = null;
        long fromT = 0, toT = long.MaxValue;
        if (which.StartsWith("file:"))
        {
            var parts = which.Substring(5).Split(',');
            fileSamples = new List<TofSample>();
            foreach (var line in File.ReadLines(parts[0]))
            {
                if (line.StartsWith('#') || line.StartsWith("t_ms")) continue;
                var f = line.Split(',');
                if (f[1] == "tof") fileSamples.Add(new TofSample(long.Parse(f[0]), int.Parse(f[2]), int.Parse(f[3]), int.Parse(f[4])));
                if (f[1] == "truth") Console.WriteLine($"TRUTH {f[0]} {f[3]}");
            }
            if (parts.Length > 2) { fromT = long.Parse(parts[1]); toT = long.Parse(parts[2]); }
        }
        var c = new PeopleCounter(new CounterSettings());
        var sb = new System.Text.StringBuilder();
        int[] last = { 0, 0 };
        var zs = new[] { new ZoneChannel(new CounterSettings()), new ZoneChannel(new CounterSettings()) };
        foreach (var s in fileSamples ?? scene.Run(dur, 1))
        {
            var k = c.AddTofSample(s.TimeMs, s.Zone, s.DistanceMillimeters, s.RangeStatus);
            last[s.Zone] = s.DistanceMillimeters;
            var ev = zs[s.Zone].Process(s.TimeMs, s.DistanceMillimeters, s.RangeStatus);
            string evs = ev == ZoneEvent.None ? "" : $"{ev}[{zs[s.Zone].Detector.FinishedStartMs}-{zs[s.Zone].Detector.FinishedEndMs} n{zs[s.Zone].Detector.FinishedNearestMillimeters}]";
            if (s.TimeMs >= fromT && s.TimeMs <= toT && (last[0] < 2250 || last[1] < 2250 || k != CrossingKind.None || ev != ZoneEvent.None))
                sb.AppendLine($"{s.TimeMs,6} z{s.Zone} {last[0],5} {last[1],5} st{s.RangeStatus} {evs} {(k == CrossingKind.None ? "" : k.ToString())} T{c.TurnBacks} O{c.OrphanTargets} D{c.DoorRejections}");
        }
        Console.WriteLine(CounterHarness.Describe(c));
        Console.WriteLine(sb.ToString());
    }
}
