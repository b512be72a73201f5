/* Capability and IPC calls of the test programs (docs/capabilities.md): the message goes in the system call's six
 * argument registers and comes back in seven (status, badge, opcode word, d0-d3). */
#include "syscall.h"

enum { SYS_IPC_BUFFER = 9,
       SYS_IRQ_BIND = 70, SYS_IRQ_ACK = 71, SYS_PORT_IN = 72, SYS_PORT_OUT = 73, SYS_DEVICE_MAP = 74, ENOTSUP = 53,
       SLOT_DEVICE = 62, SLOT_INTERRUPT = 63, CAP_DEVICE = 4, CAP_INTERRUPT = 8,
       SYS_SHARE_MEMORY = 6, SYS_MAP_MEMORY = 7, EACCES = 18, CAP_MEMORY = 0,
       SYS_SEND = 0, SYS_RECEIVE = 1, SYS_CALL = 2, SYS_REPLY = 3, SYS_ENDPOINT_CREATE = 4, SYS_REPLY_RECV = 8,
       SYS_CAP_COPY = 30, SYS_CAP_REVOKE = 31, SYS_CAP_MINT = 32, SYS_CAP_MOVE = 33, SYS_CAP_DELETE = 34,
       SYS_CAP_IDENTIFY = 35, SYS_NOTIFICATION_CREATE = 36, SYS_SIGNAL = 37, SYS_NTFN_WAIT = 38, SYS_POLL = 39,
       ECAPINVAL = 10, ECAPREVOKED = 11, ECAPRIGHTS = 12, ECAPNOTFOUND = 13, ECAPEXISTS = 14, ECAPDELEG = 16,
       CAP_ENDPOINT = 1, CAP_PROCESS = 2, CAP_NOTIFICATION = 9,
       R_READ = 1, R_WRITE = 2, R_GRANT = 8 };

#define IPC_GRANT (1ul << 32)
/* A long part of n bytes (at most 4096) in the sender's IPC buffer (flags bit 1, the length in flags bits 16-28). */
#define IPC_LONG(n) (1ul << 33 | (u64)(n) << 48)
/* Slot 1: the process's own capability (type process, every right, generation 0); the first process also holds the
 * console's device capability in slot 62 and its interrupt capability in slot 63 (read, write, grant). */
#define DEVICE (62ul | 4ul << 56 | 11ul << 60)
#define INTERRUPT (63ul | 8ul << 56 | 11ul << 60)
#define SELF (1ul | 2ul << 56 | 15ul << 60)

struct msg { long status; u64 badge, op, d[4]; };
struct cap_info { u64 type, rights, badge, object; };

static struct msg ipc(long n, u64 a0, u64 a1, u64 a2, u64 a3, u64 a4, u64 a5)
{
    struct msg m;
#if defined(__x86_64__)
    register u64 rdi __asm__("rdi") = a0, rsi __asm__("rsi") = a1, rdx __asm__("rdx") = a2, r10 __asm__("r10") = a3,
        r8 __asm__("r8") = a4, r9 __asm__("r9") = a5;
    long rax = n;
    __asm__ volatile("syscall" : "+a"(rax), "+r"(rdi), "+r"(rsi), "+r"(rdx), "+r"(r10), "+r"(r8), "+r"(r9) : : "rcx", "r11", "memory");
    m.status = rax; m.badge = rdi; m.op = rsi; m.d[0] = rdx; m.d[1] = r10; m.d[2] = r8; m.d[3] = r9;
#elif defined(__aarch64__)
    register u64 x8 __asm__("x8") = (u64)n, x0 __asm__("x0") = a0, x1 __asm__("x1") = a1, x2 __asm__("x2") = a2,
        x3 __asm__("x3") = a3, x4 __asm__("x4") = a4, x5 __asm__("x5") = a5, x6 __asm__("x6") = 0;
    __asm__ volatile("svc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x5), "+r"(x6) : "r"(x8) : "memory");
    m.status = (long)x0; m.badge = x1; m.op = x2; m.d[0] = x3; m.d[1] = x4; m.d[2] = x5; m.d[3] = x6;
#elif defined(__riscv)
    register u64 a7r __asm__("a7") = (u64)n, r0 __asm__("a0") = a0, r1 __asm__("a1") = a1, r2 __asm__("a2") = a2,
        r3 __asm__("a3") = a3, r4 __asm__("a4") = a4, r5 __asm__("a5") = a5, r6 __asm__("a6") = 0;
    __asm__ volatile("ecall" : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3), "+r"(r4), "+r"(r5), "+r"(r6) : "r"(a7r) : "memory");
    m.status = (long)r0; m.badge = r1; m.op = r2; m.d[0] = r3; m.d[1] = r4; m.d[2] = r5; m.d[3] = r6;
#endif
    return m;
}

static long cap_copy(u64 t, u64 slot) { return sys3(SYS_CAP_COPY, (long)t, (long)slot, 0); }
static long cap_mint(u64 t, u64 rights, u64 badge, u64 slot) { return sys4(SYS_CAP_MINT, (long)t, (long)rights, (long)badge, (long)slot); }
static long cap_move(u64 t, u64 slot) { return sys3(SYS_CAP_MOVE, (long)t, (long)slot, 0); }
static long cap_delete(u64 t) { return sys1(SYS_CAP_DELETE, (long)t); }
static long cap_revoke(u64 t) { return sys1(SYS_CAP_REVOKE, (long)t); }
static long cap_identify(u64 t, struct cap_info *i) { return sys3(SYS_CAP_IDENTIFY, (long)t, (long)i, 0); }
