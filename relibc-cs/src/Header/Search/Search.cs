using System.Runtime.InteropServices;
using Relibc.Header.Errno;
using Relibc.Header.Stdlib;
using Relibc.Header.String;

namespace Relibc.Header.Search;

/// <summary><c>ENTRY</c>: a key string and its data.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct Entry
{
    public byte* Key;
    public void* Data;
}

/// <summary>A tsearch node: the key pointer first (what the returned pointer points to, as POSIX says), the children, the AVL height.</summary>
public unsafe struct TreeNode
{
    public void* Key;
    public TreeNode* Left, Right;
    public int Height;
}

/// <summary>
/// search.h (https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/search.h.html): the one hash table of hcreate
/// (open addressing; as glibc, its size is the first prime at least the requested count, at least 3, and it holds that
/// many entries), tsearch's trees (AVL, so no input makes them degenerate), the linear searches and insque/remque.
/// </summary>
public static unsafe class Search
{
    private static Entry* s_table;
    private static nuint s_size, s_filled;

    private static bool Prime(nuint n)
    {
        for (nuint d = 3; d * d <= n; d += 2)
        {
            if (n % d == 0)
                return false;
        }
        return true;
    }

    /// <summary>hcreate — https://pubs.opengroup.org/onlinepubs/9699919799/functions/hcreate.html (0 and ENOMEM when out of memory; a second table is refused)</summary>
    [UnmanagedCallersOnly(EntryPoint = "hcreate")]
    public static int HCreate(nuint count)
    {
        if (s_table != null)
            return 0;
        var n = count < 3 ? 3 : count | 1;
        while (!Prime(n))
            n += 2;
        s_table = (Entry*)Malloc.Allocate(n * (nuint)sizeof(Entry), 16);
        if (s_table == null)
        {
            Errno.Errno.Set(E.NOMEM);
            return 0;
        }
        Str.Fill((byte*)s_table, 0, n * (nuint)sizeof(Entry));
        s_size = n;
        s_filled = 0;
        return 1;
    }

    /// <summary>hdestroy — https://pubs.opengroup.org/onlinepubs/9699919799/functions/hdestroy.html (the keys and data stay the caller's)</summary>
    [UnmanagedCallersOnly(EntryPoint = "hdestroy")]
    public static void HDestroy()
    {
        if (s_table != null)
            Malloc.Free(s_table);
        s_table = null;
        s_size = s_filled = 0;
    }

    /// <summary>hsearch — https://pubs.opengroup.org/onlinepubs/9699919799/functions/hsearch.html (FIND 0, ENTER 1; ENTER of a present key returns the entry unchanged; a full table is ENOMEM, a missing key ESRCH as glibc)</summary>
    [UnmanagedCallersOnly(EntryPoint = "hsearch")]
    public static Entry* HSearch(Entry item, int action)
    {
        if (s_table == null)
        {
            Errno.Errno.Set(E.SRCH);
            return null;
        }
        // FNV-1a of the key, then linear probing.
        var h = 2166136261u;
        for (var p = item.Key; *p != 0; p++)
            h = (h ^ *p) * 16777619u;
        var i = h % s_size;
        for (nuint probes = 0; probes < s_size; probes++)
        {
            var e = &s_table[i];
            if (e->Key == null)
                break;
            if (Str.Compare(e->Key, item.Key, nuint.MaxValue) == 0)
                return e;
            i = i + 1 == s_size ? 0 : i + 1;
        }
        if (action == 0)
        {
            Errno.Errno.Set(E.SRCH);
            return null;
        }
        if (s_filled == s_size)
        {
            Errno.Errno.Set(E.NOMEM);
            return null;
        }
        s_table[i] = item;
        s_filled++;
        return &s_table[i];
    }

    private static int Height(TreeNode* n) => n == null ? 0 : n->Height;

    private static void Update(TreeNode* n)
    {
        var l = Height(n->Left);
        var r = Height(n->Right);
        n->Height = (l > r ? l : r) + 1;
    }

    private static TreeNode* Rotate(TreeNode* n, bool left)
    {
        TreeNode* c;
        if (left)
        {
            c = n->Right;
            n->Right = c->Left;
            c->Left = n;
        }
        else
        {
            c = n->Left;
            n->Left = c->Right;
            c->Right = n;
        }
        Update(n);
        Update(c);
        return c;
    }

    private static TreeNode* Balance(TreeNode* n)
    {
        Update(n);
        var b = Height(n->Left) - Height(n->Right);
        if (b > 1)
        {
            if (Height(n->Left->Left) < Height(n->Left->Right))
                n->Left = Rotate(n->Left, true);
            return Rotate(n, false);
        }
        if (b < -1)
        {
            if (Height(n->Right->Right) < Height(n->Right->Left))
                n->Right = Rotate(n->Right, false);
            return Rotate(n, true);
        }
        return n;
    }

    private static TreeNode* Insert(TreeNode* n, void* key, delegate* unmanaged<void*, void*, int> compare, TreeNode** found)
    {
        if (n == null)
        {
            var node = (TreeNode*)Malloc.Allocate((nuint)sizeof(TreeNode), 16);
            if (node == null)
                return null;
            node->Key = key;
            node->Left = node->Right = null;
            node->Height = 1;
            *found = node;
            return node;
        }
        var c = compare(key, n->Key);
        if (c == 0)
        {
            *found = n;
            return n;
        }
        var child = Insert(c < 0 ? n->Left : n->Right, key, compare, found);
        if (child == null)
            return n; // out of memory: *found stays null, the tree unchanged
        if (c < 0)
            n->Left = child;
        else
            n->Right = child;
        return Balance(n);
    }

    /// <summary>tsearch — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tsearch.html (the node of the key, added if absent; null when out of memory)</summary>
    [UnmanagedCallersOnly(EntryPoint = "tsearch")]
    public static void* TSearch(void* key, TreeNode** root, delegate* unmanaged<void*, void*, int> compare)
    {
        if (root == null)
            return null;
        TreeNode* found = null;
        var r = Insert(*root, key, compare, &found);
        if (r != null)
            *root = r;
        return found;
    }

    /// <summary>tfind — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tfind.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "tfind")]
    public static void* TFind(void* key, TreeNode** root, delegate* unmanaged<void*, void*, int> compare)
    {
        if (root == null)
            return null;
        var n = *root;
        while (n != null)
        {
            var c = compare(key, n->Key);
            if (c == 0)
                return n;
            n = c < 0 ? n->Left : n->Right;
        }
        return null;
    }

    private static TreeNode* RemoveSmallest(TreeNode* n, TreeNode** smallest)
    {
        if (n->Left == null)
        {
            *smallest = n;
            return n->Right;
        }
        n->Left = RemoveSmallest(n->Left, smallest);
        return Balance(n);
    }

    private static TreeNode* Delete(TreeNode* n, void* key, delegate* unmanaged<void*, void*, int> compare, bool* deleted)
    {
        if (n == null)
            return null;
        var c = compare(key, n->Key);
        if (c < 0)
            n->Left = Delete(n->Left, key, compare, deleted);
        else if (c > 0)
            n->Right = Delete(n->Right, key, compare, deleted);
        else
        {
            *deleted = true;
            TreeNode* replacement;
            if (n->Left == null || n->Right == null)
                replacement = n->Left != null ? n->Left : n->Right;
            else
            {
                TreeNode* smallest;
                var right = RemoveSmallest(n->Right, &smallest);
                smallest->Left = n->Left;
                smallest->Right = right;
                replacement = Balance(smallest);
            }
            Malloc.Free(n);
            return replacement;
        }
        return Balance(n);
    }

    /// <summary>tdelete — https://pubs.opengroup.org/onlinepubs/9699919799/functions/tdelete.html (the parent of the deleted node, the root pointer for the root; null if absent)</summary>
    [UnmanagedCallersOnly(EntryPoint = "tdelete")]
    public static void* TDelete(void* key, TreeNode** root, delegate* unmanaged<void*, void*, int> compare)
    {
        if (root == null || *root == null)
            return null;
        TreeNode* parent = null;
        var n = *root;
        while (n != null)
        {
            var c = compare(key, n->Key);
            if (c == 0)
                break;
            parent = n;
            n = c < 0 ? n->Left : n->Right;
        }
        if (n == null)
            return null;
        var deleted = false;
        *root = Delete(*root, key, compare, &deleted);
        return parent != null ? parent : (void*)root;
    }

    private static void Walk(TreeNode* n, delegate* unmanaged<void*, int, int, void> action, int depth)
    {
        // VISIT: preorder 0, postorder 1, endorder 2, leaf 3.
        if (n->Left == null && n->Right == null)
        {
            action(n, 3, depth);
            return;
        }
        action(n, 0, depth);
        if (n->Left != null)
            Walk(n->Left, action, depth + 1);
        action(n, 1, depth);
        if (n->Right != null)
            Walk(n->Right, action, depth + 1);
        action(n, 2, depth);
    }

    /// <summary>twalk — https://pubs.opengroup.org/onlinepubs/9699919799/functions/twalk.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "twalk")]
    public static void TWalk(TreeNode* root, delegate* unmanaged<void*, int, int, void> action)
    {
        if (root != null && action != null)
            Walk(root, action, 0);
    }

    /// <summary>lfind — https://pubs.opengroup.org/onlinepubs/9699919799/functions/lfind.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "lfind")]
    public static void* LFind(void* key, byte* array, nuint* count, nuint size, delegate* unmanaged<void*, void*, int> compare) =>
        Linear(key, array, count, size, compare);

    private static void* Linear(void* key, byte* array, nuint* count, nuint size, delegate* unmanaged<void*, void*, int> compare)
    {
        for (nuint i = 0; i < *count; i++)
        {
            if (compare(key, array + i * size) == 0)
                return array + i * size;
        }
        return null;
    }

    /// <summary>lsearch — https://pubs.opengroup.org/onlinepubs/9699919799/functions/lsearch.html (an absent key is appended and *count grows)</summary>
    [UnmanagedCallersOnly(EntryPoint = "lsearch")]
    public static void* LSearch(void* key, byte* array, nuint* count, nuint size, delegate* unmanaged<void*, void*, int> compare)
    {
        var found = Linear(key, array, count, size, compare);
        if (found != null)
            return found;
        var end = array + *count * size;
        Str.Copy(end, (byte*)key, size);
        (*count)++;
        return end;
    }

    /// <summary>insque — https://pubs.opengroup.org/onlinepubs/9699919799/functions/insque.html (a null predecessor starts a linear list)</summary>
    [UnmanagedCallersOnly(EntryPoint = "insque")]
    public static void InsQue(void** element, void** predecessor)
    {
        if (predecessor == null)
        {
            element[0] = null;
            element[1] = null;
            return;
        }
        var next = (void**)predecessor[0];
        element[0] = next;
        element[1] = predecessor;
        predecessor[0] = element;
        if (next != null)
            next[1] = element;
    }

    /// <summary>remque — https://pubs.opengroup.org/onlinepubs/9699919799/functions/remque.html</summary>
    [UnmanagedCallersOnly(EntryPoint = "remque")]
    public static void RemQue(void** element)
    {
        var next = (void**)element[0];
        var previous = (void**)element[1];
        if (next != null)
            next[1] = previous;
        if (previous != null)
            previous[0] = next;
    }
}
