using System.Text.Json;
using System.Text.Json.Nodes;
using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>
/// Replays every request of AWS's own examples (../shared/aws-model/examples-1.json) against the endpoint, after
/// setting up the state each example presumes, and compares the answer with AWS's example answer and the model:
/// every member AWS shows is present, no member is outside the model's output shape, timestamps are epoch numbers.
/// Skips, saying so, when the model folder is not beside the repository (as on a user's clone).
/// </summary>
public class AwsExampleReplayTests : LocalServerTestBase
{
    private const string ExampleRegion = "us-west-2";
    private const string Secret = "MyTestDatabaseSecret";
    private const string OtherSecret = "MyTestDatabaseSecret1";
    private const string FirstToken = "EXAMPLE1-90ab-cdef-fedc-ba987SECRET1";
    private const string SecondToken = "EXAMPLE2-90ab-cdef-fedc-ba987SECRET2";
    private const string SingleUser = "arn:aws:lambda:us-west-2:123456789012:function:SecretsManagerLocalSingleUser";
    private const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";

    public AwsExampleReplayTests(LocalServerFixture fixture) : base(fixture) { }

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        var file = ModelFiles.Examples;
        if (!File.Exists(file))
        {
            data.Add("(none)", "(model folder absent)");
            return data;
        }
        foreach (var (operation, list) in JsonNode.Parse(File.ReadAllText(file))!["examples"]!.AsObject())
            foreach (var example in list!.AsArray())
                data.Add(operation, example!["title"]!.GetValue<string>());
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Examples))]
    public async Task Each_AWS_example_request_gets_an_answer_with_every_member_of_AWS_example_answer(string operation, string title)
    {
        Skip.IfNot(File.Exists(ModelFiles.Examples) && File.Exists(ModelFiles.Model),
            $"The AWS model is not at {Path.GetDirectoryName(ModelFiles.Examples)} (as on a user's clone): the example replay cannot run.");
        var example = JsonNode.Parse(File.ReadAllText(ModelFiles.Examples))!["examples"]![operation]!.AsArray()
            .Single(e => e!["title"]!.GetValue<string>() == title)!;
        var request = Adapt(example["input"]!.DeepClone().AsObject());

        if (operation != "CreateSecret") await Prepare(operation, title);
        var response = await Call(operation, request, ExampleRegion);
        var ours = SmAssert.Ok(response);

        var model = ModelShapes.Load();
        var expected = example["output"] is JsonObject output ? JsonSerializer.SerializeToElement(output) : default;
        var problems = new List<string>();
        if (expected.ValueKind == JsonValueKind.Object)
            model.MissingMembers(model.OutputOf(operation), expected, ours, "", problems);
        model.CheckAgainstModel(model.OutputOf(operation), ours, "", problems);
        Assert.True(problems.Count == 0, $"{operation} '{title}': {string.Join("; ", problems)}\nours: {ours}\nAWS: {expected}");
    }

    /// <summary>Names the example uses for other secrets, and Lambda functions this endpoint doesn't have, are mapped to ours.</summary>
    private static JsonObject Adapt(JsonObject request)
    {
        if (request["SecretId"]?.GetValue<string>() == "MyExampleSecret") request["SecretId"] = Secret;
        if (request.ContainsKey("RotationLambdaARN")) request["RotationLambdaARN"] = SingleUser;
        // The examples name version ids of their own account; ours are the two tokens Prepare used.
        foreach (var member in new[] { "MoveToVersionId", "RemoveFromVersionId" })
        {
            if (request[member]?.GetValue<string>() is { } id)
                request[member] = id.StartsWith("EXAMPLE1", StringComparison.Ordinal) ? FirstToken : SecondToken;
        }
        return request;
    }

    /// <summary>The state each example presumes: its secrets, a second version, a rotation, a policy, a deletion...</summary>
    private async Task Prepare(string operation, string title)
    {
        await Ok("CreateSecret", new
        {
            Name = Secret, ClientRequestToken = FirstToken, Description = "My test database secret",
            KmsKeyId = "arn:aws:kms:us-west-2:123456789012:key/EXAMPLE1-90ab-cdef-fedc-ba987KMSKEY1",
            SecretString = """{"username":"david","password":"EXAMPLE-PASSWORD"}""",
            Tags = new[] { new { Key = "SecondTag", Value = "AnotherValue" }, new { Key = "FirstTag", Value = "SomeValue" } },
        }, ExampleRegion);
        await Ok("CreateSecret", new { Name = OtherSecret, Description = "Another secret created for a different database", SecretString = "v" }, ExampleRegion);

        switch (operation, title)
        {
            case ("GetResourcePolicy", _) or ("DeleteResourcePolicy", _):
                await Ok("PutResourcePolicy", new { SecretId = Secret, ResourcePolicy = Policy }, ExampleRegion);
                break;
            case ("RestoreSecret", _):
                await Ok("DeleteSecret", new { SecretId = Secret }, ExampleRegion);
                break;
            case ("DescribeSecret", _) or ("GetSecretValue", _) or ("ListSecretVersionIds", _) or ("CancelRotateSecret", _)
                or ("RotateSecret", "To request an immediate rotation for a secret"):
                await Ok("PutSecretValue", new { SecretId = Secret, SecretString = "second" }, ExampleRegion);
                await Ok("GetSecretValue", new { SecretId = Secret }, ExampleRegion);
                await Ok("RotateSecret", new
                {
                    SecretId = Secret, RotationLambdaARN = SingleUser,
                    RotationRules = new { Duration = "2h", ScheduleExpression = "cron(0 16 1,15 * ? *)" },
                }, ExampleRegion);
                await WaitForRotations();
                Assert.True(SmAssert.Has(await Describe(Secret, ExampleRegion), "LastRotatedDate"), "The example's rotation did not complete.");
                break;
            case ("UpdateSecretVersionStage", "To delete a staging label attached to a version of a secret"):
                await Ok("UpdateSecretVersionStage", new { SecretId = Secret, VersionStage = "STAGINGLABEL1", MoveToVersionId = FirstToken }, ExampleRegion);
                break;
            case ("UpdateSecretVersionStage", "To move a staging label from one version of a secret to another"):
                await Ok("PutSecretValue", new { SecretId = Secret, ClientRequestToken = SecondToken, SecretString = "second", VersionStages = new[] { "NEXT" } }, ExampleRegion);
                break;
        }
    }
}
