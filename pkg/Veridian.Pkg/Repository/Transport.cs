using System.Diagnostics;
using System.Net;
using Veridian.Diagnostics;

namespace Veridian.Pkg.Repository;

/// <summary>Limits every download obeys (docs/pkg-repository.md, the update procedure): a stall timeout and a minimum average rate.</summary>
public sealed record DownloadPolicy
{
    public static readonly DownloadPolicy Default = new();

    /// <summary>A download that receives no byte for this long fails (VDN6207).</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>After <see cref="RateGrace"/>, a download averaging fewer bytes per second than this fails (VDN6207).</summary>
    public long MinBytesPerSecond { get; init; } = 1024;

    public TimeSpan RateGrace { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>Where a repository's files come from: a folder, an HTTP(S) server, a NuGet feed.</summary>
public interface IRepositoryTransport : IDisposable
{
    /// <summary>The repository's address, for messages.</summary>
    string Location { get; }

    /// <summary>
    /// Copies the file at <paramref name="path"/> (relative to the repository) to <paramref name="destination"/>, never more
    /// than <paramref name="maxBytes"/> bytes (VDN6206 when the file is longer); false when the repository has no such file.
    /// </summary>
    bool Fetch(string path, long maxBytes, Stream destination, CancellationToken cancel = default);
}

/// <summary>The one bounded copy loop every transport uses, so the size and time limits are enforced in one place.</summary>
public static class BoundedCopy
{
    /// <summary>
    /// Copies at most <paramref name="maxBytes"/> bytes; reading one byte more fails with VDN6206. Each read waits at most the
    /// stall timeout, and after the grace time the average rate must stay above the minimum (VDN6207).
    /// </summary>
    public static long Copy(Stream source, Stream destination, long maxBytes, string what, DownloadPolicy policy, CancellationToken cancel)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            int n;
            using (var stall = CancellationTokenSource.CreateLinkedTokenSource(cancel))
            {
                stall.CancelAfter(policy.StallTimeout);
                var want = (int)Math.Min(buffer.Length, maxBytes - total + 1);
                try
                {
                    n = source.ReadAsync(buffer.AsMemory(0, want), stall.Token).AsTask().GetAwaiter().GetResult();
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                    throw TooSlow(what, $"no data for {policy.StallTimeout.TotalSeconds:0.#} s after {total} bytes");
                }
                catch (IOException e) when (e.InnerException is OperationCanceledException && !cancel.IsCancellationRequested)
                {
                    throw TooSlow(what, $"no data for {policy.StallTimeout.TotalSeconds:0.#} s after {total} bytes");
                }
            }
            if (n == 0)
                return total;
            total += n;
            if (total > maxBytes)
                throw DiagnosticException.Error(RepoCodes.TooLarge, $"{what} is longer than the {maxBytes} bytes it may have; the download was stopped there",
                    hint: "the server sends more than the signed metadata allows (an endless-data attack or a broken mirror)");
            destination.Write(buffer, 0, n);
            var elapsed = clock.Elapsed;
            if (elapsed > policy.RateGrace && total / elapsed.TotalSeconds < policy.MinBytesPerSecond)
                throw TooSlow(what, $"{total} bytes in {elapsed.TotalSeconds:0} s, below {policy.MinBytesPerSecond} bytes/s");
        }
    }

    internal static DiagnosticException TooSlow(string what, string detail) =>
        DiagnosticException.Error(RepoCodes.TooSlow, $"downloading {what} was too slow: {detail}", hint: "the server or the network stalls (a slow-retrieval attack or an overloaded mirror); try again later or another mirror");
}

/// <summary>A repository in a local folder (or a <c>file://</c> URL).</summary>
public sealed class FolderTransport(string root, DownloadPolicy? policy = null) : IRepositoryTransport
{
    private readonly DownloadPolicy _policy = policy ?? DownloadPolicy.Default;

    public string Location { get; } = Path.GetFullPath(root);

    public bool Fetch(string path, long maxBytes, Stream destination, CancellationToken cancel = default)
    {
        var full = Path.Combine(Location, path);
        if (!File.Exists(full))
        {
            if (!Directory.Exists(Location))
                throw DiagnosticException.Error(RepoCodes.Unreachable, $"the repository folder '{Location}' does not exist");
            return false;
        }
        using var fs = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        BoundedCopy.Copy(fs, destination, maxBytes, $"'{path}' of {Location}", _policy, cancel);
        return true;
    }

    public void Dispose() { }
}

/// <summary>A repository on an HTTP(S) server: one <see cref="HttpClient"/>, headers first, bodies streamed through <see cref="BoundedCopy"/>.</summary>
public sealed class HttpTransport : IRepositoryTransport
{
    private readonly HttpClient _http;
    private readonly DownloadPolicy _policy;
    private readonly Uri _base;

    public HttpTransport(string url, DownloadPolicy? policy = null)
    {
        _policy = policy ?? DownloadPolicy.Default;
        _base = new Uri(url.EndsWith('/') ? url : url + "/");
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = _policy.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            UseProxy = false,
            MaxConnectionsPerServer = 8,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        Location = _base.ToString();
    }

    public string Location { get; }

    public bool Fetch(string path, long maxBytes, Stream destination, CancellationToken cancel = default) => Fetch(path, maxBytes, destination, 0, cancel) >= 0;

    /// <summary>
    /// Like <see cref="Fetch(string, long, Stream, CancellationToken)"/> from byte <paramref name="offset"/> (an HTTP range
    /// request, to resume a partial download); returns the bytes written, or -1 when there is no such file.
    /// </summary>
    public long Fetch(string path, long maxBytes, Stream destination, long offset, CancellationToken cancel = default)
    {
        var uri = new Uri(_base, path);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (offset > 0)
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(offset, null);
        HttpResponseMessage response;
        using (var headers = CancellationTokenSource.CreateLinkedTokenSource(cancel))
        {
            headers.CancelAfter(_policy.StallTimeout);
            try
            {
                response = _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headers.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                throw BoundedCopy.TooSlow(uri.ToString(), $"no response within {_policy.StallTimeout.TotalSeconds:0.#} s");
            }
            catch (HttpRequestException e)
            {
                throw DiagnosticException.Error(RepoCodes.Unreachable, $"cannot reach {uri}: {e.Message}", hint: "check the source's URL and that the server runs");
            }
        }
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
                return -1;
            if (offset > 0 && response.StatusCode != HttpStatusCode.PartialContent)
                offset = 0;
            if (!response.IsSuccessStatusCode)
                throw DiagnosticException.Error(RepoCodes.Unreachable, $"{uri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            if (response.Content.Headers.ContentLength is { } announced && announced > maxBytes - offset)
                throw DiagnosticException.Error(RepoCodes.TooLarge, $"{uri} announces {announced + offset} bytes; it may have at most {maxBytes}",
                    hint: "the server sends more than the signed metadata allows (an endless-data attack or a broken mirror)");
            using var body = response.Content.ReadAsStream(cancel);
            return offset + BoundedCopy.Copy(body, destination, maxBytes - offset, uri.ToString(), _policy, cancel);
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Opens the transport a source URL names.</summary>
public static class Transports
{
    public static IRepositoryTransport Open(string url, DownloadPolicy? policy = null)
    {
        if (url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal))
            return new HttpTransport(url, policy);
        if (url.StartsWith("file://", StringComparison.Ordinal))
            return new FolderTransport(new Uri(url).LocalPath, policy);
        if (url.Contains("://", StringComparison.Ordinal))
            throw DiagnosticException.Error(RepoCodes.BadSource, $"'{url}' is not an http://, https:// or file:// URL, nor a folder");
        return new FolderTransport(url, policy);
    }
}
