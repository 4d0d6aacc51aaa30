import ArgumentParser
import Foundation
import GlossaryKit

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export glossaries for CAT tools: OmegaT TSV, CSV, TBX-Basic, JSON.",
    discussion: """
      tsv: what OmegaT reads (source<TAB>target<TAB>comment, a '# ... coding: utf-8' first line, \
      no header; save as NAME.utf8 or NAME.txt in the project's glossary folder). csv: RFC 4180 \
      with language codes as column names plus status, note, valid_from, valid_to, replaced_by, \
      tags (memoQ, Trados). tbx: TBX-Basic, ISO 30042:2019. json: every field with evidence.

      Examples:
        glossary export --format tbx --out diplomatic.tbx
        glossary export --format tsv --status preferred,admitted --out omegat/glossary/diplomatic.utf8
      """
  )

  @Option(help: "tsv, csv, tbx or json (default: from --out's extension, else tsv).") var format: String?
  @Option(help: "Statuses to export, comma-separated (default: all).") var status: [String] = []
  @Option(help: "Output file (default: standard output); written atomically.") var out: String?
  @OptionGroup var glossaryOptions: GlossaryReadOptions

  func run() throws {
    let fmt: ExchangeFormat
    if let format {
      guard let f = ExchangeFormat(rawValue: format.lowercased()) else { throw ValidationError("--format: one of tsv, csv, tbx, json.") }
      fmt = f
    } else {
      fmt = out.flatMap { ExchangeFormat.guess(path: $0) } ?? .tsv
    }
    let statuses = try parseStatuses(status)
    let paths = try glossaryOptions.paths()
    var merged: GlossaryKit.Glossary?
    for p in paths {
      let g = try GlossaryStore.load(path: p)
      if merged == nil { merged = g; continue }
      for var e in g.entries where merged!.conceptID(source: e.source, target: e.target) == nil {
        e.conceptID = ""
        try? merged!.add(e, path: p)
      }
    }
    guard let glossary = merged else { throw GlossaryError.noGlossaries("nothing to export") }
    var output = Output()
    output.write(try GlossaryExporter.export(glossary, format: fmt, statuses: statuses.isEmpty ? nil : Set(statuses)))
    try output.finish(to: out)
  }
}
