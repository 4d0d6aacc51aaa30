import ArgumentParser
import Foundation
import GlossaryKit

/// Turns any error into one line on stderr and an exit code.
///
/// Exit codes follow sysexits: 64 usage, 65 bad data, 66 missing or
/// unreadable input, 73 cannot create output, 75 temporary failure (a lock
/// held too long); 1 means "nothing found" for lookup and check.
enum Failure {
  static let usage: Int32 = 64
  static let dataError: Int32 = 65
  static let noInput: Int32 = 66
  static let cannotCreate: Int32 = 73
  static let software: Int32 = 70

  static func exit(with error: Error) -> Never {
    if let posix = error as? POSIXError, posix.code == .EPIPE { Foundation.exit(0) }
    // The libraries' errors: one line naming file and line, and a sysexits code.
    if let code = code(for: error) {
      printError(message(for: error))
      Foundation.exit(code)
    }
    // Usage errors, --help, ExitCode ...: swift-argument-parser says and exits.
    Glossary.exit(withError: error)
  }

  /// The one-line message of an error.
  static func message(for error: Error) -> String { String(describing: error) }

  /// The exit code of a library error; nil for errors that are not ours.
  static func code(for error: Error) -> Int32? {
    switch error {
    case let e as TextError:
      switch e {
      case .invalidUTF8, .nulByte: return dataError
      case .fileNotFound, .unreadable: return noInput
      case .unknownLanguage: return usage
      case .icu: return software
      }
    case is LexiconError: return dataError
    case is SentenceAlignError: return dataError
    case is WordAlignError: return dataError
    case let e as GlossaryError:
      switch e {
      case .invalid, .refused, .importFailed: return dataError
      case .notFound, .noSuchEntry, .noGlossaries: return noInput
      case .lockTimeout: return 75
      case .usage: return usage
      }
    case let e as ReviewError:
      switch e {
      case .nothingToUndo: return 1
      default: return dataError
      }
    case is OutputError: return cannotCreate
    case let e as CorpusError:
      switch e {
      case .notFound: return noInput
      case .exists: return cannotCreate
      case .invalid: return dataError
      }
    case is CheckError: return dataError
    default:
      return nil
    }
  }

  static func printError(_ message: String) {
    FileHandle.standardError.write(Data(("glossary: " + message + "\n").utf8))
  }
}
