using System.Reflection.Metadata;

namespace EdgeSensor.NanoCheck;

/// <summary>Walks a method body's IL, yielding each opcode and its metadata token operand (if any).</summary>
internal static class ILScanner
{
    public readonly record struct Instruction(ILOpCode OpCode, int Token);

    public static List<Instruction> Read(MethodBodyBlock body)
    {
        var result = new List<Instruction>();
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            int value = il.ReadByte();
            if (value == 0xFE)
            {
                value = 0xFE00 | il.ReadByte();
            }
            var op = (ILOpCode)value;
            var size = OperandSize(op, ref il);
            var token = 0;
            if (size == 4 && CarriesToken(op))
            {
                token = il.ReadInt32();
            }
            else
            {
                il.Offset += size;
            }
            result.Add(new Instruction(op, token));
        }
        return result;
    }

    private static bool CarriesToken(ILOpCode op) => op switch
    {
        ILOpCode.Jmp or ILOpCode.Call or ILOpCode.Calli or ILOpCode.Callvirt or ILOpCode.Cpobj or ILOpCode.Ldobj
            or ILOpCode.Ldstr or ILOpCode.Newobj or ILOpCode.Castclass or ILOpCode.Isinst or ILOpCode.Unbox
            or ILOpCode.Ldfld or ILOpCode.Ldflda or ILOpCode.Stfld or ILOpCode.Ldsfld or ILOpCode.Ldsflda
            or ILOpCode.Stsfld or ILOpCode.Stobj or ILOpCode.Box or ILOpCode.Newarr or ILOpCode.Ldelema
            or ILOpCode.Ldelem or ILOpCode.Stelem or ILOpCode.Unbox_any or ILOpCode.Refanyval or ILOpCode.Mkrefany
            or ILOpCode.Ldtoken or ILOpCode.Ldftn or ILOpCode.Ldvirtftn or ILOpCode.Initobj or ILOpCode.Constrained
            or ILOpCode.Sizeof => true,
        _ => false,
    };

    // "no." (ECMA-335 III.2.2) is missing from ILOpCode.
    private const ILOpCode NoPrefix = (ILOpCode)0xFE19;

    // Operand sizes from ECMA-335 Partition III; a switch carries a count and that many targets.
    private static int OperandSize(ILOpCode op, ref BlobReader il)
    {
        switch (op)
        {
            case ILOpCode.Switch:
                return il.ReadInt32() * 4;
            case ILOpCode.Ldarg_s or ILOpCode.Ldarga_s or ILOpCode.Starg_s or ILOpCode.Ldloc_s or ILOpCode.Ldloca_s
                or ILOpCode.Stloc_s or ILOpCode.Ldc_i4_s or ILOpCode.Unaligned or NoPrefix or ILOpCode.Leave_s:
                return 1;
            case ILOpCode.Ldarg or ILOpCode.Ldarga or ILOpCode.Starg or ILOpCode.Ldloc or ILOpCode.Ldloca or ILOpCode.Stloc:
                return 2;
            case ILOpCode.Ldc_i8 or ILOpCode.Ldc_r8:
                return 8;
            case ILOpCode.Ldc_i4 or ILOpCode.Ldc_r4 or ILOpCode.Leave:
                return 4;
        }
        if (op >= ILOpCode.Br_s && op <= ILOpCode.Blt_un_s)
        {
            return 1;
        }
        if (op >= ILOpCode.Br && op <= ILOpCode.Blt_un)
        {
            return 4;
        }
        return CarriesToken(op) ? 4 : 0;
    }
}
