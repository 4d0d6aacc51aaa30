import CSQLite
import GlossaryText

/// Errors of the alignment store and its SQLite files.
public enum StoreError: Error, CustomStringConvertible, Equatable {
  /// The file cannot be opened, created or written (permissions, disk full, I/O).
  case cannotWrite(path: String, reason: String)
  /// Another process holds the store longer than the timeout.
  case busy(path: String, reason: String)
  /// The file is not a store this version can trust (damaged, not SQLite, another format);
  /// callers that own the store rebuild it instead of reporting this.
  case corrupt(path: String, reason: String)
  /// No store for a corpus yet (read-only commands: run `glossary extract` first).
  case missing(path: String, hint: String)
  /// Anything else SQLite reports (a bug in a statement).
  case failed(path: String, reason: String)

  public var description: String {
    switch self {
    case let .cannotWrite(path, reason): return "\(path): cannot write the alignment store: \(reason)"
    case let .busy(path, reason): return "\(path): the alignment store is busy: \(reason)"
    case let .corrupt(path, reason): return "\(path): damaged alignment store: \(reason)"
    case let .missing(path, hint): return "\(path): no alignment store (\(hint))"
    case let .failed(path, reason): return "\(path): alignment store: \(reason)"
    }
  }

  /// True for the errors that mean "do not trust this file": rebuild it.
  public var isCorruption: Bool { if case .corrupt = self { return true } else { return false } }

  /// Maps an SQLite result code (primary or extended) to a store error.
  static func from(code: Int32, message: String, path: String) -> StoreError {
    switch code & 0xFF {
    case SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_FORMAT: return .corrupt(path: path, reason: message)
    case SQLITE_BUSY, SQLITE_LOCKED: return .busy(path: path, reason: message)
    case SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM, SQLITE_FULL, SQLITE_IOERR, SQLITE_AUTH:
      return .cannotWrite(path: path, reason: message)
    default: return .failed(path: path, reason: message)
    }
  }
}

extension StoreError: ExitCodeConvertible {
  public var exitCode: Int32 {
    switch self {
    case .cannotWrite: return ExitStatus.cannotCreate
    case .busy: return ExitStatus.temporaryFailure
    case .corrupt: return ExitStatus.dataError
    case .missing: return ExitStatus.noInput
    case .failed: return ExitStatus.software
    }
  }
}
