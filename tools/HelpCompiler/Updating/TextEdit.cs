namespace SecretsManager.HelpCompiler.Updating;

/// <summary>Replace the text in [Start, End) with Text; an insertion has Start == End.</summary>
public sealed record TextEdit(int Start, int End, string Text)
{
    /// <summary>Applies non-overlapping edits from the back so earlier offsets stay valid.</summary>
    public static string Apply(string source, IEnumerable<TextEdit> edits)
    {
        var ordered = edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.End).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].End > ordered[i - 1].Start && ordered[i].Start != ordered[i - 1].Start)
                throw new InvalidOperationException($"Overlapping edits at offsets {ordered[i].Start}-{ordered[i].End} and {ordered[i - 1].Start}-{ordered[i - 1].End}.");
        }
        var text = source;
        foreach (var edit in ordered) text = text[..edit.Start] + edit.Text + text[edit.End..];
        return text;
    }
}
