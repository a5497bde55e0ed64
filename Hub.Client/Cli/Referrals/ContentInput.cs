// The plaintext a case worker seals: a hub.referral-content/v1 document from a file, or synthetic content
// for demos (SyntheticContent, fixed seed). Either way it is validated against the case before anything is
// encrypted, and every problem is listed in the one error line.
using System.CommandLine;
using Hub.Cli.Shared;
using Hub.Client.Content;
using Hub.Client.Wire;

namespace Hub.Cli.Referrals;

/// <summary>The <c>--file</c> / <c>--from-synthetic --seed</c> options and the content they give.</summary>
internal sealed class ContentInput
{
    public Option<FileInfo?> File { get; } = new("--file") { Description = "The content: a hub.referral-content/v1 JSON document (docs/referral-content.md)." };

    public Option<bool> Synthetic { get; } = new("--from-synthetic") { Description = "Seal synthetic demo content instead of a file (nothing in it is real)." };

    public Option<int> Seed { get; } = new("--seed") { Description = "Seed of the synthetic content (same seed, same content).", DefaultValueFactory = _ => 1 };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(File);
        command.Options.Add(Synthetic);
        command.Options.Add(Seed);
    }

    /// <summary>Validated, canonically encoded content; <paramref name="synthetic"/> makes it when asked for.</summary>
    public async Task<byte[]> ReadAsync(ParseResult parse, CaseView view, Func<int, CasePriority, ReferralContent> synthetic, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(synthetic);
        var file = parse.GetValue(File);
        if (file is null == !parse.GetValue(Synthetic))
        {
            throw new CliException("give the content with --file FILE, or --from-synthetic [--seed N] for a demo", ExitCodes.BadInput);
        }

        var context = new ContentContext(Priority(view.Priority));
        try
        {
            if (file is null)
            {
                return ReferralContentCodec.Encode(synthetic(parse.GetValue(Seed), context.Priority), context);
            }

            byte[] bytes;
            try
            {
                bytes = await System.IO.File.ReadAllBytesAsync(file.FullName, ct);
            }
            catch (IOException ex)
            {
                throw new CliException($"cannot read {file.Name} ({ex.Message})", ExitCodes.BadInput);
            }

            // Decode to validate exactly as recipients will, then seal the canonical encoding.
            return ReferralContentCodec.Encode(ReferralContentCodec.Decode(bytes, context), context);
        }
        catch (ReferralContentException ex)
        {
            throw new CliException($"{(file?.Name ?? "the content")} is not valid referral content, nothing was sealed: {string.Join("; ", ex.Problems)}", ExitCodes.BadInput);
        }
    }

    /// <summary>The document with <paramref name="attachments"/> added to those it names, validated and encoded again.</summary>
    public static byte[] WithAttachments(ReadOnlySpan<byte> encoded, CaseView view, IReadOnlyList<AttachmentReference> attachments)
    {
        ArgumentNullException.ThrowIfNull(view);
        var context = new ContentContext(Priority(view.Priority));
        var document = ReferralContentCodec.Decode(encoded, context);
        try
        {
            return ReferralContentCodec.Encode(document with { Attachments = [.. document.Attachments, .. attachments] }, context);
        }
        catch (ReferralContentException ex)
        {
            throw new CliException($"the attachments do not fit the content, nothing was referred: {string.Join("; ", ex.Problems)}", ExitCodes.BadInput);
        }
    }

    /// <summary>The kind of sealed message the document is.</summary>
    public static MessageKind KindOf(ReadOnlySpan<byte> encoded, CaseView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return ReferralContentCodec.Decode(encoded, new ContentContext(Priority(view.Priority))).Kind switch
        {
            ReferralContentKind.Referral => MessageKind.Referral,
            ReferralContentKind.Reply => MessageKind.Reply,
            _ => MessageKind.InformationRequest,
        };
    }

    public static CasePriority Priority(Priority priority) => priority switch
    {
        Hub.Client.Wire.Priority.Urgent => CasePriority.Urgent,
        Hub.Client.Wire.Priority.High => CasePriority.High,
        _ => CasePriority.Normal,
    };
}
