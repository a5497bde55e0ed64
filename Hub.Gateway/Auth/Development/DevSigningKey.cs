using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Hub.Gateway.Auth.Development;

/// <summary>
/// The development provider's ES256 key: created on first start, kept beside the journal (owner-only),
/// so tokens handed to CLI users stay valid across restarts. Gateways of a development cluster point
/// <c>DevIdentity:SigningKeyPath</c> at one shared file, so each accepts tokens any of them minted.
/// Never used outside Development.
/// </summary>
public sealed class DevSigningKey : IDisposable
{
    private readonly ECDsa _ecdsa;

    public DevSigningKey(string path)
    {
        _ecdsa = ECDsa.Create();
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            Create(fullPath);
        }

        _ecdsa.ImportFromPem(File.ReadAllText(fullPath));

        var parameters = _ecdsa.ExportParameters(includePrivateParameters: false);
        KeyId = Base64UrlEncoder.Encode(SHA256.HashData([.. parameters.Q.X!, .. parameters.Q.Y!])[..12]);
        SecurityKey = new ECDsaSecurityKey(_ecdsa) { KeyId = KeyId };
        SigningCredentials = new SigningCredentials(SecurityKey, SecurityAlgorithms.EcdsaSha256);
        PublicJwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(parameters)) { KeyId = KeyId });
        PublicJwk.Use = "sig";
        PublicJwk.Alg = SecurityAlgorithms.EcdsaSha256;
    }

    /// <summary>
    /// Writes a new key whole to a temporary file and moves it into place without replacing: gateways of a dev
    /// cluster share one key path and may start together, and all of them must end up with the first key.
    /// </summary>
    private static void Create(string fullPath)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var temporary = $"{fullPath}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new StreamWriter(temporary, options))
        {
            file.Write(ecdsa.ExportPkcs8PrivateKeyPem());
        }

        try
        {
            File.Move(temporary, fullPath, overwrite: false);
        }
        catch (IOException) when (File.Exists(fullPath))
        {
            File.Delete(temporary);
        }
    }

    public string KeyId { get; }

    public SecurityKey SecurityKey { get; }

    public SigningCredentials SigningCredentials { get; }

    /// <summary>The public half, as served on the JWKS endpoint.</summary>
    public JsonWebKey PublicJwk { get; }

    public void Dispose() => _ecdsa.Dispose();
}
