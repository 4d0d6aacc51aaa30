import Foundation
import GlossaryKit

/// Collects a command's output and writes it at the end, to stdout or
/// atomically to a file, so that an error never leaves partial output behind.
struct Output {
  private var buffer = ""

  mutating func line(_ s: String) {
    buffer += s
    buffer += "\n"
  }

  mutating func write(_ s: String) { buffer += s }

  /// Writes to `path` (temp file + rename) or, when nil or `-`, to stdout.
  func finish(to path: String? = nil) throws {
    if let path, path != "-" {
      try AtomicFile.write(Data(buffer.utf8), to: path)
    } else {
      FileHandle.standardOutput.write(Data(buffer.utf8))
    }
  }
}

/// Terminal facts for colour and progress.
enum Terminal {
  static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }
  static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
  static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) != 0 }
  /// Colour only on a terminal and when NO_COLOR is unset (https://no-color.org).
  static var useColor: Bool {
    stdoutIsTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
  }
}

/// Encodes an Encodable value as pretty JSON with sorted keys.
func jsonString<T: Encodable>(_ value: T) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
  return String(decoding: try encoder.encode(value), as: UTF8.self)
}
