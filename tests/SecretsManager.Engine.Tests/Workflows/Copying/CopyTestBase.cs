using SecretsManager.Engine.Client;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.EndToEnd;
using SecretsManager.Engine.Tests.Support;
using SecretsManager.Engine.Workflows.Copying;

namespace SecretsManager.Engine.Tests.Workflows.Copying;

/// <summary>Copies between the two accounts of <see cref="TwoAccountsFixture"/>, each test under names of its own.</summary>
public abstract class CopyTestBase
{
    /// <summary>The operations that only read: a plan may call these and nothing else.</summary>
    public static readonly string[] ReadOperations = { "ListSecrets", "BatchGetSecretValue", "GetSecretValue", "GetResourcePolicy", "ListSecretVersionIds", "DescribeSecret" };

    protected CopyTestBase(TwoAccountsFixture accounts)
    {
        Accounts = accounts;
        Prefix = $"copy/{Guid.NewGuid():N}/";
        Source = InterceptingClient.Over(accounts.SourceClient());
        Destination = InterceptingClient.Over(accounts.DestinationClient());
    }

    protected TwoAccountsFixture Accounts { get; }

    /// <summary>This test's names start with it, so tests share the endpoints.</summary>
    protected string Prefix { get; }

    protected InterceptingClient Source { get; private set; }

    protected InterceptingClient Destination { get; private set; }

    protected string Name(string leaf) => Prefix + leaf;

    protected CreateSecretResponse CreateSource(string leaf, string value = null, byte[] binary = null, string description = null, IDictionary<string, string> tags = null) =>
        Accounts.SourceClient().CreateSecret(new CreateSecretRequest
        {
            Name = Name(leaf),
            SecretString = value,
            SecretBinary = binary,
            Description = description,
            Tags = tags?.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList(),
        });

    protected CopyPlan Plan(IEnumerable<string> leaves, CopyOptions options = null, IReadOnlyDictionary<string, string> names = null, IEnumerable<string> destinationOnly = null)
    {
        var sources = SourceFinder.ByIds(leaves.Select(Name), _ => Source.Client, Destination.Client);
        return new CopyPlanner(Destination.Client, options ?? new CopyOptions()).Plan(sources, names, destinationOnly);
    }

    /// <summary>Applies every plan that has changes and no conflict (or any, with force); returns the outcomes.</summary>
    protected List<CopyOutcome> Apply(CopyPlan plan, bool force = false) =>
        plan.Secrets.Where(p => p.HasChanges && (force || !p.Conflict)).Select(p => SecretCopier.Apply(Destination.Client, p, force)).ToList();

    protected static string[] Writes(InterceptingClient client) => client.Calls.Where(c => !ReadOperations.Contains(c)).ToArray();

    protected static List<SecretVersionsListEntry> Versions(ISecretsManagerClient client, string id) =>
        client.ListSecretVersionIdsAll(new ListSecretVersionIdsRequest { SecretId = id, IncludeDeprecated = true }).ToList();

    protected static GetSecretValueResponse Value(ISecretsManagerClient client, string id, string stage = "AWSCURRENT") =>
        client.GetSecretValue(new GetSecretValueRequest { SecretId = id, VersionStage = stage });

    /// <summary>Forgets the calls recorded so far (and any replaced operation), so the next assertions see one step's calls only.</summary>
    protected void ForgetCalls()
    {
        Source = InterceptingClient.Over(Accounts.SourceClient());
        Destination = InterceptingClient.Over(Accounts.DestinationClient());
    }
}
