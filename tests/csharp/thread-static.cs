// [ThreadStatic] fields: one copy per thread, each starting at zero; plain statics stay shared. The threads are
// glibc's (pthread_create from libc.so.6 in both worlds), so this is the same program under CoreCLR.
// expect: main before=0 set=100
// expect: thread 1: start=0 big=0 end=1001 big=1
// expect: thread 2: start=0 big=0 end=2002 big=2
// expect: thread 3: start=0 big=0 end=3003 big=3
// expect: main after=100 big=-7 shared=6006
using System.Runtime.InteropServices;
using System.Threading;

static unsafe class Program
{
    [System.ThreadStatic] static int t_counter;
    [System.ThreadStatic] static long t_big;
    static int s_shared;

    struct Report
    {
        public int Id, Start, End;
        public long BigStart, BigEnd;
    }

    [DllImport("libc.so.6", EntryPoint = "pthread_create")]
    static extern int PthreadCreate(nuint* thread, void* attr, delegate* unmanaged<void*, void*> start, void* arg);

    [DllImport("libc.so.6", EntryPoint = "pthread_join")]
    static extern int PthreadJoin(nuint thread, void** result);

    [UnmanagedCallersOnly]
    static void* Worker(void* arg)
    {
        var r = (Report*)arg;
        r->Start = t_counter;
        r->BigStart = t_big;
        for (int i = 0; i < r->Id * 1000; i++)
            t_counter++;
        t_counter += r->Id;
        t_big = r->Id;
        Interlocked.Add(ref s_shared, t_counter);
        r->End = t_counter;
        r->BigEnd = t_big;
        return null;
    }

    static int Main()
    {
        Out.Str("main before="u8); Out.Int(t_counter);
        t_counter = 100;
        t_big = -7;
        Out.Str(" set="u8); Out.Int(t_counter); Out.Line();
        Report* reports = stackalloc Report[3];
        nuint* threads = stackalloc nuint[3];
        for (int i = 0; i < 3; i++)
        {
            reports[i] = default;
            reports[i].Id = i + 1;
            if (PthreadCreate(&threads[i], null, &Worker, &reports[i]) != 0)
                return 1;
        }
        for (int i = 0; i < 3; i++)
            PthreadJoin(threads[i], null);
        for (int i = 0; i < 3; i++)
        {
            var r = reports[i];
            Out.Str("thread "u8); Out.Int(r.Id);
            Out.Str(": start="u8); Out.Int(r.Start); Out.Str(" big="u8); Out.Int(r.BigStart);
            Out.Str(" end="u8); Out.Int(r.End); Out.Str(" big="u8); Out.Int(r.BigEnd); Out.Line();
        }
        Out.Str("main after="u8); Out.Int(t_counter); Out.Str(" big="u8); Out.Int(t_big);
        Out.Str(" shared="u8); Out.Int(s_shared); Out.Line();
        return 0;
    }
}
