using SecretsManager.Local.Tests.Infrastructure;
using Xunit;

namespace SecretsManager.Local.Tests;

/// <summary>The tests' own signer matches AWS's published SigV4 example, so auth failures are the endpoint's.</summary>
public class SigV4SignerTests
{
    [Fact]
    public void Signer_reproduces_the_AWS_documentation_example()
    {
        // The IAM ListUsers example from AWS's "Signature Version 4 signing process" documentation.
        var headers = new Dictionary<string, string>
        {
            ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8",
            ["Host"] = "iam.amazonaws.com",
            ["X-Amz-Date"] = "20150830T123600Z",
        };
        var authorization = SigV4Signer.Authorization("GET", "/", "Action=ListUsers&Version=2010-05-08", headers, [],
            "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1", "iam",
            new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc));

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, " +
            "SignedHeaders=content-type;host;x-amz-date, " +
            "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
            authorization);
    }
}
