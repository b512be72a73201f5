using System.Runtime.InteropServices;
using Veridian.Llvm.Interop;

namespace Veridian.Llvm;

/// <summary>
/// Copies strings out of LLVM and frees them the way the C API says (HOST-FACTS.md, gotcha 3):
/// messages (<c>char*</c> from Print*/Copy*/Get*Triple, out-message parameters) with
/// <c>LLVMDisposeMessage</c>; error messages from <c>LLVMGetErrorMessage</c> with
/// <c>LLVMDisposeErrorMessage</c>; borrowed strings (LLVMGetTarget, LLVMGetDataLayoutStr) never.
/// </summary>
public static unsafe class LlvmString
{
    /// <summary>Copies a string LLVM still owns.</summary>
    public static string Borrowed(sbyte* s) => s is null ? "" : Marshal.PtrToStringUTF8((IntPtr)s) ?? "";

    /// <summary>Copies a borrowed string of known length (not null-terminated in general).</summary>
    public static string Borrowed(sbyte* s, nuint length) =>
        s is null ? "" : System.Text.Encoding.UTF8.GetString((byte*)s, checked((int)length));

    /// <summary>Copies a message LLVM handed over and frees it with <c>LLVMDisposeMessage</c>.</summary>
    public static string Message(sbyte* s)
    {
        if (s is null)
            return "";
        try
        {
            return Marshal.PtrToStringUTF8((IntPtr)s) ?? "";
        }
        finally
        {
            LLVM.LLVMDisposeMessage(s);
        }
    }

    /// <summary>
    /// Consumes an <c>LLVMErrorRef</c>: null means success (returns null); otherwise returns its message,
    /// freed with <c>LLVMDisposeErrorMessage</c> (LLVMGetErrorMessage also consumes the error).
    /// </summary>
    public static string? Error(IntPtr error)
    {
        if (error == IntPtr.Zero)
            return null;
        sbyte* message = LLVM.LLVMGetErrorMessage(error);
        try
        {
            return Marshal.PtrToStringUTF8((IntPtr)message) ?? "";
        }
        finally
        {
            LLVM.LLVMDisposeErrorMessage(message);
        }
    }
}
