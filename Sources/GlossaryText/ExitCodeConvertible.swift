/// THE mapping from errors to exit codes: every library error type adopts
/// ``ExitCodeConvertible``; the CLI maps errors through ``ExitStatus/code(for:)``
/// only. An error that does not adopt it is a bug in this project and exits
/// ``ExitStatus/software`` (70), never 1, which `lookup` and `check` use for
/// "nothing found" and "findings".
public protocol ExitCodeConvertible: Error, CustomStringConvertible {
  /// The sysexits code (``ExitStatus``) the CLI exits with.
  var exitCode: Int32 { get }
}

extension ExitCodeConvertible {
  /// What the CLI prints after `glossary: `: the description, one line per problem
  /// (an error listing several broken rows has one line for each).
  public var message: String { description }
}

/// The exit codes of this project (sysexits.h, plus 1 for findings).
public enum ExitStatus {
  /// Success.
  public static let ok: Int32 = 0
  /// Nothing found (lookup) or findings (check): not an error.
  public static let findings: Int32 = 1
  /// EX_USAGE: the command was used wrongly (unknown option value, bad language code).
  public static let usage: Int32 = 64
  /// EX_DATAERR: the input data is wrong (invalid UTF-8, a broken row).
  public static let dataError: Int32 = 65
  /// EX_NOINPUT: an input file does not exist or cannot be read.
  public static let noInput: Int32 = 66
  /// EX_SOFTWARE: an internal error (ICU failed, an error this project does not map).
  public static let software: Int32 = 70
  /// EX_CANTCREAT: an output file cannot be created.
  public static let cannotCreate: Int32 = 73
  /// EX_TEMPFAIL: try again later (a lock held too long).
  public static let temporaryFailure: Int32 = 75

  /// The exit code of any error: its own when it adopts ``ExitCodeConvertible``, else 70.
  public static func code(for error: Error) -> Int32 {
    (error as? ExitCodeConvertible)?.exitCode ?? software
  }

  /// The message of any error (one line per problem).
  public static func message(for error: Error) -> String {
    (error as? ExitCodeConvertible)?.message ?? String(describing: error)
  }
}
