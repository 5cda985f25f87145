using System;
using System.Diagnostics.CodeAnalysis;

namespace EdgeSensor.Core.Configuration
{
    /// <summary>
    /// A strict JSON reader (RFC 8259) for small documents such as the device configuration: UTF-8 input, no
    /// comments, no trailing commas, one value per document, nothing after it but whitespace. Accepts exactly the
    /// documents System.Text.Json parses with <c>MaxDepth = <see cref="MaxDepth"/></c> and
    /// <c>AllowDuplicateProperties = false</c> whose strings are all valid Unicode (tested against it), except
    /// that objects and arrays hold at most <see cref="MaxMembers"/> entries. A UTF-8 byte order mark at the
    /// start is skipped. Failures are a return value with a message naming the byte offset and the JSON path;
    /// nothing throws on bad input.
    /// </summary>
    public sealed partial class JsonParser
    {
        /// <summary>Deepest nesting of objects and arrays accepted (the configuration needs 2).</summary>
        public const int MaxDepth = 8;

        /// <summary>Most members of one object or items of one array (bounds the duplicate-name check).</summary>
        public const int MaxMembers = 256;

        private readonly byte[] _data;
        private readonly int _end;
        private char[] _chars;
        private int _position;
        private string _error = string.Empty;

        private JsonParser(byte[] data, int count)
        {
            _data = data;
            _end = count;
            _chars = new char[64];
        }

        /// <summary>
        /// Parses <paramref name="count"/> bytes of <paramref name="utf8Json"/>. On failure <paramref name="root"/>
        /// is null and <paramref name="error"/> says what is wrong and where.
        /// </summary>
        public static bool TryParse(byte[] utf8Json, int count, [NotNullWhen(true)] out JsonNode? root, out string error)
        {
            root = null;
            if (utf8Json == null || count < 0 || count > utf8Json.Length)
            {
                error = "no document (count outside the buffer)";
                return false;
            }

            var parser = new JsonParser(utf8Json, count);
            if (count >= 3 && utf8Json[0] == 0xEF && utf8Json[1] == 0xBB && utf8Json[2] == 0xBF)
            {
                parser._position = 3;
            }

            JsonNode? value = parser.ParseDocument();
            if (value == null)
            {
                error = parser._error;
                return false;
            }

            root = value;
            error = string.Empty;
            return true;
        }

        private JsonNode? ParseDocument()
        {
            SkipWhitespace();
            if (_position == _end)
            {
                return Fail("the document is empty", string.Empty);
            }

            JsonNode? value = ParseValue(0, string.Empty);
            if (value == null)
            {
                return null;
            }

            SkipWhitespace();
            return _position == _end ? value : Fail("unexpected content after the document's value", string.Empty);
        }

        private JsonNode? ParseValue(int depth, string path)
        {
            if (_position == _end)
            {
                return Fail("unexpected end of the document, a value was expected", path);
            }

            byte b = _data[_position];
            switch (b)
            {
                case (byte)'{':
                    return ParseObject(depth + 1, path);
                case (byte)'[':
                    return ParseArray(depth + 1, path);
                case (byte)'"':
                    string? text = ParseString(path);
                    return text == null ? null : new JsonNode(JsonKind.String, text, false);
                case (byte)'t':
                    return ParseLiteral("true", JsonKind.Boolean, true, path);
                case (byte)'f':
                    return ParseLiteral("false", JsonKind.Boolean, false, path);
                case (byte)'n':
                    return ParseLiteral("null", JsonKind.Null, false, path);
                default:
                    if (b == (byte)'-' || (b >= (byte)'0' && b <= (byte)'9'))
                    {
                        return ParseNumber(path);
                    }

                    return Fail("a value cannot start with this byte", path);
            }
        }

        private JsonNode? ParseObject(int depth, string path)
        {
            if (depth > MaxDepth)
            {
                return Fail("nested deeper than " + MaxDepth.ToString() + " levels", path);
            }

            var node = new JsonNode(JsonKind.Object, null, false);
            _position++;
            SkipWhitespace();
            if (_position < _end && _data[_position] == (byte)'}')
            {
                _position++;
                return node;
            }

            while (true)
            {
                if (_position == _end || _data[_position] != (byte)'"')
                {
                    return Fail("a member name in quotes was expected", path);
                }

                string? name = ParseString(path);
                if (name == null)
                {
                    return null;
                }

                string memberPath = path.Length == 0 ? name : path + "." + name;
                if (node.Has(name))
                {
                    return Fail("duplicate member name", memberPath);
                }

                if (node.Count == MaxMembers)
                {
                    return Fail("more than " + MaxMembers.ToString() + " members", path);
                }

                SkipWhitespace();
                if (_position == _end || _data[_position] != (byte)':')
                {
                    return Fail("':' was expected after the member name", memberPath);
                }

                _position++;
                SkipWhitespace();
                JsonNode? value = ParseValue(depth, memberPath);
                if (value == null)
                {
                    return null;
                }

                node.Add(name, value);
                if (!AfterEntry((byte)'}', path))
                {
                    return null;
                }

                if (_data[_position - 1] == (byte)'}')
                {
                    return node;
                }

                SkipWhitespace();
            }
        }

        private JsonNode? ParseArray(int depth, string path)
        {
            if (depth > MaxDepth)
            {
                return Fail("nested deeper than " + MaxDepth.ToString() + " levels", path);
            }

            var node = new JsonNode(JsonKind.Array, null, false);
            _position++;
            SkipWhitespace();
            if (_position < _end && _data[_position] == (byte)']')
            {
                _position++;
                return node;
            }

            while (true)
            {
                if (node.Count == MaxMembers)
                {
                    return Fail("more than " + MaxMembers.ToString() + " items", path);
                }

                JsonNode? value = ParseValue(depth, path + "[" + node.Count.ToString() + "]");
                if (value == null)
                {
                    return null;
                }

                node.Add(null, value);
                if (!AfterEntry((byte)']', path))
                {
                    return null;
                }

                if (_data[_position - 1] == (byte)']')
                {
                    return node;
                }

                SkipWhitespace();
            }
        }

        /// <summary>After a member or item: consumes ',' or the closing byte (left just before the position).</summary>
        private bool AfterEntry(byte close, string path)
        {
            SkipWhitespace();
            if (_position < _end && (_data[_position] == (byte)',' || _data[_position] == close))
            {
                _position++;
                return true;
            }

            Fail(close == (byte)'}' ? "',' or '}' was expected" : "',' or ']' was expected", path);
            return false;
        }

        private JsonNode? ParseLiteral(string literal, JsonKind kind, bool value, string path)
        {
            if (_end - _position < literal.Length)
            {
                return Fail("unknown literal (true, false or null expected)", path);
            }

            for (int i = 0; i < literal.Length; i++)
            {
                if (_data[_position + i] != (byte)literal[i])
                {
                    return Fail("unknown literal (true, false or null expected)", path);
                }
            }

            _position += literal.Length;
            return new JsonNode(kind, null, value);
        }

        /// <summary>RFC 8259 §6: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, kept as text.</summary>
        private JsonNode? ParseNumber(string path)
        {
            int start = _position;
            if (_data[_position] == (byte)'-')
            {
                _position++;
            }

            if (_position < _end && _data[_position] == (byte)'0')
            {
                _position++;
            }
            else if (SkipDigits() == 0)
            {
                return Fail("a digit was expected in the number", path);
            }

            if (_position < _end && _data[_position] == (byte)'.')
            {
                _position++;
                if (SkipDigits() == 0)
                {
                    return Fail("a digit was expected after the decimal point", path);
                }
            }

            if (_position < _end && (_data[_position] == (byte)'e' || _data[_position] == (byte)'E'))
            {
                _position++;
                if (_position < _end && (_data[_position] == (byte)'+' || _data[_position] == (byte)'-'))
                {
                    _position++;
                }

                if (SkipDigits() == 0)
                {
                    return Fail("a digit was expected in the exponent", path);
                }
            }

            int length = _position - start;
            EnsureChars(length);
            for (int i = 0; i < length; i++)
            {
                _chars[i] = (char)_data[start + i];
            }

            return new JsonNode(JsonKind.Number, new string(_chars, 0, length), false);
        }

        private int SkipDigits()
        {
            int start = _position;
            while (_position < _end && _data[_position] >= (byte)'0' && _data[_position] <= (byte)'9')
            {
                _position++;
            }

            return _position - start;
        }

        /// <summary>Grows the decoding buffer to hold <paramref name="length"/> characters (it starts small: the
        /// device's heap is small, and most strings are short).</summary>
        private void EnsureChars(int length)
        {
            if (length <= _chars.Length)
            {
                return;
            }

            int size = _chars.Length;
            while (size < length)
            {
                size *= 2;
            }

            char[] chars = new char[size];
            Array.Copy(_chars, chars, _chars.Length);
            _chars = chars;
        }

        /// <summary>RFC 8259 §2: space, horizontal tab, line feed, carriage return.</summary>
        private void SkipWhitespace()
        {
            while (_position < _end)
            {
                byte b = _data[_position];
                if (b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D)
                {
                    return;
                }

                _position++;
            }
        }

        private JsonNode? Fail(string what, string path)
        {
            _error = "invalid JSON at byte " + _position.ToString() + (path.Length == 0 ? string.Empty : " (in " + path + ")") + ": " + what;
            return null;
        }
    }
}
