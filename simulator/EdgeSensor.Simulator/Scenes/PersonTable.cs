using System.Globalization;

namespace EdgeSensor.Simulator.Scenes;

/// <summary>Writes a scene's people as CSV (for debugging a trace: who did what, when, and along which path).</summary>
public static class PersonTable
{
    public const string Header = "id,group,behavior,direction,lateral_mm,stature_mm,speed_mps,start_ms,end_ms,truth,truth_ms,path_t_ms:x_mm";

    public static void Write(TextWriter writer, Scene scene)
    {
        var inv = CultureInfo.InvariantCulture;
        writer.WriteLine(Header);
        foreach (Person p in scene.Persons)
        {
            var path = new List<string>();
            for (int i = 0; i < p.WaypointTimesMs.Length; i++)
            {
                path.Add(string.Create(inv, $"{p.WaypointTimesMs[i]:0}:{p.WaypointXs[i]:0}"));
            }

            // The speed actually walked on the first leg (a follower slows to the pace of the one ahead).
            double speed = Math.Abs(p.WaypointXs[1] - p.WaypointXs[0]) / Math.Max(1, p.WaypointTimesMs[1] - p.WaypointTimesMs[0]);
            writer.WriteLine(string.Create(inv,
                $"{p.Id},{p.Group.ToString().ToLowerInvariant()},{p.Behavior.ToString().ToLowerInvariant()},{p.Direction},{p.LateralMillimeters:0},{p.Body.StatureMillimeters:0},{speed:0.00},{p.StartMs:0},{p.EndMs:0},{p.TruthDelta},{(p.TruthDelta != 0 ? p.TruthTimeMs.ToString("0", inv) : "")},{string.Join(' ', path)}"));
        }
    }
}
