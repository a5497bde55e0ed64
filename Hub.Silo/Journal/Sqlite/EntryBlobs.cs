using System.Buffers.Binary;

namespace Hub.Silo.Journal.Sqlite;

/// <summary>
/// The <c>journal_entries.blobs</c> column: the rowids in <c>journal_blobs</c> of the blobs an append carried, 8 bytes
/// each (little-endian), in every entry of that append, so a <see cref="BlobReference"/> to any of them finds the blobs.
/// </summary>
internal static class EntryBlobs
{
    private const int RowIdBytes = sizeof(long);

    /// <summary>Stores each distinct blob of an append once and returns their packed rowids; empty when there are none.</summary>
    public static byte[] Store(SqliteWriteCommands writes, IReadOnlyList<PendingBlob> blobs)
    {
        if (blobs.Count == 0)
        {
            return [];
        }

        var distinct = blobs.DistinctBy(b => b.Digest, StringComparer.Ordinal).ToArray();
        var rowIds = new byte[distinct.Length * RowIdBytes];
        Span<byte> digest = stackalloc byte[32];
        for (var i = 0; i < distinct.Length; i++)
        {
            // The queue admitted only 64 lower-case hex digits (JournalArguments.CheckBlobs).
            Convert.FromHexString(distinct[i].Digest, digest, out _, out _);
            BinaryPrimitives.WriteInt64LittleEndian(rowIds.AsSpan(i * RowIdBytes), writes.PutBlob(digest, distinct[i].Bytes.Span));
        }

        return rowIds;
    }

    /// <summary>The rowids packed in a column; none for NULL or a column of the wrong length.</summary>
    public static long[] RowIds(byte[]? column)
    {
        if (column is null || column.Length % RowIdBytes != 0)
        {
            return [];
        }

        var rowIds = new long[column.Length / RowIdBytes];
        for (var i = 0; i < rowIds.Length; i++)
        {
            rowIds[i] = BinaryPrimitives.ReadInt64LittleEndian(column.AsSpan(i * RowIdBytes));
        }

        return rowIds;
    }
}
