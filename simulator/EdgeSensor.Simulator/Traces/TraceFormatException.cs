namespace EdgeSensor.Simulator.Traces;

/// <summary>A trace that does not follow the format; the message starts with the 1-based line number.</summary>
public sealed class TraceFormatException : Exception
{
    public TraceFormatException(int lineNumber, string problem)
        : base($"line {lineNumber}: {problem}")
    {
        LineNumber = lineNumber;
        Problem = problem;
    }

    public TraceFormatException()
    {
        Problem = string.Empty;
    }

    public TraceFormatException(string message)
        : base(message)
    {
        Problem = message;
    }

    public TraceFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = message;
    }

    public int LineNumber { get; }

    public string Problem { get; }
}
