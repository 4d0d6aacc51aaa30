import GlossaryText

/// Errors of the sentence aligner.
public enum SentenceAlignError: Error, CustomStringConvertible, Equatable {
  /// The configuration cannot align anything (e.g. no bead with both sides non-empty).
  case badConfiguration(String)
  /// The paragraph list does not match the sentence list.
  case paragraphCountMismatch(side: String, sentences: Int, paragraphs: Int)

  public var description: String {
    switch self {
    case let .badConfiguration(why): return "bad sentence aligner configuration: \(why)"
    case let .paragraphCountMismatch(side, s, p):
      return "\(side): \(s) sentences but \(p) paragraph numbers"
    }
  }
}

extension SentenceAlignError: ExitCodeConvertible {
  public var exitCode: Int32 { ExitStatus.dataError }
}
