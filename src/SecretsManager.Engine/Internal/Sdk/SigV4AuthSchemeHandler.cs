using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.Runtime.Internal;

namespace SecretsManager.Engine.Internal.Sdk
{
    /// <summary>Every Secrets Manager operation is signed with SigV4 (model trait aws.auth#sigv4, name secretsmanager).</summary>
    internal sealed class SigV4AuthSchemeHandler : BaseAuthResolverHandler
    {
        protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) => AuthSchemeOption.DEFAULT_SIGV4;
    }
}
