using SecretsManager.Engine.Model;

namespace SecretsManager.Completion
{
    /// <summary>Completes -SortBy with the model's SortByType values.</summary>
    public sealed class SortByCompleter : ValueListCompleter
    {
        /// <summary>Completes with ModelConstraints.SortByTypeValues.</summary>
        public SortByCompleter() : base(ModelConstraints.SortByTypeValues) { }
    }
}
