using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace SecretsManager.HelpCompiler.Packaging;

/// <summary>
/// Writes the files Update-Help and Save-Help fetch from the folder a module's HelpInfoURI names, or read from
/// -SourcePath: &lt;Module&gt;_&lt;GUID&gt;_HelpInfo.xml (which cultures exist, at which version) and, per culture,
/// &lt;Module&gt;_&lt;GUID&gt;_&lt;culture&gt;_HelpContent.zip (PowerShell 7) and .cab (Windows PowerShell), each
/// holding that culture's help files at its root.
/// </summary>
public static class UpdatableHelpWriter
{
    public static readonly XNamespace HelpInfoNamespace = "http://schemas.microsoft.com/powershell/help/2010/05";

    public static string HelpInfoFileName(string module, Guid guid) => $"{module}_{guid:D}_HelpInfo.xml";

    public static string ContentFileName(string module, Guid guid, string culture, string extension) =>
        $"{module}_{guid:D}_{culture}_HelpContent.{extension}";

    /// <summary>Writes the HelpInfo XML, the zip and the cab for one culture; returns the paths written.</summary>
    public static IReadOnlyList<string> Write(UpdatableHelpOptions options, string helpDirectory)
    {
        var files = Directory.GetFiles(helpDirectory)
            .Where(p => p.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(p => new CabinetFile(Path.GetFileName(p), File.ReadAllBytes(p), File.GetLastWriteTime(p)))
            .ToList();
        if (files.Count == 0) throw new InvalidDataException($"{helpDirectory} holds no help file to package");

        Directory.CreateDirectory(options.OutputDirectory);
        var written = new List<string>();
        var zip = Path.Combine(options.OutputDirectory, ContentFileName(options.ModuleName, options.ModuleGuid, options.Culture, "zip"));
        File.Delete(zip);
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var file in files)
            {
                var entry = archive.CreateEntry(file.Name, CompressionLevel.Optimal);
                entry.LastWriteTime = file.Modified;
                using var s = entry.Open();
                s.Write(file.Data);
            }
        }
        written.Add(zip);

        var cab = Path.Combine(options.OutputDirectory, ContentFileName(options.ModuleName, options.ModuleGuid, options.Culture, "cab"));
        File.WriteAllBytes(cab, CabinetWriter.Write(files));
        written.Add(cab);

        var info = Path.Combine(options.OutputDirectory, HelpInfoFileName(options.ModuleName, options.ModuleGuid));
        File.WriteAllText(info, HelpInfo(options).ToString());
        written.Add(info);
        return written;
    }

    /// <summary>The HelpInfo document: where the content lives and the one culture this build makes.</summary>
    public static XDocument HelpInfo(UpdatableHelpOptions options)
    {
        XNamespace ns = HelpInfoNamespace;
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(ns + "HelpInfo",
                new XElement(ns + "HelpContentURI", options.HelpContentUri),
                new XElement(ns + "SupportedUICultures",
                    new XElement(ns + "UICulture",
                        new XElement(ns + "UICultureName", options.Culture),
                        new XElement(ns + "UICultureVersion", FourPartVersion(options.Version))))));
    }

    /// <summary>Update-Help compares culture versions as System.Version; a module version 0.2.0 becomes 0.2.0.0.</summary>
    public static string FourPartVersion(string version)
    {
        var v = Version.Parse(version.Split('-', '+')[0]);
        return new Version(v.Major, v.Minor, Math.Max(0, v.Build), Math.Max(0, v.Revision)).ToString();
    }
}
