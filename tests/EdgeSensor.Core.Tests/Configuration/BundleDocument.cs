using System.Text;
using Stj = System.Text.Json.Nodes;

namespace EdgeSensor.Core.Tests.Configuration;

/// <summary>A valid configuration bundle v2 as JSON, and edits of single fields by JSON path.</summary>
internal static class BundleDocument
{
    public const string RootKey = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    public const string Valid = """
        {
          "format": "edgesensor-device-config",
          "version": 2,
          "deviceId": "9b7f9adc16efab6a",
          "site": "north-gate",
          "rootKey": "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=",
          "topic": "edgesensor/north-gate/9b7f9adc16efab6a/report",
          "broker": { "host": "mqtt.example.org", "port": 8883, "tls": true, "username": "gate-7", "password": "mqtt-secret" },
          "wifi": { "ssid": "Site Wi-Fi", "password": "wifi-secret" },
          "pins": { "i2cSda": 21, "i2cScl": 22, "tofXshut": 4, "tofInterrupt": 33, "pir": 27, "statusLed": -1 },
          "mountHeightMillimeters": 2400,
          "zones": { "timingBudgetMilliseconds": 33, "roiWidth": 8, "roiHeight": 16, "zone0RoiCenter": 167, "zone1RoiCenter": 231, "insideZone": 1 },
          "pirHoldMilliseconds": 2500,
          "windowLengthSeconds": 900,
          "disclosure": { "mode": "differential-privacy", "suppressionThreshold": 0, "epsilonMilli": 1000, "crossingsPerPerson": 6 }
        }
        """;

    /// <summary>The valid bundle with the field at <paramref name="path"/> set to the JSON <paramref name="valueJson"/>
    /// (null: removed). Further edits as (path, valueJson) pairs.</summary>
    public static byte[] With(string path, string? valueJson, params string?[] more)
    {
        var root = Stj.JsonNode.Parse(Valid)!.AsObject();
        Set(root, path, valueJson);
        for (int i = 0; i + 1 < more.Length; i += 2)
        {
            Set(root, more[i]!, more[i + 1]);
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static void Set(Stj.JsonObject root, string path, string? valueJson)
    {
        string[] parts = path.Split('.');
        var parent = root;
        for (int i = 0; i < parts.Length - 1; i++)
        {
            parent = parent[parts[i]]!.AsObject();
        }

        if (valueJson is null)
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = Stj.JsonNode.Parse(valueJson);
        }
    }
}
