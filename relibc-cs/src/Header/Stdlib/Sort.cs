using System.Runtime.InteropServices;

namespace Relibc.Header.Stdlib;

/// <summary>
/// qsort and bsearch (C17 7.22.5). qsort is an introsort: median-of-three quicksort, heapsort once the recursion is
/// 2·log2(n) deep (so no input is quadratic), insertion sort below 16 elements. Not stable (neither is C's).
/// </summary>
public static unsafe class Sort
{
    private const nuint Small = 16;

    /// <summary>qsort — https://pubs.opengroup.org/onlinepubs/9699919799/functions/qsort.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "qsort")]
    public static void QSort(void* baseAddress, nuint count, nuint size, delegate* unmanaged<void*, void*, int> compare)
    {
        if (count < 2 || size == 0)
            return;
        var depth = 0;
        for (var n = count; n > 1; n >>= 1)
            depth += 2;
        Introsort((byte*)baseAddress, count, size, compare, depth);
    }

    /// <summary>bsearch — https://pubs.opengroup.org/onlinepubs/9699919799/functions/bsearch.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "bsearch")]
    public static void* BSearch(void* key, void* baseAddress, nuint count, nuint size, delegate* unmanaged<void*, void*, int> compare)
    {
        var low = (nuint)0;
        var high = count;
        while (low < high)
        {
            var mid = low + (high - low) / 2;
            var element = (byte*)baseAddress + mid * size;
            var c = compare(key, element);
            if (c == 0)
                return element;
            if (c < 0)
                high = mid;
            else
                low = mid + 1;
        }
        return null;
    }

    private static void Introsort(byte* a, nuint n, nuint size, delegate* unmanaged<void*, void*, int> compare, int depth)
    {
        while (n > Small)
        {
            if (depth-- == 0)
            {
                HeapSort(a, n, size, compare);
                return;
            }
            // Median of first, middle and last goes to the front as the pivot.
            var mid = a + n / 2 * size;
            var last = a + (n - 1) * size;
            if (compare(mid, a) < 0)
                Swap(mid, a, size);
            if (compare(last, mid) < 0)
            {
                Swap(last, mid, size);
                if (compare(mid, a) < 0)
                    Swap(mid, a, size);
            }
            Swap(a, mid, size);
            // Hoare partition around a[0]; equal keys stop both scans, so runs of equal keys split evenly.
            var i = (nuint)0;
            var j = n;
            while (true)
            {
                do
                    i++;
                while (i < n && compare(a + i * size, a) < 0);
                do
                    j--;
                while (compare(a + j * size, a) > 0);
                if (i >= j)
                    break;
                Swap(a + i * size, a + j * size, size);
            }
            Swap(a, a + j * size, size);
            // Recurse into the smaller side, loop on the larger: the stack stays O(log n).
            var left = j;
            var right = n - j - 1;
            if (left < right)
            {
                Introsort(a, left, size, compare, depth);
                a += (j + 1) * size;
                n = right;
            }
            else
            {
                Introsort(a + (j + 1) * size, right, size, compare, depth);
                n = left;
            }
        }
        for (nuint i = 1; i < n; i++)
        {
            for (var k = i; k > 0 && compare(a + k * size, a + (k - 1) * size) < 0; k--)
                Swap(a + k * size, a + (k - 1) * size, size);
        }
    }

    private static void HeapSort(byte* a, nuint n, nuint size, delegate* unmanaged<void*, void*, int> compare)
    {
        for (var start = n / 2; start > 0; start--)
            SiftDown(a, start - 1, n, size, compare);
        for (var end = n - 1; end > 0; end--)
        {
            Swap(a, a + end * size, size);
            SiftDown(a, 0, end, size, compare);
        }
    }

    private static void SiftDown(byte* a, nuint root, nuint n, nuint size, delegate* unmanaged<void*, void*, int> compare)
    {
        while (true)
        {
            var child = 2 * root + 1;
            if (child >= n)
                return;
            if (child + 1 < n && compare(a + child * size, a + (child + 1) * size) < 0)
                child++;
            if (compare(a + root * size, a + child * size) >= 0)
                return;
            Swap(a + root * size, a + child * size, size);
            root = child;
        }
    }

    private static void Swap(byte* x, byte* y, nuint size)
    {
        if (x == y)
            return;
        while (size >= 8)
        {
            var t = *(ulong*)x;
            *(ulong*)x = *(ulong*)y;
            *(ulong*)y = t;
            x += 8;
            y += 8;
            size -= 8;
        }
        while (size-- > 0)
        {
            var t = *x;
            *x++ = *y;
            *y++ = t;
        }
    }
}
