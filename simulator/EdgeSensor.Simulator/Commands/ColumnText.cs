namespace EdgeSensor.Simulator.Commands;

/// <summary>Wraps text at word boundaries so that what the commands print reads in an 80-column terminal.</summary>
internal static class ColumnText
{
    public const int Width = 80;

    /// <summary>
    /// <paramref name="label"/> padded to <paramref name="labelWidth"/>, then <paramref name="text"/> wrapped at
    /// <see cref="Width"/>, continuation lines indented under the text. A single word longer than a line stays whole.
    /// </summary>
    public static IEnumerable<string> Labelled(string label, int labelWidth, string text)
    {
        string indent = new(' ', labelWidth + 1);
        string line = label.PadRight(labelWidth) + " ";
        bool empty = true;
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                yield return line;
                line = indent;
                empty = true;
            }

            line += (empty ? "" : " ") + word;
            empty = false;
        }

        yield return line.TrimEnd();
    }
}
