using System.Text;
using System.Text.RegularExpressions;

namespace EdgeSensor.Repository.Tests.References;

/// <summary>Extracts the comment text of source files, line by line, so code and string literals are left alone.</summary>
internal static partial class CommentReader
{
    private enum State
    {
        Code,
        LineComment,
        BlockComment,
        String,
        VerbatimString,
        RawString,
        Char,
    }

    /// <summary>Line comments, block comments and XML doc comments of C# source.</summary>
    public static IReadOnlyList<TextLine> CSharp(string text)
    {
        var comments = new List<TextLine>();
        var current = new StringBuilder();
        var state = State.Code;
        int line = 1;
        int rawQuotes = 0;

        void Flush()
        {
            if (current.Length > 0)
            {
                comments.Add(new TextLine(line, current.ToString()));
                current.Clear();
            }
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '\n')
            {
                if (state is State.LineComment or State.BlockComment)
                {
                    Flush();
                }

                if (state == State.LineComment)
                {
                    state = State.Code;
                }

                line++;
                continue;
            }

            switch (state)
            {
                case State.Code:
                    if (c == '/' && next == '/')
                    {
                        state = State.LineComment;
                        i++;
                    }
                    else if (c == '/' && next == '*')
                    {
                        state = State.BlockComment;
                        i++;
                    }
                    else if (c == '"' && CountRun(text, i, '"') >= 3)
                    {
                        rawQuotes = CountRun(text, i, '"');
                        state = State.RawString;
                        i += rawQuotes - 1;
                    }
                    else if (c == '@' && next == '"')
                    {
                        state = State.VerbatimString;
                        i++;
                    }
                    else if (c == '"')
                    {
                        state = State.String;
                    }
                    else if (c == '\'')
                    {
                        state = State.Char;
                    }

                    break;
                case State.LineComment:
                    current.Append(c);
                    break;
                case State.BlockComment:
                    if (c == '*' && next == '/')
                    {
                        Flush();
                        state = State.Code;
                        i++;
                    }
                    else
                    {
                        current.Append(c);
                    }

                    break;
                case State.String or State.Char:
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if ((c == '"' && state == State.String) || (c == '\'' && state == State.Char))
                    {
                        state = State.Code;
                    }

                    break;
                case State.VerbatimString:
                    if (c == '"' && next == '"')
                    {
                        i++;
                    }
                    else if (c == '"')
                    {
                        state = State.Code;
                    }

                    break;
                case State.RawString:
                    if (c == '"' && CountRun(text, i, '"') >= rawQuotes)
                    {
                        i += CountRun(text, i, '"') - 1;
                        state = State.Code;
                    }

                    break;
            }
        }

        Flush();
        return comments;
    }

    /// <summary>The text inside <c>&lt;!-- --&gt;</c> of MSBuild and other XML files.</summary>
    public static IReadOnlyList<TextLine> Xml(string text)
    {
        var comments = new List<TextLine>();
        foreach (Match m in XmlComment().Matches(text))
        {
            int line = 1 + CountNewlines(text, m.Index);
            string[] lines = m.Groups[1].Value.Split('\n');
            for (int k = 0; k < lines.Length; k++)
            {
                comments.Add(new TextLine(line + k, lines[k]));
            }
        }

        return comments;
    }

    /// <summary>The text after <c>#</c> of shell scripts (not inside quotes, not part of a word like <c>${#x}</c>).</summary>
    public static IReadOnlyList<TextLine> Shell(string text)
    {
        var comments = new List<TextLine>();
        string[] lines = text.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string l = lines[n];
            bool single = false, @double = false;
            for (int i = 0; i < l.Length; i++)
            {
                char c = l[i];
                if (c == '\'' && !@double)
                {
                    single = !single;
                }
                else if (c == '"' && !single)
                {
                    @double = !@double;
                }
                else if (c == '#' && !single && !@double && (i == 0 || char.IsWhiteSpace(l[i - 1])))
                {
                    comments.Add(new TextLine(n + 1, l[(i + 1)..]));
                    break;
                }
            }
        }

        return comments;
    }

    private static int CountRun(string text, int at, char c)
    {
        int n = 0;
        while (at + n < text.Length && text[at + n] == c)
        {
            n++;
        }

        return n;
    }

    private static int CountNewlines(string text, int end)
    {
        int n = 0;
        for (int i = 0; i < end; i++)
        {
            if (text[i] == '\n')
            {
                n++;
            }
        }

        return n;
    }

    [GeneratedRegex("<!--(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex XmlComment();
}
