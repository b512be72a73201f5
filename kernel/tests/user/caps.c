/* Capabilities and IPC as /init (docs/capabilities.md): tokens and their checks, copy/mint/move/delete/revoke and the
 * derivation tree, notifications, then a server forked into its own address space that init calls (badges, the reply,
 * send, capability transfer, a server that dies mid-call, an endpoint destroyed under a blocked receiver), and a
 * fuzzer of random capability operations on random tokens. Each line: what, the answer, ok or WRONG. */
#include "ipc.h"

static int failures;

static void check(const char *what, long got, long expected)
{
    say(what); say(" "); say_number(got); say(got == expected ? " ok" : " WRONG"); end_line();
    if (got != expected) failures++;
}

/* A token with the grant right has bit 63 set: errors are the results in [-4095, -1] (docs/capabilities.md). */
static int is_error(long r) { return r < 0 && r >= -4095; }

static u64 slot_of(u64 t) { return t & 0xFFFFFFFFFFFFul; }
static u64 with_gen(u64 t, u64 g) { return (t & ~(0xFFul << 48)) | (g & 0xFF) << 48; }

static u64 rng = 0x9E3779B97F4A7C15ul;
static u64 next_random(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

static unsigned char server_buffer[4096] __attribute__((aligned(4096)));
static unsigned char client_buffer[4096] __attribute__((aligned(4096)));

/* The server, in the child: answers calls until told to stop. */
static void serve(u64 ep)
{
    sys1(SYS_IPC_BUFFER, (long)server_buffer);
    struct msg m = ipc(SYS_RECEIVE, ep, 0, 0, 0, 0, 0);
    for (;;)
    {
        if (m.status != 0) sys1(SYS_EXIT, 60 + (int)-m.status);
        u64 op = m.op & 0xFFFFFFFF;
        if (op == 1)           /* arithmetic, and the badge it came with */
            m = ipc(SYS_REPLY_RECV, ep, 1, m.d[0] + m.d[1], m.d[2] * m.d[3], m.badge, m.op >> 32);
        else if (op == 2)      /* a send: nothing to reply to; say so in the next answer */
        {
            long r = ipc(SYS_REPLY, 0, 0, 0, 0, 0, 0).status;
            m = ipc(SYS_RECEIVE, ep, 0, 0, 0, 0, 0);
            if ((m.op & 0xFFFFFFFF) == 1)
                m = ipc(SYS_REPLY_RECV, ep, 1, (u64)r, m.d[0], m.badge, m.d[1]);
        }
        else if (op == 3)      /* a granted notification: signal it, report its type */
        {
            struct cap_info info = { 0, 0, 0, 0 };
            long got = (m.op >> 32) & 1 ? cap_identify(m.d[3], &info) : -1;
            long s = sys1(SYS_SIGNAL, (long)m.d[3]);
            m = ipc(SYS_REPLY_RECV, ep, 3, (u64)got, info.type, (u64)s, 0);
        }
        else if (op == 6)      /* a long message: its sum, its length and flag; the reply is the bytes reversed */
        {
            u64 n = (m.op >> 33 & 1) ? (m.op >> 48 & 0x1FFF) : 0, sum = 0;
            for (u64 i = 0; i < n; i++) sum += server_buffer[i];
            for (u64 i = 0; i < n / 2; i++) { unsigned char t = server_buffer[i]; server_buffer[i] = server_buffer[n - 1 - i]; server_buffer[n - 1 - i] = t; }
            m = ipc(SYS_REPLY_RECV, ep, 6 | (n ? IPC_LONG(n) : 0), sum, n, m.op >> 33 & 1, 0);
        }
        else if (op == 7 || op == 8) /* drop the IPC buffer / take it again */
            m = ipc(SYS_REPLY_RECV, ep, op, (u64)sys1(SYS_IPC_BUFFER, op == 7 ? 0 : (long)server_buffer), 0, 0, 0);
        else if (op == 4)      /* dies in the middle of a call */
            sys1(SYS_EXIT, 4);
        else if (op == 5)      /* receive on until the endpoint goes: the last receive's error is the status */
        {
            ipc(SYS_REPLY, 5, 0, 0, 0, 0, 0);
            m = ipc(SYS_RECEIVE, ep, 0, 0, 0, 0, 0);
            sys1(SYS_EXIT, 50 + (int)-m.status);
        }
        else
            m = ipc(SYS_REPLY_RECV, ep, 99, 0, 0, 0, 0);
    }
}

ENTRY void _start(void)
{
    struct cap_info info;
    /* Tokens and what the kernel checks. */
    check("identify the process's own capability", cap_identify(SELF, &info), 0);
    check("  its type is process, every right, the pid", info.type == CAP_PROCESS && info.rights == 15 && info.object == 1, 1);
    long ep = sys1(SYS_ENDPOINT_CREATE, 0);
    check("endpoint_create gives a token in slot 2", (long)slot_of((u64)ep), 2);
    check("  of type endpoint with read, write and grant", (long)(((u64)ep >> 56 & 15) | ((u64)ep >> 60) << 8), 1 | 11 << 8);
    check("the null token", cap_identify(0, &info), -ECAPINVAL);
    check("slot 64", cap_identify((u64)ep + 62, &info), -ECAPINVAL);
    check("an empty slot", cap_identify(((u64)ep & ~0xFFFFFFFFFFFFul) | 40, &info), -ECAPNOTFOUND);
    check("a stale generation", cap_identify(with_gen((u64)ep, 7), &info), -ECAPREVOKED);
    check("a forged right", cap_identify((u64)ep | 4ul << 60, &info), -ECAPINVAL);
    check("a forged type", cap_identify(((u64)ep & ~(15ul << 56)) | 9ul << 56, &info), -ECAPINVAL);
    check("identify to a kernel address", cap_identify((u64)ep, (struct cap_info *)-4096l), -EFAULT);
    check("signal through an endpoint (wrong type)", sys1(SYS_SIGNAL, ep), -ECAPINVAL);

    /* Copy, mint, move, delete, revoke. */
    long copy = cap_copy((u64)ep, 0);
    check("copy into the lowest free slot", (long)slot_of((u64)copy), 3);
    check("copy into slot 3 again", cap_copy((u64)ep, 3), -ECAPEXISTS);
    long minted = cap_mint((u64)ep, R_WRITE, 7, 10);
    check("mint write-only with badge 7 into slot 10", (long)slot_of((u64)minted), 10);
    cap_identify((u64)minted, &info);
    check("  identify: rights write, badge 7", (long)(info.rights | info.badge << 8), 2 | 7 << 8);
    check("mint a badge onto a badged capability", cap_mint((u64)minted, R_WRITE, 8, 0), -ECAPDELEG);
    check("mint more rights than the source has", cap_mint((u64)minted, R_WRITE | R_READ, 0, 0), -ECAPRIGHTS);
    check("mint rights 16", cap_mint((u64)ep, 16, 0, 0), -ECAPRIGHTS);
    check("mint a badge onto a process capability", cap_mint(SELF, 1, 5, 0), -ECAPINVAL);
    long grandchild = cap_mint((u64)minted, R_WRITE, 0, 0);
    check("mint from the minted one keeps its badge", cap_identify((u64)grandchild, &info) == 0 && info.badge == 7, 1);
    long moved = cap_move((u64)copy, 20);
    check("move slot 3 to slot 20", (long)slot_of((u64)moved), 20);
    check("  the old token is stale", cap_identify((u64)copy, &info), -ECAPREVOKED);
    check("move to slot 99", cap_move((u64)moved, 99), -ECAPINVAL);
    long middle = cap_copy((u64)ep, 0), below = cap_copy((u64)middle, 0);
    check("delete a capability that has a child", cap_delete((u64)middle), 0);
    check("  delete it again", cap_delete((u64)middle), -ECAPREVOKED);
    check("  its child lives on", cap_identify((u64)below, &info), 0);
    check("revoke the endpoint", cap_revoke((u64)ep), 0);
    check("  the copy moved to slot 20 is gone", cap_identify((u64)moved, &info), -ECAPREVOKED);
    check("  the minted one is gone", cap_identify((u64)minted, &info), -ECAPREVOKED);
    check("  the one derived twice over is gone", cap_identify((u64)grandchild, &info), -ECAPREVOKED);
    check("  the child of the deleted one is gone", cap_identify((u64)below, &info), -ECAPREVOKED);
    check("  the endpoint stays", cap_identify((u64)ep, &info), 0);
    long n = 0, last = 0;
    for (long r; !is_error(r = cap_copy((u64)ep, 0)); n++) last = r;
    check("copies until the CNode is full (slots 62 and 63 hold the console's capabilities)", n, 59);
    check("  the next is ENOMEM", cap_copy((u64)ep, 0), -ENOMEM);
    check("  the last one is in slot 61", (long)slot_of((u64)last), 61);
    check("revoke them all", cap_revoke((u64)ep), 0);

    /* Rights on IPC. */
    long ro = cap_mint((u64)ep, R_READ, 0, 0), wo = cap_mint((u64)ep, R_WRITE, 0, 0);
    check("send without the write right", ipc(SYS_SEND, (u64)ro, 1, 0, 0, 0, 0).status, -ECAPRIGHTS);
    check("receive without the read right", ipc(SYS_RECEIVE, (u64)wo, 0, 0, 0, 0, 0).status, -ECAPRIGHTS);
    check("reply with no caller", ipc(SYS_REPLY, 0, 0, 0, 0, 0, 0).status, -ECAPNOTFOUND);

    /* Notifications. */
    long nt = sys1(SYS_NOTIFICATION_CREATE, 0);
    check("notification_create: type notification", (long)((u64)nt >> 56 & 15), CAP_NOTIFICATION);
    struct msg m = ipc(SYS_POLL, (u64)nt, 0, 0, 0, 0, 0);
    check("poll of a fresh notification", (long)(m.status | (long)m.badge << 8), 0);
    long bits = cap_mint((u64)nt, R_WRITE, 0x10, 0);
    check("signal badge 0x10", sys1(SYS_SIGNAL, bits), 0);
    check("signal unbadged", sys1(SYS_SIGNAL, nt), 0);
    m = ipc(SYS_NTFN_WAIT, (u64)nt, 0, 0, 0, 0, 0);
    check("wait: the bits ORed together", (long)m.badge, 0x11);
    check("  poll after it: cleared", (long)ipc(SYS_POLL, (u64)nt, 0, 0, 0, 0, 0).badge, 0);
    check("wait through a write-only capability", ipc(SYS_NTFN_WAIT, (u64)bits, 0, 0, 0, 0, 0).status, -ECAPRIGHTS);
    check("send through a notification (wrong type)", ipc(SYS_SEND, (u64)nt, 0, 0, 0, 0, 0).status, -ECAPINVAL);

    /* A server in its own address space: fork copies the CNode. */
    long pid = sys1(SYS_FORK, 0);
    if (pid == 0)
        serve((u64)ep);
    long badged = cap_mint((u64)ep, R_WRITE | R_GRANT, 7, 0);
    m = ipc(SYS_CALL, (u64)badged, 1, 2, 3, 4, 5);
    check("call: the reply's words", (long)(m.status | m.op << 8 | m.d[0] << 16 | m.d[1] << 24), 0 | 1 << 8 | 5 << 16 | 20 << 24);
    check("  the badge the server saw", (long)m.d[2], 7);
    m = ipc(SYS_CALL, (u64)ep, 1, 10, 20, 3, 3);
    check("call unbadged: the badge the server saw", (long)(m.d[0] | m.d[2] << 16), 30 | 0 << 16);
    check("send", ipc(SYS_SEND, (u64)badged, 2, 0, 0, 0, 0).status, 0);
    m = ipc(SYS_CALL, (u64)badged, 1, 0, 0, 0, 0);
    check("  the server's reply after a send had nothing to answer", (long)m.d[0], -ECAPNOTFOUND);
    m = ipc(SYS_CALL, (u64)badged, 3 | IPC_GRANT, 0, 0, 0, (u64)nt);
    check("grant a notification: the server saw it", (long)(m.d[0] | m.d[1] << 8 | m.d[2] << 16), 0 | CAP_NOTIFICATION << 8 | 0 << 16);
    check("  and signalled it", (long)ipc(SYS_POLL, (u64)nt, 0, 0, 0, 0, 0).badge, 1);
    check("grant without the grant right", ipc(SYS_CALL, (u64)wo, 3 | IPC_GRANT, 0, 0, 0, (u64)nt).status, -ECAPRIGHTS);
    check("grant a bad token", ipc(SYS_CALL, (u64)badged, 3 | IPC_GRANT, 0, 0, 0, with_gen((u64)nt, 99)).status, -ECAPREVOKED);
    /* Long messages through the IPC buffers. */
    check("ipc_buffer at an unaligned address", sys1(SYS_IPC_BUFFER, (long)client_buffer + 8), -EINVAL);
    check("ipc_buffer on an unmapped page", sys1(SYS_IPC_BUFFER, 0x1000), -EFAULT);
    check("ipc_buffer on read-only code", sys1(SYS_IPC_BUFFER, (long)_start & ~4095l), -EFAULT);
    check("a long call without a buffer", ipc(SYS_CALL, (u64)badged, 6 | IPC_LONG(100), 0, 0, 0, 0).status, -EINVAL);
    check("ipc_buffer", sys1(SYS_IPC_BUFFER, (long)client_buffer), 0);
    u64 expected = 0;
    for (int i = 0; i < 1000; i++) { client_buffer[i] = (unsigned char)(i * 7); expected += (unsigned char)(i * 7); }
    m = ipc(SYS_CALL, (u64)badged, 6 | IPC_LONG(1000), 0, 0, 0, 0);
    check("a long call of 1000 bytes: the server's sum", (long)(m.d[0] == expected && m.d[1] == 1000 && m.d[2] == 1), 1);
    check("  the long reply, the bytes reversed", client_buffer[0] == (unsigned char)(999 * 7) && client_buffer[999] == 0 && (m.op >> 48) == 1000, 1);
    check("a long call of 5000 bytes", ipc(SYS_CALL, (u64)badged, 6 | IPC_LONG(5000), 0, 0, 0, 0).status, -EINVAL);
    check("the server drops its buffer", (long)ipc(SYS_CALL, (u64)badged, 7, 0, 0, 0, 0).d[0], 0);
    m = ipc(SYS_CALL, (u64)badged, 6 | IPC_LONG(1000), 0, 0, 0, 0);
    check("  a long call to it arrives without its long part", (long)(m.status | m.d[1] << 8 | m.d[2] << 16), 0);
    ipc(SYS_CALL, (u64)badged, 8, 0, 0, 0, 0);
    long page = sys6(SYS_MMAP, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    sys1(SYS_IPC_BUFFER, page);
    sys3(SYS_MUNMAP, page, 4096, 0);
    check("a long call from a buffer that was unmapped", ipc(SYS_CALL, (u64)badged, 6 | IPC_LONG(10), 0, 0, 0, 0).status, -EFAULT);
    sys1(SYS_IPC_BUFFER, 0);
    long loop_ok = 1;
    for (u64 i = 0; i < 1000; i++)
    {
        m = ipc(SYS_CALL, (u64)badged, 1, i, 1, i, 2);
        loop_ok &= m.status == 0 && m.d[0] == i + 1 && m.d[1] == 2 * i && m.d[2] == 7;
    }
    check("1000 calls answered in order", loop_ok, 1);
    m = ipc(SYS_CALL, (u64)badged, 5, 0, 0, 0, 0);
    check("the server goes back to receive", (long)m.op, 5);
    check("revoke: the child's copies go", cap_revoke((u64)ep), 0);
    check("delete the last capability: the endpoint goes", cap_delete((u64)ep), 0);
    int status = 0;
    check("wait for the server", sys3(SYS_WAIT, pid, (long)&status, 0), pid);
    check("  its receive ended with ECAPREVOKED", status, 50 + ECAPREVOKED);
    check("receive on the deleted endpoint", ipc(SYS_RECEIVE, (u64)ep, 0, 0, 0, 0, 0).status, -ECAPREVOKED);

    /* A server that dies in the middle of a call: the caller gets an error, not a hang. */
    long ep2 = sys1(SYS_ENDPOINT_CREATE, 0);
    pid = sys1(SYS_FORK, 0);
    if (pid == 0)
        serve((u64)ep2);
    check("call a server that dies before it replies", ipc(SYS_CALL, (u64)ep2, 4, 0, 0, 0, 0).status, -ECAPREVOKED);
    check("  its status", sys3(SYS_WAIT, pid, (long)&status, 0) == pid && status == 4, 1);
    cap_delete((u64)ep2);

    /* Shared memory: a memory object mapped twice here and once in a child, with the rights its capabilities give. */
    check("share_memory of 0 bytes", sys1(SYS_SHARE_MEMORY, 0), -EINVAL);
    check("share_memory of 65 pages", sys1(SYS_SHARE_MEMORY, 65 * 4096), -EINVAL);
    long mem = sys1(SYS_SHARE_MEMORY, 8192);
    check("share_memory: type memory, every right", cap_identify((u64)mem, &info) == 0 && info.type == CAP_MEMORY && info.rights == 15, 1);
    long a = sys3(SYS_MAP_MEMORY, mem, PROT_READ | PROT_WRITE, 0);
    check("map it read-write", !is_error(a), 1);
    volatile u64 *wa = (volatile u64 *)a;
    for (int i = 0; i < 1024; i++) wa[i] = 0x5151000000000000ul + (u64)i;
    long readonly = cap_mint((u64)mem, R_READ, 0, 0);
    check("map a read-only capability for writing", sys3(SYS_MAP_MEMORY, readonly, PROT_READ | PROT_WRITE, 0), -ECAPRIGHTS);
    check("map it writable and executable", sys3(SYS_MAP_MEMORY, mem, PROT_WRITE | PROT_EXEC, 0), -EINVAL);
    check("map an endpoint", sys3(SYS_MAP_MEMORY, nt, PROT_READ, 0), -ECAPINVAL);
    long b = sys3(SYS_MAP_MEMORY, readonly, PROT_READ, 0);
    volatile u64 *rb = (volatile u64 *)b;
    long same = 1;
    for (int i = 0; i < 1024; i++) same &= rb[i] == 0x5151000000000000ul + (u64)i;
    check("the read-only mapping sees the same memory", same, 1);
    check("mprotect the read-only mapping writable", sys3(SYS_MPROTECT, b, 4096, PROT_READ | PROT_WRITE), -EACCES);
    pid = sys1(SYS_FORK, 0);
    if (pid == 0)
    {
        volatile u64 *c = (volatile u64 *)sys3(SYS_MAP_MEMORY, mem, PROT_READ | PROT_WRITE, 0);
        c[1000] = c[5] + 1;         /* the second page */
        sys1(SYS_EXIT, 0);
    }
    check("a child maps it and writes", sys3(SYS_WAIT, pid, (long)&status, 0) == pid && status == 0, 1);
    check("  the parent sees the child's write", (long)(wa[1000] - 0x5151000000000000ul), 6);
    pid = sys1(SYS_FORK, 0);
    if (pid == 0)
    {
        volatile u64 *c = (volatile u64 *)sys3(SYS_MAP_MEMORY, readonly, PROT_READ, 0);
        c[0] = 1;                          /* a write through a read-only mapping: the kernel ends this process */
        sys1(SYS_EXIT, 0);
    }
    check("a child writing through a read-only mapping is killed", sys3(SYS_WAIT, pid, (long)&status, 0) == pid && status == 139, 1);
    check("  and the memory is unchanged", (long)(wa[0] - 0x5151000000000000ul), 0);
    check("unmap both mappings", sys3(SYS_MUNMAP, a, 8192, 0) | sys3(SYS_MUNMAP, b, 8192, 0), 0);
    check("delete the capabilities", cap_delete((u64)readonly) | cap_delete((u64)mem), 0);

    /* The fuzzer: random non-blocking operations on random tokens (random slots, generations, types, rights). */
    long unknown = 0, ops = 0;
    for (int i = 0; i < 20000; i++)
    {
        u64 r = next_random();
        u64 token = (r & 63) | (next_random() & 3) << 48 | (r >> 8 & 15) << 56 | (r >> 12 & 15) << 60;
        long res;
        switch (r >> 20 & 15)
        {
        case 0: res = cap_copy(token, r >> 24 & 63); break;
        case 1: res = cap_mint(token, r >> 30 & 31, r >> 40 & 3, r >> 24 & 63); break;
        case 2: res = cap_move(token, r >> 24 & 63); break;
        case 3: res = cap_delete(token); break;
        case 4: res = cap_revoke(token); break;
        case 5: res = cap_identify(token, (r >> 30 & 1) ? &info : (struct cap_info *)(r >> 31)); break;
        case 6: res = sys1(SYS_SIGNAL, (long)token); break;
        case 7: res = ipc(SYS_POLL, token, 0, 0, 0, 0, 0).status; break;
        case 8: res = ipc(SYS_REPLY, token, 0, 0, 0, 0, 0).status; break;
        case 9: res = sys1(SYS_ENDPOINT_CREATE, 0); break;
        case 10: res = sys1(SYS_NOTIFICATION_CREATE, 0); break;
        case 11: res = sys3(SYS_MAP_MEMORY, (long)token, (long)(r >> 44 & 7), 0); break;
        case 12: res = sys1(SYS_SHARE_MEMORY, (long)(r >> 44 & 0x7FFFF)); break;
        default: res = cap_identify(token, &info); break;
        }
        ops++;
        if (is_error(res) && res != -ECAPINVAL && res != -ECAPREVOKED && res != -ECAPRIGHTS && res != -ECAPNOTFOUND
            && res != -ECAPEXISTS && res != -ECAPDELEG && res != -ENOMEM && res != -EFAULT && res != -EINVAL)
            unknown++;
    }
    check("fuzzer: operations", ops, 20000);
    check("  answers that are not a capability error", unknown, 0);
    check("  the kernel still answers", cap_identify(SELF, &info), 0);

    say("caps: "); say_number(failures); say(" failure(s)"); end_line();
    sys1(SYS_EXIT, failures);
}
