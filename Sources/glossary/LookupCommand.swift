import ArgumentParser
import Foundation
import GlossaryKit

struct LookupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lookup",
    abstract: "Look a term up in the glossary, in either language.",
    discussion: """
      Matching is on match keys (Traditional/Simplified, width, case, quotes and dashes do \
      not matter; for English also plurals and a leading the/a/an), in this order: exact term; \
      terms containing the query; terms contained in the query (paste a sentence to get every \
      glossary term in it, longest first); fuzzy (edit distance, pinyin for Han) as "did you mean".
      Per concept: preferred first, then admitted, then superseded/deprecated with dates and \
      replacement. Exit 0 when found, 1 when nothing matches; errors as every command: 65 for a broken \
      glossary (file:line), 66 for a missing or unreadable one, 64 for bad options.
      Large glossaries get an index cache beside them (.NAME.idx), rebuilt when the file changes.

      Examples:
        glossary lookup 命運共同體
        glossary lookup "Community With A Shared Future" --json
        glossary lookup 一带一路 --as-of 2015-06-01
        glossary lookup --batch queries.txt
      """
  )

  @Argument(help: "The term, rendering or sentence to look up.") var query: String?
  @OptionGroup var glossaryOptions: GlossaryReadOptions
  @Option(help: "Language of the query (default: guessed from its script).") var lang: String?
  @Option(name: .customLong("as-of"), help: "Show the renderings valid on this date (YYYY-MM-DD).") var asOf: String?
  @Option(help: "Statuses to show, comma-separated (default: preferred,admitted,superseded,deprecated).") var status: [String] = []
  @Option(help: "Most concepts per query (default 20).") var limit: Int = 20
  @Flag(help: "Print JSON (with --batch: one JSON object per line).") var json = false
  @Option(help: "Answer one query per line of FILE (- for standard input); TSV or, with --json, JSON lines.") var batch: String?

  func run() throws {
    try lookup()
  }

  func lookup() throws {
    let statuses = try parseStatuses(status)
    var options = LookupOptions(
      language: lang, asOf: try parseDate(asOf, option: "--as-of"), statuses: statuses.isEmpty ? nil : Set(statuses),
      limit: max(1, limit))
    let lookup = try GlossaryLookup(paths: glossaryOptions.paths())
    var out = Output()
    var found = false
    if let batch {
      options.fuzzy = true
      let text = try TextDecoder.read(path: batch)
      for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: true) {
        guard let q = String(line) else { continue }
        let hits = lookup.lookup(q, options: options)
        found = found || !hits.isEmpty
        if json {
          out.line(try compactJSON(LookupAnswer(query: q, hits: hits.map(LookupHitRecord.init))))
        } else {
          LookupPrinter.batchTSV(query: q, hits: hits, into: &out)
        }
      }
    } else {
      guard let query, !query.isEmpty else { throw ValidationError("Give a query, or --batch FILE.") }
      if let lang { _ = try Language(lang) }
      let hits = lookup.lookup(query, options: options)
      found = !hits.isEmpty
      if json {
        out.line(try jsonString(LookupAnswer(query: query, hits: hits.map(LookupHitRecord.init))))
      } else if hits.isEmpty {
        FileHandle.standardError.write(Data("glossary: nothing found for \"\(query)\"\n".utf8))
      } else {
        var p = LookupPrinter(color: Terminal.useColor, asOf: options.asOf)
        p.print(hits, into: &out)
      }
    }
    try out.finish()
    if !found { throw ExitCode(1) }
  }
}

/// JSON of one query's answer.
struct LookupAnswer: Encodable {
  var query: String
  var hits: [LookupHitRecord]
}

struct LookupHitRecord: Encodable {
  var kind: String
  var didYouMean: Bool
  var glossary: String
  var line: Int
  var concept: String
  var source: String
  var matched: String
  var matchedSide: String
  var matchedLanguage: String
  var distance: Int?
  var renderings: [GlossaryEntryRecord]
  /// Other source-language terms, and the terms of further target languages.
  var synonyms: [TermRecord]
  var otherLanguages: [TermRecord]
  var subjectField: String?
  var definitions: [String: String]?

  init(_ h: LookupHit) {
    kind = h.kind.rawValue
    didYouMean = h.kind == .fuzzy
    glossary = h.glossary
    line = h.line
    concept = h.conceptID
    source = h.source
    matched = h.matched
    matchedSide = h.matchedSource ? "source" : "target"
    matchedLanguage = h.matchedLanguage
    distance = h.distance
    renderings = h.entries.map(GlossaryEntryRecord.init)
    synonyms = h.synonyms.map(TermRecord.init)
    otherLanguages = h.otherTerms.map(TermRecord.init)
    subjectField = h.concept.subjectField.isEmpty ? nil : h.concept.subjectField
    var defs: [String: String] = [:]
    for d in h.concept.descriptions where !d.definition.isEmpty { defs[d.language] = d.definition }
    definitions = defs.isEmpty ? nil : defs
  }
}

/// A term in JSON answers.
struct TermRecord: Encodable {
  var language: String
  var text: String
  var status: String
  var validFrom: String?
  var validTo: String?
  var replacedBy: String?
  var partOfSpeech: String?
  var note: String?

  init(_ t: Term) {
    language = t.language
    text = t.text
    status = t.status.rawValue
    validFrom = t.validFrom?.description
    validTo = t.validTo?.description
    replacedBy = t.replacedBy.isEmpty ? nil : t.replacedBy
    partOfSpeech = t.partOfSpeech.isEmpty ? nil : t.partOfSpeech
    note = t.note.isEmpty ? nil : t.note
  }
}

func compactJSON<T: Encodable>(_ value: T) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
  return String(decoding: try encoder.encode(value), as: UTF8.self)
}

