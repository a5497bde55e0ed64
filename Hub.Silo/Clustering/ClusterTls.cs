using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hub.Silo.Hosting;
using Orleans.Connections.Security;

namespace Hub.Silo.Clustering;

/// <summary>
/// Mutual TLS between silos and between gateways and silos: every process presents the cluster certificate and
/// accepts a peer whose certificate either validates against the machine's roots or is pinned by thumbprint (the
/// cluster's own certificate always is, so one self-signed certificate shared by the cluster works without a CA).
/// </summary>
public static class ClusterTls
{
    /// <exception cref="InvalidOperationException">The file or store holds no usable certificate with a private key.</exception>
    public static X509Certificate2 LoadCertificate(HubTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        X509Certificate2 certificate;
        if (!string.IsNullOrEmpty(options.CertificatePath))
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
        }
        else
        {
            using var store = new X509Store(Enum.Parse<StoreName>(options.StoreName, ignoreCase: true), Enum.Parse<StoreLocation>(options.StoreLocation, ignoreCase: true));
            store.Open(OpenFlags.ReadOnly);
            certificate = store.Certificates.Find(X509FindType.FindBySubjectName, options.StoreSubject!, validOnly: false)
                .OrderByDescending(c => c.NotAfter)
                .FirstOrDefault()
                ?? throw new InvalidOperationException($"No certificate with subject '{options.StoreSubject}' in {options.StoreLocation}/{options.StoreName}.");
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException("The cluster TLS certificate has no private key.");
        }

        return certificate;
    }

    public static void Configure(TlsOptions tls, X509Certificate2 certificate, HubTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(tls);
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(options);
        var pinned = options.TrustedThumbprints
            .Select(t => t.Replace(":", string.Empty, StringComparison.Ordinal).ToUpperInvariant())
            .Append(Thumbprint(certificate))
            .ToHashSet(StringComparer.Ordinal);
        tls.LocalCertificate = certificate;
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.RemoteCertificateValidation = (remote, _, errors) =>
            errors == SslPolicyErrors.None || pinned.Contains(Thumbprint(remote));
    }

    private static string Thumbprint(X509Certificate2 certificate) => Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
}
