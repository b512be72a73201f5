namespace Veridian.Triples;

/// <summary>The default thread-local storage access model (<c>-ftls-model=</c>).</summary>
public enum TlsModel
{
    /// <summary>Static executables: TLS offsets fixed at link time.</summary>
    LocalExec,

    /// <summary>TLS in the initial module set, offsets through the GOT.</summary>
    InitialExec,

    /// <summary>Any module; calls <c>__tls_get_addr</c> (the default for PIC on Linux).</summary>
    GlobalDynamic,
}
