using System.Reflection;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Errors;
using SecretsManager.Engine.Tests.Support;
using SecretsManager.Engine.Workflows.Reading;

namespace SecretsManager.Engine.Tests.Contract;

/// <summary>
/// Isolation: the engine's public surface exposes only its own and framework types, never AWSSDK, so a later
/// AssemblyLoadContext can keep the SDK private to the engine.
/// </summary>
public class PublicSurfaceTests
{
    private static readonly Assembly Engine = typeof(ISecretsManagerClient).Assembly;

    [Fact]
    public void NoPublicSignatureMentionsAnAwsSdkType()
    {
        var leaks = new List<string>();
        foreach (Type type in Engine.GetExportedTypes())
        {
            Check(type.BaseType, $"{type} base type");
            foreach (Type iface in type.GetInterfaces()) { Check(iface, $"{type} implements"); }
            foreach (var attribute in type.GetCustomAttributesData()) { Check(attribute.AttributeType, $"{type} attribute"); }
            foreach (MemberInfo member in type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (!IsVisible(member)) { continue; }
                string where = $"{type.Name}.{member.Name}";
                switch (member)
                {
                    case MethodBase method:
                        if (method is MethodInfo info) { Check(info.ReturnType, where); }
                        foreach (var parameter in method.GetParameters()) { Check(parameter.ParameterType, where); }
                        break;
                    case PropertyInfo property: Check(property.PropertyType, where); break;
                    case FieldInfo field: Check(field.FieldType, where); break;
                    case EventInfo evt: Check(evt.EventHandlerType, where); break;
                }
                foreach (var attribute in member.GetCustomAttributesData()) { Check(attribute.AttributeType, where + " attribute"); }
            }
        }
        Assert.True(leaks.Count == 0, "AWSSDK types on the public surface:\n  " + string.Join("\n  ", leaks));

        void Check(Type type, string where)
        {
            if (type == null) { return; }
            if (type.HasElementType) { Check(type.GetElementType(), where); return; }
            if (type.IsGenericType) { foreach (Type argument in type.GetGenericArguments()) { Check(argument, where); } }
            if (type.Assembly.GetName().Name.StartsWith("AWSSDK", StringComparison.OrdinalIgnoreCase)) { leaks.Add($"{where}: {type.FullName}"); }
        }
    }

    [Fact]
    public void ThePublicTypesAreTheContractedOnes()
    {
        var names = Engine.GetExportedTypes().Select(t => t.Name).ToHashSet();
        foreach (string expected in new[]
        {
            "ISecretsManagerClient", "SecretsManagerClientOptions", "SecretsManagerClientFactory", "ClientResolution",
            "SecretsManagerServiceException", "SecretsManagerConfigurationException", "SecretsManagerConnectionException",
            "SecretJsonConverter", "FilterBuilder", "SecretValueReader",
        })
        {
            Assert.Contains(expected, names);
        }
        Assert.All(Engine.GetExportedTypes(), t => Assert.StartsWith("SecretsManager.Engine.", t.Namespace));
    }

    [Fact]
    public void EverySourceFileIsInTheNamespaceOfItsFolder()
    {
        string root = Path.Combine(RepositoryPaths.Root, "src", "SecretsManager.Engine");
        var wrong = new List<string>();
        foreach (string file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(root, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal)) { continue; }
            string folder = Path.GetDirectoryName(relative);
            string expected = string.IsNullOrEmpty(folder) ? "SecretsManager.Engine" : "SecretsManager.Engine." + folder.Replace(Path.DirectorySeparatorChar, '.');
            var declared = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(file), @"^namespace ([\w.]+)", System.Text.RegularExpressions.RegexOptions.Multiline);
            if (!declared.Success || declared.Groups[1].Value != expected) { wrong.Add($"{relative}: {(declared.Success ? declared.Groups[1].Value : "no namespace")}, not {expected}"); }
        }
        Assert.True(wrong.Count == 0, "Files outside their folder's namespace:\n  " + string.Join("\n  ", wrong));
    }

    [Fact]
    public void TheEngineTargetsNetStandard20()
    {
        var framework = Engine.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>();
        Assert.Equal(".NETStandard,Version=v2.0", framework.FrameworkName);
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        PropertyInfo property => property.GetAccessors(true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        EventInfo evt => evt.AddMethod != null && (evt.AddMethod.IsPublic || evt.AddMethod.IsFamily),
        Type nested => nested.IsNestedPublic || nested.IsNestedFamily,
        _ => false,
    };
}
