import ArgumentParser
import Foundation
import GlossaryKit

struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Mine recurring formulations and their renderings from a corpus into glossary candidates.",
    discussion: """
      Brings the corpus's alignment store up to date (CORPUS/.glossary/alignments.sqlite: only new and \
      changed document pairs are aligned, sentences then words), finds the phrases that recur \
      in at least --min-docs documents with the way they are rendered, and merges them into the \
      glossary as 'candidate' rows with evidence (documents, dates, examples). Accepted, edited and \
      rejected rows are never changed, only their evidence is refreshed; rejected renderings are not \
      proposed again. Re-running on an unchanged corpus changes nothing.

      Examples:
        glossary extract
        glossary extract --corpus Corpus --glossary Glossaries/diplomatic.zh-en.tsv --lexicon cedict_ts.u8
        glossary extract --dry-run --format tsv | head -50
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case tsv, json }

  @Option(help: "Corpus folder of YYYY-MM-DD-slug.LANG.txt pairs.") var corpus = "Corpus"
  @OptionGroup var glossary: GlossaryWriteOptions
  @Option(help: "CC-CEDICT-format lexicon: known words and translation priors.") var lexicon: String?
  @Option(help: "Alignment store file (default: CORPUS/.glossary/alignments.sqlite).") var store: String?
  @Option(help: "A phrase must recur in at least this many documents.") var minDocs = 2
  @Option(help: "Source language code (default: from the corpus file names).") var sourceLang: String?
  @Option(help: "Target language code (default: from the corpus file names).") var targetLang: String?
  @Flag(help: "Mine and print, but do not write the glossary.") var dryRun = false
  @Option(help: "With --dry-run: print the mined terms as tsv or json.") var format: Format = .tsv
  @Option(help: "With --dry-run: print at most this many terms.") var limit: Int?

  func validate() throws {
    guard minDocs >= 1 else { throw ValidationError("--min-docs must be at least 1.") }
  }

  func run() throws {
    var run = ExtractionRun(corpusPath: corpus, glossaryPath: try glossary.path())
    run.lexiconPath = lexicon
    run.storePath = store
    run.sourceLanguage = sourceLang
    run.targetLanguage = targetLang
    run.options.minDocuments = minDocs
    if Terminal.stderrIsTerminal {
      run.progress = { message in FileHandle.standardError.write(Data("\r\u{1B}[K\(message)".utf8)) }
    }
    let result = try run.run(write: !dryRun)
    if Terminal.stderrIsTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    for w in result.warnings { Failure.printError("warning: " + w) }
    var out = Output()
    let s = result.summary
    if dryRun {
      let terms = Array(result.terms.prefix(limit ?? result.terms.count))
      if format == .json {
        out.line(try jsonString(terms.map(MinedTermJSON.init)))
      } else {
        out.line("score\tsource\ttarget\tdocuments\toccurrences\tshare\tvariants")
        for t in terms {
          let best = t.renderings[0]
          let variants = t.renderings.dropFirst().map { "\($0.target) (\($0.occurrences))" }.joined(separator: "; ")
          out.line("\(t.score)\t\(t.source)\t\(best.target)\t\(best.documents.count)\t\(best.occurrences)\t\(best.share)\t\(variants)")
        }
      }
    }
    let a = result.store
    let aligned = a.added + a.changed + a.realignedForTerms
    Failure.printError("alignment store: \(aligned) document\(aligned == 1 ? "" : "s") aligned (\(a.added) new, \(a.changed) changed, "
      + "\(a.realignedForTerms) with changed glossary terms), \(a.unchanged) unchanged, \(a.removed) removed"
      + (a.modelTrained ? "; word model trained" : "") + (a.rebuilt.map { "; rebuilt: " + $0 } ?? ""))
    let summary = "\(s.documents) documents, \(s.sentencePairs) sentence pairs, \(s.terms) recurring terms"
      + (dryRun ? " (dry run: glossary not written)" : "; candidates: \(s.newCandidates) new, \(s.updatedEntries) updated, \(s.unchangedEntries) unchanged")
    if dryRun { Failure.printError(summary) } else { out.line(summary) }
    try out.finish()
  }
}

struct MinedTermJSON: Encodable {
  struct Rendering: Encodable {
    var target: String
    var occurrences: Int
    var documents: [String]
    var share: Double
    var reverseShare: Double
    var lexicalWeight: Double
    var reverseLexicalWeight: Double
    var logDice: Double
    var score: Double
    var examples: [TermExample]
  }
  var source: String
  var score: Double
  var documents: Int
  var renderings: [Rendering]

  init(_ t: MinedTerm) {
    source = t.source
    score = t.score
    documents = t.documents
    renderings = t.renderings.map {
      Rendering(target: $0.target, occurrences: $0.occurrences, documents: $0.documents, share: $0.share,
                reverseShare: $0.reverseShare, lexicalWeight: $0.lexicalWeight,
                reverseLexicalWeight: $0.reverseLexicalWeight, logDice: $0.logDice, score: $0.score, examples: $0.examples)
    }
  }
}
