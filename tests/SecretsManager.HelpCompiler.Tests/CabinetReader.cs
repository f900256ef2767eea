using System.Buffers.Binary;
using System.Text;
using SecretsManager.HelpCompiler.Packaging;

namespace SecretsManager.HelpCompiler.Tests;

/// <summary>
/// An independent reader of uncompressed MS-CAB files for the tests: it walks the header, folder, file and data
/// structures by their offsets, checks every size field and checksum, and gives the files back.
/// </summary>
public static class CabinetReader
{
    public static List<CabinetFile> Read(byte[] cab)
    {
        var span = cab.AsSpan();
        Assert.Equal("MSCF", Encoding.ASCII.GetString(cab, 0, 4));
        Assert.Equal((uint)cab.Length, U32(span, 8));
        var filesOffset = (int)U32(span, 16);
        Assert.Equal(3, cab[24]); // minor version
        Assert.Equal(1, cab[25]); // major version
        var folders = U16(span, 26);
        var fileCount = U16(span, 28);
        Assert.Equal(0, U16(span, 30)); // no reserve fields, no chained cabinets
        Assert.Equal(1, folders);

        var dataOffset = (int)U32(span, 36);
        var blocks = U16(span, 40);
        Assert.Equal(0, U16(span, 42)); // stored, not compressed

        // The folder's data: each block's checksum covers its data, then its two size fields.
        var content = new MemoryStream();
        var at = dataOffset;
        for (var b = 0; b < blocks; b++)
        {
            var checksum = U32(span, at);
            var compressed = U16(span, at + 4);
            var uncompressed = U16(span, at + 6);
            Assert.Equal(compressed, uncompressed);
            Assert.InRange(compressed, 1, CabinetWriter.BlockSize);
            var data = span.Slice(at + 8, compressed);
            Assert.Equal(Xor(span.Slice(at + 4, 4), Xor(data, 0)), checksum);
            content.Write(data);
            at += 8 + compressed;
        }
        Assert.Equal(cab.Length, at);

        var folderBytes = content.ToArray();
        var files = new List<CabinetFile>();
        at = filesOffset;
        for (var f = 0; f < fileCount; f++)
        {
            var size = (int)U32(span, at);
            var offset = (int)U32(span, at + 4);
            Assert.Equal(0, U16(span, at + 8));
            var date = U16(span, at + 10);
            var time = U16(span, at + 12);
            var end = span[(at + 16)..].IndexOf((byte)0);
            var name = Encoding.UTF8.GetString(span.Slice(at + 16, end));
            var modified = new DateTime(1980 + (date >> 9), (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2);
            files.Add(new CabinetFile(name, folderBytes.AsSpan(offset, size).ToArray(), modified));
            at += 16 + end + 1;
        }
        Assert.Equal(dataOffset, at);
        return files;
    }

    // Written out here rather than calling CabinetWriter.Checksum, so a wrong checksum can't check itself.
    private static uint Xor(ReadOnlySpan<byte> bytes, uint seed)
    {
        var sum = seed;
        var i = 0;
        for (; i + 4 <= bytes.Length; i += 4) sum ^= (uint)(bytes[i] | bytes[i + 1] << 8 | bytes[i + 2] << 16 | bytes[i + 3] << 24);
        var tail = 0u;
        switch (bytes.Length - i)
        {
            case 3: tail = (uint)(bytes[i] << 16 | bytes[i + 1] << 8 | bytes[i + 2]); break;
            case 2: tail = (uint)(bytes[i] << 8 | bytes[i + 1]); break;
            case 1: tail = bytes[i]; break;
        }
        return sum ^ tail;
    }

    private static uint U32(ReadOnlySpan<byte> s, int at) => BinaryPrimitives.ReadUInt32LittleEndian(s[at..]);

    private static ushort U16(ReadOnlySpan<byte> s, int at) => BinaryPrimitives.ReadUInt16LittleEndian(s[at..]);
}
