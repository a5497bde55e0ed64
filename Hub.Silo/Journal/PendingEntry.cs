namespace Hub.Silo.Journal;

/// <summary>An entry handed to <see cref="IJournalStore.AppendAsync(string, long, IReadOnlyList{PendingEntry}, CancellationToken)"/>; the store gives it a version and a time.</summary>
public sealed record PendingEntry(string Type, ReadOnlyMemory<byte> Payload);
