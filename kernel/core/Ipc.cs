using System.Runtime.CompilerServices;

namespace Veridian.Kernel;

/// <summary>An endpoint or a notification: the capabilities that name it, the threads queued on it (thread index + 1), a notification's word.</summary>
struct IpcObject
{
    public int References;
    public byte Head, Tail;
    public ulong Word;
}

unsafe struct LongBounce
{
    public fixed byte Bytes[4096];
}

unsafe struct IpcObjectStorage
{
    public fixed byte Bytes[Objects.MaxObjects * 16];
}

/// <summary>The kernel's endpoints and notifications (two tables of <see cref="MaxObjects"/>), kept alive by the capabilities that name them.</summary>
static unsafe class Objects
{
    public const int MaxObjects = 64;
    private static IpcObjectStorage s_endpoints, s_notifications;

    public static IpcObject* Endpoint(uint i) => (IpcObject*)Unsafe.AsPointer(ref s_endpoints.Bytes[0]) + i;

    public static IpcObject* Notification(uint i) => (IpcObject*)Unsafe.AsPointer(ref s_notifications.Bytes[0]) + i;

    private static IpcObject* Of(byte type, uint obj) =>
        type == CapType.Endpoint ? Endpoint(obj) : type == CapType.Notification ? Notification(obj) : null;

    /// <summary>endpoint_create() 4 / notification_create() 36: a new object and a capability to it with every right.</summary>
    public static long Create(byte type)
    {
        for (uint i = 0; i < MaxObjects; i++)
        {
            if (Of(type, i)->References == 0)
            {
                *Of(type, i) = default;
                return Caps.Create(type, Rights.Read | Rights.Write | Rights.Grant, i, 0);
            }
        }
        return -Errno.ENOMEM;
    }

    /// <summary>A capability to the object came or went; the last one's going destroys it and resumes its waiters with -ECAPREVOKED.</summary>
    public static void Reference(byte type, uint obj, int delta)
    {
        if (type == CapType.Memory)
        {
            SharedMemory.Reference(obj, delta);
            return;
        }
        IpcObject* o = Of(type, obj);
        if (o == null)
            return;
        o->References += delta;
        if (o->References != 0)
            return;
        while (o->Head != 0)
        {
            ThreadSlot* t = Ipc.Dequeue(o, null);
            Machine.SetSyscallResult(t->Frame, -Caps.ECAPREVOKED);
            t->State = ThreadState.Ready;
        }
        o->Word = 0;
    }
}

/// <summary>
/// Synchronous IPC on endpoints and notifications (docs/capabilities.md): a message is an opcode word and four data
/// words in registers. A blocked sender's message stays in its saved registers until a receiver takes it; call and
/// reply_recv switch straight to a waiting partner (<see cref="Scheduler.SwitchTo"/>), writing the message into the
/// frame the trap returns through.
/// </summary>
static unsafe class Ipc
{
    public const ulong Send = 0, Receive = 1, Call = 2, Reply = 3, ReplyRecv = 8, EndpointCreate = 4,
        NotificationCreate = 36, Signal = 37, Wait = 38, Poll = 39;

    /// <summary>Flags bit 0 (of the opcode word's upper half): d3 is a capability to transfer.</summary>
    private const ulong GrantFlag = 1UL << 32;

    /// <summary>Flags bit 1: a long part of <see cref="LongLength"/> bytes (flags bits 16–28) in the sender's IPC buffer.</summary>
    private const ulong LongFlag = 1UL << 33;
    public const ulong SetBuffer = 9, MaxLong = 4096;
    private static LongBounce s_bounce;

    private static ulong LongLength(ulong op) => (op >> 48) & 0x1FFF;

    /// <summary>ipc_buffer(va): the calling thread's IPC buffer, a writable page (0: none).</summary>
    public static long DoSetBuffer(ulong va)
    {
        if (va != 0 && (va & (PageTables.PageSize - 1)) != 0)
            return -Errno.EINVAL;
        if (va != 0 && !UserMemory.Check(Process.Root, va, PageTables.PageSize, write: true))
            return -Errno.EFAULT;
        Threads.Current->IpcBuffer = va;
        return 0;
    }

    /// <summary>The sender's long part: at most <see cref="MaxLong"/> bytes, from a buffer it has and can read.</summary>
    private static long CheckLong(ulong op)
    {
        if ((op & LongFlag) == 0)
            return 0;
        ulong buffer = Threads.Current->IpcBuffer;
        if (LongLength(op) > MaxLong || buffer == 0)
            return -Errno.EINVAL;
        return UserMemory.Check(Process.Root, buffer, PageTables.PageSize, write: false) ? 0 : -Errno.EFAULT;
    }

    /// <summary>Copies a long part from the sender's buffer to the receiver's; without a receiving buffer (or one gone) the part is dropped and the flag cleared.</summary>
    private static ulong CopyLong(ulong op, ThreadSlot* sender, ThreadSlot* receiver)
    {
        ulong n = LongLength(op), dropped = op & ~(LongFlag | 0x1FFFUL << 48);
        byte* bounce = (byte*)Unsafe.AsPointer(ref s_bounce.Bytes[0]);
        if (receiver->IpcBuffer == 0 || sender->IpcBuffer == 0
            || !UserMemory.CopyIn(Process.Slot(sender->Process)->Root, bounce, sender->IpcBuffer, n)
            || !UserMemory.CopyOut(Process.Slot(receiver->Process)->Root, receiver->IpcBuffer, bounce, n))
            return dropped;
        return op;
    }

    private static int Index(ThreadSlot* t) => (int)(t - Threads.Slot(0));

    private static ThreadSlot* Thread(byte plusOne) => Threads.Slot(plusOne - 1);

    private static void Enqueue(IpcObject* o, ThreadSlot* t)
    {
        t->QueueNext = 0;
        byte me = (byte)(Index(t) + 1);
        if (o->Tail != 0)
            Thread(o->Tail)->QueueNext = me;
        else
            o->Head = me;
        o->Tail = me;
    }

    /// <summary>Takes <paramref name="t"/> (null: the first) off the queue; the thread, or null if it was not there.</summary>
    public static ThreadSlot* Dequeue(IpcObject* o, ThreadSlot* t)
    {
        byte previous = 0;
        for (byte at = o->Head; at != 0; at = Thread(at)->QueueNext)
        {
            ThreadSlot* q = Thread(at);
            if (t != null && q != t)
            {
                previous = at;
                continue;
            }
            if (previous == 0)
                o->Head = q->QueueNext;
            else
                Thread(previous)->QueueNext = q->QueueNext;
            if (o->Tail == at)
                o->Tail = previous;
            q->QueueNext = 0;
            return q;
        }
        return null;
    }

    /// <summary>Writes a message into a frame: status 0, the badge, the opcode word and d0–d3; a granted capability becomes the receiver's, its token in d3.</summary>
    private static void Deliver(byte* to, ThreadSlot* receiver, ulong badge, ulong op, ulong d0, ulong d1, ulong d2, ulong d3, ThreadSlot* sender)
    {
        if ((op & GrantFlag) != 0)
        {
            CapCell* given = Caps.Lookup(sender->Process, d3, CapType.Any, 0, out CapCell* source) == 0
                ? Caps.Derive(source, receiver->Process, source->Rights, source->Badge) : null;
            if (given == null)
                op &= ~GrantFlag;
            d3 = given == null ? 0 : (ulong)Caps.Token(given);
        }
        if ((op & LongFlag) != 0)
            op = CopyLong(op, sender, receiver);
        Machine.SetSyscallResult(to, 0);
        Machine.SetMessage(to, badge, op, d0, d1, d2, d3);
    }

    /// <summary>The checks before a message leaves: the endpoint capability with write (and grant for a transfer), the transferred token.</summary>
    private static long Check(ulong token, ulong op, ulong d3, out CapCell* ep)
    {
        long r = Caps.Lookup(Process.Index(Process.Current), token, CapType.Endpoint, Rights.Write, out ep);
        if (r != 0 || (op & (GrantFlag | LongFlag)) == 0)
            return r; // the fast path's case: one test for both flags
        if ((op & GrantFlag) != 0)
            r = (ep->Rights & Rights.Grant) == 0 ? -Caps.ECAPRIGHTS : Caps.Lookup(Process.Index(Process.Current), d3, CapType.Any, 0, out _);
        return r == 0 ? CheckLong(op) : r;
    }

    /// <summary>send (call: false) and call (true): to a waiting receiver, or block on the endpoint's queue.</summary>
    public static void SendOrCall(byte* frame, bool call, ulong token, ulong op, ulong d0, ulong d1, ulong d2, ulong d3)
    {
        long r = Check(token, op, d3, out CapCell* ep);
        if (r != 0)
        {
            Machine.SetSyscallResult(frame, r);
            return;
        }
        ThreadSlot* me = Threads.Current;
        IpcObject* o = Objects.Endpoint(ep->Object);
        ThreadSlot* receiver = o->Head != 0 && Thread(o->Head)->State == ThreadState.IpcReceive ? Dequeue(o, null) : null;
        if (receiver == null)
        {
            me->WaitFor = ep->Object;
            me->WaitAddress = ep->Badge;
            Enqueue(o, me);
            Machine.SetSyscallResult(frame, 0);
            Scheduler.Block(frame, call ? ThreadState.IpcCall : ThreadState.IpcSend);
            return;
        }
        ulong badge = ep->Badge;
        if (!call)
        {
            Deliver(receiver->Frame, receiver, badge, op, d0, d1, d2, d3, me);
            receiver->ReplyTo = 0;
            receiver->State = ThreadState.Ready;
            Machine.SetSyscallResult(frame, 0);
            return;
        }
        receiver->ReplyTo = (byte)(Index(me) + 1);
        me->WaitFor = (ulong)Index(receiver);
        if (receiver->Priority >= me->Priority && (op & (GrantFlag | LongFlag)) == 0)
        {
            // The fast path: the caller blocks on its reply and the receiver runs now, the message in its registers.
            me->State = ThreadState.IpcReply;
            Scheduler.SwitchTo(frame, receiver);
            Machine.SetSyscallResult(frame, 0);
            Machine.SetMessage(frame, badge, op, d0, d1, d2, d3);
            return;
        }
        Deliver(receiver->Frame, receiver, badge, op, d0, d1, d2, d3, me);
        receiver->State = ThreadState.Ready;
        Scheduler.Block(frame, ThreadState.IpcReply);
    }

    /// <summary>receive(ep): the first queued sender's message, or block until one comes.</summary>
    public static void Recv(byte* frame, ulong token)
    {
        long r = Caps.Lookup(Process.Index(Process.Current), token, CapType.Endpoint, Rights.Read, out CapCell* ep);
        if (r != 0)
        {
            Machine.SetSyscallResult(frame, r);
            return;
        }
        ReceiveOn(frame, ep->Object);
    }

    private static void ReceiveOn(byte* frame, uint obj)
    {
        IpcObject* o = Objects.Endpoint(obj);
        ThreadSlot* me = Threads.Current;
        me->ReplyTo = 0;
        me->WaitFor = obj;
        ThreadSlot* sender = o->Head != 0 && Thread(o->Head)->State != ThreadState.IpcReceive ? Dequeue(o, null) : null;
        if (sender == null)
        {
            Enqueue(o, me);
            Scheduler.Block(frame, ThreadState.IpcReceive);
            return;
        }
        byte* s = sender->Frame;
        Deliver(frame, me, sender->WaitAddress, Machine.SyscallArg(s, 1), Machine.SyscallArg(s, 2), Machine.SyscallArg(s, 3),
            Machine.SyscallArg(s, 4), Machine.SyscallArg(s, 5), sender);
        if (sender->State == ThreadState.IpcCall)
        {
            sender->State = ThreadState.IpcReply;
            sender->WaitFor = (ulong)Index(me);
            me->ReplyTo = (byte)(Index(sender) + 1);
        }
        else
        {
            Machine.SetSyscallResult(sender->Frame, 0);
            sender->State = ThreadState.Ready;
        }
    }

    /// <summary>The caller this thread holds a reply capability for, still waiting for it (the capability is used up); null if none.</summary>
    private static ThreadSlot* TakeCaller()
    {
        ThreadSlot* me = Threads.Current;
        if (me->ReplyTo == 0)
            return null;
        ThreadSlot* caller = Thread(me->ReplyTo);
        me->ReplyTo = 0;
        return caller->State == ThreadState.IpcReply && caller->WaitFor == (ulong)Index(me) ? caller : null;
    }

    /// <summary>reply(op, d0–d3).</summary>
    public static long DoReply(ulong op, ulong d0, ulong d1, ulong d2, ulong d3)
    {
        long r = CheckLong(op);
        if (r != 0)
            return r;
        ThreadSlot* caller = TakeCaller();
        if (caller == null)
            return -Caps.ECAPNOTFOUND;
        Deliver(caller->Frame, caller, 0, op & ~GrantFlag, d0, d1, d2, d3, Threads.Current);
        caller->State = ThreadState.Ready;
        return 0;
    }

    /// <summary>reply_recv(ep, op, d0–d3): the reply (when a caller waits for one), then receive on ep.</summary>
    public static void DoReplyRecv(byte* frame, ulong token, ulong op, ulong d0, ulong d1, ulong d2, ulong d3)
    {
        long r = Caps.Lookup(Process.Index(Process.Current), token, CapType.Endpoint, Rights.Read, out CapCell* ep);
        if (r == 0 && (op & LongFlag) != 0)
            r = CheckLong(op);
        if (r != 0)
        {
            Machine.SetSyscallResult(frame, r);
            return;
        }
        IpcObject* o = Objects.Endpoint(ep->Object);
        ThreadSlot* me = Threads.Current;
        ThreadSlot* caller = TakeCaller();
        if (caller != null && (op & LongFlag) == 0 && (o->Head == 0 || Thread(o->Head)->State == ThreadState.IpcReceive) && caller->Priority >= me->Priority)
        {
            // The fast path: no one is queued to send, so this thread waits on the endpoint and the caller runs now.
            me->WaitFor = ep->Object;
            Enqueue(o, me);
            me->State = ThreadState.IpcReceive;
            Scheduler.SwitchTo(frame, caller);
            Machine.SetSyscallResult(frame, 0);
            Machine.SetMessage(frame, 0, op & ~GrantFlag, d0, d1, d2, d3);
            return;
        }
        if (caller != null)
        {
            Deliver(caller->Frame, caller, 0, op & ~GrantFlag, d0, d1, d2, d3, me);
            caller->State = ThreadState.Ready;
        }
        ReceiveOn(frame, ep->Object);
    }

    /// <summary>signal(ntfn): the capability's badge (1 if none) ORed into the word; the first waiter takes it.</summary>
    public static long DoSignal(ulong token)
    {
        long r = Caps.Lookup(Process.Index(Process.Current), token, CapType.Notification, Rights.Write, out CapCell* n);
        if (r != 0)
            return r;
        SignalObject(n->Object, n->Badge == 0 ? 1 : n->Badge);
        return 0;
    }

    /// <summary>ORs <paramref name="bits"/> into notification <paramref name="obj"/>'s word; its first waiter takes the word (signal, interrupts).</summary>
    public static void SignalObject(uint obj, ulong bits)
    {
        IpcObject* o = Objects.Notification(obj);
        o->Word |= bits;
        ThreadSlot* waiter = Dequeue(o, null);
        if (waiter != null)
        {
            Machine.SetSyscallResult(waiter->Frame, 0);
            Machine.SetMessage(waiter->Frame, o->Word, 0, 0, 0, 0, 0);
            o->Word = 0;
            waiter->State = ThreadState.Ready;
        }
    }

    /// <summary>wait(ntfn) (block: true) and poll(ntfn): 0 and the word in the badge register, which is cleared.</summary>
    public static void DoWait(byte* frame, ulong token, bool block)
    {
        long r = Caps.Lookup(Process.Index(Process.Current), token, CapType.Notification, Rights.Read, out CapCell* n);
        if (r != 0)
        {
            Machine.SetSyscallResult(frame, r);
            return;
        }
        IpcObject* o = Objects.Notification(n->Object);
        if (o->Word == 0 && block)
        {
            Threads.Current->WaitFor = n->Object;
            Enqueue(o, Threads.Current);
            Scheduler.Block(frame, ThreadState.NotifyWait);
            return;
        }
        Machine.SetSyscallResult(frame, 0);
        Machine.SetMessage(frame, o->Word, 0, 0, 0, 0, 0);
        o->Word = 0;
    }

    /// <summary>A thread ends: it leaves the queue it waits in, nobody may reply to it, and a caller waiting for its reply gets -ECAPREVOKED.</summary>
    public static void ThreadGone(ThreadSlot* t)
    {
        if (t->State == ThreadState.IpcSend || t->State == ThreadState.IpcCall || t->State == ThreadState.IpcReceive)
            Dequeue(Objects.Endpoint((uint)t->WaitFor), t);
        else if (t->State == ThreadState.NotifyWait)
            Dequeue(Objects.Notification((uint)t->WaitFor), t);
        byte me = (byte)(Index(t) + 1);
        t->ReplyTo = 0;
        for (int i = 0; i < Threads.MaxThreads; i++)
        {
            ThreadSlot* u = Threads.Slot(i);
            if (u->ReplyTo == me)
                u->ReplyTo = 0;
            if (u->State == ThreadState.IpcReply && u->WaitFor == (ulong)(me - 1))
            {
                Machine.SetSyscallResult(u->Frame, -Caps.ECAPREVOKED);
                u->State = ThreadState.Ready;
            }
        }
    }
}
