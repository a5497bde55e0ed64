namespace Hub.Silo.Attachments;

/// <summary>Configuration section <c>Hub:Attachments</c>: where sealed attachments live and how large uploads may grow.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Hub:Attachments";

    /// <summary>Folder of the sealed attachment files; by default <c>attachments</c> beside the journal file (one backup, one failure domain).</summary>
    public string? Path { get; set; }

    /// <summary>Largest sealed attachment, 2 GiB by default.</summary>
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Largest chunk in one request, 8 MiB by default; larger requests get 413.</summary>
    public int MaxChunkBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Uploads one agency may have open at a time; the next one is refused until one completes or expires.</summary>
    public int MaxOpenUploadsPerAgency { get; set; } = 16;

    /// <summary>An upload with no chunk for this long is abandoned and its bytes deleted (24 hours by default).</summary>
    public TimeSpan UploadExpiry { get; set; } = TimeSpan.FromHours(24);
}
