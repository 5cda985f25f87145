using System.Reflection;
using System.Text;

namespace EdgeSensor.Firmware.Tests;

/// <summary>
/// Estimates what an object graph built on .NET would take on the nanoCLR heap, from the nanoCLR's object layout
/// (nf-interpreter src/CLR/Core/Execution.cpp, ExtractHeapBlocksForArray / ExtractHeapBlocksForClassOrValueTypes):
/// the heap is carved in 12-byte blocks (sizeof(CLR_RT_HeapBlock) on a 32-bit MCU); an object is one header block
/// plus one block per instance field, whatever the field's type; an array is a 20-byte CLR_RT_HeapBlock_Array plus
/// its elements (1, 2, 4 or 8 bytes for primitives, a 12-byte block for references and structs), rounded up to
/// whole blocks; a struct in a field or an array element is a boxed object of its own.
/// </summary>
internal sealed class NanoHeapEstimate
{
    private const int Block = 12;
    private const int ArrayHeader = 20;

    private readonly Dictionary<string, (int Count, long Bytes)> _byType = new(StringComparer.Ordinal);
    private readonly HashSet<object> _seen = new(ReferenceEqualityComparer.Instance);

    private NanoHeapEstimate()
    {
    }

    public long Bytes => _byType.Values.Sum(v => v.Bytes);

    public int Arrays { get; private set; }

    public long ArrayBytes { get; private set; }

    public int Objects => _byType.Values.Sum(v => v.Count);

    /// <summary>Walks everything reachable from <paramref name="root"/> through instance fields, except what <paramref name="exclude"/> names.</summary>
    public static NanoHeapEstimate Of(object root, Func<object, bool> exclude)
    {
        var estimate = new NanoHeapEstimate();
        var pending = new Stack<object>([root]);
        while (pending.TryPop(out var item))
        {
            if (estimate._seen.Add(item) && !exclude(item))
            {
                estimate.Visit(item, pending);
            }
        }
        return estimate;
    }

    /// <summary>A Markdown table, largest first.</summary>
    public string Table()
    {
        var text = new StringBuilder("| type | objects | estimated bytes |\n|---|---:|---:|\n");
        foreach (var (type, (count, bytes)) in _byType.OrderByDescending(t => t.Value.Bytes).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            text.Append($"| {type} | {count} | {bytes:N0} |\n");
        }
        return text.Append($"| **total** | {Objects} | **{Bytes:N0}** |\n").ToString();
    }

    private void Visit(object item, Stack<object> pending)
    {
        var type = item.GetType();
        switch (item)
        {
            case string text:
                Add("string", Round(Block + Encoding.UTF8.GetByteCount(text) + 1));
                return;
            case Array array:
                var element = type.GetElementType()!;
                var bytes = Round(ArrayHeader + (long)array.Length * ElementSize(element));
                Arrays++;
                ArrayBytes += bytes;
                Add(Name(type), bytes);
                foreach (var value in array)
                {
                    Follow(element, value, pending);
                }
                return;
            case Delegate callback:
                Add("delegate", 3 * Block); // CLR_RT_HeapBlock_Delegate: header, method, target
                if (callback.Target is { } target)
                {
                    pending.Push(target);
                }
                return;
        }
        var fields = InstanceFields(type);
        Add(Name(type), Block * (1L + fields.Count));
        foreach (var field in fields)
        {
            Follow(field.FieldType, field.GetValue(item), pending);
        }
    }

    // A struct value is a boxed object of its own on the nanoCLR; references are walked.
    private void Follow(Type declared, object? value, Stack<object> pending)
    {
        if (value is null || declared.IsPrimitive || declared.IsEnum || declared.IsPointer)
        {
            return;
        }
        if (declared.IsValueType)
        {
            var fields = InstanceFields(declared);
            Add(Name(declared) + " (boxed)", Block * (1L + fields.Count));
            foreach (var field in fields)
            {
                Follow(field.FieldType, field.GetValue(value), pending);
            }
            return;
        }
        pending.Push(value);
    }

    private void Add(string type, long bytes)
    {
        _byType.TryGetValue(type, out var entry);
        _byType[type] = (entry.Count + 1, entry.Bytes + bytes);
    }

    private static List<FieldInfo> InstanceFields(Type type)
    {
        var fields = new List<FieldInfo>();
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            fields.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly));
        }
        return fields;
    }

    private static int ElementSize(Type element) => element switch
    {
        _ when element == typeof(bool) || element == typeof(byte) || element == typeof(sbyte) => 1,
        _ when element == typeof(char) || element == typeof(short) || element == typeof(ushort) => 2,
        _ when element == typeof(int) || element == typeof(uint) || element == typeof(float) => 4,
        _ when element == typeof(long) || element == typeof(ulong) || element == typeof(double) => 8,
        _ when element.IsEnum => ElementSize(Enum.GetUnderlyingType(element)),
        _ => Block,
    };

    private static long Round(long bytes) => (bytes + Block - 1) / Block * Block;

    private static string Name(Type type) => type.IsArray ? Name(type.GetElementType()!) + "[]" : type.Name;
}
