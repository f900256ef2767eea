using System.IO.Compression;
using SecretsManager.HelpCompiler.Packaging;

namespace SecretsManager.HelpCompiler.Tests;

public sealed class UpdatableHelpWriterTests : IDisposable
{
    private static readonly Guid ModuleGuid = Guid.Parse("6f0f5d2e-3c1a-4f57-9d55-8f7c2a4b9e31");
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sm-updatable-help-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Writes_the_files_Update_Help_looks_for_with_the_same_help_in_the_zip_and_the_cab()
    {
        var help = Directory.CreateDirectory(Path.Combine(_dir, "en-US")).FullName;
        File.WriteAllText(Path.Combine(help, "SecretsManager.dll-Help.xml"), "<helpItems schema=\"maml\" />");
        File.WriteAllText(Path.Combine(help, "about_SecretsManager.help.txt"), "TOPIC\n    about_SecretsManager\n");
        var options = new UpdatableHelpOptions
        {
            OutputDirectory = Path.Combine(_dir, "out"),
            ModuleName = "SecretsManager",
            ModuleGuid = ModuleGuid,
            Version = "0.2.0",
            Culture = "en-US",
            HelpContentUri = "https://github.com/secretsmanager-ps/SecretsManager/releases/latest/download/",
        };
        var written = UpdatableHelpWriter.Write(options, help).Select(Path.GetFileName).ToList();
        const string prefix = "SecretsManager_6f0f5d2e-3c1a-4f57-9d55-8f7c2a4b9e31";
        Assert.Equal(new[] { prefix + "_en-US_HelpContent.zip", prefix + "_en-US_HelpContent.cab", prefix + "_HelpInfo.xml" }, written);

        var info = System.Xml.Linq.XDocument.Load(Path.Combine(options.OutputDirectory, prefix + "_HelpInfo.xml"));
        var ns = UpdatableHelpWriter.HelpInfoNamespace;
        Assert.Equal(ns + "HelpInfo", info.Root!.Name);
        Assert.Equal(options.HelpContentUri, info.Root.Element(ns + "HelpContentURI")!.Value);
        var culture = info.Root.Element(ns + "SupportedUICultures")!.Element(ns + "UICulture")!;
        Assert.Equal("en-US", culture.Element(ns + "UICultureName")!.Value);
        Assert.Equal("0.2.0.0", culture.Element(ns + "UICultureVersion")!.Value);

        using var zip = ZipFile.OpenRead(Path.Combine(options.OutputDirectory, prefix + "_en-US_HelpContent.zip"));
        var cab = CabinetReader.Read(File.ReadAllBytes(Path.Combine(options.OutputDirectory, prefix + "_en-US_HelpContent.cab")));
        Assert.Equal(zip.Entries.Select(e => e.FullName).Order(), cab.Select(f => f.Name).Order());
        foreach (var file in cab)
        {
            using var s = zip.GetEntry(file.Name)!.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            Assert.Equal(File.ReadAllBytes(Path.Combine(help, file.Name)), m.ToArray());
            Assert.Equal(m.ToArray(), file.Data);
        }
    }

    [Theory]
    [InlineData("0.2.0", "0.2.0.0")]
    [InlineData("1.4", "1.4.0.0")]
    [InlineData("2.0.1-preview1", "2.0.1.0")]
    public void Culture_versions_have_four_parts(string moduleVersion, string expected)
    {
        Assert.Equal(expected, UpdatableHelpWriter.FourPartVersion(moduleVersion));
    }
}
