namespace Hub.Transparency.Notes;

/// <summary>Key name rules of C2SP signed-note: non-empty, no Unicode spaces, no '+', no control characters.</summary>
internal static class NoteKeyName
{
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '+' || c < 0x20 || c == 0x7f || char.IsWhiteSpace(c))
            {
                return false;
            }
            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 == name.Length || !char.IsLowSurrogate(name[i + 1]))
                {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    public static void Require(string name)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException("A note key name is non-empty and has no spaces, '+' or control characters.", nameof(name));
        }
    }
}
