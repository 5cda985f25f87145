using System;

namespace EdgeSensor.Core.Configuration
{
    /// <summary>
    /// One value of a parsed JSON document (<see cref="JsonParser"/>). Objects keep their members in document
    /// order; names are unique (the parser rejects duplicates). Read-only once parsed.
    /// </summary>
    public sealed class JsonNode
    {
        private string[]? _names;
        private JsonNode[] _values = new JsonNode[0];
        private int _count;

        internal JsonNode(JsonKind kind, string? text, bool boolean)
        {
            Kind = kind;
            Text = text;
            Boolean = boolean;
            if (kind == JsonKind.Object || kind == JsonKind.Array)
            {
                _values = new JsonNode[4];
                _names = kind == JsonKind.Object ? new string[4] : null;
            }
        }

        /// <summary>What this value is.</summary>
        public JsonKind Kind { get; }

        /// <summary>A string's value (unescaped) or a number's text as written; null for the other kinds.</summary>
        public string? Text { get; }

        /// <summary>The value of true/false.</summary>
        public bool Boolean { get; }

        /// <summary>Members of an object or items of an array; 0 for the other kinds.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Name of an object's member <paramref name="index"/> (document order).</summary>
        public string NameAt(int index)
        {
            return _names == null ? string.Empty : _names[index];
        }

        /// <summary>Value of an object's member or an array's item <paramref name="index"/>.</summary>
        public JsonNode ValueAt(int index)
        {
            return _values[index];
        }

        /// <summary>The object member named <paramref name="name"/>, or null when there is none.</summary>
        public JsonNode? Find(string name)
        {
            if (_names == null)
            {
                return null;
            }

            for (int i = 0; i < _count; i++)
            {
                if (_names[i] == name)
                {
                    return _values[i];
                }
            }

            return null;
        }

        /// <summary>True when the object already has a member named <paramref name="name"/>.</summary>
        internal bool Has(string name)
        {
            return Find(name) != null;
        }

        /// <summary>Appends a member (objects) or an item (arrays; <paramref name="name"/> null).</summary>
        internal void Add(string? name, JsonNode value)
        {
            if (_count == _values.Length)
            {
                JsonNode[] values = new JsonNode[_count * 2];
                Array.Copy(_values, values, _count);
                _values = values;
                if (_names != null)
                {
                    string[] names = new string[_count * 2];
                    Array.Copy(_names, names, _count);
                    _names = names;
                }
            }

            if (_names != null)
            {
                _names[_count] = name ?? string.Empty;
            }

            _values[_count] = value;
            _count++;
        }
    }
}
