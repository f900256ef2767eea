using System.Text;
using System.Xml;
using SecretsManager.HelpCompiler.Checking;
using SecretsManager.HelpCompiler.Metadata;
using SecretsManager.HelpCompiler.Pages;

namespace SecretsManager.HelpCompiler.Output;

/// <summary>Writes the MAML file that Get-Help reads for a binary module (en-US/&lt;Assembly&gt;.dll-Help.xml).</summary>
public static class MamlWriter
{
    private const string Msh = "http://msh";
    private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
    private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static string Write(IEnumerable<(HelpPage Page, CommandMetadata Command)> commands)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        var sb = new StringBuilder();
        using (var writer = XmlWriter.Create(new StringWriterUtf8(sb), settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("helpItems", Msh);
            writer.WriteAttributeString("schema", "maml");
            foreach (var (page, command) in commands) WriteCommand(writer, page, command);
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }
        return sb.ToString();
    }

    private static void WriteCommand(XmlWriter w, HelpPage page, CommandMetadata command)
    {
        w.WriteStartElement("command", "command", Command);
        w.WriteAttributeString("xmlns", "maml", null, Maml);
        w.WriteAttributeString("xmlns", "command", null, Command);
        w.WriteAttributeString("xmlns", "dev", null, Dev);

        w.WriteStartElement("command", "details", Command);
        w.WriteElementString("command", "name", Command, command.Name);
        w.WriteElementString("command", "verb", Command, command.Verb);
        w.WriteElementString("command", "noun", Command, command.Noun);
        Description(w, new[] { page.Synopsis });
        w.WriteEndElement();

        Description(w, page.Description);

        w.WriteStartElement("command", "syntax", Command);
        foreach (var set in command.ParameterSets)
        {
            w.WriteStartElement("command", "syntaxItem", Command);
            w.WriteElementString("maml", "name", Maml, command.Name);
            foreach (var member in set.Parameters.OrderBy(m => m.Position ?? int.MaxValue))
            {
                var parameter = command.FindParameter(member.Name)!;
                Parameter(w, page, parameter, member, inSyntax: true);
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("command", "parameters", Command);
        foreach (var parameter in command.Parameters.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var member = command.ParameterSets.SelectMany(s => s.Parameters).First(m => m.Name == parameter.Name);
            Parameter(w, page, parameter, member, inSyntax: false);
        }
        w.WriteEndElement();

        w.WriteStartElement("command", "inputTypes", Command);
        foreach (var input in page.Inputs) TypeItem(w, "inputType", input);
        w.WriteEndElement();
        w.WriteStartElement("command", "returnValues", Command);
        foreach (var output in page.Outputs) TypeItem(w, "returnValue", output);
        w.WriteEndElement();

        w.WriteStartElement("maml", "alertSet", Maml);
        w.WriteStartElement("maml", "alert", Maml);
        foreach (var note in page.Notes) w.WriteElementString("maml", "para", Maml, note);
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("command", "examples", Command);
        foreach (var example in page.Examples)
        {
            w.WriteStartElement("command", "example", Command);
            w.WriteElementString("maml", "title", Maml, $"---------- {example.Title} ----------");
            w.WriteElementString("dev", "code", Dev, example.Code);
            w.WriteStartElement("dev", "remarks", Dev);
            foreach (var para in example.Introduction.Concat(example.Remarks)) w.WriteElementString("maml", "para", Maml, para);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("command", "relatedLinks", Command);
        if (page.OnlineVersion is { Length: > 0 } online) Link(w, "Online Version:", online);
        foreach (var link in page.RelatedLinks) Link(w, link.Text, MarkdownText.IsAbsoluteUrl(link.Uri) ? link.Uri : "");
        w.WriteEndElement();

        w.WriteEndElement();
    }

    private static void Parameter(XmlWriter w, HelpPage page, ParameterMetadata parameter, ParameterSetMembership member, bool inSyntax)
    {
        var entry = page.FindParameter(parameter.Name);
        var defaultValue = entry?.Blocks.FirstOrDefault()?.Get(ParameterBlockRenderer.DefaultValueKey)?.Value ?? "None";
        w.WriteStartElement("command", "parameter", Command);
        w.WriteAttributeString("required", member.Mandatory ? "true" : "false");
        w.WriteAttributeString("variableLength", "true");
        w.WriteAttributeString("globbing", parameter.SupportsWildcards ? "true" : "false");
        w.WriteAttributeString("pipelineInput", ParameterBlockRenderer.PipelineInput(member));
        w.WriteAttributeString("position", member.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named");
        w.WriteAttributeString("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases));
        w.WriteElementString("maml", "name", Maml, parameter.Name);
        Description(w, entry?.Description ?? new List<string>());
        if (parameter.AcceptedValues.Count > 0 && inSyntax)
        {
            w.WriteStartElement("command", "parameterValueGroup", Command);
            foreach (var value in parameter.AcceptedValues)
            {
                w.WriteStartElement("command", "parameterValue", Command);
                w.WriteAttributeString("required", "false");
                w.WriteAttributeString("variableLength", "false");
                w.WriteString(value);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        // A switch has no value in the syntax line; Get-Help would otherwise print "-Force <SwitchParameter>".
        if (!(parameter.IsSwitch && inSyntax))
        {
            w.WriteStartElement("command", "parameterValue", Command);
            w.WriteAttributeString("required", parameter.IsSwitch ? "false" : "true");
            w.WriteAttributeString("variableLength", "false");
            w.WriteString(parameter.Type);
            w.WriteEndElement();
        }
        w.WriteStartElement("dev", "type", Dev);
        w.WriteElementString("maml", "name", Maml, parameter.Type);
        w.WriteElementString("maml", "uri", Maml, "");
        w.WriteEndElement();
        w.WriteElementString("dev", "defaultValue", Dev, defaultValue);
        w.WriteEndElement();
    }

    private static void TypeItem(XmlWriter w, string element, TypeEntry type)
    {
        w.WriteStartElement("command", element, Command);
        w.WriteStartElement("dev", "type", Dev);
        w.WriteElementString("maml", "name", Maml, type.TypeName);
        w.WriteEndElement();
        Description(w, type.Description);
        w.WriteEndElement();
    }

    private static void Link(XmlWriter w, string text, string uri)
    {
        w.WriteStartElement("maml", "navigationLink", Maml);
        w.WriteElementString("maml", "linkText", Maml, text);
        w.WriteElementString("maml", "uri", Maml, uri);
        w.WriteEndElement();
    }

    private static void Description(XmlWriter w, IEnumerable<string> paragraphs)
    {
        w.WriteStartElement("maml", "description", Maml);
        foreach (var para in paragraphs) w.WriteElementString("maml", "para", Maml, para);
        w.WriteEndElement();
    }

    /// <summary>StringWriter that declares UTF-8, so the XML declaration says what the file is.</summary>
    private sealed class StringWriterUtf8 : StringWriter
    {
        public StringWriterUtf8(StringBuilder sb) : base(sb, System.Globalization.CultureInfo.InvariantCulture) { }

        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
