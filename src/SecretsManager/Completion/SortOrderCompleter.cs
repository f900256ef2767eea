using SecretsManager.Engine;

namespace SecretsManager.Commands
{
    /// <summary>Completes -SortOrder with the model's SortOrderType values.</summary>
    public sealed class SortOrderCompleter : ValueListCompleter
    {
        /// <summary>Completes with ModelConstraints.SortOrderTypeValues.</summary>
        public SortOrderCompleter() : base(ModelConstraints.SortOrderTypeValues) { }
    }
}
