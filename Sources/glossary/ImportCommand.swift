import ArgumentParser
import Foundation
import GlossaryKit

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Merge a TSV, CSV, TBX (v3 or v2) or JSON termbase into a glossary.",
    discussion: """
      New renderings are added and missing fields filled in; rows that contradict the glossary \
      (another status, a second preferred rendering) are listed as conflicts and not applied. \
      Exit 1 when there were conflicts. XML is read without external entities; entity \
      declarations are refused.

      Examples:
        glossary import termbase.tbx --glossary Glossaries/diplomatic.zh-en.tsv
        glossary import memoq.csv
      """
  )

  @Argument(help: "File to import.") var file: String
  @Option(help: "tsv, csv, tbx or json (default: from the file's extension).") var format: String?
  @OptionGroup var glossaryOptions: GlossaryWriteOptions

  func run() throws {
    let path = try glossaryOptions.path()
    var fmt: ExchangeFormat?
    if let format {
      guard let f = ExchangeFormat(rawValue: format.lowercased()) else { throw ValidationError("--format: one of tsv, csv, tbx, json.") }
      fmt = f
    }
    let report = try GlossaryStore.update(path: path) { g in
      let imported = try GlossaryImporter.read(path: file, format: fmt, languages: (g.sourceLanguage, g.targetLanguage))
      if g.concepts.isEmpty && g.comments.isEmpty { g.comments = imported.comments }
      return GlossaryImporter.merge(imported, into: &g, path: path)
    }
    var message = "glossary: \(path): \(report.added) added, \(report.updated) updated, \(report.unchanged) unchanged"
    if !report.conflicts.isEmpty { message += ", \(report.conflicts.count) conflicts:" }
    for c in report.conflicts { message += "\n  " + c }
    FileHandle.standardError.write(Data((message + "\n").utf8))
    if !report.conflicts.isEmpty { throw ExitCode(1) }
  }
}
