import ArgumentParser
import Foundation
import GlossaryKit

struct ConcordanceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "concordance",
    abstract: "Every sentence pair of the corpus where a term occurs, with its aligned rendering.",
    discussion: """
      Searches the corpus's alignment store (built by 'glossary extract', or here when missing) on \
      match keys: Traditional/Simplified, width and case do not matter, whole words in spaced \
      scripts; a Latin query also finds Chinese words whose pinyin it spells (Wang Yi: 王毅). The \
      query may be in either language; the term is highlighted and, in the other language, its \
      rendering: a glossary rendering found in the sentence, else what the word links give. \
      Output is paged on a terminal. Exit 0 when found, 1 when nothing is.

      Examples:
        glossary concordance 务实合作
        glossary concordance "practical cooperation" --from 2020-01-01 --collection talks
        glossary concordance 一带一路 --renderings
        glossary concordance 人类命运共同体 --format tsv > occurrences.tsv
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, tsv }

  @Argument(help: "The term (source or target language).") var query: String
  @Option(help: "Corpus folder (its alignment store is CORPUS/.glossary/alignments.sqlite).") var corpus = "Corpus"
  @Option(help: "Alignment store file (default: the corpus's).") var store: String?
  @Option(help: "Only documents dated on or after this day (YYYY-MM-DD).") var from: String?
  @Option(help: "Only documents dated on or before this day (YYYY-MM-DD).") var to: String?
  @Option(help: "Only documents of this collection (folder below the corpus).") var collection: String?
  @Option(help: "Search only this side: source or target (default: from the query's script).") var side: String?
  @Flag(help: "Show how the occurrences split between renderings, year by year.") var renderings = false
  @Option(help: "Output format: text, json or tsv (tsv: document, date, source, target per line).") var format: Format = .text
  @Option(help: "Show at most this many occurrences.") var limit: Int?
  @OptionGroup var glossaries: GlossaryReadOptions
  @Flag(help: "Bring the store up to date with the corpus first (new and changed documents).") var update = false
  @Option(help: "CC-CEDICT-format lexicon, when the store is built or updated here.") var lexicon: String?
  @Flag(help: "Do not page the output on a terminal.") var noPager = false

  func validate() throws {
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
    if let side, PairSide(rawValue: side) == nil { throw ValidationError("--side must be source or target.") }
  }

  func run() throws {
    let filter = PairFilter(
      from: try parseDate(from, option: "--from"), to: try parseDate(to, option: "--to"), collection: collection)
    let glossaryList = try glossaries.paths().map { try GlossaryStore.load(path: $0) }
    let storePath = store ?? AlignmentStore.defaultPath(corpus: corpus)
    if try update || !AlignmentStore.isComplete(path: storePath) {
      var u = try AlignmentStoreUpdate.prepare(corpusPath: corpus, storePath: storePath, glossaries: glossaryList, lexiconPath: lexicon)
      if Terminal.stderrIsTerminal { u.progress = { FileHandle.standardError.write(Data("\r\u{1B}[K\($0)".utf8)) } }
      let summary = try u.run().summary
      if Terminal.stderrIsTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
      for w in summary.skipped { Failure.printError("warning: " + w) }
    }
    let concordance = try Concordance(store: try AlignmentStore.openForReading(path: storePath))
    var q = ConcordanceQuery(query, side: side.flatMap(PairSide.init(rawValue:)), filter: filter)
    let keys = try LookupKeys()
    q.knownRenderings = Self.knownRenderings(of: query, in: glossaryList, sides: concordance.sides(for: q), keys: keys)
    var found: [ConcordanceOccurrence] = []
    try concordance.occurrences(q) { o in
      found.append(o)
      return renderings || limit.map { found.count < $0 } ?? true
    }
    var printer = ConcordancePrinter(color: Terminal.useColor, sourceLanguage: concordance.store.sourceLanguage,
                                     targetLanguage: concordance.store.targetLanguage)
    if renderings {
      let language = found.first?.side == .target ? concordance.store.sourceLanguage : concordance.store.targetLanguage
      let split = RenderingSplit(query: query, occurrences: found, language: language, keys: keys)
      printer.renderings(split, format: format)
    } else {
      printer.occurrences(found, format: format)
    }
    if found.isEmpty { Failure.printError("nothing found for \"\(query)\"") }
    try printer.finish(page: format == .text && !noPager && Terminal.stdoutIsTerminal)
    if found.isEmpty { throw ExitCode(1) }
  }

  /// The glossary's terms of the concept the query names, in the language opposite the query.
  static func knownRenderings(of query: String, in glossaries: [Glossary], sides: [PairSide], keys: LookupKeys) -> [String] {
    var out: [String] = []
    for g in glossaries {
      guard let c = g.concept(matching: query, keys: keys) else { continue }
      if sides == [.target] {
        out.append(c.source)
      } else {
        out += c.entries.filter { $0.status != .rejected }.map(\.target)
      }
    }
    return Array(Set(out)).sorted()
  }
}
