namespace EdgeSensor.Core.Tests.Crypto;

/// <summary>
/// Reads the vector files in Crypto/Vectors: blank-line-separated records of <c>name = value</c>
/// lines (hex for byte strings), comments starting with '#'.
/// </summary>
internal static class CryptoVectors
{
    public static IReadOnlyList<Dictionary<string, string>> Load(string fileName, string kind)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Crypto", "Vectors", fileName);
        var records = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (string raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0)
            {
                current = null;
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            int eq = line.IndexOf(" = ", StringComparison.Ordinal);
            string name = eq < 0 ? line.TrimEnd('=', ' ') : line[..eq];
            string value = eq < 0 ? string.Empty : line[(eq + 3)..];
            if (current == null)
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                records.Add(current);
            }

            current[name] = value;
        }

        var selected = records.Where(r => r.TryGetValue("kind", out string? k) && k == kind).ToList();
        Assert.IsNotEmpty(selected, $"no '{kind}' vectors in {fileName}");
        return selected;
    }

    public static byte[] Bytes(this Dictionary<string, string> record, string name) => Convert.FromHexString(record[name]);

    public static string Hex(byte[] bytes, int offset, int count) => Convert.ToHexStringLower(bytes, offset, count);

    /// <summary>Fast byte comparison for the thousands of cross-check cases; hex only on failure.</summary>
    public static void AssertBytes(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, string message)
    {
        if (!expected.SequenceEqual(actual))
        {
            Assert.Fail($"{message}: expected {Convert.ToHexStringLower(expected)}, got {Convert.ToHexStringLower(actual)}");
        }
    }
}
