#!/usr/bin/env python3
"""Generates sdk/Veridian.Llvm/Interop/LLVM.<Header>.cs from the llvm-c headers of llvm-19-dev.

Usage: scripts/gen-llvm-bindings.py [/usr/lib/llvm-19/include/llvm-c]
Only functions libLLVM.so.19.1 exports are bound (static inline ones such as LLVMInitializeAll* are
not). C names are kept. Type mapping: LLVM*Ref -> IntPtr; LLVMBool -> int; `const char *` parameter
-> string (UTF-8, null-terminated); every returned `char *` -> sbyte* (the caller frees it the
documented way, see LlvmString); callbacks -> IntPtr (an unmanaged function pointer).
"""
import os, re, subprocess, sys

INC = sys.argv[1] if len(sys.argv) > 1 else "/usr/lib/llvm-19/include/llvm-c"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sdk", "Veridian.Llvm", "Interop")
LIB = "/usr/lib/x86_64-linux-gnu/libLLVM.so.19.1"
HEADERS = ["Core", "BitReader", "BitWriter", "IRReader", "Analysis", "Target", "TargetMachine",
           "Transforms/PassBuilder", "Linker", "Error", "ErrorHandling", "Support", "DebugInfo", "Comdat"]

exported = set()
for line in subprocess.run(["nm", "-D", "--defined-only", LIB], capture_output=True, text=True, check=True).stdout.splitlines():
    parts = line.split()
    if len(parts) == 3 and parts[1] == "T":
        exported.add(parts[2].split("@")[0])

SCALARS = {"int": "int", "unsigned": "uint", "unsigned int": "uint", "long long": "long", "unsigned long long": "ulong",
           "uint64_t": "ulong", "int64_t": "long", "uint32_t": "uint", "int32_t": "int", "uint8_t": "byte", "uint16_t": "ushort",
           "unsigned char": "byte", "size_t": "nuint", "double": "double", "float": "float", "void": "void", "char": "sbyte",
           "LLVMBool": "int", "LLVMAttributeIndex": "uint", "LLVMMetadataKind": "uint", "LLVMDWARFTypeEncoding": "uint",
           "LLVMFastMathFlags": "uint", "LLVMGEPNoWrapFlags": "uint", "LLVMErrorTypeId": "IntPtr", "long": "nint",
           "unsigned long": "nuint"}
KEYWORDS = {"string", "params", "out", "ref", "in", "base", "object", "event", "fixed", "checked", "operator", "lock",
            "default", "continue", "namespace", "class", "struct", "internal", "is", "as", "new", "this", "delegate"}

def strip(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    text = re.sub(r"^\s*#[^\n]*(\\\n[^\n]*)*", " ", text, flags=re.M)
    text = re.sub(r"LLVM_ATTRIBUTE_C_DEPRECATED\((.*?\)),\s*\"[^\"]*\"\s*\)", r"\1", text, flags=re.S)
    return text.replace("LLVM_C_EXTERN_C_BEGIN", " ").replace("LLVM_C_EXTERN_C_END", " ")

def parse_enums(text, enums, consts):
    for m in re.finditer(r"typedef\s+enum\s*(\w*)\s*\{(.*?)\}\s*(\w+)\s*;", text, flags=re.S):
        enums.append((m.group(3), members(m.group(2))))
    for m in re.finditer(r"(?<!typedef )\benum\s*(\w*)\s*\{(.*?)\}\s*;", text, flags=re.S):
        if m.group(1):
            enums.append((m.group(1), members(m.group(2))))
        else:
            consts.extend(members(m.group(2)))
    text = re.sub(r"typedef\s+enum\s*\w*\s*\{.*?\}\s*\w+\s*;", " ", text, flags=re.S)
    return re.sub(r"\benum\s*\w*\s*\{.*?\}\s*;", " ", text, flags=re.S)

def members(body):
    out = []
    for item in body.split(","):
        item = " ".join(item.split())
        if not item:
            continue
        if "=" in item:
            name, value = [s.strip() for s in item.split("=", 1)]
            value = re.sub(r"(\d)[uU]\b", r"\1", value)
        else:
            name, value = item, None
        out.append((name, value))
    return out

callbacks, enum_names, opaque = set(), set(), set()

def cs_type(ctype, is_param, is_return):
    ctype = " ".join(ctype.replace("*", " * ").split())
    stars = ctype.count("*")
    is_const = ctype.startswith("const ") or " const" in ctype
    base = " ".join(t for t in ctype.replace("*", " ").split() if t not in ("const", "struct", "enum"))
    if base in callbacks:
        return "IntPtr" + "*" * stars
    if base in opaque and stars >= 1:
        return "IntPtr" + "*" * (stars - 1)
    if base.endswith("Ref") and base.startswith("LLVM"):
        return "IntPtr" + "*" * stars
    if base == "char" and stars == 1 and is_param and is_const:
        return "string"
    if base in enum_names:
        return base + "*" * stars
    if base in SCALARS:
        return SCALARS[base] + "*" * stars
    raise ValueError("unmapped C type: " + ctype)

def split_param(p):
    if p.endswith("[]"):
        p = p[:-2].rstrip()
        p = re.sub(r"(\w+)$", r"* \1", p)
    p = " ".join(p.replace("*", " * ").split())
    m = re.match(r"^(.*?[\s\*])(\w+)$", p)
    if m and m.group(1).strip() not in ("", "const", "struct") and m.group(2) not in SCALARS and not m.group(2).startswith("LLVM"):
        return m.group(1).strip(), m.group(2)
    return p, None

def generate(header):
    path = os.path.join(INC, header + ".h")
    text = strip(open(path).read())
    for m in re.finditer(r"typedef\s+[^;]*?\(\s*\*\s*(\w+)\s*\)\s*\(", text):
        callbacks.add(m.group(1))
    for m in re.finditer(r"typedef\s+struct\s+\w+\s+(\w+)\s*;", text):
        opaque.add(m.group(1))
    enums, consts = [], []
    text = parse_enums(text, enums, consts)
    for name, _ in enums:
        enum_names.add(name)
    return text, enums, consts

def emit(header, text, enums, consts):
    text = re.sub(r"typedef[^;]*;", " ", text)
    text = re.sub(r"static\s+inline[^{]*\{[^}]*\}", " ", text)
    lines, skipped = [], []
    for m in re.finditer(r"([A-Za-z_][\w\s\*]*?)\b(LLVM\w+)\s*\(([^;{)]*(?:\([^)]*\)[^;{)]*)*)\)\s*;", text):
        ret, name, params = m.group(1).strip(), m.group(2), m.group(3).strip()
        if name not in exported:
            skipped.append(name)
            continue
        cs_ret = cs_type(ret, False, True)
        cs_params, strings = [], False
        if params and params != "void":
            for i, p in enumerate(params.split(",")):
                ptype, pname = split_param(p.strip())
                t = cs_type(ptype, True, False)
                if t == "string" and pname in ("Str", "InputData", "Data"):
                    t = "sbyte*"  # byte data with an explicit length: may hold NULs or non-UTF-8 bytes
                strings |= t == "string"
                pname = pname or f"p{i}"
                if pname in KEYWORDS:
                    pname = "@" + pname
                cs_params.append(f"{t} {pname}")
        attr = "[LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]" if strings else "[LibraryImport(LibraryName)]"
        lines.append(f"    {attr}\n    public static partial {cs_ret} {name}({', '.join(cs_params)});\n")
    if header == "Core":
        # LLVMIsA<Subclass>: declared by the LLVM_FOR_EACH_VALUE_SUBCLASS(LLVM_DECLARE_VALUE_CAST) macros.
        raw = open(os.path.join(INC, "Core.h")).read()
        for sub in sorted(set(re.findall(r"\bmacro\((\w+)\)", raw))):
            if "LLVMIsA" + sub in exported:
                lines.append(f"    [LibraryImport(LibraryName)]\n    public static partial IntPtr LLVMIsA{sub}(IntPtr Val);\n")
    file_name = header.replace("Transforms/", "")
    enum_file = []
    for name, mems in enums:
        wide = any(v and ("-1" == v.strip() or "~" in v) for _, v in mems)
        enum_file.append(f"/// <summary>C enum <c>{name}</c> (llvm-c/{header}.h).</summary>\npublic enum {name}\n{{")
        for mname, value in mems:
            enum_file.append(f"    {mname}" + (f" = {value}," if value else ","))
        enum_file.append("}\n")
    const_lines, previous = [], None
    for mname, value in consts:
        # An anonymous C enum: implicit values continue from the previous member.
        value = value if value else ("0" if previous is None else f"{previous} + 1")
        const_lines.append(f"    public const int {mname} = {value};")
        previous = mname
    body = "// <auto-generated> by scripts/gen-llvm-bindings.py from llvm-c/" + header + ".h (LLVM 19); do not edit by hand. </auto-generated>\n"
    body += "using System.Runtime.InteropServices;\n\nnamespace Veridian.Llvm.Interop;\n\n"
    body += "\n".join(enum_file) + ("\n" if enum_file else "")
    body += f"// llvm-c/{header}.h\npublic static unsafe partial class LLVM\n{{\n"
    body += "\n".join(const_lines) + ("\n\n" if const_lines else "")
    body += "\n".join(lines) + "}\n"
    with open(os.path.join(OUT, f"LLVM.{file_name}.cs"), "w") as f:
        f.write(body)
    return len(lines), skipped

generate("Types")
parsed = [(h, generate(h)) for h in HEADERS]
for h, (text, enums, consts) in parsed:
    n, skipped = emit(h, text, enums, consts)
    print(f"{h}: {n} functions" + (f"; not exported: {' '.join(skipped)}" if skipped else ""))
