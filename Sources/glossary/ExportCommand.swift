import ArgumentParser
import Foundation
import GlossaryKit

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export glossaries for people and CAT tools: TBX-Basic 3 or 2, CSV, OmegaT TSV, JSON.",
    discussion: """
      By default the approved terms (preferred, admitted) and the retired ones marked as such \
      with their dates (superseded, deprecated); --all adds candidates and rejected terms; \
      --as-of DATE writes what was valid that day (a term superseded later is that day's \
      preferred term). tbx: TBX-Basic 3 (ISO 30042:2019, valid against the TBX-Basic RelaxNG \
      schema), concepts with synonyms, definitions, subject fields, part of speech. tbx2: \
      TBX-Basic 2 (martif), for OmegaT and older memoQ/MultiTerm. csv: RFC 4180 with a UTF-8 BOM \
      (--no-bom for tools that mind), concept id and language codes as column names (memoQ, \
      Trados). tsv: what OmegaT reads (source<TAB>target<TAB>comment; save as NAME.utf8). json: \
      every field with evidence and concept ids.

      Examples:
        glossary export --format tbx --out diplomatic.tbx
        glossary export --format tbx2 --out omegat/glossary/diplomatic.tbx
        glossary export --format csv --as-of 2015-06-01 --out diplomatic-2015.csv
        glossary export --format tsv --status preferred,admitted --out omegat/glossary/diplomatic.utf8
      """
  )

  @Option(help: "tbx, tbx2, csv, tsv or json (default: from --out's extension, else tsv).") var format: String?
  @Option(help: "Statuses to export, comma-separated (default: preferred,admitted,superseded,deprecated).") var status: [String] = []
  @Flag(help: "Export every status, candidates and rejected terms too.") var all = false
  @Option(name: .customLong("as-of"), help: "Export the terms valid on this date (YYYY-MM-DD).") var asOf: String?
  @Flag(name: .customLong("no-bom"), help: "CSV: no UTF-8 byte order mark.") var noBOM = false
  @Option(help: "Output file (default: standard output); written atomically.") var out: String?
  @OptionGroup var glossaryOptions: GlossaryReadOptions

  func run() throws {
    let fmt: ExchangeFormat
    if let format {
      guard let f = ExchangeFormat(rawValue: format.lowercased()) else { throw ValidationError("--format: one of tbx, tbx2, csv, tsv, json.") }
      fmt = f
    } else {
      fmt = out.flatMap { ExchangeFormat.guess(path: $0) } ?? .tsv
    }
    let statuses = try parseStatuses(status)
    let options = ExportOptions(
      statuses: statuses.isEmpty ? nil : Set(statuses), all: all, asOf: try parseDate(asOf, option: "--as-of"), byteOrderMark: !noBOM)
    let paths = try glossaryOptions.paths()
    if let out, paths.contains(where: { Self.sameFile($0, out) }) {
      throw ValidationError("--out \(out) is a glossary being exported: write the export to another file.")
    }
    var merged: GlossaryKit.Glossary?
    for p in paths {
      let g = try GlossaryStore.load(path: p)
      guard var m = merged else { merged = g; continue }
      _ = try GlossaryImporter.merge(g, into: &m, path: p, file: p)
      merged = m
    }
    guard let glossary = merged else { throw GlossaryError.noGlossaries("nothing to export") }
    var output = Output()
    output.write(try GlossaryExporter.export(glossary, format: fmt, options: options))
    try output.finish(to: out)
  }

  /// Whether two paths name the same file (by resolved path, or by device and inode when both exist).
  static func sameFile(_ a: String, _ b: String) -> Bool {
    var sa = stat(), sb = stat()
    if stat(a, &sa) == 0, stat(b, &sb) == 0 { return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino }
    return URL(fileURLWithPath: a).standardizedFileURL.path == URL(fileURLWithPath: b).standardizedFileURL.path
  }
}
