/// Errors of `glossary check` and `glossary annotate`.
public enum CheckError: Error, CustomStringConvertible, Equatable {
  /// A glossary's languages do not match the documents'.
  case languageMismatch(path: String, glossary: String, documents: String)
  /// No date given and none in the file name.
  case badDate(String)
  /// A corpus folder without any document pair.
  case noPairs(path: String, languages: String)
  /// A usage problem (bad option value).
  case usage(String)
  /// A document that is not in the language it is declared in (file name, option or glossary).
  case wrongLanguage(path: String, declared: String, problem: String)

  public var description: String {
    switch self {
    case let .languageMismatch(path, glossary, documents):
      return "\(path): glossary languages \(glossary) do not match the documents (\(documents)); give --source-lang/--target-lang or another --glossary"
    case let .badDate(text): return "\"\(text)\" is not a date YYYY-MM-DD"
    case let .noPairs(path, languages):
      return "\(path): no document pairs YYYY-MM-DD-slug.LANG.txt for \(languages)"
    case let .usage(message): return message
    case let .wrongLanguage(path, declared, problem):
      return "\(path): expected a \(declared) text (from the file name, --source-lang/--target-lang or the glossary), but \(problem); are the files swapped?"
    }
  }
}

extension CheckError: ExitCodeConvertible {
  public var exitCode: Int32 {
    switch self {
    case .usage: return ExitStatus.usage
    case .noPairs: return ExitStatus.noInput
    case .languageMismatch, .badDate, .wrongLanguage: return ExitStatus.dataError
    }
  }
}
