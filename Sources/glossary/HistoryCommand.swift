import ArgumentParser
import Foundation
import GlossaryKit

struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Show how a term has been rendered over time, and when renderings switched.",
    discussion: """
      Reads the evidence that 'glossary extract' records per rendering (documents and their dates): \
      documents per year for every rendering, first and last seen, and switches (one rendering giving \
      way to another) with the sentence pairs around each switch. The term may be given in either \
      language (Traditional or Simplified, any case).

      Examples:
        glossary history 一带一路
        glossary history "community with a shared future for mankind" --json
        glossary history 人类命运共同体 --format svg --out mankind-humanity.svg
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, svg }

  @OptionGroup var glossaries: GlossaryReadOptions
  @Argument(help: "The term (source term or one of its renderings).") var term: String
  @Option(help: "Output format: text (a chart), json or svg.") var format: Format = .text
  @Flag(help: "Same as --format json.") var json = false
  @Option(help: "Write to this file instead of standard output.") var out: String?

  func run() throws {
    let keys = try LookupKeys()
    var found: (source: String, entries: [GlossaryEntry])? = nil
    for path in try glossaries.paths() {
      let g = try GlossaryStore.load(path: path)
      if let c = g.concept(matching: term, keys: keys) {
        if found == nil { found = c } else if found!.source == c.source { found!.entries += c.entries }
      }
    }
    guard let concept = found else {
      Failure.printError("\(term): not in the glossary (try 'glossary lookup \(term)')")
      throw ExitCode(1)
    }
    let history = TermHistory(source: concept.source, entries: concept.entries)
    var output = Output()
    switch json ? .json : format {
    case .json: output.line(try jsonString(HistoryJSON(history)))
    case .svg: output.write(HistoryChart.svg(history))
    case .text: output.write(HistoryChart.text(history, color: out == nil && Terminal.useColor))
    }
    try output.finish(to: out)
  }
}

/// The JSON shape of a history: per rendering its years, dates and documents; the switches.
struct HistoryJSON: Encodable {
  struct Rendering: Encodable {
    var target: String
    var status: String
    var validFrom: String?
    var validTo: String?
    var replacedBy: String?
    var perYear: [String: Int]
    var firstSeen: String?
    var lastSeen: String?
    var documents: [String]
    var examples: [TermExample]
  }
  struct Switch: Encodable {
    var from: String
    var to: String
    var lastOld: String
    var firstNew: String
    var before: TermExample?
    var after: TermExample?
  }
  var source: String
  var renderings: [Rendering]
  var switches: [Switch]

  init(_ h: TermHistory) {
    source = h.source
    renderings = h.timelines.map {
      Rendering(
        target: $0.target, status: $0.status.rawValue, validFrom: $0.validFrom?.description, validTo: $0.validTo?.description,
        replacedBy: $0.replacedBy.isEmpty ? nil : $0.replacedBy,
        perYear: Dictionary(uniqueKeysWithValues: $0.perYear.map { (String($0.key), $0.value) }),
        firstSeen: $0.firstSeen?.description, lastSeen: $0.lastSeen?.description, documents: $0.documents, examples: $0.examples)
    }
    switches = h.switches.map {
      Switch(from: $0.from, to: $0.to, lastOld: $0.lastOld.description, firstNew: $0.firstNew.description, before: $0.before, after: $0.after)
    }
  }
}
