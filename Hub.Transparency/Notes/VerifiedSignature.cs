namespace Hub.Transparency.Notes;

/// <summary>A signature line of a note that a trusted verifier has checked.</summary>
/// <param name="Verifier">The trusted key that matched the line's name and key ID.</param>
/// <param name="Signature">The verified signature line.</param>
public sealed record VerifiedSignature(NoteVerifier Verifier, NoteSignature Signature);
