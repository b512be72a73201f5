// A pointer and a native int meeting on the evaluation stack at a join: `c ? F() : null` is a call returning a
// pointer on one path and `ldc.i4.0; conv.u` on the other. The join read the native-int spill slot, so the
// pointer was lost (found writing the kernel's page-table code, where `level == 1 ? EntryAt(...) : null` was null).
// expect: ternary 100 0 100 0
// expect: ifelse 100 0
// expect: mixed 7 8
using System;
using System.Runtime.CompilerServices;

static unsafe class Program
{
    static ulong s_cell = 7;
    static ulong* Make(ulong a) => (ulong*)(nuint)a;
    static ulong* Cell() => (ulong*)Unsafe.AsPointer(ref s_cell);
    static ulong Ternary(int level) { ulong* p = level == 1 ? Make(100) : null; return (ulong)p; }
    static ulong TernaryReversed(int level) { ulong* p = level != 1 ? null : Make(100); return (ulong)p; }
    static ulong IfElse(int level) { ulong* p; if (level == 1) p = Make(100); else p = null; return (ulong)p; }
    static ulong Deref(bool which, ulong* other) { ulong* p = which ? Cell() : other; return p == null ? 99 : *p; }

    static int Main()
    {
        Out.Str("ternary "u8); Out.UInt(Ternary(1)); Out.Str(" "u8); Out.UInt(Ternary(2)); Out.Str(" "u8);
        Out.UInt(TernaryReversed(1)); Out.Str(" "u8); Out.UInt(TernaryReversed(2)); Out.Line();
        Out.Str("ifelse "u8); Out.UInt(IfElse(1)); Out.Str(" "u8); Out.UInt(IfElse(2)); Out.Line();
        ulong eight = 8;
        Out.Str("mixed "u8); Out.UInt(Deref(true, null)); Out.Str(" "u8); Out.UInt(Deref(false, &eight)); Out.Line();
        return 0;
    }
}
