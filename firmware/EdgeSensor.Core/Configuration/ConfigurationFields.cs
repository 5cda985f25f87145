namespace EdgeSensor.Core.Configuration
{
    /// <summary>
    /// Typed access to the members of the parsed bundle, keeping the first failure as a message that starts
    /// with the member's JSON path (e.g. <c>broker.port must be 1..65535</c>). After a failure every call
    /// returns a default and the message stays the first one.
    /// </summary>
    internal sealed class ConfigurationFields
    {
        /// <summary>The first failure, or null.</summary>
        public string? Error { get; private set; }

        public bool Failed
        {
            get { return Error != null; }
        }

        public static string PathOf(string objectPath, string name)
        {
            return objectPath.Length == 0 ? name : objectPath + "." + name;
        }

        /// <summary>Records a failure of <paramref name="path"/> unless one is recorded already.</summary>
        public void Fail(string path, string message)
        {
            if (Error == null)
            {
                Error = path + " " + message;
            }
        }

        /// <summary>A required member that is an object whose member names are all in <paramref name="known"/>.</summary>
        public JsonNode? Object(JsonNode? parent, string parentPath, string name, string[] known)
        {
            string path = PathOf(parentPath, name);
            JsonNode? node = Member(parent, path, name);
            if (node == null)
            {
                return null;
            }

            if (node.Kind != JsonKind.Object)
            {
                Fail(path, "must be an object");
                return null;
            }

            RejectUnknown(node, path, known);
            return Failed ? null : node;
        }

        /// <summary>Fails on the first member whose name is not in <paramref name="known"/>.</summary>
        public void RejectUnknown(JsonNode node, string path, string[] known)
        {
            for (int i = 0; i < node.Count && !Failed; i++)
            {
                string name = node.NameAt(i);
                bool found = false;
                for (int k = 0; k < known.Length; k++)
                {
                    if (known[k] == name)
                    {
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    Fail(PathOf(path, name), "is not a field of this format (check its spelling)");
                }
            }
        }

        /// <summary>A required string.</summary>
        public string? String(JsonNode? parent, string parentPath, string name)
        {
            string path = PathOf(parentPath, name);
            JsonNode? node = Member(parent, path, name);
            if (node == null)
            {
                return null;
            }

            if (node.Kind != JsonKind.String)
            {
                Fail(path, "must be a string");
                return null;
            }

            return node.Text;
        }

        /// <summary>An optional string: absent or null gives null.</summary>
        public string? OptionalString(JsonNode? parent, string parentPath, string name)
        {
            if (Failed || parent == null)
            {
                return null;
            }

            JsonNode? node = parent.Find(name);
            if (node == null || node.Kind == JsonKind.Null)
            {
                return null;
            }

            if (node.Kind != JsonKind.String)
            {
                Fail(PathOf(parentPath, name), "must be a string or null");
                return null;
            }

            return node.Text;
        }

        /// <summary>A required boolean.</summary>
        public bool Boolean(JsonNode? parent, string parentPath, string name)
        {
            string path = PathOf(parentPath, name);
            JsonNode? node = Member(parent, path, name);
            if (node == null)
            {
                return false;
            }

            if (node.Kind != JsonKind.Boolean)
            {
                Fail(path, "must be true or false");
                return false;
            }

            return node.Boolean;
        }

        /// <summary>A required integer in <paramref name="min"/>..<paramref name="max"/>; else fails with
        /// <paramref name="rangeMessage"/>.</summary>
        public int Integer(JsonNode? parent, string parentPath, string name, int min, int max, string rangeMessage)
        {
            string path = PathOf(parentPath, name);
            JsonNode? node = Member(parent, path, name);
            if (node == null)
            {
                return 0;
            }

            long value;
            if (node.Kind != JsonKind.Number || node.Text == null || !TryParseInteger(node.Text, out value))
            {
                Fail(path, "must be an integer");
                return 0;
            }

            if (value < min || value > max)
            {
                Fail(path, rangeMessage);
                return 0;
            }

            return (int)value;
        }

        /// <summary>
        /// An integer as JSON writes it (-?digits, no fraction or exponent). Values beyond ±10^12 come out as
        /// ±10^12, which is outside every range checked here.
        /// </summary>
        internal static bool TryParseInteger(string text, out long value)
        {
            value = 0;
            int i = 0;
            bool negative = text.Length > 0 && text[0] == '-';
            if (negative)
            {
                i = 1;
            }

            if (i == text.Length)
            {
                return false;
            }

            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                if (value < 1000000000000)
                {
                    value = (value * 10) + (c - '0');
                }
            }

            if (value > 1000000000000)
            {
                value = 1000000000000;
            }

            if (negative)
            {
                value = -value;
            }

            return true;
        }

        private JsonNode? Member(JsonNode? parent, string path, string name)
        {
            if (Failed || parent == null)
            {
                return null;
            }

            JsonNode? node = parent.Find(name);
            if (node == null)
            {
                Fail(path, "is missing");
            }

            return node;
        }
    }
}
