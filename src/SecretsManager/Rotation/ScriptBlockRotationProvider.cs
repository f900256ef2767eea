using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using SecretsManager.Conversion;
using SecretsManager.Engine.Conversion;
using SecretsManager.Engine.Workflows.Rotation;

namespace SecretsManager.Rotation
{
    /// <summary>
    /// The engine's provider over a user's script blocks. Each gets one argument (also in $_): a context with SecretId,
    /// Name, ARN, Token, Current, Pending, Restoring and Step; Current and Pending are hashtables for a JSON secret,
    /// strings otherwise; the context itself prints (ToString, default display) without them. The blocks run with
    /// $ErrorActionPreference = 'Stop', so any error fails the step.
    /// </summary>
    internal sealed class ScriptBlockRotationProvider : IRotationProvider
    {
        private readonly RotationProvider _provider;

        public ScriptBlockRotationProvider(RotationProvider provider) => _provider = provider ?? throw new ArgumentNullException(nameof(provider));

        public string Description => _provider.ToString();

        public void Validate(RotationContext context)
        {
            if (_provider.New == null) DefaultPendingValue.Validate(context);
        }

        public string NewValue(RotationContext context)
        {
            if (_provider.New == null) return DefaultPendingValue.Create(context, _provider.PasswordLength, _provider.ExcludeCharacters);
            var output = Invoke(_provider.New, context).Where(o => o != null).ToList();
            if (output.Count != 1)
            {
                throw new InvalidOperationException($"the -New script block returned {output.Count} values; it must return one: a hashtable for a JSON secret, or a string.");
            }
            object value = PSObjectConverter.ToPlainData(PSObjectConverter.Unwrap(output[0]));
            switch (value)
            {
                case string text: return text;
                case System.Security.SecureString secure: return SecureStringConverter.ToPlainText(secure);
                case IDictionary dictionary: return RotationValues.ToJson(dictionary, context.Current);
                default:
                    throw new InvalidOperationException($"the -New script block returned a {value.GetType().Name}; return a hashtable for a JSON secret, or a string.");
            }
        }

        public void Set(RotationContext context) => Invoke(_provider.Set, context);

        public void Test(RotationContext context)
        {
            var output = Invoke(_provider.Test, context);
            if (output.Count > 0 && PSObjectConverter.Unwrap(output[output.Count - 1]) is bool passed && !passed)
            {
                throw new InvalidOperationException("the -Test script block returned $false.");
            }
        }

        private static Collection<PSObject> Invoke(ScriptBlock block, RotationContext context)
        {
            PSObject argument = ContextObject(context);
            var variables = new List<PSVariable>
            {
                new PSVariable("ErrorActionPreference", ActionPreference.Stop),
                new PSVariable("_", argument),
            };
            try
            {
                return block.InvokeWithContext(null, variables, argument);
            }
            catch (PipelineStoppedException)
            {
                // Ctrl+C: the rotation stops where it is, and the next run resumes it.
                throw new OperationCanceledException("The pipeline was stopped.");
            }
            catch (OperationCanceledException e)
            {
                // A script's own cancellation is its step's failure, not the user's Ctrl+C.
                throw new InvalidOperationException(e.Message);
            }
            catch (RuntimeException e)
            {
                throw new InvalidOperationException(e.Message);
            }
        }

        private static PSObject ContextObject(RotationContext context)
        {
            var result = new PSObject();
            result.Properties.Add(new PSNoteProperty("SecretId", context.SecretId));
            result.Properties.Add(new PSNoteProperty("Name", context.Name));
            result.Properties.Add(new PSNoteProperty("ARN", context.ARN));
            result.Properties.Add(new PSNoteProperty("Token", context.Token));
            result.Properties.Add(new PSNoteProperty("Current", ValueOf(context.Current)));
            result.Properties.Add(new PSNoteProperty("Pending", ValueOf(context.Pending)));
            result.Properties.Add(new PSNoteProperty("Restoring", context.Restoring));
            result.Properties.Add(new PSNoteProperty("Step", RotationStepName.Of(context.Step)));
            // "$_" in a step (Write-Verbose "rotating $_") and the default display name the secret, the step and the
            // token, never Current or Pending: a PSCustomObject would print them all.
            result.Methods.Add(new PSScriptMethod("ToString", ScriptBlock.Create(
                "\"$($this.Step) of secret '$($this.SecretId)', version $($this.Token)$(if ($this.Restoring) { ' (restoring the target)' })\"")));
            result.Members.Add(new PSMemberSet(PSStandardMembers, new PSMemberInfo[]
            {
                new PSPropertySet(DefaultDisplayPropertySet, new[] { "SecretId", "Name", "Token", "Step", "Restoring" }),
            }));
            return result;
        }

        private const string PSStandardMembers = "PSStandardMembers";
        private const string DefaultDisplayPropertySet = "DefaultDisplayPropertySet";

        private static object ValueOf(string value) => RotationValues.IsJsonObject(value) ? SecretJsonConverter.ToHashtable(value) : (object)value;
    }
}
