using SecretsManager.Engine.Lookups;
using SecretsManager.Engine.Tests.Support;

namespace SecretsManager.Engine.Tests.Resolution;

/// <summary>The profile names -ProfileName completes: every profile section of both shared files, as the AWS CLI lists them.</summary>
[Collection(ProcessStateCollection.Name)]
public class ProfileCatalogTests
{
    [Fact]
    public void EveryProfileOfTheConfigAndCredentialsFilesIsListedOnceSorted()
    {
        using var scope = new EnvironmentScope();
        File.WriteAllText(Path.Combine(scope.Folder, "config"),
            "[default]\nregion = us-east-1\n[profile ops-admin]\nregion = eu-west-1\n[sso-session corp]\nsso_region = us-east-1\n[services local]\n");
        File.WriteAllText(Path.Combine(scope.Folder, "credentials"), "[ci-deploy]\naws_access_key_id = A\naws_secret_access_key = B\n[ops-admin]\naws_access_key_id = A\naws_secret_access_key = B\n");

        Assert.Equal(new[] { "ci-deploy", "default", "ops-admin" }, ProfileCatalog.Names());
    }

    [Fact]
    public void MissingFilesMeanNoProfiles()
    {
        using var scope = new EnvironmentScope();
        Assert.Empty(ProfileCatalog.Names());
    }
}
