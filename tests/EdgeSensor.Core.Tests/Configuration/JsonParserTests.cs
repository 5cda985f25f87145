using System.Text;
using EdgeSensor.Core.Configuration;

namespace EdgeSensor.Core.Tests.Configuration;

[TestClass]
public sealed class JsonParserTests
{
    [TestMethod]
    [DataRow("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\b\f\n\r\t")]
    [DataRow("\"\\u00e9\\u00C9\"", "éÉ")]
    [DataRow("\"\\ud83d\\ude00\"", "😀")]
    [DataRow("\"😀é\"", "😀é")]
    [DataRow("\"\\u0000\"", "\0")]
    public void Strings_AreUnescaped(string json, string expected)
    {
        Assert.AreEqual(expected, Parse(json).Text);
    }

    [TestMethod]
    [DataRow("\"\\ud800\"", "high surrogate without its low surrogate")]
    [DataRow("\"\\ud800\\u0041\"", "high surrogate without its low surrogate")]
    [DataRow("\"\\udc00\"", "lone low surrogate")]
    [DataRow("\"\\u12g4\"", "four hex digits")]
    [DataRow("\"\\a\"", "unknown escape sequence")]
    [DataRow("\"a\tb\"", "control character in a string must be escaped")]
    [DataRow("\"abc", "the string is not closed")]
    [DataRow("01", "unexpected content after the document's value")]
    [DataRow("1.", "a digit was expected after the decimal point")]
    [DataRow("-", "a digit was expected in the number")]
    [DataRow("1e+", "a digit was expected in the exponent")]
    [DataRow("[1,]", "a value cannot start with this byte")]
    [DataRow("{\"a\" 1}", "':' was expected after the member name")]
    [DataRow("[1 2]", "',' or ']' was expected")]
    [DataRow("nul", "unknown literal (true, false or null expected)")]
    [DataRow("{} {}", "unexpected content after the document's value")]
    public void MalformedDocuments_AreRejectedWithTheReason(string json, string reason)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        Assert.IsFalse(JsonParser.TryParse(bytes, bytes.Length, out var root, out string error));
        Assert.IsNull(root);
        StringAssert.Contains(error, reason);
    }

    [TestMethod]
    [DataRow(new byte[] { 0x22, 0xC0, 0xAF, 0x22 })]
    [DataRow(new byte[] { 0x22, 0xED, 0xA0, 0x80, 0x22 })]
    [DataRow(new byte[] { 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22 })]
    [DataRow(new byte[] { 0x22, 0xE2, 0x82, 0x22 })]
    [DataRow(new byte[] { 0x22, 0xFF, 0x22 })]
    public void InvalidUtf8_IsRejected(byte[] bytes)
    {
        Assert.IsFalse(JsonParser.TryParse(bytes, bytes.Length, out _, out string error));
        StringAssert.Contains(error, "invalid UTF-8");
    }

    [TestMethod]
    public void LongStringsAndNumbers_GrowTheBuffer()
    {
        string text = string.Concat(Enumerable.Repeat("aé😀\\n", 3000));
        string expected = string.Concat(Enumerable.Repeat("aé😀\n", 3000));
        Assert.AreEqual(expected, Parse("[\"" + text + "\"]").ValueAt(0).Text);
        string digits = new('7', 5000);
        Assert.AreEqual(digits, Parse(digits).Text);
    }

    [TestMethod]
    public void Members_KeepDocumentOrder_AndAreFoundByName()
    {
        var root = Parse("{\"b\":1,\"a\":[true,false,null],\"c\":{}}");
        Assert.AreEqual(3, root.Count);
        CollectionAssert.AreEqual(new[] { "b", "a", "c" }, Enumerable.Range(0, 3).Select(root.NameAt).ToArray());
        var a = root.Find("a")!;
        Assert.AreEqual(JsonKind.Array, a.Kind);
        Assert.IsTrue(a.ValueAt(0).Boolean);
        Assert.AreEqual(JsonKind.Null, a.ValueAt(2).Kind);
        Assert.IsNull(root.Find("d"));
    }

    [TestMethod]
    public void ContainerSize_IsLimited()
    {
        string ok = "[" + string.Join(",", Enumerable.Repeat("0", JsonParser.MaxMembers)) + "]";
        Assert.AreEqual(JsonParser.MaxMembers, Parse(ok).Count);
        byte[] tooMany = Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("0", JsonParser.MaxMembers + 1)) + "]");
        Assert.IsFalse(JsonParser.TryParse(tooMany, tooMany.Length, out _, out string error));
        StringAssert.Contains(error, "more than 256 items");
    }

    private static EdgeSensor.Core.Configuration.JsonNode Parse(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        Assert.IsTrue(JsonParser.TryParse(bytes, bytes.Length, out var root, out string error), error);
        return root;
    }
}
