using System.Net;
using SecretsManager.Engine.Model;
using SecretsManager.Engine.Tests.Support;
using SecretsManager.Engine.Workflows.Reading;

namespace SecretsManager.Engine.Tests.Wire;

/// <summary>The helpers page lazily: a page is requested only when the previous one has been consumed.</summary>
public class PagingTests
{
    [Fact]
    public void ListSecretsAllYieldsTheFirstItemBeforeTheNextPageIsRequested()
    {
        var handler = new ScriptedHttpHandler()
            .Then(HttpStatusCode.OK, """{"SecretList":[{"Name":"a"},{"Name":"b"}],"NextToken":"t1"}""")
            .Then(HttpStatusCode.OK, """{"SecretList":[{"Name":"c"}],"NextToken":"t2"}""")
            .Then(HttpStatusCode.OK, """{"SecretList":[{"Name":"d"}]}""");
        using var client = WireClient.Create(handler);
        var request = new ListSecretsRequest { MaxResults = 2, SortOrder = "desc" };

        using var items = client.ListSecretsAll(request).GetEnumerator();
        Assert.Empty(handler.Requests);
        Assert.True(items.MoveNext());
        Assert.Equal("a", items.Current.Name);
        Assert.Single(handler.Requests);

        var rest = new List<string>();
        while (items.MoveNext()) { rest.Add(items.Current.Name); }

        Assert.Equal(new[] { "b", "c", "d" }, rest);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Null(handler.Requests[0].Json["NextToken"]);
        Assert.Equal("t1", handler.Requests[1].Json["NextToken"].GetValue<string>());
        Assert.Equal("t2", handler.Requests[2].Json["NextToken"].GetValue<string>());
        Assert.All(handler.Requests, r => Assert.Equal("desc", r.Json["SortOrder"].GetValue<string>()));
        Assert.Null(request.NextToken);
    }

    [Theory]
    [InlineData(typeof(ListSecretsRequest))]
    [InlineData(typeof(ListSecretVersionIdsRequest))]
    public void EveryRequestMemberIsCarriedToEveryPage(Type requestType)
    {
        var handler = new ScriptedHttpHandler()
            .Then(HttpStatusCode.OK, """{"NextToken":"page-2"}""")
            .Then(HttpStatusCode.OK, "{}");
        using var client = WireClient.Create(handler);
        object request = ModelSamples.Full(requestType);

        if (request is ListSecretsRequest list) { client.ListSecretsAll(list).ToList(); }
        else { client.ListSecretVersionIdsAll((ListSecretVersionIdsRequest)request).ToList(); }

        // Page 1 carries the caller's own NextToken, page 2 the service's; every other member is the same on both.
        var expected = (System.Text.Json.Nodes.JsonObject)ModelSamples.ToWireJson(request);
        Assert.Equal(2, handler.Requests.Count);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(expected, handler.Requests[0].Json), handler.Requests[0].Body);
        expected["NextToken"] = "page-2";
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(expected, handler.Requests[1].Json), handler.Requests[1].Body);
    }

    [Fact]
    public void ListSecretVersionIdsAllFollowsNextToken()
    {
        var handler = new ScriptedHttpHandler()
            .Then(HttpStatusCode.OK, """{"Versions":[{"VersionId":"v1"}],"NextToken":"t1"}""")
            .Then(HttpStatusCode.OK, """{"Versions":[{"VersionId":"v2"}]}""");
        using var client = WireClient.Create(handler);

        var versions = client.ListSecretVersionIdsAll(new ListSecretVersionIdsRequest { SecretId = "s", IncludeDeprecated = true }).Select(v => v.VersionId).ToList();

        Assert.Equal(new[] { "v1", "v2" }, versions);
        Assert.All(handler.Requests, r => Assert.Equal("s", r.Json["SecretId"].GetValue<string>()));
    }

    [Fact]
    public void TheReaderSendsChunksOf20AndBatchGetSecretValueAllFollowsNextTokenWithinAChunk()
    {
        var handler = new ScriptedHttpHandler()
            .Then(HttpStatusCode.OK, """{"SecretValues":[],"NextToken":"more"}""")
            .Then(HttpStatusCode.OK, """{"SecretValues":[]}""")
            .Then(HttpStatusCode.OK, """{"SecretValues":[]}""");
        using var client = WireClient.Create(handler);
        var ids = Enumerable.Range(0, 25).Select(i => "id" + i).ToList();

        var pages = client.BatchGetSecretValueAll(ids.Take(20)).ToList();
        var reader = new SecretValueReader(_ => client);
        foreach (string id in ids.Skip(20)) reader.Add(id);
        reader.Complete();

        Assert.Equal(2, pages.Count);
        Assert.Equal(20, handler.Requests[0].Json["SecretIdList"].AsArray().Count);
        Assert.Equal(20, handler.Requests[1].Json["SecretIdList"].AsArray().Count);
        Assert.Equal("more", handler.Requests[1].Json["NextToken"].GetValue<string>());
        Assert.Equal(new[] { "id20", "id21", "id22", "id23", "id24" }, handler.Requests[2].Json["SecretIdList"].AsArray().Select(n => n.GetValue<string>()));
        Assert.Null(handler.Requests[2].Json["NextToken"]);
    }

    [Fact]
    public void BatchGetSecretValueAllSendsOneBatchAsPlannedAndRefusesAnyOtherAtTheCall()
    {
        var handler = new ScriptedHttpHandler();
        using var client = WireClient.Create(handler);

        // The reader plans batches once; the client does not chunk or de-duplicate a second time.
        Assert.Throws<ArgumentException>(() => client.BatchGetSecretValueAll(Enumerable.Range(0, 21).Select(i => "id" + i)));
        Assert.Throws<ArgumentException>(() => client.BatchGetSecretValueAll(new[] { "a", "b", "a" }));
        Assert.Throws<ArgumentException>(() => client.BatchGetSecretValueAll(Array.Empty<string>()));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void TheReaderNamesEachIdOnceAndTheMatcherAnswersEveryPosition()
    {
        // An endpoint that answers a repeated id twice (moto does) must not put an extra value into the output.
        var handler = new ScriptedHttpHandler()
            .Then(HttpStatusCode.OK, """{"SecretValues":[{"ARN":"arn:aws:secretsmanager:us-west-2:1:secret:a-AAAAAA","Name":"a","SecretString":"1"},{"ARN":"arn:aws:secretsmanager:us-west-2:1:secret:b-BBBBBB","Name":"b","SecretString":"2"}]}""");
        using var client = WireClient.Create(handler);
        var ids = new[] { "a", "b", "a", "a" };

        var reader = new SecretValueReader(_ => client);
        var results = ids.SelectMany(reader.Add).ToList();
        results.AddRange(reader.Complete());

        Assert.Equal(new[] { "a", "b" }, Assert.Single(handler.Requests).Json["SecretIdList"].AsArray().Select(n => n.GetValue<string>()));
        Assert.Equal(new[] { "1", "2", "1", "1" }, results.Select(r => r.Value.SecretString));
    }

    [Fact]
    public void BatchGetSecretValueAllByFiltersFollowsNextToken()
    {
        var handler = new ScriptedHttpHandler()
            .Then(HttpStatusCode.OK, """{"SecretValues":[{"Name":"a"}],"NextToken":"n"}""")
            .Then(HttpStatusCode.OK, """{"SecretValues":[{"Name":"b"}]}""");
        using var client = WireClient.Create(handler);

        var names = client.BatchGetSecretValueAll(new List<Filter> { new() { Key = "tag-key", Values = new() { "env" } } })
            .SelectMany(p => p.SecretValues).Select(v => v.Name).ToList();

        Assert.Equal(new[] { "a", "b" }, names);
        Assert.All(handler.Requests, r => Assert.Equal("tag-key", r.Json["Filters"][0]["Key"].GetValue<string>()));
    }

    [Fact]
    public void AServiceThatRepeatsItsNextTokenStopsTheLoopWithAnError()
    {
        var handler = new ScriptedHttpHandler { Fallback = () => ScriptedHttpHandler.Json(HttpStatusCode.OK, """{"SecretList":[],"NextToken":"same"}""") };
        using var client = WireClient.Create(handler);

        var error = Assert.Throws<InvalidOperationException>(() => client.ListSecretsAll(new ListSecretsRequest()).ToList());

        Assert.Contains("same NextToken", error.Message);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public void HelpersRejectNullArgumentsAtTheCall()
    {
        using var client = WireClient.Create(new ScriptedHttpHandler());

        Assert.Throws<ArgumentNullException>(() => client.ListSecretsAll(null));
        Assert.Throws<ArgumentNullException>(() => client.ListSecretVersionIdsAll(null));
        Assert.Throws<ArgumentException>(() => client.ListSecretVersionIdsAll(new ListSecretVersionIdsRequest()));
        Assert.Throws<ArgumentNullException>(() => client.BatchGetSecretValueAll((IEnumerable<string>)null));
        Assert.Throws<ArgumentNullException>(() => client.BatchGetSecretValueAll((IList<Filter>)null));
    }
}
