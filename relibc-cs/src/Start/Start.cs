using System.Runtime.InteropServices;
using Relibc.Header.Stdlib;

namespace Relibc.Start;

/// <summary>
/// Process start (docs/relibc.md, "Start-up"): crt1.o's <c>_start</c> passes the initial stack pointer (argc, argv,
/// NULL, envp, NULL, then on Linux auxv — the SysV ABI's process stack; VeridianOS passes no auxv) and the bounds of <c>.init_array</c>; this runs the
/// constructors (C's, and C#'s static constructors, relibc's own first since libc.a's are in the array too), then
/// <c>exit(main(argc, argv, envp))</c>.
/// </summary>
internal static unsafe class Start
{
    [DllImport("*", EntryPoint = "main")]
    private static extern int UserMain(int argc, byte** argv, byte** envp);

    [UnmanagedCallersOnly(EntryPoint = "__relibc_start")]
    private static void Run(nint* sp, delegate* unmanaged<void>* initStart, delegate* unmanaged<void>* initEnd)
    {
        var argc = (int)sp[0];
        var argv = (byte**)(sp + 1);
        var envp = argv + argc + 1;
        var auxv = envp;
        while (*auxv != null)
            auxv++;
        // TLS first (errno is thread-local): the main thread's area and thread pointer, from the PT_TLS segment of the
        // program headers, which the backend finds (Linux: the auxiliary vector after envp; VeridianOS: __ehdr_start).
        nuint phnum;
        var phdr = Relibc.Platform.Pal.ProgramHeaders((nuint*)(auxv + 1), &phnum);
        Relibc.Header.Pthread.ThreadArea.InitMain(phdr, phnum);
        Env.Variables = envp;
        for (var init = initStart; init < initEnd; init++)
            (*init)();
        Exit.Run(UserMain(argc, argv, envp));
    }
}
