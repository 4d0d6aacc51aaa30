/// One problem found in a glossary file: where, and what is wrong.
public struct GlossaryProblem: Hashable, Sendable, CustomStringConvertible {
  public var path: String
  /// 1-based line; 0 when the problem is not tied to a line.
  public var line: Int
  public var message: String

  public init(path: String, line: Int, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  public var description: String { line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)" }
}

/// Errors reading, validating, editing, importing and exporting glossaries.
public enum GlossaryError: Error, CustomStringConvertible, Equatable {
  /// The file has broken rows; every problem found (up to a limit) is listed.
  case invalid(path: String, problems: [GlossaryProblem], more: Int)
  /// The glossary (or an input file) does not exist.
  case notFound(path: String)
  /// Another process held the glossary's lock for too long.
  case lockTimeout(path: String, seconds: Double)
  /// An edit would leave the glossary in an impossible state (duplicate, two preferred ...).
  case refused(path: String, reason: String)
  /// The row to edit, deprecate or remove is not there.
  case noSuchEntry(path: String, source: String, target: String)
  /// An import file could not be read.
  case importFailed(path: String, line: Int, reason: String)
  /// A usage problem (bad option value).
  case usage(String)
  /// No glossary to read was found.
  case noGlossaries(String)

  public var description: String {
    switch self {
    case let .invalid(path, problems, more):
      var lines = problems.map(\.description)
      if more > 0 { lines.append("\(path): \(more) more problem\(more == 1 ? "" : "s") not shown") }
      return lines.joined(separator: "\n")
    case let .notFound(path): return "\(path): no such file"
    case let .lockTimeout(path, seconds):
      return "\(path): another glossary command has held the lock for \(Int(seconds.rounded())) s; try again later"
    case let .refused(path, reason): return "\(path): \(reason)"
    case let .noSuchEntry(path, source, target): return "\(path): no row \(source) -> \(target)"
    case let .importFailed(path, line, reason): return line > 0 ? "\(path):\(line): \(reason)" : "\(path): \(reason)"
    case let .usage(message): return message
    case let .noGlossaries(message): return message
    }
  }
}

extension GlossaryError: ExitCodeConvertible {
  public var exitCode: Int32 {
    switch self {
    case .invalid, .refused, .importFailed: return ExitStatus.dataError
    case .notFound, .noSuchEntry, .noGlossaries: return ExitStatus.noInput
    case .lockTimeout: return ExitStatus.temporaryFailure
    case .usage: return ExitStatus.usage
    }
  }
}
