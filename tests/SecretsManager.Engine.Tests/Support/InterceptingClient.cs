using System.Reflection;
using SecretsManager.Engine.Client;
using SecretsManager.Engine.Internal;
using SecretsManager.Engine.Model;

namespace SecretsManager.Engine.Tests.Support;

/// <summary>
/// A client for workflow tests: every operation goes to a real client (an in-process SecretsManager.Local) unless the
/// test replaces it with <see cref="On"/>; every operation call is recorded by name, in order. The paging helpers
/// run over this client, so their pages are recorded and replaced too.
/// </summary>
public class InterceptingClient : DispatchProxy
{
    private ISecretsManagerClient _inner;
    private ISecretsManagerClient _self;
    private readonly Dictionary<string, Func<object, object>> _overrides = new();
    private readonly List<string> _calls = new();
    private readonly object _gate = new();

    /// <summary>The operations called so far, in order (e.g. "GetSecretValue").</summary>
    public IReadOnlyList<string> Calls { get { lock (_gate) { return _calls.ToList(); } } }

    /// <summary>How often <paramref name="operation"/> was called.</summary>
    public int Count(string operation) => Calls.Count(c => c == operation);

    public ISecretsManagerClient Client => _self;

    public static InterceptingClient Over(ISecretsManagerClient inner)
    {
        var proxy = Create<ISecretsManagerClient, InterceptingClient>();
        var intercepting = (InterceptingClient)(object)proxy;
        intercepting._inner = inner;
        intercepting._self = proxy;
        return intercepting;
    }

    /// <summary>Replaces an operation: the function gets the request and returns the response, or throws.</summary>
    public InterceptingClient On<TRequest, TResponse>(string operation, Func<TRequest, TResponse> answer)
    {
        lock (_gate) { _overrides[operation] = request => answer((TRequest)request); }
        return this;
    }

    /// <summary>Forwards an operation to the real client again.</summary>
    public void Restore(string operation)
    {
        lock (_gate) { _overrides.Remove(operation); }
    }

    protected override object Invoke(MethodInfo targetMethod, object[] args)
    {
        switch (targetMethod.Name)
        {
            case nameof(ISecretsManagerClient.ListSecretsAll): return Paging.ListSecrets(_self, (ListSecretsRequest)args[0]);
            case nameof(ISecretsManagerClient.ListSecretVersionIdsAll): return Paging.ListSecretVersionIds(_self, (ListSecretVersionIdsRequest)args[0]);
            case nameof(ISecretsManagerClient.BatchGetSecretValueAll):
                return args[0] is IList<Filter> filters ? Paging.BatchGetSecretValueByFilters(_self, filters) : Paging.BatchGetSecretValueByIds(_self, SecretsManagerClient.OneBatch((IEnumerable<string>)args[0]));
            case nameof(ISecretsManagerClient.Resolution):
            case "get_" + nameof(ISecretsManagerClient.Resolution):
            case nameof(IDisposable.Dispose):
                return targetMethod.Invoke(_inner, args);
        }
        string operation = targetMethod.Name.EndsWith("Async", StringComparison.Ordinal) ? targetMethod.Name[..^5] : targetMethod.Name;
        Func<object, object> answer;
        lock (_gate)
        {
            _calls.Add(operation);
            _overrides.TryGetValue(operation, out answer);
        }
        if (answer != null)
        {
            object response = answer(args[0]);
            if (targetMethod.Name.EndsWith("Async", StringComparison.Ordinal))
            {
                return typeof(Task).GetMethod(nameof(Task.FromResult)).MakeGenericMethod(targetMethod.ReturnType.GetGenericArguments()[0]).Invoke(null, new[] { response });
            }
            return response;
        }
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
