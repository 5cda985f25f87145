using System.Text;
using System.Text.Json;
using CsCheck;
using EdgeSensor.Core.Configuration;

namespace EdgeSensor.Core.Tests.Configuration;

/// <summary>
/// The core's JSON parser against System.Text.Json on generated and mutated documents: it accepts exactly
/// the documents System.Text.Json parses (MaxDepth 8, no duplicate names, every string valid Unicode, at most
/// 256 entries per container) and yields the same values.
/// </summary>
[TestClass]
public sealed class JsonParserPropertyTests
{
    private static readonly string[] Strings =
    [
        "", "a", "north-gate", "é", "😀", "\\\"", "\\\\", "\\/", "\\b\\f\\n\\r\\t", "\\u00e9", "\\u00E9", "\\ud83d\\ude00", "\\u0000",
        "\\ud800", "\\udc00", "\\ud83d\\u0041", "\\x", "\\u12", "\u007f", "\t", "\\", "ｆｕｌｌ", "a\\u0022b",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "21", "65535", "2147483647", "-2147483648", "99999999999999999999", "1.5", "1.5e3", "1E+2", "1e-2",
        "01", "1.", ".5", "-", "1e", "1e+", "+1", "0x10", "1.0", "00",
    ];

    private static readonly string[] Names = ["a", "b", "format", "version", "\\u0061", "é", "a\\u0000", ""];

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (3, Gen.OneOf(Strings.Select(s => Gen.Const("\"" + s + "\"")).ToArray())),
        (3, Gen.OneOf(Numbers.Select(Gen.Const).ToArray())),
        (1, Gen.OneOf(Gen.Const("true"), Gen.Const("false"), Gen.Const("null"), Gen.Const("tru"), Gen.Const("nul"))),
        (1, Gen.Int[-100000, 100000].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static readonly Gen<string> Whitespace = Gen.OneOf(Gen.Const(""), Gen.Const(" "), Gen.Const("\n\t"), Gen.Const("\r\n  "));

    private static readonly Gen<string> Value = Gen.Recursive<string>((depth, self) =>
    {
        if (depth > 10)
        {
            return Scalar;
        }

        var member = Gen.Select(Gen.OneOf(Names.Select(Gen.Const).ToArray()), Whitespace, self, (n, w, v) => w + "\"" + n + "\"" + w + ":" + v);
        var obj = Gen.Select(member.Array[0, 4], Whitespace, (m, w) => "{" + w + string.Join(",", m) + w + "}");
        var arr = Gen.Select(self.Array[0, 4], Whitespace, (items, w) => "[" + w + string.Join("," + w, items) + "]");
        return Gen.Frequency((4, Scalar), (2, obj), (2, arr));
    });

    /// <summary>Mutations: insert, delete or replace one byte, with bytes that matter to JSON and UTF-8.</summary>
    private static readonly byte[] Interesting = [.. "{}[]\",:\\ u0e-+.tfn\t\n"u8, 0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xED, 0xEF, 0xBB, 0xF0, 0xF4, 0xF5, 0xFF];

    private static readonly Gen<byte[]> Document = Gen.Select(Value, Whitespace, Gen.Int[0, 3], Gen.Int[0, 10000].Array[0, 3], Gen.Int[0, Interesting.Length - 1].Array[3],
        (value, ws, kind, positions, picks) =>
        {
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(ws + value + ws));
            for (int i = 0; i < positions.Length && bytes.Count > 0; i++)
            {
                int at = positions[i] % bytes.Count;
                byte b = Interesting[picks[i]];
                switch ((kind + i) % 4)
                {
                    case 0: break; // keep the document as generated
                    case 1: bytes.Insert(at, b); break;
                    case 2: bytes.RemoveAt(at); break;
                    default: bytes[at] = b; break;
                }
            }

            return bytes.ToArray();
        });

    [TestMethod]
    public void TryParse_AcceptsExactlyWhatSystemTextJsonAccepts_WithTheSameValues()
    {
        int accepted = 0;
        int total = 0;
        Document.Sample(bytes =>
        {
            bool ours = JsonParser.TryParse(bytes, bytes.Length, out var root, out string error);
            bool theirs = TryParseReference(bytes, out var document);
            using (document)
            {
                Assert.AreEqual(theirs, ours, $"{Show(bytes)}: ours {(ours ? "accepted" : error)}");
                if (ours)
                {
                    AssertSame(document!.RootElement, root!, "$");
                    Interlocked.Increment(ref accepted);
                }
            }

            Interlocked.Increment(ref total);
        }, iter: 20000, threads: 1);

        // Both outcomes must be well represented, or the property proves little.
        Assert.IsGreaterThan(total / 5, accepted, $"{accepted} of {total} accepted");
        Assert.IsLessThan(total * 4 / 5, accepted, $"{accepted} of {total} accepted");
    }

    /// <summary>UTF-8 boundary bytes (RFC 3629 §4: lead ranges and the second-byte limits of E0, ED, F0, F4).</summary>
    private static readonly byte[] Utf8Bytes = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF];

    [TestMethod]
    public void TryParse_RawUtf8InStrings_DecodesExactlyLikeSystemTextJson()
    {
        Gen.Int[0, Utf8Bytes.Length - 1].Array[0, 6].Sample(picks =>
        {
            byte[] bytes = [(byte)'"', .. picks.Select(i => Utf8Bytes[i]), (byte)'"'];
            bool ours = JsonParser.TryParse(bytes, bytes.Length, out var root, out string error);
            bool theirs = TryParseReference(bytes, out var document);
            using (document)
            {
                Assert.AreEqual(theirs, ours, $"{Show(bytes)}: ours {(ours ? "accepted" : error)}");
                if (ours)
                {
                    Assert.AreEqual(document!.RootElement.GetString(), root!.Text);
                }
            }
        }, iter: 20000, threads: 1);
    }

    [TestMethod]
    public void TryParse_WithByteOrderMark_SameAsSystemTextJsonOnAStream()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "{\"a\":[1,\"x\"]}"u8];
        Assert.IsTrue(TryParseReference(bytes, out var document));
        document!.Dispose();
        Assert.IsTrue(JsonParser.TryParse(bytes, bytes.Length, out var root, out _));
        Assert.AreEqual("x", root!.Find("a")!.ValueAt(1).Text);
    }

    /// <summary>System.Text.Json as the device's reader is specified: stream parsing (skips a BOM), depth 8,
    /// no duplicates, every string decodable, container sizes within the core's limit.</summary>
    internal static bool TryParseReference(byte[] bytes, out JsonDocument? document)
    {
        document = null;
        try
        {
            document = JsonDocument.Parse(new MemoryStream(bytes), new JsonDocumentOptions { MaxDepth = JsonParser.MaxDepth, AllowDuplicateProperties = false });
            if (AllStringsDecode(document.RootElement))
            {
                return true;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
        }

        document?.Dispose();
        document = null;
        return false;
    }

    private static bool AllStringsDecode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                return true;
            case JsonValueKind.Object:
                int members = 0;
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    members++;
                    if (!AllStringsDecode(property.Value))
                    {
                        return false;
                    }
                }

                return members <= JsonParser.MaxMembers;
            case JsonValueKind.Array:
                return element.GetArrayLength() <= JsonParser.MaxMembers && element.EnumerateArray().All(AllStringsDecode);
            default:
                return true;
        }
    }

    private static void AssertSame(JsonElement expected, EdgeSensor.Core.Configuration.JsonNode actual, string path)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.AreEqual(JsonKind.Object, actual.Kind, path);
                var properties = expected.EnumerateObject().ToArray();
                Assert.AreEqual(properties.Length, actual.Count, path);
                for (int i = 0; i < properties.Length; i++)
                {
                    Assert.AreEqual(properties[i].Name, actual.NameAt(i), path);
                    AssertSame(properties[i].Value, actual.ValueAt(i), path + "." + properties[i].Name);
                }

                break;
            case JsonValueKind.Array:
                Assert.AreEqual(JsonKind.Array, actual.Kind, path);
                var items = expected.EnumerateArray().ToArray();
                Assert.AreEqual(items.Length, actual.Count, path);
                for (int i = 0; i < items.Length; i++)
                {
                    AssertSame(items[i], actual.ValueAt(i), path + "[" + i + "]");
                }

                break;
            case JsonValueKind.String:
                Assert.AreEqual(JsonKind.String, actual.Kind, path);
                Assert.AreEqual(expected.GetString(), actual.Text, path);
                break;
            case JsonValueKind.Number:
                Assert.AreEqual(JsonKind.Number, actual.Kind, path);
                Assert.AreEqual(expected.GetRawText(), actual.Text, path);
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                Assert.AreEqual(JsonKind.Boolean, actual.Kind, path);
                Assert.AreEqual(expected.GetBoolean(), actual.Boolean, path);
                break;
            default:
                Assert.AreEqual(JsonKind.Null, actual.Kind, path);
                break;
        }
    }

    private static string Show(byte[] bytes) => Convert.ToHexString(bytes) + " \"" + Encoding.UTF8.GetString(bytes) + "\"";
}
