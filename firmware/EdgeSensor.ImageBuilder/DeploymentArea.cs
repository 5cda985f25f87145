namespace EdgeSensor.ImageBuilder;

/// <summary>
/// Where the managed application lives on a 4 MB ESP32 running nanoFramework: the "deploy" partition of
/// nf-interpreter targets/ESP32/_IDF/esp32/partitions_nanoclr_4mb.csv ("deploy, data, 0x84, 0x1E0000, 0x1C0000").
/// </summary>
internal static class DeploymentArea
{
    public const string Board = "ESP32, 4 MB flash";
    public const int Offset = 0x1E0000;
    public const int Size = 0x1C0000;
}
