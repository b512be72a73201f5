using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Llvm.Interop;

namespace Veridian.Llvm;

/// <summary>An <c>LLVMMemoryBufferRef</c> (a file's or an array's bytes).</summary>
public sealed unsafe class LlvmMemoryBuffer : IDisposable
{
    private LlvmMemoryBuffer(IntPtr handle) => Handle = handle;

    /// <summary>The raw <c>LLVMMemoryBufferRef</c>.</summary>
    public IntPtr Handle { get; private set; }

    /// <summary>The buffer's bytes (borrowed view; valid while the buffer lives).</summary>
    public ReadOnlySpan<byte> Bytes => new(LLVM.LLVMGetBufferStart(Handle), checked((int)LLVM.LLVMGetBufferSize(Handle)));

    /// <summary>True when the bytes start with the bitcode magic, raw or wrapped (<see cref="Bitcode.HasMagic"/>).</summary>
    public bool IsBitcode => Bitcode.HasMagic(Bytes);

    /// <summary>Reads a file; a missing file gives VDN1004.</summary>
    public static LlvmMemoryBuffer FromFile(string path)
    {
        LlvmTargets.EnsureInitialized();
        IntPtr buffer;
        sbyte* message;
        if (LLVM.LLVMCreateMemoryBufferWithContentsOfFile(path, &buffer, &message) != 0)
            throw DiagnosticException.Error(CliCodes.FileNotFound, $"cannot read '{path}': {LlvmString.Message(message)}");
        return new LlvmMemoryBuffer(buffer);
    }

    /// <summary>Copies bytes into a new buffer.</summary>
    public static LlvmMemoryBuffer FromBytes(ReadOnlySpan<byte> bytes, string name)
    {
        LlvmTargets.EnsureInitialized();
        fixed (byte* p = bytes)
            return new LlvmMemoryBuffer(LLVM.LLVMCreateMemoryBufferWithMemoryRangeCopy((sbyte*)p, (nuint)bytes.Length, name));
    }

    /// <summary>Wraps a buffer LLVM returned (e.g. from LLVMWriteBitcodeToMemoryBuffer); this object owns it.</summary>
    public static LlvmMemoryBuffer Own(IntPtr handle) => new(handle);

    /// <summary>Gives up ownership (for APIs that take it, such as LLVMParseIRInContext).</summary>
    public IntPtr Detach()
    {
        var h = Handle;
        Handle = IntPtr.Zero;
        return h;
    }

    public void Dispose()
    {
        if (Handle == IntPtr.Zero)
            return;
        LLVM.LLVMDisposeMemoryBuffer(Handle);
        Handle = IntPtr.Zero;
    }
}
