import ArgumentParser
import Foundation
import GlossaryKit

/// `--glossary` for commands that read: repeatable; default every `*.tsv` in
/// ./Glossaries, or the colon-separated files and folders in `$GLOSSARY_PATH`.
struct GlossaryReadOptions: ParsableArguments {
  @Option(
    name: .customLong("glossary"),
    help: ArgumentHelp(
      "Glossary file or folder to read (repeatable; default: $GLOSSARY_PATH, else Glossaries/*.tsv).",
      valueName: "path"))
  var glossary: [String] = []

  /// The glossary files to read.
  func paths() throws -> [String] { try GlossaryStore.readPaths(explicit: glossary) }
}

/// `--glossary` for commands that write: one file, created when missing.
struct GlossaryWriteOptions: ParsableArguments {
  @Option(
    name: .customLong("glossary"),
    help: ArgumentHelp(
      "Glossary file to change (created when missing; default: the one glossary in $GLOSSARY_PATH or Glossaries/).",
      valueName: "path"))
  var glossary: String?

  /// The glossary file to write.
  func path() throws -> String {
    if let glossary { return glossary }
    let found = (try? GlossaryStore.readPaths(explicit: [])) ?? []
    if found.count == 1 { return found[0] }
    if found.isEmpty { return "Glossaries/glossary.zh-en.tsv" }
    throw GlossaryError.usage("several glossaries found (\(found.joined(separator: ", "))); say which with --glossary PATH")
  }
}

/// Parses `YYYY-MM-DD` option values.
func parseDate(_ text: String?, option: String) throws -> ISODate? {
  guard let text else { return nil }
  guard let d = ISODate(text) else { throw ValidationError("\(option): \"\(text)\" is not a date YYYY-MM-DD.") }
  return d
}

/// Parses `--status a,b` option values.
func parseStatuses(_ values: [String]) throws -> [TermStatus] {
  var out: [TermStatus] = []
  for v in values {
    guard let list = TermStatus.list(v) else {
      throw ValidationError("--status: \"\(v)\" is not a list of \(TermStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
    }
    out += list
  }
  return out
}
