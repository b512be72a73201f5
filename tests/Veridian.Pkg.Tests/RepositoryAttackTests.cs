using System.Net;
using System.Net.Sockets;
using System.Text;
using Veridian.Common;
using Veridian.Diagnostics;
using Veridian.Pkg.Repository;

namespace Veridian.Pkg.Tests;

/// <summary>
/// TUF's threat list (docs/pkg-repository.md): each attack is staged against a real repository folder and the client
/// must refuse it with its own code. Each test fails if the check that stops its attack is removed.
/// </summary>
public class RepositoryAttackTests
{
    private static DiagnosticException Refused(Action a) => Assert.Throws<DiagnosticException>(a);

    private static RepoFixture Published(RepoExpiry? expiry = null)
    {
        var f = new RepoFixture(expiry);
        f.Publish(f.Package("relibc", "0.3.0"), f.Package("hello", "1.0.0", ("relibc", ">=0.3.0")));
        f.Update();
        return f;
    }

    [Fact]
    public void An_update_trusts_the_published_packages_and_commits_them()
    {
        using var f = Published();
        var state = TrustedState.Load(f.StatePath);
        Assert.Equal(["hello", "relibc"], state.Targets!.Value.Targets.Select(t => t.Name).Order());
        Assert.Equal(2, state.Targets.Value.Version);
        var again = f.Update();
        Assert.False(again.Changed);
    }

    [Fact]
    public void Adding_one_package_resigns_targets_snapshot_and_timestamp_only()
    {
        using var f = Published();
        var before = Directory.GetFiles(f.Repo.Root, "*", SearchOption.AllDirectories).ToDictionary(p => p, Sha256Hash.HexOfFile);
        f.Clock.Now += TimeSpan.FromMinutes(5);
        f.Publish(f.Package("zlib", "1.3.0"));
        var after = Directory.GetFiles(f.Repo.Root, "*", SearchOption.AllDirectories).ToDictionary(p => p, Sha256Hash.HexOfFile);
        var changed = after.Where(p => !before.TryGetValue(p.Key, out var h) || h != p.Value).Select(p => Path.GetRelativePath(f.Repo.Root, p.Key)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["3.snapshot.json", "3.targets.json", "packages/zlib/zlib-1.3.0-x86_64-veridian-user-relibc.vpkg", "timestamp.json"], changed);
        Assert.Equal(3, f.Update().Packages);
    }

    [Fact]
    public void Arbitrary_package_a_file_other_than_the_signed_one_is_VDN6202()
    {
        using var f = Published();
        var entry = TrustedState.Load(f.StatePath).Targets!.Value.Targets.Single(t => t.Name == "hello");
        var bytes = File.ReadAllBytes(f.RepoPath(entry.Path));
        bytes[^1] ^= 0x55;
        File.WriteAllBytes(f.RepoPath(entry.Path), bytes);
        var e = Refused(() => f.Client().Download(entry, f.Dir["dl/hello.vpkg"]));
        Assert.Equal(RepoCodes.PackageMismatch, e.Diagnostic.Code);
        Assert.False(File.Exists(f.Dir["dl/hello.vpkg"]));
    }

    [Fact]
    public void A_package_whose_manifest_differs_from_its_signed_entry_is_VDN6210()
    {
        using var f = Published();
        // The targets key signs an entry that drops hello's dependency: the package itself still has it.
        var current = f.Repo.CurrentTargets().Value;
        var forged = current with
        {
            Version = current.Version + 1,
            Targets = current.Targets.Select(t => t.Name == "hello" ? t with { Depends = [] } : t).ToList(),
        };
        Directory.CreateDirectory(f.RepoPath(RepoFolder.StagedDir));
        File.WriteAllBytes(f.RepoPath(".staged/targets.json"), new MetadataFile(forged.Encode(), []).Encode());
        var (s, k) = f.Key("targets");
        f.Repo.Sign(Role.Targets, s, k);
        f.Repo.Publish(f.Keys);
        var client = f.Client();
        var entry = client.Update().State.Targets!.Value.Targets.Single(t => t.Name == "hello");
        client.Download(entry, f.Dir["hello.vpkg"]);
        var package = Package.Open(f.Dir["hello.vpkg"]);
        package.ReadUnverified();
        var e = Refused(() => RepositoryClient.RequireSameAsEntry(package, entry));
        Assert.Equal(RepoCodes.ManifestDiffers, e.Diagnostic.Code);
        Assert.Contains("dependencies", e.Diagnostic.Message);
    }

    [Fact]
    public void Rollback_of_the_timestamp_to_an_older_signed_one_is_VDN6203()
    {
        using var f = Published();
        var old = File.ReadAllBytes(f.RepoPath("timestamp.json"));
        f.Clock.Now += TimeSpan.FromMinutes(1);
        f.Publish();
        f.Update();
        File.WriteAllBytes(f.RepoPath("timestamp.json"), old);
        var before = File.ReadAllBytes(f.StatePath);
        Assert.Equal(RepoCodes.Rollback, Refused(() => f.Update()).Diagnostic.Code);
        Assert.Equal(before, File.ReadAllBytes(f.StatePath));
    }

    [Fact]
    public void Rollback_of_the_snapshot_named_by_a_newer_timestamp_is_VDN6203()
    {
        using var f = Published();
        var oldRef = f.Repo.CurrentTimestamp().Value.Snapshot;
        f.Publish(f.Package("zlib", "1.3.0"));
        f.Update();
        // A compromised timestamp key signs a newer timestamp that points back at the old snapshot.
        var ts = f.Repo.CurrentTimestamp().Value;
        f.Forge("timestamp.json", (ts with { Version = ts.Version + 1, Snapshot = oldRef }).Encode(), f.Key("timestamp"));
        var e = Refused(() => f.Update());
        Assert.Equal(RepoCodes.Rollback, e.Diagnostic.Code);
        Assert.Contains("snapshot", e.Diagnostic.Message);
    }

    [Fact]
    public void Rollback_of_the_targets_named_by_a_newer_snapshot_is_VDN6203()
    {
        using var f = Published();
        var oldTargets = f.Repo.CurrentSnapshot().Value.Targets;
        f.Publish(f.Package("zlib", "1.3.0"));
        f.Update();
        // Compromised snapshot and timestamp keys: a newer snapshot naming the old targets.
        var snap = f.Repo.CurrentSnapshot().Value;
        var forged = (snap with { Version = snap.Version + 1, Targets = oldTargets }).Encode();
        var file = new MetadataFile(forged, []).SignedWith(f.Key("snapshot").Secret, f.Key("snapshot").Public).Encode();
        File.WriteAllBytes(f.RepoPath(Metadata.SnapshotName(snap.Version + 1)), file);
        var ts = f.Repo.CurrentTimestamp().Value;
        f.Forge("timestamp.json", (ts with { Version = ts.Version + 1, Snapshot = new MetaRef(snap.Version + 1, file.Length, Sha256Hash.HexOf(file)) }).Encode(), f.Key("timestamp"));
        var e = Refused(() => f.Update());
        Assert.Equal(RepoCodes.Rollback, e.Diagnostic.Code);
        Assert.Contains("targets", e.Diagnostic.Message);
    }

    public static TheoryData<string> Roles => new() { "root", "timestamp", "snapshot", "targets" };

    [Theory]
    [MemberData(nameof(Roles))]
    public void Indefinite_freeze_expired_metadata_of_any_role_is_VDN6204(string role)
    {
        var shortLived = TimeSpan.FromHours(1);
        var expiry = role switch
        {
            "root" => new RepoExpiry { Root = shortLived },
            "timestamp" => new RepoExpiry { Timestamp = shortLived },
            "snapshot" => new RepoExpiry { Snapshot = shortLived },
            _ => new RepoExpiry { Targets = shortLived },
        };
        using var f = Published(expiry);
        f.Clock.Now += TimeSpan.FromHours(2);
        var e = Refused(() => f.Update());
        Assert.Equal(RepoCodes.Expired, e.Diagnostic.Code);
        Assert.Contains($"the {role} metadata expired", e.Diagnostic.Message);
    }

    [Fact]
    public void Mix_and_match_a_snapshot_other_than_the_one_the_timestamp_names_is_VDN6205()
    {
        using var f = Published();
        var older = File.ReadAllBytes(f.RepoPath("1.snapshot.json"));
        f.Publish(f.Package("zlib", "1.3.0"));
        var name = Metadata.SnapshotName(f.Repo.CurrentTimestamp().Value.Snapshot.Version);
        File.WriteAllBytes(f.RepoPath(name), older);
        Assert.Equal(RepoCodes.MixAndMatch, Refused(() => f.Update()).Diagnostic.Code);
    }

    [Fact]
    public void Mix_and_match_targets_other_than_the_ones_the_snapshot_names_is_VDN6205()
    {
        using var f = Published();
        f.Publish(f.Package("zlib", "1.3.0"));
        var name = Metadata.TargetsName(f.Repo.CurrentSnapshot().Value.Targets.Version);
        File.Copy(f.RepoPath("2.targets.json"), f.RepoPath(name), overwrite: true);
        Assert.Equal(RepoCodes.MixAndMatch, Refused(() => f.Update()).Diagnostic.Code);
    }

    public static TheoryData<string> Endless => new() { "timestamp", "snapshot", "package" };

    [Theory]
    [MemberData(nameof(Endless))]
    public void Endless_data_beyond_the_signed_length_or_the_cap_is_VDN6206(string file)
    {
        using var f = Published();
        var entry = TrustedState.Load(f.StatePath).Targets!.Value.Targets.Single(t => t.Name == "hello");
        var path = file switch
        {
            "timestamp" => f.RepoPath("timestamp.json"),
            "snapshot" => f.RepoPath(Metadata.SnapshotName(f.Repo.CurrentTimestamp().Value.Snapshot.Version)),
            _ => f.RepoPath(entry.Path),
        };
        using (var s = new FileStream(path, FileMode.Append))
            s.Write(new byte[(int)MetadataFile.MaxTimestampBytes + 1]);
        f.Clock.Now += TimeSpan.FromSeconds(1);
        if (file == "snapshot")
        {
            // The client must not trust its cached copy: make it fetch this snapshot again.
            var state = TrustedState.Load(f.StatePath);
            (state with { Snapshot = null, Timestamp = null }).Save(f.StatePath);
        }
        var e = file == "package" ? Refused(() => f.Client().Download(entry, f.Dir["x.vpkg"])) : Refused(() => f.Update());
        Assert.Equal(RepoCodes.TooLarge, e.Diagnostic.Code);
    }

    [Fact]
    public void Signatures_by_a_key_not_listed_for_the_role_are_VDN6208()
    {
        using var f = Published();
        var ts = f.Repo.CurrentTimestamp().Value;
        f.Forge("timestamp.json", (ts with { Version = ts.Version + 1 }).Encode(), T.Mallory);
        var e = Refused(() => f.Update());
        Assert.Equal(RepoCodes.BelowThreshold, e.Diagnostic.Code);
        Assert.Contains("is not a timestamp key", e.Diagnostic.Message);
    }

    [Fact]
    public void An_altered_signature_is_VDN6208()
    {
        using var f = Published();
        var text = File.ReadAllText(f.RepoPath("timestamp.json"));
        var at = text.IndexOf("\"sig\":\"", StringComparison.Ordinal) + 7;
        var flipped = text[..at] + (text[at] == '0' ? '1' : '0') + text[(at + 1)..];
        File.WriteAllText(f.RepoPath("timestamp.json"), flipped);
        f.Clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal(RepoCodes.BelowThreshold, Refused(() => f.Update()).Diagnostic.Code);
    }

    [Fact]
    public void Signatures_below_a_threshold_of_two_are_VDN6208_for_publisher_and_client()
    {
        using var f = Published();
        var second = Crypto.KeyFile.CreatePair(f.Keys, "targets-2");
        f.Repo.Rotate(Role.Targets, [second], [], threshold: 2);
        f.Repo.Sign(Role.Root, f.Key("root").Secret, f.Key("root").Public);
        var refused = Refused(() => f.Repo.Publish(f.Keys));
        Assert.Equal(RepoCodes.BadRepository, refused.Diagnostic.Code); // the live targets has one signature of two
        f.Repo.Add([f.Package("zlib", "1.3.0")]);
        f.Repo.Sign(Role.Targets, f.Key("targets").Secret, f.Key("targets").Public);
        Assert.Equal(RepoCodes.BelowThreshold, Refused(() => f.Repo.Publish(f.Keys)).Diagnostic.Code);
        f.Repo.Sign(Role.Targets, f.Key("targets-2").Secret, f.Key("targets-2").Public);
        f.Repo.Publish(f.Keys);
        Assert.Equal(3, f.Update().Packages);

        // A targets file with only one of the two signatures, served by an attacker who holds one targets key.
        var t = f.Repo.CurrentTargets();
        var one = new MetadataFile(t.File.Signed, t.File.Signatures.Take(1).ToList()).Encode();
        var name = Metadata.TargetsName(t.Value.Version);
        File.WriteAllBytes(f.RepoPath(name), one);
        var snap = f.Repo.CurrentSnapshot().Value;
        var snapBytes = new MetadataFile((snap with { Version = snap.Version + 1, Targets = new MetaRef(t.Value.Version, one.Length, Sha256Hash.HexOf(one)) }).Encode(), [])
            .SignedWith(f.Key("snapshot").Secret, f.Key("snapshot").Public).Encode();
        File.WriteAllBytes(f.RepoPath(Metadata.SnapshotName(snap.Version + 1)), snapBytes);
        var ts = f.Repo.CurrentTimestamp().Value;
        f.Forge("timestamp.json", (ts with { Version = ts.Version + 1, Snapshot = new MetaRef(snap.Version + 1, snapBytes.Length, Sha256Hash.HexOf(snapBytes)) }).Encode(), f.Key("timestamp"));
        // The client trusts targets version 3 already (same version, other bytes): drop it so the file is fetched.
        var state = TrustedState.Load(f.StatePath);
        (state with { Targets = null }).Save(f.StatePath);
        var e = Refused(() => f.Update());
        Assert.Equal(RepoCodes.BelowThreshold, e.Diagnostic.Code);
        Assert.Contains("1 valid signature", e.Diagnostic.Message);
    }

    [Fact]
    public void A_new_root_not_signed_by_the_old_root_keys_is_VDN6209()
    {
        using var f = Published();
        var root = f.Repo.CurrentRoot().Value;
        var mine = root with { Version = 2, Keys = new SortedDictionary<string, byte[]>(StringComparer.Ordinal) { [T.Mallory.Public.IdHex] = T.Mallory.Public.Key },
            Roles = root.Roles.ToDictionary(r => r.Key, _ => new RoleKeys([T.Mallory.Public.IdHex], 1)) };
        f.Forge("2.root.json", mine.Encode(), T.Mallory);
        var e = Refused(() => f.Update());
        Assert.Equal(RepoCodes.BadRotation, e.Diagnostic.Code);
        Assert.Contains("the trusted root's (version 1)", e.Diagnostic.Message);
    }

    [Fact]
    public void A_root_chain_that_skips_a_version_is_VDN6209()
    {
        using var f = Published();
        var root = f.Repo.CurrentRoot().Value;
        f.Forge("2.root.json", (root with { Version = 3 }).Encode(), f.Key("root"));
        var e = Refused(() => f.Update());
        Assert.Equal(RepoCodes.BadRotation, e.Diagnostic.Code);
        Assert.Contains("not 2", e.Diagnostic.Message);
    }

    [Fact]
    public void After_a_compromised_timestamp_key_is_rotated_out_its_signatures_are_VDN6208_and_its_inflated_version_is_forgotten()
    {
        using var f = Published();
        // The thief of the timestamp key fast-forwards a client to version 1000 (from a mirror: the publisher never sees it).
        var real = File.ReadAllBytes(f.RepoPath("timestamp.json"));
        var ts = f.Repo.CurrentTimestamp().Value;
        f.Forge("timestamp.json", (ts with { Version = 1000 }).Encode(), f.Key("timestamp"));
        Assert.Equal(1000, f.Update().TimestampVersion);
        File.WriteAllBytes(f.RepoPath("timestamp.json"), real);

        // The publisher rotates the key: root 2, signed by the root key, lists a new timestamp key.
        File.Move(Path.Combine(f.Keys, "timestamp.secret"), f.Dir["old-timestamp.secret"]);
        File.Delete(Path.Combine(f.Keys, "timestamp.pub"));
        var fresh = Crypto.KeyFile.CreatePair(f.Keys, "timestamp");
        f.Repo.Rotate(Role.Timestamp, [fresh], f.Repo.CurrentRoot().Value.Roles[Role.Timestamp].KeyIds, threshold: 1);
        f.Repo.Sign(Role.Root, f.Key("root").Secret, f.Key("root").Public);
        f.Repo.Publish(f.Keys);
        var recovered = f.Update(); // timestamp 3 < 1000 would be a rollback, had the client kept what the old key vouched for
        Assert.Equal(2, recovered.RootVersion);
        Assert.Equal(ts.Version + 1, recovered.TimestampVersion);

        // Metadata signed with the old key is refused from now on.
        var now = f.Repo.CurrentTimestamp().Value;
        f.Forge("timestamp.json", (now with { Version = now.Version + 1 }).Encode(), Crypto.KeyFile.ReadSecret(f.Dir["old-timestamp.secret"]));
        Assert.Equal(RepoCodes.BelowThreshold, Refused(() => f.Update()).Diagnostic.Code);
    }

    [Fact]
    public void An_update_that_is_interrupted_before_its_commit_leaves_the_previous_state()
    {
        using var f = Published();
        f.Publish(f.Package("zlib", "1.3.0"));
        var before = File.ReadAllBytes(f.StatePath);
        Assert.Throws<IOException>(() => f.Client(step => throw new IOException($"disk full before the {step} commit")).Update());
        Assert.Equal(before, File.ReadAllBytes(f.StatePath));
        Assert.Empty(Directory.GetFiles(f.Dir.Path, ".vtmp-*"));
        Assert.Equal(3, f.Update().Packages);
    }

    [Fact]
    public void Metadata_that_is_not_canonical_is_VDN6201()
    {
        using var f = Published();
        var text = File.ReadAllText(f.RepoPath("timestamp.json")).Replace("{\"signed\":{", "{\"signed\": {");
        File.WriteAllText(f.RepoPath("timestamp.json"), text);
        Assert.Equal(RepoCodes.BadMetadata, Refused(() => f.Update()).Diagnostic.Code);
    }

    /// <summary>A one-connection HTTP server on 127.0.0.1 that answers with <paramref name="respond"/>; it stops after 20 s at most.</summary>
    private static (string Url, Task Done) Serve(Action<NetworkStream, CancellationToken> respond)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";
        var done = Task.Run(async () =>
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                var stream = client.GetStream();
                var buffer = new byte[4096];
                var request = "";
                while (!request.Contains("\r\n\r\n", StringComparison.Ordinal))
                    request += Encoding.ASCII.GetString(buffer, 0, await stream.ReadAsync(buffer, stop.Token));
                respond(stream, stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
            }
            finally
            {
                listener.Stop();
            }
        });
        return (url, done);
    }

    [Fact]
    public async Task Slow_retrieval_a_server_that_trickles_is_VDN6207()
    {
        using var f = Published();
        var (url, done) = Serve((s, stop) =>
        {
            s.Write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{"u8);
            s.Flush();
            Task.Delay(TimeSpan.FromSeconds(5), stop).Wait(stop);
        });
        using var http = new HttpTransport(url, new DownloadPolicy { StallTimeout = TimeSpan.FromMilliseconds(700) });
        var client = new RepositoryClient(http, f.StatePath, new ClientOptions { Clock = f.Clock });
        var e = Refused(() => client.Update());
        Assert.Equal(RepoCodes.TooSlow, e.Diagnostic.Code);
        await done.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Endless_data_from_a_server_that_never_stops_is_cut_at_the_cap_as_VDN6206()
    {
        using var f = Published();
        long sent = 0;
        var (url, done) = Serve((s, stop) =>
        {
            s.Write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"u8);
            var chunk = new byte[16 << 10];
            while (!stop.IsCancellationRequested && sent < (64L << 20))
            {
                s.Write(chunk);
                sent += chunk.Length;
            }
        });
        using var http = new HttpTransport(url);
        var client = new RepositoryClient(http, f.StatePath, new ClientOptions { Clock = f.Clock });
        Assert.Equal(RepoCodes.TooLarge, Refused(() => client.Update()).Diagnostic.Code);
        http.Dispose();
        await done.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(sent < (64L << 20), $"the client read on: the server sent {sent} bytes");
    }
}
