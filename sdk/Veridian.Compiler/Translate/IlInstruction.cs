using System.Reflection.Metadata;

namespace Veridian.Compiler.Translate;

/// <summary>One decoded IL instruction: offset, opcode, operand (int/long/double/token/branch targets).</summary>
public sealed record IlInstruction(int Offset, ILOpCode Op, long Operand, double Real, int[]? Targets, int Next)
{
    /// <summary>Decodes a method body into instructions (prefixes are separate instructions).</summary>
    public static List<IlInstruction> Decode(BlobReader il)
    {
        var list = new List<IlInstruction>();
        while (il.RemainingBytes > 0)
        {
            int offset = il.Offset;
            int b = il.ReadByte();
            var op = (ILOpCode)(b == 0xFE ? 0xFE00 | il.ReadByte() : b);
            long operand = 0;
            double real = 0;
            int[]? targets = null;
            switch (OperandSize(op))
            {
                case 0: break;
                case 1:
                    operand = op is ILOpCode.Ldc_i4_s ? il.ReadSByte() : op.IsBranch() ? il.ReadSByte() : il.ReadByte();
                    break;
                case 2: operand = il.ReadUInt16(); break;
                case 4:
                    if (op == ILOpCode.Ldc_r4) real = il.ReadSingle();
                    else operand = il.ReadInt32();
                    break;
                case 8:
                    if (op == ILOpCode.Ldc_r8) real = il.ReadDouble();
                    else operand = il.ReadInt64();
                    break;
                case -1:
                    int n = il.ReadInt32();
                    var rel = new int[n];
                    for (int i = 0; i < n; i++) rel[i] = il.ReadInt32();
                    targets = rel.Select(r => il.Offset + r).ToArray();
                    break;
                default:
                    throw new UnsupportedException($"IL opcode {op}");
            }
            int next = il.Offset;
            if (op.IsBranch())
                targets = [next + (int)operand];
            list.Add(new IlInstruction(offset, op, operand, real, targets, next));
        }
        return list;
    }

    private static int OperandSize(ILOpCode op) => op switch
    {
        ILOpCode.Switch => -1,
        ILOpCode.Ldarg_s or ILOpCode.Ldarga_s or ILOpCode.Starg_s or ILOpCode.Ldloc_s or ILOpCode.Ldloca_s or ILOpCode.Stloc_s
            or ILOpCode.Ldc_i4_s or ILOpCode.Unaligned or ILOpCode.Br_s or ILOpCode.Brfalse_s or ILOpCode.Brtrue_s or ILOpCode.Beq_s
            or ILOpCode.Bge_s or ILOpCode.Bgt_s or ILOpCode.Ble_s or ILOpCode.Blt_s or ILOpCode.Bne_un_s or ILOpCode.Bge_un_s
            or ILOpCode.Bgt_un_s or ILOpCode.Ble_un_s or ILOpCode.Blt_un_s or ILOpCode.Leave_s => 1,
        ILOpCode.Ldarg or ILOpCode.Ldarga or ILOpCode.Starg or ILOpCode.Ldloc or ILOpCode.Ldloca or ILOpCode.Stloc => 2,
        ILOpCode.Ldc_i8 or ILOpCode.Ldc_r8 => 8,
        ILOpCode.Ldc_i4 or ILOpCode.Ldc_r4 or ILOpCode.Br or ILOpCode.Brfalse or ILOpCode.Brtrue or ILOpCode.Beq or ILOpCode.Bge
            or ILOpCode.Bgt or ILOpCode.Ble or ILOpCode.Blt or ILOpCode.Bne_un or ILOpCode.Bge_un or ILOpCode.Bgt_un or ILOpCode.Ble_un
            or ILOpCode.Blt_un or ILOpCode.Leave or ILOpCode.Jmp or ILOpCode.Call or ILOpCode.Calli or ILOpCode.Callvirt or ILOpCode.Cpobj
            or ILOpCode.Ldobj or ILOpCode.Ldstr or ILOpCode.Newobj or ILOpCode.Castclass or ILOpCode.Isinst or ILOpCode.Unbox
            or ILOpCode.Ldfld or ILOpCode.Ldflda or ILOpCode.Stfld or ILOpCode.Ldsfld or ILOpCode.Ldsflda or ILOpCode.Stsfld
            or ILOpCode.Stobj or ILOpCode.Box or ILOpCode.Newarr or ILOpCode.Ldelema or ILOpCode.Ldelem or ILOpCode.Stelem
            or ILOpCode.Unbox_any or ILOpCode.Refanyval or ILOpCode.Mkrefany or ILOpCode.Ldtoken or ILOpCode.Ldftn or ILOpCode.Ldvirtftn
            or ILOpCode.Initobj or ILOpCode.Constrained or ILOpCode.Sizeof => 4,
        _ => 0,
    };
}
