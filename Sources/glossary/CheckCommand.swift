import ArgumentParser
import Foundation
import GlossaryKit

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check a translation against the glossary (missing, deprecated, inconsistent renderings).",
    discussion: """
      Segments and aligns SOURCE and TARGET, finds glossary terms in each source sentence \
      (longest match; Traditional/Simplified and width do not matter) and reports: missing \
      approved renderings, deprecated or superseded renderings (the document's date decides), \
      one term rendered several ways, and with --reverse renderings whose source term is absent. \
      The date comes from --date, else from the file name YYYY-MM-DD-slug.LANG.txt, else today.
      Exit status: 0 clean, 1 findings, 2 errors.

      Examples:
        glossary check Corpus/messages/2015-12-02-*.zh.txt Corpus/messages/2015-12-02-*.en.txt
        glossary check --corpus Corpus --format json > findings.json
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, tsv }
  enum Pairing: String, ExpressibleByArgument, CaseIterable { case aligner, proportional }

  @OptionGroup var glossaries: GlossaryReadOptions
  @Option(help: "Date that decides which renderings are valid (YYYY-MM-DD; default: from the file name, else today).")
  var date: String?
  @Option(help: "Output format: text, json or tsv (default: text).") var format: Format = .text
  @Option(help: "Statuses whose renderings are accepted (comma-separated; default: preferred,admitted).")
  var status: [String] = []
  @Flag(help: "Also report target renderings whose source term is absent from the aligned source.")
  var reverse = false
  @Option(help: "Source language (default: from the file name, else the glossary's).") var sourceLang: String?
  @Option(help: "Target language (default: from the file name, else the glossary's).") var targetLang: String?
  @Option(help: "Sentence pairing: aligner (GlossaryAlign, default) or proportional (by paragraph and length).")
  var pairing: Pairing = .aligner
  @Option(help: "Check every document pair YYYY-MM-DD-slug.LANG.txt under this folder.") var corpus: String?
  @Argument(help: "Source document (original).") var source: String?
  @Argument(help: "Target document (translation).") var target: String?

  func validate() throws {
    if corpus == nil && (source == nil || target == nil) {
      throw ValidationError("Give SOURCE and TARGET, or --corpus DIR.")
    }
    if corpus != nil && source != nil { throw ValidationError("Give either SOURCE TARGET or --corpus DIR, not both.") }
    _ = try parseDate(date, option: "--date")
    _ = try parseStatuses(status)
  }

  func run() throws {
    do {
      let reports = try check()
      var out = Output()
      switch format {
      case .json: out.line(try jsonString(CheckRun(reports: reports)))
      case .tsv:
        out.line(CheckReport.tsvHeader)
        for r in reports { for row in r.tsvRows() { out.line(row) } }
      case .text:
        let color = Terminal.useColor
        for r in reports { for l in r.textLines(color: color) { out.line(l) } }
        for r in reports where corpus == nil || !r.findings.isEmpty { out.line(r.summary) }
        if corpus != nil {
          let findings = reports.reduce(0) { $0 + $1.findings.count }
          out.line("\(reports.count) pairs checked, \(reports.filter { !$0.findings.isEmpty }.count) with findings, \(findings) findings")
        }
      }
      try out.finish()
      if reports.contains(where: { !$0.findings.isEmpty }) { throw ExitCode(1) }
    } catch let e as ExitCode {
      throw e
    } catch {
      Failure.printError(Failure.message(for: error))
      throw ExitCode(2)
    }
  }

  /// Loads the glossaries, pairs the documents and checks each pair.
  private func check() throws -> [CheckReport] {
    let paths = try glossaries.paths()
    let loaded = try paths.map { try GlossaryStore.load(path: $0) }
    let fixedDate = try parseDate(date, option: "--date")
    let statuses = try parseStatuses(status)
    let options = CheckOptions(enforce: statuses.isEmpty ? [.preferred, .admitted] : Set(statuses), reverse: reverse)

    var pairs: [(String, String)] = []
    let sl: Language, tl: Language
    if let corpus {
      sl = try sourceLang.map { try Language($0) } ?? Language(loaded.first?.sourceLanguage ?? "zh")
      tl = try targetLang.map { try Language($0) } ?? Language(loaded.first?.targetLanguage ?? "en")
      pairs = try Corpus.scan(corpus).documents(pairedIn: sl.code, tl.code).compactMap { d in
        guard let s = d.file(sl.code), let t = d.file(tl.code) else { return nil }
        return (s.path, t.path)
      }
      if pairs.isEmpty { throw CheckError.noPairs(path: corpus, languages: "\(sl.code)-\(tl.code)") }
    } else if let source, let target {
      sl = try sourceLang.map { try Language($0) } ?? CheckDocuments.language(fromFileName: source)
        ?? Language(loaded.first?.sourceLanguage ?? "zh")
      tl = try targetLang.map { try Language($0) } ?? CheckDocuments.language(fromFileName: target)
        ?? Language(loaded.first?.targetLanguage ?? "en")
      pairs = [(source, target)]
    } else {
      throw CheckError.usage("give SOURCE and TARGET, or --corpus DIR")
    }
    let matching = CheckDocuments.matching(loaded, source: sl, target: tl)
    guard !matching.isEmpty else {
      throw CheckError.languageMismatch(
        path: paths.joined(separator: ", "), glossary: loaded.map { "\($0.sourceLanguage)-\($0.targetLanguage)" }.joined(separator: ", "),
        documents: "\(sl.code)-\(tl.code)")
    }
    let index = try CheckIndex(glossaries: matching, source: sl, target: tl)
    let pairer: SentencePairing = pairing == .aligner
      ? try AlignerPairing(source: sl, target: tl, termPairs: index.termPairs) : ProportionalPairing()
    let checker = try TerminologyChecker(index: index, options: options, pairing: pairer)
    var reports: [CheckReport] = []
    for (s, t) in pairs {
      var day = fixedDate ?? CheckDocuments.date(fromFileName: s) ?? CheckDocuments.date(fromFileName: t)
      if day == nil {
        Failure.printError("\(s): no date in the file name (YYYY-MM-DD-slug.LANG.txt) and no --date: using today")
        day = ISODate.today()
      }
      reports.append(try checker.check(source: TextDocument(contentsOf: s), target: TextDocument(contentsOf: t), date: day!))
    }
    return reports
  }
}

/// JSON output of `glossary check`.
struct CheckRun: Encodable {
  var pairs: [CheckReport]
  var summary: Summary

  struct Summary: Encodable {
    var pairs: Int
    var termsChecked: Int
    var findings: Int
    var errors: Int
    var warnings: Int
    var byKind: [String: Int]
  }

  init(reports: [CheckReport]) {
    pairs = reports
    var byKind: [String: Int] = [:]
    for r in reports { for f in r.findings { byKind[f.kind.rawValue, default: 0] += 1 } }
    summary = Summary(
      pairs: reports.count, termsChecked: reports.reduce(0) { $0 + $1.termsChecked },
      findings: reports.reduce(0) { $0 + $1.findings.count }, errors: reports.reduce(0) { $0 + $1.errors },
      warnings: reports.reduce(0) { $0 + $1.warnings }, byKind: byKind)
  }
}
