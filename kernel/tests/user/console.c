/* A user-space console driver, a console service and its supervision, as /init (docs/capabilities.md):
 * init forks the driver, which reaches the UART only through its device capability (x86_64 COM1's ports with
 * port_in/port_out, aarch64's PL011 and riscv64's ns16550 through the MMIO page device_map gives it) and takes the
 * UART's receive interrupts as notification signals (irq_bind, irq_ack). A client writes through the service and
 * reads a line typed on the console; then a fault is injected into the driver: the kernel ends it, the client's
 * call fails, init restarts the driver, and the client's next calls reach the new one. */
#include "ipc.h"

enum { OP_WRITE = 1, OP_READ = 2, OP_CRASH = 3 };

static int failures;

static void check(const char *what, long got, long expected)
{
    say(what); say(" "); say_number(got); say(got == expected ? " ok" : " WRONG"); end_line();
    if (got != expected) failures++;
}

static int is_error(long r) { return r < 0 && r >= -4095; }

/* The UART, through the device capability. */
static volatile unsigned char *mmio;

#if defined(__x86_64__)
static unsigned reg_in(int r) { return (unsigned)sys3(SYS_PORT_IN, (long)DEVICE, 0x3F8 + r, 0); }
static void reg_out(int r, unsigned v) { sys3(SYS_PORT_OUT, (long)DEVICE, 0x3F8 + r, v); }
static void uart_init(void) { reg_out(4, 0x0B); reg_out(1, 1); }            /* MCR: DTR, RTS, OUT2 (the IRQ); IER: receive */
static int uart_ready(void) { return reg_in(5) & 1; }                       /* LSR.DR */
static unsigned uart_get(void) { return reg_in(0); }
static void uart_put(unsigned c) { while (!(reg_in(5) & 0x20)) {} reg_out(0, c); }
#elif defined(__aarch64__)
static volatile unsigned *pl011(int off) { return (volatile unsigned *)(mmio + off); }
static void uart_init(void) { *pl011(0x38) = 1 << 4 | 1 << 6; }             /* IMSC: receive and receive timeout */
static int uart_ready(void) { return !(*pl011(0x18) & 1 << 4); }            /* FR.RXFE clear */
static unsigned uart_get(void) { return *pl011(0) & 0xFF; }
static void uart_put(unsigned c) { while (*pl011(0x18) & 1 << 5) {} *pl011(0) = c; }
#elif defined(__riscv)
static void uart_init(void) { mmio[1] = 1; }                                /* IER: receive */
static int uart_ready(void) { return mmio[5] & 1; }
static unsigned uart_get(void) { return mmio[0]; }
static void uart_put(unsigned c) { while (!(mmio[5] & 0x20)) {} mmio[0] = (unsigned char)c; }
#endif

static char rx[256];
static int rx_head, rx_tail;

static void drain(void)
{
#if defined(__aarch64__)
    /* ICR first: clearing it after the loop would also clear the interrupt of a byte that arrived in between. */
    *pl011(0x44) = 0x7FF;
#endif
    while (uart_ready())
    {
        unsigned c = uart_get();
        if (rx_tail - rx_head < (int)sizeof rx) rx[rx_tail++ % sizeof rx] = (char)c;
    }
}

/* The driver: the console service on endpoint ep; interrupts arrive on notification irq_ntfn. */
static void driver(u64 ep, u64 irq_ntfn, int generation)
{
#if !defined(__x86_64__)
    mmio = (volatile unsigned char *)sys1(SYS_DEVICE_MAP, (long)DEVICE);
    if (is_error((long)mmio)) sys1(SYS_EXIT, 90);
#endif
    uart_init();
    if (sys3(SYS_IRQ_BIND, (long)INTERRUPT, (long)irq_ntfn, 0) != 0) sys1(SYS_EXIT, 91);
    const char *hello = generation == 1 ? "[console driver] started\n" : "[console driver] restarted\n";
    for (const char *p = hello; *p; p++) uart_put((unsigned char)*p);
    u64 interrupts = 0;
    struct msg m = ipc(SYS_RECEIVE, ep, 0, 0, 0, 0, 0);
    for (;;)
    {
        if (m.status != 0) sys1(SYS_EXIT, 0);                                /* the endpoint went: done */
        u64 op = m.op & 0xFFFFFFFF, d[4] = { 0, 0, 0, 0 };
        if (op == OP_WRITE)
        {
            const char *bytes = (const char *)&m.d[1];
            u64 n = m.d[0] > 24 ? 24 : m.d[0];
            for (u64 i = 0; i < n; i++) uart_put((unsigned char)bytes[i]);
            d[0] = n;
        }
        else if (op == OP_READ)
        {
            /* Up to 24 bytes of what the interrupts brought (the UART is read only after one); wait while there is nothing. */
            while (rx_head == rx_tail)
            {
                ipc(SYS_NTFN_WAIT, irq_ntfn, 0, 0, 0, 0, 0);
                drain();
                interrupts++;
                sys1(SYS_IRQ_ACK, (long)INTERRUPT);
            }
            char *out = (char *)&d[1];
            while (rx_head != rx_tail && d[0] < 24) out[d[0]++] = rx[rx_head++ % sizeof rx];
        }
        else if (op == OP_CRASH)
            *(volatile int *)0 = 1;                                          /* the injected fault */
        m = ipc(SYS_REPLY_RECV, ep, interrupts, d[0], d[1], d[2], d[3]);
    }
}

/* The client's side of the service. */
static long con_write(u64 ep, const char *s)
{
    for (u64 n = length(s); n > 0;)
    {
        u64 w[3] = { 0, 0, 0 }, k = n > 24 ? 24 : n;
        for (u64 i = 0; i < k; i++) ((char *)w)[i] = s[i];
        struct msg m = ipc(SYS_CALL, ep, OP_WRITE, k, w[0], w[1], w[2]);
        if (m.status != 0) return m.status;
        s += k; n -= k;
    }
    return 0;
}

static u64 interrupts_seen;

static long con_read_line(u64 ep, char *line, int max)
{
    int n = 0;
    for (;;)
    {
        struct msg m = ipc(SYS_CALL, ep, OP_READ, 0, 0, 0, 0);
        if (m.status != 0) return m.status;
        interrupts_seen = m.op;
        const char *got = (const char *)&m.d[1];
        for (u64 i = 0; i < m.d[0]; i++)
        {
            if (got[i] == '\r' || got[i] == '\n') { if (n > 0) { line[n] = 0; return n; } continue; }
            if (n < max - 1) line[n++] = got[i];
        }
    }
}

static void client(u64 ep)
{
    char line[64];
    check("client: write through the console service", con_write(ep, "hello through the user-space console driver\n"), 0);
    long n = con_read_line(ep, line, sizeof line);
    check("client: read a line the driver took by interrupts", n, 13);
    con_write(ep, "client read: "); con_write(ep, line); con_write(ep, "\n");
    check("client: the driver took interrupts", interrupts_seen >= 1, 1);
    long crashed = ipc(SYS_CALL, ep, OP_CRASH, 0, 0, 0, 0).status;
    /* Reconnect: the next call waits on the endpoint until the restarted driver receives it (and has said so: the
     * lines are printed after it, so the driver's own output, a byte at a time, is never cut by them). */
    long again = con_write(ep, "written after the driver's restart\n");
    check("client: the call that crashes the driver fails", crashed, -ECAPREVOKED);
    check("client: write after the restart", again, 0);
    sys1(SYS_EXIT, failures);
}

ENTRY void _start(void)
{
    struct cap_info info;
    check("init holds the console's device capability", cap_identify(DEVICE, &info) == 0 && info.type == CAP_DEVICE, 1);
    check("and its interrupt capability", cap_identify(INTERRUPT, &info) == 0 && info.type == CAP_INTERRUPT, 1);
    check("irq_ack before any binding", sys1(SYS_IRQ_ACK, (long)INTERRUPT), -EINVAL);
    check("irq_bind to an endpoint (wrong type)", sys3(SYS_IRQ_BIND, (long)INTERRUPT, (long)DEVICE, 0), -ECAPINVAL);
#if defined(__x86_64__)
    check("port_in outside the device", sys3(SYS_PORT_IN, (long)DEVICE, 0x60, 0), -EINVAL);
    check("device_map on x86_64", sys1(SYS_DEVICE_MAP, (long)DEVICE), -ENOTSUP);
#else
    check("port_in off x86_64", sys3(SYS_PORT_IN, (long)DEVICE, 0x3F8, 0), -ENOTSUP);
#endif
    long readonly = cap_mint(DEVICE, R_READ, 0, 0);
    check("port_out or device_map without the write right",
          sys1(SYS_DEVICE_MAP, readonly) == -ECAPRIGHTS || sys3(SYS_PORT_OUT, readonly, 0x3F8, 0) == -ECAPRIGHTS, 1);
    cap_delete((u64)readonly);

    long ep = sys1(SYS_ENDPOINT_CREATE, 0), ntfn = sys1(SYS_NOTIFICATION_CREATE, 0);
    long driver_pid = sys1(SYS_FORK, 0);
    if (driver_pid == 0) driver((u64)ep, (u64)ntfn, 1);
    long client_pid = sys1(SYS_FORK, 0);
    if (client_pid == 0) client((u64)ep);
    /* Supervise: restart the driver when it dies; when the client is done, take the endpoint away from the driver. */
    int restarts = 0, client_status = -1, driver_status = -1;
    while (client_status < 0 || driver_pid != 0)
    {
        int status = 0;
        long pid = sys3(SYS_WAIT, -1, (long)&status, 0);
        if (pid == driver_pid && client_status < 0)
        {
            say("[init] the console driver (pid "); say_number(pid); say(") ended with status "); say_number(status);
            say(": restarting it"); end_line();
            restarts++;
            driver_pid = sys1(SYS_FORK, 0);
            if (driver_pid == 0) driver((u64)ep, (u64)ntfn, 2);
        }
        else if (pid == driver_pid) { driver_status = status; driver_pid = 0; }
        else if (pid == client_pid)
        {
            client_status = status;
            cap_revoke((u64)ep);                                            /* the driver's copy goes, then the endpoint */
            cap_delete((u64)ep);
        }
        else if (pid < 0) break;
    }
    check("init restarted the driver", restarts, 1);
    check("the client's failures", client_status, 0);
    check("the restarted driver ended when its endpoint went", driver_status, 0);
    say("console: "); say_number(failures); say(" failure(s)"); end_line();
    sys1(SYS_EXIT, failures);
}
