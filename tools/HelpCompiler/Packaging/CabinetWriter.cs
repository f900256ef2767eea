using System.Buffers.Binary;
using System.Text;

namespace SecretsManager.HelpCompiler.Packaging;

/// <summary>
/// Writes a Microsoft Cabinet (MS-CAB) file with one folder and no compression: the HelpContent.cab that
/// Windows PowerShell's Update-Help expands. Stored data keeps the writer small and needs no external tool;
/// the help is under a megabyte, so compression would save a download of a few hundred kilobytes at most.
/// </summary>
public static class CabinetWriter
{
    /// <summary>The most bytes one CFDATA block may hold.</summary>
    public const int BlockSize = 32768;

    private const int HeaderSize = 36;
    private const int FolderSize = 8;
    private const int FileEntrySize = 16;
    private const int DataHeaderSize = 8;
    private const ushort ArchiveAttribute = 0x20;
    private const ushort NameIsUtf8Attribute = 0x80;

    public static byte[] Write(IReadOnlyList<CabinetFile> files)
    {
        if (files.Count == 0) throw new ArgumentException("a cabinet needs at least one file", nameof(files));
        if (files.Count > ushort.MaxValue) throw new ArgumentException("too many files for one cabinet", nameof(files));
        var names = files.Select(f => Encoding.UTF8.GetBytes(f.Name)).ToList();
        var content = files.SelectMany(f => f.Data).ToArray();
        var blocks = (content.Length + BlockSize - 1) / BlockSize;
        if (blocks > ushort.MaxValue) throw new ArgumentException("too much data for one folder", nameof(files));

        var filesOffset = HeaderSize + FolderSize;
        var dataOffset = filesOffset + names.Sum(n => FileEntrySize + n.Length + 1);
        var total = dataOffset + blocks * DataHeaderSize + content.Length;

        using var stream = new MemoryStream(total);
        var w = new BinaryWriter(stream);
        // CFHEADER
        w.Write("MSCF"u8);
        w.Write(0u);
        w.Write((uint)total);
        w.Write(0u);
        w.Write((uint)filesOffset);
        w.Write(0u);
        w.Write((byte)3); // version 1.3
        w.Write((byte)1);
        w.Write((ushort)1); // folders
        w.Write((ushort)files.Count);
        w.Write((ushort)0); // flags: no reserve, no previous or next cabinet
        w.Write((ushort)0); // set id
        w.Write((ushort)0); // index in the set
        // CFFOLDER
        w.Write((uint)dataOffset);
        w.Write((ushort)blocks);
        w.Write((ushort)0); // no compression
        // CFFILE entries
        var offset = 0u;
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            w.Write((uint)file.Data.Length);
            w.Write(offset);
            w.Write((ushort)0); // folder 0
            w.Write(DosDate(file.Modified));
            w.Write(DosTime(file.Modified));
            var ascii = names[i].All(b => b < 0x80);
            w.Write((ushort)(ArchiveAttribute | (ascii ? 0 : NameIsUtf8Attribute)));
            w.Write(names[i]);
            w.Write((byte)0);
            offset += (uint)file.Data.Length;
        }
        // CFDATA blocks
        Span<byte> sizes = stackalloc byte[4];
        for (var start = 0; start < content.Length; start += BlockSize)
        {
            var data = content.AsSpan(start, Math.Min(BlockSize, content.Length - start));
            BinaryPrimitives.WriteUInt16LittleEndian(sizes, (ushort)data.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(sizes[2..], (ushort)data.Length);
            w.Write(Checksum(sizes, Checksum(data, 0)));
            w.Write(sizes);
            w.Write(data);
        }
        w.Flush();
        return stream.ToArray();
    }

    /// <summary>
    /// The MS-CAB checksum: the XOR of the little-endian 32-bit words, the trailing 1 to 3 bytes taken in
    /// reverse order of significance. A block's checksum covers its data, then its two size fields.
    /// </summary>
    public static uint Checksum(ReadOnlySpan<byte> bytes, uint seed)
    {
        var sum = seed;
        var whole = bytes.Length / 4 * 4;
        for (var i = 0; i < whole; i += 4) sum ^= BinaryPrimitives.ReadUInt32LittleEndian(bytes[i..]);
        var tail = 0u;
        for (var i = whole; i < bytes.Length; i++) tail |= (uint)bytes[i] << (8 * (bytes.Length - 1 - i));
        return sum ^ tail;
    }

    private static ushort DosDate(DateTime t) =>
        t.Year < 1980 ? (ushort)((0 << 9) | (1 << 5) | 1) : (ushort)(((t.Year - 1980) << 9) | (t.Month << 5) | t.Day);

    private static ushort DosTime(DateTime t) => (ushort)((t.Hour << 11) | (t.Minute << 5) | (t.Second / 2));
}
