using System.Globalization;
using Hub.Contracts.Attachments;

namespace Hub.Gateway.Attachments;

/// <summary>
/// Resumable-upload headers in the shape of the IETF resumable uploads draft: <c>Upload-Offset</c> (durable bytes),
/// <c>Upload-Length</c> (declared size), <c>Upload-Complete</c> (structured boolean <c>?1</c> / <c>?0</c>).
/// </summary>
internal static class UploadHeaders
{
    public const string Offset = "Upload-Offset";
    public const string Length = "Upload-Length";
    public const string Complete = "Upload-Complete";

    public static void Write(HttpResponse response, UploadStatus status)
    {
        response.Headers[Offset] = status.Offset.ToString(CultureInfo.InvariantCulture);
        response.Headers[Length] = status.Size.ToString(CultureInfo.InvariantCulture);
        response.Headers[Complete] = status.Complete ? "?1" : "?0";
        response.Headers.CacheControl = "no-store";
    }
}
