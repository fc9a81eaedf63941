namespace Vtp.Text;

/// <summary>One token of an encoded text: its id, the input span it came from, and the index of its word.</summary>
/// <param name="Id">The vocabulary id.</param>
/// <param name="Source">Where the token's characters are in the input text.</param>
/// <param name="Word">Index of the word (or special token) the token belongs to; the pieces of one word share it.</param>
internal readonly record struct TokenSpan(int Id, Range Source, int Word);
