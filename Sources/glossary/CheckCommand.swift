import ArgumentParser
import Foundation
import GlossaryKit

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check a translation against the glossary: wrong renderings first, with the one to use.",
    discussion: """
      Segments and aligns SOURCE and TARGET, finds glossary terms in each source sentence \
      (longest match; Traditional/Simplified and width do not matter) and reports, by severity:
        error    a rendering that is wrong on the document's date (deprecated, or superseded by \
      then) in the aligned target of the term's sentence, or one tagged forbidden anywhere;
        warning  none of the term's renderings in the aligned target and the word aligner links \
      the term to other words (named), a rendering not approved on that date, or one term \
      rendered two approved ways;
        info     (with --verbose) the term's counterpart not found: left out or restructured.
      Discourse entries (tag discourse: 双方, 中方) are checked only with --strict.
      The date comes from --date, else the file name YYYY-MM-DD-slug.LANG.txt, else the date: \
      line of NAME.meta, else today. Both files must be in their languages (file name, \
      --source-lang/--target-lang, else the glossary's): a swapped or mislabelled file exits 65.
      Exit status: 0 no errors, 1 errors (or warnings with --fail-on-warnings), 64 usage, \
      65 bad data or wrong language, 66 missing file.

      Examples:
        glossary check Corpus/messages/2015-12-02-*.zh.txt Corpus/messages/2015-12-02-*.en.txt
        glossary check --corpus Corpus --format json > findings.json
        glossary check draft.zh.txt draft.en.txt --date 2024-05-06 --verbose --strict
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, tsv }
  enum Pairing: String, ExpressibleByArgument, CaseIterable { case aligner, proportional }

  @OptionGroup var glossaries: GlossaryReadOptions
  @Option(help: "Date that decides which renderings are valid (YYYY-MM-DD; default: file name, .meta, else today).")
  var date: String?
  @Option(help: "Output format: text, json or tsv (default: text).") var format: Format = .text
  @Option(help: "Statuses whose renderings are accepted (comma-separated; default: preferred,admitted).")
  var status: [String] = []
  @Flag(name: [.short, .long], help: "Also show info findings (terms whose counterpart was not found).")
  var verbose = false
  @Flag(help: "Also check discourse entries (双方 \"the two sides\", 中方 \"the Chinese side\").")
  var strict = false
  @Flag(help: "Exit 1 on warnings too, not only on errors.")
  var failOnWarnings = false
  @Flag(help: "Also report (as info) target renderings whose source term is absent from the aligned source.")
  var reverse = false
  @Flag(help: "Do not ask the word aligner what a term with no rendering became (faster; such terms are info).")
  var noWordAlignment = false
  @Option(help: "Source language (default: from the file name, else the glossary's).") var sourceLang: String?
  @Option(help: "Target language (default: from the file name, else the glossary's).") var targetLang: String?
  @Option(help: "Sentence pairing: aligner (GlossaryAlign, default) or proportional (by paragraph and length).")
  var pairing: Pairing = .aligner
  @Option(help: "Check every document pair YYYY-MM-DD-slug.LANG.txt under this folder.") var corpus: String?
  @Option(help: ArgumentHelp(
    "Folder of translated document pairs (YYYY-MM-DD-slug.LANG.txt) the word aligner also learns from (default: Corpus when it exists; none: only the checked documents).",
    valueName: "dir"))
  var alignerCorpus: String?
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
    var reports = try check()
    if !verbose { for k in reports.indices { reports[k].findings.removeAll { $0.severity == .info } } }
    var out = Output()
    switch format {
    case .json: out.line(try jsonString(CheckRun(reports: reports)))
    case .tsv:
      out.line(CheckReport.tsvHeader)
      for r in reports { for row in r.tsvRows() { out.line(row) } }
    case .text:
      // Errors of every pair first, then warnings, then info: what to fix leads.
      let color = Terminal.useColor
      for severity in [CheckFinding.Severity.error, .warning, .info] {
        for r in reports { for l in r.textLines(color: color, severity: severity) { out.line(l) } }
      }
      for r in reports where corpus == nil || !r.findings.isEmpty { out.line(r.summary) }
      if corpus != nil {
        let errors = reports.reduce(0) { $0 + $1.errors }, warnings = reports.reduce(0) { $0 + $1.warnings }
        out.line("\(reports.count) pairs checked, \(reports.filter { !$0.findings.isEmpty }.count) with findings: \(errors) errors, \(warnings) warnings")
      }
    }
    try out.finish()
    let failing = reports.contains { $0.errors > 0 || (failOnWarnings && $0.warnings > 0) }
    if failing { throw ExitCode(ExitStatus.findings) }
  }

  /// Loads the glossaries, pairs the documents and checks each pair.
  private func check() throws -> [CheckReport] {
    let paths = try glossaries.paths()
    let loaded = try paths.map { try GlossaryStore.load(path: $0) }
    let fixedDate = try parseDate(date, option: "--date")
    let statuses = try parseStatuses(status)
    let options = CheckOptions(
      enforce: statuses.isEmpty ? [.preferred, .admitted] : Set(statuses), reverse: reverse, strict: strict,
      alignWords: !noWordAlignment)

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
    if matching.isEmpty, !CheckDocuments.matching(loaded, source: tl, target: sl).isEmpty, let (s, _) = pairs.first {
      throw CheckError.wrongLanguage(
        path: s, declared: tl.code, problem: "it is named or declared \(sl.code), and the glossary translates \(tl.code) into \(sl.code)")
    }
    guard !matching.isEmpty else {
      throw CheckError.languageMismatch(
        path: paths.joined(separator: ", "), glossary: loaded.map { "\($0.sourceLanguage)-\($0.targetLanguage)" }.joined(separator: ", "),
        documents: "\(sl.code)-\(tl.code)")
    }
    // Read every document first: a missing, undecodable or wrong-language file stops the run before any output.
    let documents = try pairs.map { s, t in
      let pair = (try TextDocument(contentsOf: s), try TextDocument(contentsOf: t))
      for (doc, language) in [(pair.0, sl), (pair.1, tl)] {
        if let problem = CheckDocuments.languageProblem(text: doc.text, declared: language) {
          throw CheckError.wrongLanguage(path: doc.path, declared: language.code, problem: problem)
        }
      }
      return pair
    }
    let index = try CheckIndex(glossaries: matching, source: sl, target: tl)
    let pairer: SentencePairing = pairing == .aligner
      ? try AlignerPairing(source: sl, target: tl, termPairs: index.termPairs) : ProportionalPairing()
    let checker = try TerminologyChecker(index: index, options: options, pairing: pairer)
    if options.alignWords { try learn(checker, sl, tl, checked: Set(pairs.map { standardPath($0.0) })) }
    let dated = documents.map { s, t in
      let day = CheckDocuments.date(explicit: fixedDate, paths: [s.path, t.path])
      if day.origin == .today {
        Failure.printError("\(s.path): no date in --date, the file name (YYYY-MM-DD-slug.LANG.txt) or a .meta date: line; using today (\(day.date))")
      }
      return (source: s, target: t, date: day.date)
    }
    return try checker.check(dated)
  }

  /// Gives the word aligner the document pairs of `--aligner-corpus` (default Corpus/ when it
  /// exists) to learn from, but those being checked and those of the same file name (another
  /// version of a checked document, e.g. a copy with planted errors, teaches nothing honest).
  private func learn(_ checker: TerminologyChecker, _ sl: Language, _ tl: Language, checked: Set<String>) throws {
    var folder = alignerCorpus ?? "Corpus"
    if folder == "none" { return }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      if alignerCorpus != nil { throw CheckError.noPairs(path: folder, languages: "\(sl.code)-\(tl.code)") }
      return
    }
    folder = standardPath(folder)
    let checkedNames = Set(checked.map { ($0 as NSString).lastPathComponent })
    if let corpus, standardPath(corpus) == folder { return }  // already checked, and learnt from, as a whole
    for d in try Corpus.scan(folder).documents(pairedIn: sl.code, tl.code) {
      guard let s = d.file(sl.code), let t = d.file(tl.code), !checked.contains(standardPath(s.path)),
        !checkedNames.contains((s.path as NSString).lastPathComponent)
      else { continue }
      checker.learn(source: try TextDocument(contentsOf: s.path), target: try TextDocument(contentsOf: t.path))
    }
  }

  private func standardPath(_ p: String) -> String { URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path }
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
