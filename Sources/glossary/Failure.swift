import ArgumentParser
import Foundation
import GlossaryKit

/// Turns an error thrown while a command runs into one line on stderr (one per
/// problem) and an exit code, through ``ExitStatus`` only: the libraries'
/// errors carry their sysexits code (``ExitCodeConvertible``); an error that
/// does not is a bug and exits 70 (EX_SOFTWARE), never 1, which means
/// "nothing found" for lookup and "findings" for check.
enum Failure {
  static func exit(with error: Error) -> Never {
    if let posix = error as? POSIXError, posix.code == .EPIPE { Foundation.exit(0) }
    // swift-argument-parser's own errors: a command's exit code (ExitCode(1) for findings ...),
    // CleanExit, ValidationError, and --help, which its HelpCommand throws from run().
    if !(error is ExitCodeConvertible), String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
      GlossaryCommand.exit(withError: error)
    }
    printError(ExitStatus.message(for: error))
    Foundation.exit(ExitStatus.code(for: error))
  }

  /// The one-line message of an error.
  static func message(for error: Error) -> String { ExitStatus.message(for: error) }

  static func printError(_ message: String) {
    FileHandle.standardError.write(Data(("glossary: " + message + "\n").utf8))
  }
}
