using System.Text;

namespace EdgeSensor.Simulator.Traces;

/// <summary>
/// Reads lines like <see cref="TextReader.ReadLine"/> but refuses a line longer than a limit instead of buffering it
/// whole: a trace is untrusted input, and a file (or stdin) that is one endless line must end in a clear error, not
/// in running out of memory. Line ends are \n, \r\n or \r, as for <see cref="TextReader.ReadLine"/>.
/// </summary>
internal sealed class BoundedLineReader
{
    private readonly TextReader _reader;
    private readonly int _maxLength;
    private readonly StringBuilder _line = new();

    public BoundedLineReader(TextReader reader, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        _reader = reader;
        _maxLength = maxLength;
    }

    /// <summary>The next line without its end, or null at the end of the input.</summary>
    /// <exception cref="TraceFormatException">The line is longer than the limit (numbered <paramref name="lineNumber"/>).</exception>
    public string? ReadLine(int lineNumber)
    {
        _line.Clear();
        int c = _reader.Read();
        if (c < 0)
        {
            return null;
        }

        while (c >= 0 && c != '\n' && c != '\r')
        {
            if (_line.Length == _maxLength)
            {
                throw new TraceFormatException(lineNumber, $"line is longer than {_maxLength} characters: not a trace row");
            }

            _line.Append((char)c);
            c = _reader.Read();
        }

        if (c == '\r' && _reader.Peek() == '\n')
        {
            _reader.Read();
        }

        return _line.ToString();
    }
}
