using System.Text;
using static Veridian.Elf.ElfConstants;

namespace Veridian.Elf;

public sealed partial class ElfFile
{
    private readonly Lazy<IReadOnlyList<ElfAttributeSubsection>> _attributes;

    /// <summary>
    /// Build attributes from <c>.riscv.attributes</c> (RISC-V: arch string, stack alignment, …), <c>.ARM.attributes</c>
    /// and AArch64 build attributes (<c>SHT_AARCH64_ATTRIBUTES</c>), one entry per vendor subsection.
    /// </summary>
    public IReadOnlyList<ElfAttributeSubsection> Attributes => _attributes.Value;

    /// <summary>The RISC-V ISA string (<c>Tag_RISCV_arch</c>, e.g. <c>rv64i2p1_m2p0_a2p1_f2p2_d2p2_c2p0</c>), or null.</summary>
    public string? RiscVArch => Attributes.Where(a => a.Vendor == "riscv").SelectMany(a => a.Attributes).FirstOrDefault(a => a.Tag == 5)?.Text;

    private IReadOnlyList<ElfAttributeSubsection> ReadAttributes()
    {
        var list = new List<ElfAttributeSubsection>();
        foreach (var s in Sections)
        {
            if (s.Type == SHT_RISCV_ATTRIBUTES && Machine is ElfMachine.RiscV or ElfMachine.Arm)
                DecodeClassicAttributes(s, list);
            else if (s.Type == SHT_AARCH64_ATTRIBUTES && Machine is ElfMachine.AArch64)
                DecodeAArch64Attributes(s, list);
        }
        return list;
    }

    /// <summary>
    /// The ARM/RISC-V format: 'A', then subsections (u32 length, vendor NTBS, then sub-subsections: tag ULEB128
    /// (1 = file), u32 size, then tag/value pairs until the size is used up).
    /// </summary>
    private void DecodeClassicAttributes(ElfSection s, List<ElfAttributeSubsection> into)
    {
        var data = TableData(s).Span;
        var at = (long)s.Offset;
        if (data.Length == 0)
            return;
        if (data[0] != (byte)'A')
        {
            Error(ElfCodes.BadAttributes, at, $"'{s.Name}' starts with 0x{data[0]:x2}, not the format version 'A'");
            return;
        }
        var pos = 1;
        // Every subsection is at least 4 bytes long (checked), so the loop is bounded by the section size.
        while (pos + 4 <= data.Length)
        {
            var length = new FieldReader(data[pos..], _big).U32(0);
            if (length < 5 || length > (uint)(data.Length - pos))
            {
                Error(ElfCodes.BadAttributes, at + pos, $"an attributes subsection of '{s.Name}' has length {length}, outside 5..{data.Length - pos}");
                return;
            }
            var sub = data.Slice(pos + 4, (int)length - 4);
            var nul = sub.IndexOf((byte)0);
            if (nul < 0)
            {
                Error(ElfCodes.BadAttributes, at + pos + 4, $"an attributes subsection of '{s.Name}' has no NUL after its vendor name");
                return;
            }
            var vendor = Encoding.UTF8.GetString(sub[..nul]);
            var attrs = new List<ElfAttribute>();
            var q = nul + 1;
            while (q < sub.Length)
            {
                var start = q;
                if (!Uleb(sub, ref q, out var scope) || q + 4 > sub.Length)
                    break;
                var size = new FieldReader(sub[q..], _big).U32(0);
                q += 4;
                if (size < 5 || size > (uint)(sub.Length - start))
                {
                    Error(ElfCodes.BadAttributes, at + pos + 4 + start, $"an attributes block of '{s.Name}' has size {size}, outside 5..{sub.Length - start}");
                    break;
                }
                var end = start + (int)size;
                // Only file-scope attributes (tag 1) are kept; section/symbol scopes list indexes first.
                if (scope == 1 && !DecodeAttributePairs(sub[q..end], vendor, attrs))
                    Error(ElfCodes.BadAttributes, at + pos + 4 + q, $"an attribute in '{s.Name}' (vendor '{vendor}') is truncated");
                q = end;
            }
            into.Add(new ElfAttributeSubsection(s.Name, vendor, attrs));
            pos += (int)length;
        }
    }

    private static bool DecodeAttributePairs(ReadOnlySpan<byte> data, string vendor, List<ElfAttribute> into)
    {
        var q = 0;
        while (q < data.Length)
        {
            if (!Uleb(data, ref q, out var tag))
                return false;
            var isString = vendor switch
            {
                "riscv" => tag % 2 == 1,
                "aeabi" => tag is 4 or 5 or 65 or 67 || (tag >= 32 && tag % 2 == 1),
                _ => tag % 2 == 1,
            };
            if (vendor == "aeabi" && tag == 32)
            {
                // Tag_compatibility: a flag, then a vendor name.
                if (!Uleb(data, ref q, out var flag) || !Ntbs(data, ref q, out var name))
                    return false;
                into.Add(new ElfAttribute(tag, AttributeTagName(vendor, tag), flag, name));
                continue;
            }
            if (isString)
            {
                if (!Ntbs(data, ref q, out var text))
                    return false;
                into.Add(new ElfAttribute(tag, AttributeTagName(vendor, tag), null, text));
            }
            else
            {
                if (!Uleb(data, ref q, out var number))
                    return false;
                into.Add(new ElfAttribute(tag, AttributeTagName(vendor, tag), number, null));
            }
        }
        return true;
    }

    /// <summary>
    /// AArch64 build attributes (ABI "Build Attributes for the Arm 64-bit Architecture"): 'A', then subsections
    /// of u32 length, name NTBS, u8 optional, u8 type (0 ULEB128, 1 NTBS), then tag/value pairs.
    /// </summary>
    private void DecodeAArch64Attributes(ElfSection s, List<ElfAttributeSubsection> into)
    {
        var data = TableData(s).Span;
        var at = (long)s.Offset;
        if (data.Length == 0)
            return;
        if (data[0] != (byte)'A')
        {
            Error(ElfCodes.BadAttributes, at, $"'{s.Name}' starts with 0x{data[0]:x2}, not the format version 'A'");
            return;
        }
        var pos = 1;
        while (pos + 4 <= data.Length)
        {
            var length = new FieldReader(data[pos..], _big).U32(0);
            if (length < 7 || length > (uint)(data.Length - pos))
            {
                Error(ElfCodes.BadAttributes, at + pos, $"an attributes subsection of '{s.Name}' has length {length}, outside 7..{data.Length - pos}");
                return;
            }
            var sub = data.Slice(pos + 4, (int)length - 4);
            var q = 0;
            if (!Ntbs(sub, ref q, out var name) || q + 2 > sub.Length)
            {
                Error(ElfCodes.BadAttributes, at + pos + 4, $"an attributes subsection of '{s.Name}' has a truncated header");
                return;
            }
            var isString = sub[q + 1] == 1;
            q += 2;
            var attrs = new List<ElfAttribute>();
            while (q < sub.Length)
            {
                if (!Uleb(sub, ref q, out var tag))
                    break;
                if (isString && Ntbs(sub, ref q, out var text))
                    attrs.Add(new ElfAttribute(tag, AttributeTagName(name, tag), null, text));
                else if (!isString && Uleb(sub, ref q, out var number))
                    attrs.Add(new ElfAttribute(tag, AttributeTagName(name, tag), number, null));
                else
                {
                    Error(ElfCodes.BadAttributes, at + pos + 4 + q, $"an attribute in '{s.Name}' (subsection '{name}') is truncated");
                    break;
                }
            }
            into.Add(new ElfAttributeSubsection(s.Name, name, attrs));
            pos += (int)length;
        }
    }

    private static string AttributeTagName(string vendor, ulong tag) => (vendor, tag) switch
    {
        ("riscv", 4) => "Tag_RISCV_stack_align",
        ("riscv", 5) => "Tag_RISCV_arch",
        ("riscv", 6) => "Tag_RISCV_unaligned_access",
        ("riscv", 8) => "Tag_RISCV_priv_spec",
        ("riscv", 10) => "Tag_RISCV_priv_spec_minor",
        ("riscv", 12) => "Tag_RISCV_priv_spec_revision",
        ("riscv", 14) => "Tag_RISCV_atomic_abi",
        ("riscv", 16) => "Tag_RISCV_x3_reg_usage",
        ("aeabi", 4) => "Tag_CPU_raw_name",
        ("aeabi", 5) => "Tag_CPU_name",
        ("aeabi", 6) => "Tag_CPU_arch",
        ("aeabi", 7) => "Tag_CPU_arch_profile",
        ("aeabi", 8) => "Tag_ARM_ISA_use",
        ("aeabi", 9) => "Tag_THUMB_ISA_use",
        ("aeabi", 10) => "Tag_FP_arch",
        ("aeabi", 32) => "Tag_compatibility",
        ("aeabi", 65) => "Tag_also_compatible_with",
        ("aeabi", 67) => "Tag_conformance",
        ("aeabi_feature_and_bits", 0) => "Tag_Feature_BTI",
        ("aeabi_feature_and_bits", 1) => "Tag_Feature_PAC",
        ("aeabi_feature_and_bits", 2) => "Tag_Feature_GCS",
        ("aeabi_pauthabi", 1) => "Tag_PAuth_Platform",
        ("aeabi_pauthabi", 2) => "Tag_PAuth_Schema",
        _ => $"Tag_{tag}",
    };

    /// <summary>An unsigned LEB128 of at most 10 bytes inside <paramref name="data"/>.</summary>
    private static bool Uleb(ReadOnlySpan<byte> data, ref int pos, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 70 && pos < data.Length; shift += 7)
        {
            var b = data[pos++];
            if (shift < 64)
                value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
                return true;
        }
        return false;
    }

    /// <summary>A NUL-terminated string inside <paramref name="data"/>.</summary>
    private static bool Ntbs(ReadOnlySpan<byte> data, ref int pos, out string value)
    {
        value = "";
        if (pos >= data.Length)
            return false;
        var nul = data[pos..].IndexOf((byte)0);
        if (nul < 0)
            return false;
        value = Encoding.UTF8.GetString(data.Slice(pos, nul));
        pos += nul + 1;
        return true;
    }
}
