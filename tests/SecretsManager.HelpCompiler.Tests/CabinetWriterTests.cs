using System.Text;
using SecretsManager.HelpCompiler.Packaging;

namespace SecretsManager.HelpCompiler.Tests;

public class CabinetWriterTests
{
    private static readonly DateTime When = new(2026, 12, 1, 23, 58, 22);

    [Fact]
    public void Files_read_back_with_their_names_bytes_and_times()
    {
        var files = new List<CabinetFile>
        {
            new("SecretsManager.dll-Help.xml", Encoding.UTF8.GetBytes("<helpItems schema=\"maml\" />"), When),
            new("about_SecretsManager.help.txt", Encoding.UTF8.GetBytes("TOPIC\n    about_SecretsManager\n"), When.AddHours(-3)),
        };
        var back = CabinetReader.Read(CabinetWriter.Write(files));
        Assert.Equal(files.Select(f => f.Name), back.Select(f => f.Name));
        for (var i = 0; i < files.Count; i++)
        {
            Assert.Equal(files[i].Data, back[i].Data);
            Assert.Equal(files[i].Modified, back[i].Modified); // even seconds survive the DOS time
        }
    }

    [Fact]
    public void Data_larger_than_a_block_spans_blocks_and_files_cross_block_boundaries()
    {
        var random = new Random(12);
        var big = new byte[CabinetWriter.BlockSize * 2 + 4099]; // a tail of 3 bytes past a word boundary
        random.NextBytes(big);
        var odd = new byte[CabinetWriter.BlockSize - 1];
        random.NextBytes(odd);
        var files = new List<CabinetFile> { new("odd.txt", odd, When), new("big.xml", big, When), new("empty.txt", Array.Empty<byte>(), When) };
        var cab = CabinetWriter.Write(files);
        Assert.Equal(4, BitConverter.ToUInt16(cab, 40)); // ceil((32767 + 69635) / 32768) blocks
        var back = CabinetReader.Read(cab);
        Assert.Equal(odd, back[0].Data);
        Assert.Equal(big, back[1].Data);
        Assert.Empty(back[2].Data);
    }

    [Fact]
    public void A_known_block_has_the_checksum_the_format_defines()
    {
        // One block of "abcde": the words "abcd" (0x64636261) and the tail "e" (0x65), then the sizes 5 and 5.
        var cab = CabinetWriter.Write(new[] { new CabinetFile("a", "abcde"u8.ToArray(), When) });
        var dataOffset = BitConverter.ToInt32(cab, 36);
        var expected = 0x64636261u ^ 0x65u ^ 0x00050005u;
        Assert.Equal(expected, BitConverter.ToUInt32(cab, dataOffset));
    }

    [Fact]
    public void A_cabinet_needs_a_file()
    {
        Assert.Throws<ArgumentException>(() => CabinetWriter.Write(Array.Empty<CabinetFile>()));
    }
}
