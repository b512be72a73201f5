using Veridian.Pkg.Crypto;
using Veridian.Pkg.Format;
using Veridian.Pkg.Repository;
using Veridian.Tests;

namespace Veridian.Pkg.Tests;

/// <summary>A clock a test sets.</summary>
internal sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// A repository in a temp folder with its four role keys, a clock, and a client whose trusted state starts from
/// <c>1.root.json</c>. The repository folder is also what the client reads, so a test plays the attacker by editing it.
/// </summary>
internal sealed class RepoFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    public RepoFixture(RepoExpiry? expiry = null)
    {
        Clock = new TestClock(Start);
        Repo = RepoFolder.Init(Dir["repo"], Keys, Clock, expiry);
        TrustedState.FromRoot(File.ReadAllBytes(RepoPath("1.root.json")), "1.root.json").Save(StatePath);
    }

    public TempDir Dir { get; } = new();
    public TestClock Clock { get; }
    public RepoFolder Repo { get; }
    public string Keys => Dir["keys"];
    public string StatePath => Dir["state.json"];

    public string RepoPath(string relative) => Path.Combine(Repo.Root, relative);

    public (byte[] Secret, PublicKey Public) Key(string role) => KeyFile.ReadSecret(Path.Combine(Keys, role + ".secret"));

    /// <summary>Builds a package signed by Alice (T.Alice) in the temp folder.</summary>
    public string Package(string name, string version, params (string Name, string Range)[] depends)
    {
        var m = T.Manifest(name, version) with { Depends = depends.Select(d => new Dependency(d.Name, d.Range)).ToList() };
        return T.Build(Dir, $"{name}-{version}", m, null, ($"usr/share/{name}", null), ($"usr/share/{name}/{version}.txt", $"{name} {version}\n"));
    }

    /// <summary>add + sign targets + publish, as the documented session does.</summary>
    public PublishResult Publish(params string[] packages)
    {
        if (packages.Length > 0)
        {
            Repo.Add(packages);
            var (secret, key) = Key("targets");
            Repo.Sign(Role.Targets, secret, key);
        }
        return Repo.Publish(Keys);
    }

    public RepositoryClient Client(Action<string>? beforeCommit = null, DownloadPolicy? policy = null) =>
        new(new FolderTransport(Repo.Root, policy), StatePath, new ClientOptions { Clock = Clock, BeforeCommit = beforeCommit, Policy = policy ?? DownloadPolicy.Default });

    public UpdateResult Update() => Client().Update();

    /// <summary>Signs <paramref name="signed"/> with the given keys and writes it as <paramref name="relative"/> in the repository.</summary>
    public void Forge(string relative, byte[] signed, params (byte[] Secret, PublicKey Public)[] keys)
    {
        var f = new MetadataFile(signed, []);
        foreach (var (s, p) in keys)
            f = f.SignedWith(s, p);
        File.WriteAllBytes(RepoPath(relative), f.Encode());
    }

    public void Dispose() => Dir.Dispose();
}
