using System.Reflection;
using SecretsManager.Engine.Client;

namespace SecretsManager.Engine.Tests.Support;

/// <summary>Forwards every call to a real client, running a competing write before the first PutSecretValue.</summary>
public class RacingClient : DispatchProxy
{
    private ISecretsManagerClient _inner;
    private Action _beforePut;

    public static ISecretsManagerClient Wrap(ISecretsManagerClient inner, Action beforePut)
    {
        var proxy = Create<ISecretsManagerClient, RacingClient>();
        var racing = (RacingClient)(object)proxy;
        racing._inner = inner;
        racing._beforePut = beforePut;
        return proxy;
    }

    protected override object Invoke(MethodInfo targetMethod, object[] args)
    {
        if (targetMethod.Name == nameof(ISecretsManagerClient.PutSecretValue) && _beforePut is Action race)
        {
            _beforePut = null;
            race();
        }
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException != null)
        {
            throw e.InnerException;
        }
    }
}
