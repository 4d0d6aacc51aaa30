/// Errors of review sessions and review sheets.
public enum ReviewError: Error, CustomStringConvertible, Equatable {
  /// A decision would leave the glossary in an impossible state (two preferred, empty rendering ...).
  case refused(String)
  /// Undo found the row changed by someone else since the decision.
  case undoConflict(path: String, source: String, target: String)
  /// Nothing to undo in this session.
  case nothingToUndo
  /// A review sheet has rows that could not be applied (the others were applied).
  case sheetRows(path: String, problems: [String], applied: Int)
  /// A review sheet could not be read at all (no header, bad CSV).
  case badSheet(path: String, line: Int, reason: String)

  public var description: String {
    switch self {
    case let .refused(reason): return reason
    case let .undoConflict(path, source, target):
      return "\(path): cannot undo: the row \(source) -> \(target) was changed since the decision"
    case .nothingToUndo: return "nothing to undo in this session"
    case let .sheetRows(path, problems, applied):
      return (problems + ["\(path): \(problems.count) row\(problems.count == 1 ? "" : "s") not applied, \(applied) applied"])
        .joined(separator: "\n")
    case let .badSheet(path, line, reason): return line > 0 ? "\(path):\(line): \(reason)" : "\(path): \(reason)"
    }
  }
}

extension ReviewError: ExitCodeConvertible {
  public var exitCode: Int32 {
    switch self {
    case .nothingToUndo: return ExitStatus.findings
    case .refused, .undoConflict, .sheetRows, .badSheet: return ExitStatus.dataError
    }
  }
}
