namespace Veridian.Common.Tests;

public sealed class FileLockTests
{
    [Fact]
    public void A_held_lock_cannot_be_taken_again_until_it_is_released()
    {
        using var dir = new TempDir();
        using (var held = FileLock.TryAcquire(dir["lock"]))
        {
            Assert.NotNull(held);
            Assert.Null(FileLock.TryAcquire(dir["lock"]));
        }
        using var again = FileLock.TryAcquire(dir["lock"]);
        Assert.NotNull(again);
    }

    [Fact]
    public void Waiting_for_a_held_lock_says_so_once_then_times_out()
    {
        using var dir = new TempDir();
        using var held = FileLock.Acquire(dir["lock"], TimeSpan.Zero);
        var told = 0;
        Assert.Throws<TimeoutException>(() => FileLock.Acquire(dir["lock"], TimeSpan.FromMilliseconds(300), () => told++));
        Assert.Equal(1, told);
    }

    [Fact]
    public void A_zero_timeout_on_a_held_lock_fails_without_waiting_or_telling()
    {
        using var dir = new TempDir();
        using var held = FileLock.Acquire(dir["lock"], TimeSpan.Zero);
        var told = 0;
        Assert.Throws<TimeoutException>(() => FileLock.Acquire(dir["lock"], TimeSpan.Zero, () => told++));
        Assert.Equal(0, told);
    }

    [Fact]
    public async Task A_lock_released_while_another_waits_is_taken_by_the_waiter()
    {
        using var dir = new TempDir();
        var held = FileLock.Acquire(dir["lock"], TimeSpan.Zero);
        using var waited = new ManualResetEventSlim();
        var waiter = Task.Run(() => FileLock.Acquire(dir["lock"], TimeSpan.FromSeconds(30), waited.Set));
        Assert.True(waited.Wait(TimeSpan.FromSeconds(30)), "the waiter never said it was waiting");
        held.Dispose();
        using var taken = await waiter;
        Assert.Equal(dir["lock"], taken.Path);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_lock_taken_inherited_by_children_is_open_in_every_child_started_while_it_is_held(bool inherited)
    {
        // What keeps a killed holder's lock held by its surviving children: they have the locked file open too.
        using var dir = new TempDir();
        using var held = FileLock.Acquire(dir["lock"], TimeSpan.Zero, inheritedByChildren: inherited);
        var run = ProcessRunner.Run(new ProcessRequest("/bin/sh", ["-c", "ls -l /proc/$$/fd"]) { Timeout = TimeSpan.FromSeconds(30) });
        Assert.Equal(inherited, run.StdOut.Contains(dir["lock"], StringComparison.Ordinal));
    }
}
