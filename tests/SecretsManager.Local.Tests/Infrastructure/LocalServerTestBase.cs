using Xunit;

namespace SecretsManager.Local.Tests.Infrastructure;

/// <summary>Base for test classes on a default endpoint (key pair test/test, no rotation functions).</summary>
public abstract class LocalServerTestBase : LocalServerTestBase<LocalServerFixture>, IClassFixture<LocalServerFixture>
{
    protected LocalServerTestBase(LocalServerFixture fixture) : base(fixture) { }
}
