using SecretsManager.Engine.Model;

namespace SecretsManager.Completion
{
    /// <summary>Completes -SortOrder with the model's SortOrderType values.</summary>
    public sealed class SortOrderCompleter : ValueListCompleter
    {
        /// <summary>Completes with ModelConstraints.SortOrderTypeValues.</summary>
        public SortOrderCompleter() : base(ModelConstraints.SortOrderTypeValues) { }
    }
}
