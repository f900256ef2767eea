namespace SecretsManager.Engine.Internal
{
    /// <summary>What a check found about a change whose answer was lost.</summary>
    internal sealed class OutcomeVerdict
    {
        private OutcomeVerdict(OutcomeKind kind, object response, string detail)
        {
            Kind = kind;
            Response = response;
            Detail = detail;
        }

        public OutcomeKind Kind { get; }

        /// <summary>For <see cref="OutcomeKind.Applied"/>: the answer the call would have had, rebuilt from what the check read.</summary>
        public object Response { get; }

        /// <summary>What the check saw, for the caller's message.</summary>
        public string Detail { get; }

        public static OutcomeVerdict Applied(object response, string detail) => new OutcomeVerdict(OutcomeKind.Applied, response, detail);

        public static OutcomeVerdict NotApplied(string detail) => new OutcomeVerdict(OutcomeKind.NotApplied, null, detail);

        public static OutcomeVerdict Unknown(string detail) => new OutcomeVerdict(OutcomeKind.Unknown, null, detail);
    }
}
