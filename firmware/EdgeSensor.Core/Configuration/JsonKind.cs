namespace EdgeSensor.Core.Configuration
{
    /// <summary>The kind of a <see cref="JsonNode"/> (RFC 8259 §3: the seven JSON value kinds, true and false as one).</summary>
    public enum JsonKind : byte
    {
        /// <summary>An object: names and values.</summary>
        Object = 0,

        /// <summary>An array of values.</summary>
        Array = 1,

        /// <summary>A string; <see cref="JsonNode.Text"/> holds it, unescaped.</summary>
        String = 2,

        /// <summary>A number; <see cref="JsonNode.Text"/> holds its text exactly as written.</summary>
        Number = 3,

        /// <summary>true or false; <see cref="JsonNode.Boolean"/> holds it.</summary>
        Boolean = 4,

        /// <summary>null.</summary>
        Null = 5,
    }
}
