import ArgumentParser
import Foundation
import GlossaryKit

struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Summarize the corpus and the glossary: documents per year, entries by status, top formulations.",
    discussion: """
      Examples:
        glossary stats
        glossary stats --corpus Corpus --glossary Glossaries/diplomatic.zh-en.tsv --top 20 --json
      """
  )

  @OptionGroup var glossaries: GlossaryReadOptions
  @Option(help: "Corpus folder.") var corpus = "Corpus"
  @Option(help: "How many of the most widely seen formulations to list.") var top = 15
  @Flag(help: "Print JSON.") var json = false

  func run() throws {
    let corpusStats = FileManager.default.fileExists(atPath: corpus) ? try Corpus.scan(corpus) : nil
    var entries: [GlossaryEntry] = []
    var files: [String] = []
    for path in try glossaries.paths() {
      entries += try GlossaryStore.load(path: path).entries
      files.append(path)
    }
    let stats = CorpusGlossaryStats(corpus: corpusStats, entries: entries, top: top)
    var out = Output()
    if json {
      out.line(try jsonString(stats))
    } else {
      if let c = corpusStats {
        out.line("Corpus \(c.root): \(stats.documents) documents (\(stats.pairedDocuments) paired), languages \(stats.languages.joined(separator: ", "))")
        out.line("  documents per year: " + stats.documentsPerYear.map { "\($0.year) \($0.count)" }.joined(separator: ", "))
        out.line("  per collection: " + stats.documentsPerCollection.map { "\($0.name) \($0.count)" }.joined(separator: ", "))
      }
      out.line("Glossary \(files.joined(separator: ", ")): \(stats.concepts) concepts, \(stats.renderings) renderings")
      out.line("  by status: " + stats.renderingsByStatus.map { "\($0.status) \($0.count)" }.joined(separator: ", "))
      out.line("  with evidence: \(stats.renderingsWithEvidence) renderings")
      if !stats.topFormulations.isEmpty {
        out.line("Most widely seen formulations (documents):")
        for f in stats.topFormulations { out.line("  \(f.documents)\t\(f.source)\t\(f.target)\t[\(f.status)]") }
      }
    }
    try out.finish()
  }
}
