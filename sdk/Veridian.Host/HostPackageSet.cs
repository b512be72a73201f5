namespace Veridian.Host;

/// <summary>Which bootstrap installs a host package: <c>./veridian</c> (the main job) or <c>./test.sh</c> as well.</summary>
public enum HostPackageSet
{
    /// <summary>Needed to compile, link and boot: installed by the first <c>./veridian</c> command.</summary>
    Run,

    /// <summary>Needed only by the tests (oracles, cross C libraries, build-system checks): installed by <c>./test.sh</c>.</summary>
    Test,
}
