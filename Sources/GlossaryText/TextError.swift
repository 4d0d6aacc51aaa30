/// Errors raised while reading and segmenting text.
///
/// Every case that concerns input names the file (or `-` for standard input)
/// and, where there is one, the 1-based line and column, so that the CLI can
/// print `file:line:column: message` and a translator can open the spot.
public enum TextError: Error, CustomStringConvertible, Equatable {
  /// The bytes are not valid UTF-8.
  case invalidUTF8(path: String, line: Int, column: Int)
  /// The text contains a NUL byte (usually a binary file).
  case nulByte(path: String, line: Int, column: Int)
  /// The file does not exist.
  case fileNotFound(path: String)
  /// The file exists but cannot be read (permissions, a directory ...).
  case unreadable(path: String, reason: String)
  /// A language code that ICU has no data for.
  case unknownLanguage(code: String)
  /// ICU reported a failure (error code > 0).
  case icu(operation: String, code: Int32)

  public var description: String {
    switch self {
    case let .invalidUTF8(path, line, column):
      return "\(path):\(line):\(column): invalid UTF-8 (the file must be UTF-8 text)"
    case let .nulByte(path, line, column):
      return "\(path):\(line):\(column): NUL byte (binary file?)"
    case let .fileNotFound(path):
      return "\(path): no such file"
    case let .unreadable(path, reason):
      return "\(path): cannot read: \(reason)"
    case let .unknownLanguage(code):
      return "unknown language '\(code)': give an ICU language code such as zh, en, fr, ru, lo"
    case let .icu(operation, code):
      return "ICU \(operation) failed with error \(code)"
    }
  }
}

extension TextError: ExitCodeConvertible {
  public var exitCode: Int32 {
    switch self {
    case .invalidUTF8, .nulByte: return ExitStatus.dataError
    case .fileNotFound, .unreadable: return ExitStatus.noInput
    case .unknownLanguage: return ExitStatus.usage
    case .icu: return ExitStatus.software
    }
  }
}
