import Foundation

/// Why a formulation was or was not proposed: `GLOSSARY_TRACE=国务院,务实合作 glossary extract
/// --dry-run` prints each decision about those source strings (match keys) to standard error.
enum MiningTrace {
  static let terms: Set<String> = Set(
    (ProcessInfo.processInfo.environment["GLOSSARY_TRACE"] ?? "").split(separator: ",").map(String.init))
  static var isOn: Bool { !terms.isEmpty }
  static func wants(_ text: String) -> Bool { terms.contains(text) }
  static func say(_ text: String, _ message: String) {
    FileHandle.standardError.write(Data("trace \(text): \(message)\n".utf8))
  }
}
