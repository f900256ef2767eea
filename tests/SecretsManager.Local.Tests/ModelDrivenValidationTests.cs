using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>
/// Every length, range, pattern, enum and required trait of every operation's input, generated from the Smithy model
/// itself (../shared/aws-model), so no constraint can be forgotten: each violation is a ValidationException (HTTP 400)
/// and changes nothing. Skips, saying so, when the model folder is not beside the repository.
/// </summary>
public class ModelDrivenValidationTests : LocalServerTestBase
{
    public ModelDrivenValidationTests(LocalServerFixture fixture) : base(fixture) { }

    private static bool ModelPresent => File.Exists(ModelFiles.Model);

    private static string SkipMessage => $"The Smithy model is not at {ModelFiles.Model} (as on a user's clone): the model-driven validation tests cannot run.";

    public static TheoryData<string, string, string> Violations()
    {
        var data = new TheoryData<string, string, string>();
        if (!ModelPresent)
        {
            data.Add("(none)", "(model absent)", "{}");
            return data;
        }
        foreach (var c in ModelViolations.All(ModelShapes.Load())) data.Add(c.Operation, c.Rule, c.Body);
        return data;
    }

    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        if (!ModelPresent) data.Add("(model absent)");
        else foreach (var operation in ModelShapes.Load().Operations) data.Add(operation);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Violations))]
    public async Task A_request_that_breaks_one_model_constraint_is_ValidationException_and_changes_nothing(string operation, string rule, string body)
    {
        Skip.IfNot(ModelPresent, SkipMessage);
        await CreateSecret("c", "value", new Dictionary<string, object?>
        {
            ["Description"] = "unchanged",
            ["Tags"] = new[] { new { Key = "k", Value = "v" } },
        });
        var before = await Describe("c");
        var versionsBefore = await Versions("c");

        var response = await CallRaw(operation, body);
        Assert.True(response.ErrorCode == "ValidationException" && response.Status == 400,
            $"{operation} with {rule}: expected ValidationException (HTTP 400) but got {response}\nrequest: {body}");

        Assert.Equal(before.ToString(), (await Describe("c")).ToString());
        Assert.Equal(versionsBefore, await Versions("c"), new VersionMapComparer());
        Assert.Single(await ListAll(new Dictionary<string, object?> { ["IncludePlannedDeletion"] = true }));
        Assert.Empty(await ListAll(new Dictionary<string, object?> { ["IncludePlannedDeletion"] = true }, "eu-west-1"));
    }

    public static TheoryData<string, string, string> Limits()
    {
        var data = new TheoryData<string, string, string>();
        if (!ModelPresent)
        {
            data.Add("(none)", "(model absent)", "{}");
            return data;
        }
        foreach (var c in ModelViolations.AtTheLimits(ModelShapes.Load())) data.Add(c.Operation, c.Rule, c.Body);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Limits))]
    public async Task A_member_at_the_limit_the_model_allows_passes_validation(string operation, string rule, string body)
    {
        Skip.IfNot(ModelPresent, SkipMessage);
        await CreateSecret("c", "value");
        var response = await CallRaw(operation, body);
        Assert.True(response.ErrorCode is not ("ValidationException" or "SerializationException"),
            $"{operation} with {rule}: the endpoint is stricter than the model: {response}");
    }

    [SkippableTheory]
    [MemberData(nameof(Operations))]
    public async Task The_generated_valid_request_passes_model_validation(string operation)
    {
        // Guards the generator: each violation above must be the only thing wrong with its request.
        Skip.IfNot(ModelPresent, SkipMessage);
        await CreateSecret("c", "value");
        var model = ModelShapes.Load();
        var body = ModelViolations.ValidValue(model, model.InputOf(operation)).ToJsonString();
        var response = await CallRaw(operation, body);
        Assert.True(response.ErrorCode is not ("ValidationException" or "SerializationException"), $"{operation}: {response}\nrequest: {body}");
        if (response.IsSuccess)
        {
            var problems = new List<string>();
            model.CheckAgainstModel(model.OutputOf(operation), response.Json, "", problems);
            Assert.True(problems.Count == 0, $"{operation}: {string.Join("; ", problems)}\n{response}");
        }
    }

    [SkippableFact]
    public void The_error_code_check_every_call_makes_follows_the_model()
    {
        // SmClient rejects any answer whose error code the model doesn't list for the operation; this proves that check bites.
        Skip.IfNot(ModelPresent, SkipMessage);
        Assert.True(ModelErrors.Allows("PutSecretValue", "ResourceExistsException"));
        Assert.True(ModelErrors.Allows("DescribeSecret", "ValidationException"));
        Assert.False(ModelErrors.Allows("DescribeSecret", "ResourceExistsException"));
        Assert.False(ModelErrors.Allows("GetRandomPassword", "ResourceNotFoundException"));
    }
}
