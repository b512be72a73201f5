using System.Runtime.InteropServices;
using Relibc.Platform;

namespace Relibc.Header.Poll;

/// <summary>poll.h (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/poll.h.html): struct pollfd and the POLL bits are Linux's, the same on the three targets.</summary>
public static unsafe class PollFunctions
{
    /// <summary>poll — https://pubs.opengroup.org/onlinepubs/9699919799/functions/poll.html (timeout in milliseconds; negative waits for ever).</summary>
    [UnmanagedCallersOnly(EntryPoint = "poll")]
    public static int Poll(void* fds, nuint count, int timeout) => (int)Errno.Errno.Result(Pal.Poll(fds, count, timeout));
}
