import ArgumentParser
import Foundation
import GlossaryKit

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Merge a TBX (v3 or v2), CSV, TSV or JSON termbase into a glossary, concept by concept.",
    discussion: """
      A new glossary takes its languages from the file (TBX xml:lang, CSV header, TSV language \
      line); a glossary of other languages refuses the import (exit 65). Concepts keep their \
      synonyms in every language, statuses, part of speech, definitions, subject fields and \
      notes. An imported concept joins the glossary's concept sharing its terms (or its id), \
      else is added; new terms are added and empty fields filled in; terms that contradict the \
      glossary (another status, a second preferred term) are listed as conflicts and not \
      applied (exit 1). A file that is not well-formed, or that breaks the glossary's rules \
      (e.g. a replacement that is not a term of the same concept), is refused whole with file \
      and line (exit 65). XML is read by libxml2 without network, DTDs or entities.

      Examples:
        glossary import Example_Astronomy_DCA_VALID.tbx --glossary astro.tsv
        glossary import memoq.csv --glossary Glossaries/diplomatic.zh-en.tsv
        glossary import omegat.utf8 --languages zh,en --glossary scratch.tsv
      """
  )

  @Argument(help: "File to import.") var file: String
  @Option(help: "tsv, csv, tbx, tbx2 or json (default: from the file's extension; .tbx reads both TBX versions).") var format: String?
  @Option(help: "Languages of a file that names none (OmegaT TSV), source first: zh,en.") var languages: String?
  @OptionGroup var glossaryOptions: GlossaryWriteOptions

  func run() throws {
    let path = try glossaryOptions.path()
    var fmt: ExchangeFormat?
    if let format {
      guard let f = ExchangeFormat(rawValue: format.lowercased()) else { throw ValidationError("--format: one of tsv, csv, tbx, tbx2, json.") }
      fmt = f
    }
    var fallback = languages.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
    for l in fallback ?? [] where (try? Language(l)) == nil { throw ValidationError("--languages: \"\(l)\" is not a language code.") }
    if fallback == nil {
      fallback = FileManager.default.fileExists(atPath: path)
        ? (try? GlossaryStore.load(path: path))?.languages : GlossaryStore.languagesFromName(path).map { [$0.0, $0.1] }
    }
    // The whole file is read and checked before the glossary is touched.
    let imported = try GlossaryImporter.read(path: file, format: fmt, fallback: fallback)
    var newLanguages = imported.languages
    if let named = GlossaryStore.languagesFromName(path) {
      // A new NAME.en-es.tsv: the name's order (source first), when the file holds those languages.
      let wanted = [named.0, named.1]
      if wanted.allSatisfy({ w in imported.languages.contains { Glossary.sameLanguage($0, w) } }) {
        newLanguages = wanted + imported.languages.filter { l in !wanted.contains { Glossary.sameLanguage($0, l) } }
      } else if !FileManager.default.fileExists(atPath: path) {
        throw GlossaryError.refused(path: path, reason:
          "the name says \(wanted.joined(separator: "-")) but \(file) holds \(imported.languages.joined(separator: ", ")): nothing imported (name the new glossary NAME.\(imported.languages.prefix(2).joined(separator: "-")).tsv)")
      }
    }
    let report = try GlossaryStore.updateOrCreate(path: path, languages: newLanguages) { g, isNew in
      if isNew { g.comments = imported.comments }
      return try GlossaryImporter.merge(imported, into: &g, path: path, file: file, checked: true)
    }
    var message = "glossary: \(path) (\(newLanguages.joined(separator: "-"))): \(report.conceptsAdded) concepts added; terms: \(report.added) added, \(report.updated) updated, \(report.unchanged) unchanged"
    if !report.conflicts.isEmpty { message += ", \(report.conflicts.count) conflicts:" }
    for c in report.conflicts { message += "\n  " + c }
    FileHandle.standardError.write(Data((message + "\n").utf8))
    if !report.conflicts.isEmpty { throw ExitCode(ExitStatus.findings) }
  }
}
