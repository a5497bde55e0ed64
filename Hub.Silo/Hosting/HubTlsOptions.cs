namespace Hub.Silo.Hosting;

/// <summary>
/// Configuration section <c>Hub:Orleans:Tls</c>: the certificate every silo and gateway of a cluster presents
/// (mutual TLS), from a PFX file or from a certificate store.
/// </summary>
public sealed class HubTlsOptions
{
    /// <summary>PKCS#12 file holding the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of <see cref="CertificatePath"/> (prefer an environment variable: <c>Hub__Orleans__Tls__CertificatePassword</c>).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Subject of a certificate in the store, used when no file is given.</summary>
    public string? StoreSubject { get; set; }

    /// <summary>Store name for <see cref="StoreSubject"/> (<c>My</c>, ...).</summary>
    public string StoreName { get; set; } = "My";

    /// <summary>Store location for <see cref="StoreSubject"/> (<c>CurrentUser</c> or <c>LocalMachine</c>).</summary>
    public string StoreLocation { get; set; } = "CurrentUser";

    /// <summary>
    /// SHA-256 thumbprints (hex) of peer certificates trusted even when their chain does not validate, e.g. the
    /// cluster's own self-signed certificate. The local certificate is always trusted this way.
    /// </summary>
    public IList<string> TrustedThumbprints { get; } = [];

    public bool Enabled => !string.IsNullOrEmpty(CertificatePath) || !string.IsNullOrEmpty(StoreSubject);
}
