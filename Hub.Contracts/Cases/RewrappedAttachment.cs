namespace Hub.Contracts.Cases;

/// <summary>An attachment's key header re-wrapped for the agency a re-wrap is for; opaque to the hub, the sealed file is unchanged.</summary>
[GenerateSerializer, Immutable, Alias("Hub.Contracts.Cases.RewrappedAttachment")]
public sealed record RewrappedAttachment(
    [property: Id(0)] Guid AttachmentId,
    [property: Id(1)] byte[] Header);
