using System;
using SecretsManager.Engine.Progress;
using SecretsManager.Engine.Workflows.Rotation;

namespace SecretsManager.Rotation
{
    /// <summary>
    /// Turns a rotation's steps into progress under "Rotating secret 'name' here", its warnings into warnings and its
    /// details into -Verbose, through the cmdlet's writers (given as delegates; this class never sees the cmdlet).
    /// </summary>
    internal sealed class RotationProgressObserver : IRotationObserver
    {
        private readonly string _secret;
        private readonly Action<string, ProgressUpdate> _progress;
        private readonly Action<string> _warn;
        private readonly Action<string> _verbose;

        // secret: as messages name it, quoted (the cmdlet's Quoted: its name, also when it came as an ARN).
        public RotationProgressObserver(string secret, Action<string, ProgressUpdate> progress, Action<string> warn, Action<string> verbose)
        {
            _secret = secret;
            _progress = progress;
            _warn = warn;
            _verbose = verbose;
        }

        /// <summary>The progress activity.</summary>
        public string Activity => $"Rotating secret {_secret} here";

        public void StepStarting(RotationStep step)
        {
            int percent;
            string status;
            switch (step)
            {
                case RotationStep.CreateSecret: percent = 0; status = "createSecret: storing the new value as AWSPENDING"; break;
                case RotationStep.SetSecret: percent = 25; status = "setSecret: setting the new value on the target"; break;
                case RotationStep.TestSecret: percent = 50; status = "testSecret: testing the new value on the target"; break;
                case RotationStep.FinishSecret: percent = 75; status = "finishSecret: moving AWSCURRENT to the new version"; break;
                default: percent = 90; status = "A step failed: restoring the current value on the target"; break;
            }
            _progress(Activity, new ProgressUpdate(status, percent, completed: false));
            _verbose($"{RotationStepName.Of(step)} for secret {_secret}.");
        }

        public void StateReached(RotationState state) { }

        public void Warn(string message) => _warn(message);

        public void Note(string message) => _verbose(message);

        /// <summary>Ends the progress bar.</summary>
        public void Complete() => _progress(Activity, new ProgressUpdate("Done", 100, completed: true));
    }
}
