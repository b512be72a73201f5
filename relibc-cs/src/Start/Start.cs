using System.Runtime.InteropServices;
using Relibc.Header.Stdlib;

namespace Relibc.Start;

/// <summary>
/// Process start (docs/relibc.md, "Start-up"): crt1.o's <c>_start</c> passes the initial stack pointer (argc, argv,
/// NULL, envp, NULL, then on Linux auxv — the SysV ABI's process stack; VeridianOS passes no auxv) and the bounds of
/// <c>.init_array</c> and <c>.fini_array</c>; this runs the constructors (C#'s static constructors first — relibc's own
/// among them, at priority 100 — then C's by priority and link order), then <c>exit(main(argc, argv, envp))</c>, which
/// runs the <c>atexit</c> handlers and then the destructors.
/// </summary>
internal static unsafe class Start
{
    [DllImport("*", EntryPoint = "main")]
    private static extern int UserMain(int argc, byte** argv, byte** envp);

    [UnmanagedCallersOnly(EntryPoint = "__relibc_start")]
    private static void Run(nint* sp, delegate* unmanaged<void>* initStart, delegate* unmanaged<void>* initEnd,
        delegate* unmanaged<void>* finiStart, delegate* unmanaged<void>* finiEnd)
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
        Exit.SetDestructors(finiStart, finiEnd);
        for (var init = initStart; init < initEnd; init++)
            (*init)();
        Exit.Run(UserMain(argc, argv, envp));
    }
}
