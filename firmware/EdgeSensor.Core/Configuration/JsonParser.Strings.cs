namespace EdgeSensor.Core.Configuration
{
    /// <summary>Strings: RFC 8259 §7 escapes and strict UTF-8 (RFC 3629 §4: no overlong forms, no surrogates, at most U+10FFFF).</summary>
    public sealed partial class JsonParser
    {
        /// <summary>Reads a string starting at its opening quote; null (and an error) when it is malformed.</summary>
        private string? ParseString(string path)
        {
            _position++;
            int length = 0;
            while (true)
            {
                if (_position == _end)
                {
                    Fail("the string is not closed", path);
                    return null;
                }

                // Each step below adds at most two characters.
                EnsureChars(length + 2);
                byte b = _data[_position];
                if (b == (byte)'"')
                {
                    _position++;
                    return new string(_chars, 0, length);
                }

                if (b < 0x20)
                {
                    Fail("a control character in a string must be escaped", path);
                    return null;
                }

                if (b == (byte)'\\')
                {
                    length = ParseEscape(length, path);
                }
                else if (b < 0x80)
                {
                    _chars[length++] = (char)b;
                    _position++;
                }
                else
                {
                    length = DecodeUtf8(length, path);
                }

                if (length < 0)
                {
                    return null;
                }
            }
        }

        /// <summary>One escape sequence; returns the new length, or -1 after an error.</summary>
        private int ParseEscape(int length, string path)
        {
            if (_end - _position < 2)
            {
                Fail("the string is not closed", path);
                return -1;
            }

            byte e = _data[_position + 1];
            char c;
            switch (e)
            {
                case (byte)'"': c = '"'; break;
                case (byte)'\\': c = '\\'; break;
                case (byte)'/': c = '/'; break;
                case (byte)'b': c = '\b'; break;
                case (byte)'f': c = '\f'; break;
                case (byte)'n': c = '\n'; break;
                case (byte)'r': c = '\r'; break;
                case (byte)'t': c = '\t'; break;
                case (byte)'u':
                    return ParseUnicodeEscape(length, path);
                default:
                    Fail("unknown escape sequence", path);
                    return -1;
            }

            _chars[length] = c;
            _position += 2;
            return length + 1;
        }

        /// <summary>\uXXXX, and a surrogate pair as two of them (RFC 8259 §7); a lone surrogate is rejected.</summary>
        private int ParseUnicodeEscape(int length, string path)
        {
            int unit = ReadHex4(_position + 2);
            if (unit < 0)
            {
                Fail("\\u must be followed by four hex digits", path);
                return -1;
            }

            if (unit >= 0xDC00 && unit <= 0xDFFF)
            {
                Fail("\\u escape is a lone low surrogate", path);
                return -1;
            }

            if (unit >= 0xD800 && unit <= 0xDBFF)
            {
                int low = _end - _position >= 12 && _data[_position + 6] == (byte)'\\' && _data[_position + 7] == (byte)'u'
                    ? ReadHex4(_position + 8)
                    : -1;
                if (low < 0xDC00 || low > 0xDFFF)
                {
                    Fail("\\u escape is a high surrogate without its low surrogate", path);
                    return -1;
                }

                _chars[length++] = (char)unit;
                _chars[length++] = (char)low;
                _position += 12;
                return length;
            }

            _chars[length] = (char)unit;
            _position += 6;
            return length + 1;
        }

        /// <summary>Four hex digits at <paramref name="at"/>, or -1.</summary>
        private int ReadHex4(int at)
        {
            if (_end - at < 4)
            {
                return -1;
            }

            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                int b = _data[at + i];
                int digit;
                if (b >= '0' && b <= '9')
                {
                    digit = b - '0';
                }
                else if (b >= 'a' && b <= 'f')
                {
                    digit = b - 'a' + 10;
                }
                else if (b >= 'A' && b <= 'F')
                {
                    digit = b - 'A' + 10;
                }
                else
                {
                    return -1;
                }

                value = (value << 4) | digit;
            }

            return value;
        }

        /// <summary>One multi-byte UTF-8 sequence (RFC 3629 §4 table); returns the new length, or -1 after an error.</summary>
        private int DecodeUtf8(int length, string path)
        {
            byte lead = _data[_position];
            int extra;
            int codePoint;
            int min = 0x80;
            int max = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF)
            {
                extra = 1;
                codePoint = lead & 0x1F;
            }
            else if (lead >= 0xE0 && lead <= 0xEF)
            {
                extra = 2;
                codePoint = lead & 0x0F;
                if (lead == 0xE0)
                {
                    min = 0xA0;
                }
                else if (lead == 0xED)
                {
                    max = 0x9F;
                }
            }
            else if (lead >= 0xF0 && lead <= 0xF4)
            {
                extra = 3;
                codePoint = lead & 0x07;
                if (lead == 0xF0)
                {
                    min = 0x90;
                }
                else if (lead == 0xF4)
                {
                    max = 0x8F;
                }
            }
            else
            {
                Fail("invalid UTF-8", path);
                return -1;
            }

            if (_end - _position <= extra)
            {
                Fail("invalid UTF-8 (truncated sequence)", path);
                return -1;
            }

            for (int i = 1; i <= extra; i++)
            {
                int next = _data[_position + i];
                if (next < min || next > max)
                {
                    Fail("invalid UTF-8", path);
                    return -1;
                }

                codePoint = (codePoint << 6) | (next & 0x3F);
                min = 0x80;
                max = 0xBF;
            }

            _position += extra + 1;
            if (codePoint >= 0x10000)
            {
                codePoint -= 0x10000;
                _chars[length++] = (char)(0xD800 + (codePoint >> 10));
                _chars[length++] = (char)(0xDC00 + (codePoint & 0x3FF));
                return length;
            }

            _chars[length] = (char)codePoint;
            return length + 1;
        }
    }
}
