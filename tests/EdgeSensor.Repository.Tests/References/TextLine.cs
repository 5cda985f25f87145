namespace EdgeSensor.Repository.Tests.References;

/// <summary>A piece of text to check and the 1-based line it comes from.</summary>
internal readonly record struct TextLine(int Line, string Text);
