/// What a check enforces and reports.
public struct CheckOptions: Sendable {
  /// Statuses whose renderings count as approved (default preferred, admitted).
  /// Superseded renderings count as approved while valid at the document's date.
  public var enforce: Set<TermStatus>
  /// Also report target renderings whose source term is absent (`--reverse`, as `info`).
  public var reverse: Bool
  /// Before calling a rendering missing, also look this many target sentences
  /// before and after the paired ones (same paragraph): absorbs pairing errors
  /// when the two versions split sentences differently.
  public var slack: Int
  /// Also check discourse entries (``GlossaryEntry/isDiscourse``: 双方 "the two sides",
  /// 中方 "China"), which good translators restructure (`--strict`).
  public var strict: Bool
  /// Ask the word aligner what a term with no rendering in its aligned target was
  /// translated as (the evidence that makes a `warning`); off, such terms are `info`.
  public var alignWords: Bool

  public init(
    enforce: Set<TermStatus> = [.preferred, .admitted], reverse: Bool = false, slack: Int = 1, strict: Bool = false,
    alignWords: Bool = true
  ) {
    self.enforce = enforce
    self.reverse = reverse
    self.slack = slack
    self.strict = strict
    self.alignWords = alignWords
  }
}
